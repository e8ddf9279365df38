package io.northstar.metrics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.northstar.job.Job;
import io.northstar.job.JobFileReader;
import io.northstar.lake.Zone;
import io.northstar.testing.TestingSpark;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planning tables of SPEC.md §4 on small hand-made inputs: business_case, asset_refresh,
 * swot and changes, with every expected figure worked out by hand in the comments.
 */
class PlanningTablesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    @TempDir
    Path folder;

    private Job job;

    @BeforeEach
    void job() throws IOException {
        job = JobFileReader.read(Files.writeString(folder.resolve("job.yaml"), "name: plan\nlake: lake\n"
                + "finance: { discountRate: 0.10 }\nsources: { business_cases: { format: csv, path: b } }\n"));
    }

    private static Dataset<Row> values(String rows, String columns) {
        return TestingSpark.session().sql("select * from values " + rows + " as t(" + columns + ")");
    }

    private MetricsContext context(Map<String, Dataset<Row>> datasets) {
        return new MetricsContext(TestingSpark.session(), SnapshotTables.of(datasets), AS_OF, "test", job, Map.of());
    }

    private static Row row(Dataset<Row> table, String condition) {
        List<Row> rows = table.filter(condition).collectAsList();
        assertThat(rows).as(condition).hasSize(1);
        return rows.get(0);
    }

    private static double number(Row row, String column) {
        Object value = row.getAs(column);
        return value instanceof BigDecimal decimal ? decimal.doubleValue() : ((Number) value).doubleValue();
    }

    // ---- business_case ------------------------------------------------------------------------

    private Dataset<Row> businessCases() {
        Dataset<Row> cases = values("('C1', 'Robots', 'P1', 'O1', 1000.00, 0.00, 400.00, 3, cast(null as double)), "
                        + "('C2', 'Portal', 'P9', cast(null as string), 100.00, 0.00, 60.00, 2, 0.05)",
                "case_id, title, project_id, objective_id, capex, annual_opex, annual_benefit, years, discount_rate")
                .selectExpr("case_id", "title", "project_id", "objective_id", "cast(capex as decimal(18,2)) capex",
                        "cast(annual_opex as decimal(18,2)) annual_opex",
                        "cast(annual_benefit as decimal(18,2)) annual_benefit", "years", "discount_rate",
                        "cast(null as int) start_year");
        Dataset<Row> projects = values("('P1', 'active'), ('P9', 'proposed')", "project_id, status");
        // R1 names both the project and the objective (counted once); R3 is closed; R4 has no cost range
        Dataset<Row> exposure = values("('R1', 'P1', 'O1', 100.0, true), ('R2', cast(null as string), 'O1', 50.0, true), "
                        + "('R3', 'P1', cast(null as string), 1000.0, false), "
                        + "('R4', 'P1', cast(null as string), cast(null as double), true)",
                "risk_id, project_id, objective_id, emv, is_open");
        return BusinessCaseTable.compute(context(Map.of("business_cases", cases, "projects", projects)),
                Optional.of(exposure)).orElseThrow();
    }

    @Test
    void costOfInactionCountsEachOpenRiskOfTheProjectOrObjectiveOnce() {
        Row robots = row(businessCases(), "case_id = 'C1'");
        // R1 100 + R2 50 + R4 (no emv) 0; R3 closed
        assertThat(number(robots, "cost_of_inaction")).isCloseTo(150.0, within(1e-9));
        assertThat((Integer) robots.getAs("linked_open_risks")).isEqualTo(3);
    }

    @Test
    void aCaseWithoutARateTakesTheJobsAndIsValuedAsSpecMdSays() {
        Row robots = row(businessCases(), "case_id = 'C1'");
        assertThat(number(robots, "discount_rate")).isEqualTo(0.10);
        // −1000 + 400 × (1/1.1 + 1/1.21 + 1/1.331) = −1000 + 400 × 2.486852 = −5.259204
        assertThat(number(robots, "npv")).isCloseTo(-5.259204, within(1e-6));
        assertThat(number(robots, "irr")).isCloseTo(0.0970102574, within(1e-8));
        // cumulative −1000, −600, −200, +200: 2 + 200 / 400
        assertThat(number(robots, "payback_years")).isCloseTo(2.5, within(1e-12));
        // (3 × 400 − 1000) / 1000
        assertThat(number(robots, "roi")).isCloseTo(0.2, within(1e-12));
        // −5.259204 + 150 × 2.486852
        assertThat(number(robots, "risk_adjusted_npv")).isCloseTo(367.768595, within(1e-6));
        assertThat((Boolean) robots.getAs("funded")).isTrue();
        assertThat((String) robots.getAs("project_status")).isEqualTo("active");
    }

    @Test
    void aCaseWithItsOwnRateKeepsItAndCasesRankByRiskAdjustedNpv() {
        Dataset<Row> table = businessCases();
        Row portal = row(table, "case_id = 'C2'");
        assertThat(number(portal, "discount_rate")).isEqualTo(0.05);
        // −100 + 60/1.05 + 60/1.05² = 11.564626; no linked risks
        assertThat(number(portal, "npv")).isCloseTo(11.564626, within(1e-6));
        assertThat(number(portal, "risk_adjusted_npv")).isCloseTo(11.564626, within(1e-6));
        assertThat(number(portal, "cost_of_inaction")).isZero();
        // 60x² + 60x − 100 = 0 with x = 1/(1+irr)
        assertThat(number(portal, "irr")).isCloseTo(0.1306623863, within(1e-8));
        // −100, −40, +20: 1 + 40/60
        assertThat(number(portal, "payback_years")).isCloseTo(1.666667, within(1e-6));
        assertThat((Boolean) portal.getAs("funded")).isFalse();
        assertThat(table.orderBy("rank").select("case_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactly("C1", "C2");
    }

    @Test
    void withoutARiskRegisterTheCostOfInactionIsZero() {
        Dataset<Row> cases = businessCases().drop("rank", "npv", "irr", "payback_years", "roi", "cost_of_inaction",
                "linked_open_risks", "risk_adjusted_npv", "funded", "project_status");
        Row robots = row(BusinessCaseTable.compute(context(Map.of("business_cases", cases)), Optional.empty())
                .orElseThrow(), "case_id = 'C1'");
        assertThat(number(robots, "cost_of_inaction")).isZero();
        assertThat(number(robots, "risk_adjusted_npv")).isCloseTo(-5.259204, within(1e-6));
        assertThat((Boolean) robots.getAs("funded")).as("no projects: nothing is funded").isFalse();
    }

    // ---- asset_refresh ------------------------------------------------------------------------

    private Dataset<Row> assetRefresh() {
        Dataset<Row> assets = values("('A1', 'Servers', date'2020-10-31', 5.0, 100.00, cast(null as string)), "
                        + "('A2', 'Servers', date'2022-01-01', 5.0, 200.00, 'IT'), "
                        + "('A3', 'Servers', date'2025-01-01', 5.0, 300.00, cast(null as string)), "
                        + "('A4', 'Laptops', date'2027-01-01', 4.0, 999.00, 'IT'), "
                        + "('A5', 'Laptops', date'2023-06-30', 4.0, 50.00, 'IT')",
                "asset_id, asset_class, acquired_date, lifecycle_years, replacement_cost, business_unit")
                .selectExpr("asset_id", "asset_class", "cast(null as string) service_id", "acquired_date",
                        "lifecycle_years", "cast(replacement_cost as decimal(18,2)) replacement_cost", "business_unit");
        return AssetRefreshTable.compute(context(Map.of("assets", assets))).orElseThrow();
    }

    @Test
    void refreshCountsWhatIsPastItsLifecycleAndWhatFallsDueWithinAYear() {
        Dataset<Row> table = assetRefresh();
        // A1 is 5.9986 years old (past 5); A2 4.8296 (due: 0.17 left); A3 1.83 (neither)
        Row servers = row(table, "grain = 'asset_class' and asset_class = 'Servers'");
        assertThat((Long) servers.getAs("assets")).isEqualTo(3);
        assertThat((Long) servers.getAs("past_lifecycle")).isEqualTo(1);
        assertThat(number(servers, "past_lifecycle_share")).isCloseTo(1 / 3.0, within(1e-12));
        assertThat((Long) servers.getAs("due_12m")).isEqualTo(1);
        assertThat(number(servers, "replacement_cost")).isEqualTo(600.0);
        assertThat(number(servers, "cost_past_lifecycle")).isEqualTo(100.0);
        assertThat(number(servers, "cost_due_12m")).isEqualTo(200.0);
        assertThat(number(servers, "average_age_years")).isCloseTo((5.998631 + 4.829569 + 1.828884) / 3,
                within(1e-6));
    }

    @Test
    void anAssetAcquiredAfterAsOfIsNotInTheRegisterYetAndANullUnitIsItsOwnGroup() {
        Dataset<Row> table = assetRefresh();
        Row laptops = row(table, "grain = 'asset_class' and asset_class = 'Laptops'");
        assertThat((Long) laptops.getAs("assets")).as("A4 comes in 2027").isEqualTo(1);
        assertThat(number(laptops, "cost_due_12m")).as("A5: 3.34 of 4 years").isEqualTo(50.0);
        Row shared = row(table, "grain = 'line' and asset_class = 'Servers' and business_unit is null");
        assertThat((Long) shared.getAs("assets")).isEqualTo(2);
        assertThat(number(shared, "replacement_cost")).isEqualTo(400.0);
        Row total = row(table, "grain = 'total'");
        assertThat((Long) total.getAs("assets")).isEqualTo(4);
        assertThat((Long) total.getAs("past_lifecycle")).isEqualTo(1);
        assertThat((Long) total.getAs("due_12m")).isEqualTo(2);
        assertThat(number(total, "cost_past_lifecycle")).isEqualTo(100.0);
        assertThat(number(total, "cost_due_12m")).isEqualTo(250.0);
    }

    // ---- swot ---------------------------------------------------------------------------------

    @Test
    void swotListsTheJobsStatementsAndDerivesTheRestNamingTheirSource() {
        Dataset<Row> listed = values("('threat', 'Scarce engineers', cast(null as string), 'HR report')",
                "type, statement, objective_id, source");
        Map<String, Dataset<Row>> written = new HashMap<>();
        written.put(KpiTables.STATUS, values("('K1', 'Uptime', 'O1', 'green'), ('K2', 'Backlog', 'O2', 'red')",
                "kpi_id, name, objective_id, status"));
        written.put(KpiTables.TREND, values("('K1', 'improving'), ('K2', 'worsening')", "kpi_id, direction"));
        written.put(ScorecardTable.NAME, values("('O1', 'Stay up', 'objective', 'green'), "
                + "('O2', 'Clear backlog', 'objective', 'green'), ('A1', 'Aim', 'it_aim', 'green')",
                "objective_id, name, level, status"));
        written.put(ProjectHealthTable.NAME, values("('P1', 'Move DC', 'red', 0.7, 0.8), ('P2', 'Wi-Fi', 'green', 1.0, 1.0), "
                + "('P5', 'No cost yet', 'red', cast(null as double), 1.0)", "project_id, name, health, cpi, spi"));
        written.put(PriorityTable.NAME, values("(1, 'P3', 'Chatbot', true, 'proposed'), (2, 'P4', 'Laptops', true, 'active')",
                "rank, project_id, name, quick_win, status"));
        written.put(BusinessCaseTable.NAME, values("('C1', 'Carbon data', 1234.6, false, 'O1'), "
                + "('C2', 'Robots', 99.0, true, 'O1'), ('C3', 'Trucks', -5.0, false, 'O1')",
                "case_id, title, npv, funded, objective_id"));
        written.put(RiskTables.EXPOSURE, values("('R1', 'a', true, 600.0, 'high', 'O1'), ('R2', 'b', true, 500.0, 'high', 'O1'), "
                + "('R3', 'c', true, 400.0, 'low', 'O1'), ('R4', 'd', true, 300.0, 'low', 'O1'), "
                + "('R5', 'e', true, 200.0, 'low', 'O1'), ('R6', 'f', true, 100.0, 'low', 'O1'), "
                + "('R7', 'g', false, 9000.0, 'critical', 'O1')", "risk_id, title, is_open, emv, band, objective_id"));
        written.put(ServiceTable.NAME, values("('S1', 'ERP', false, 99.1, 99.5, 'O1'), ('S2', 'CRM', true, 99.9, 99.5, 'O1')",
                "service_id, name, sla_met, latest_availability, availability_target, objective_id"));
        Dataset<Row> swot = SwotTable.compute(context(Map.of("swot", listed)),
                MetricCatalogue.unit(SwotTable.NAME).inputs(written)).orElseThrow();

        assertThat(swot.filter("type = 'strength'").select("statement", "source", "entity_id").collectAsList())
                .as("O1 is green with K1 improving; O2 is green but its only KPI worsens")
                .extracting(Row::toString)
                .containsExactly("[Stay up is green, with 1 improving KPI,objective_scorecard, kpi_trend,O1]");
        assertThat(swot.filter("type = 'weakness'").select("source", "entity_id").collectAsList())
                .extracting(Row::toString)
                .containsExactlyInAnyOrder("[kpi_status,K2]", "[project_health,P1]", "[project_health,P5]");
        assertThat(row(swot, "entity_id = 'P5'").<String>getAs("statement"))
                .as("no actual cost: no CPI, and still a sentence").isEqualTo("Project No cost yet is red (CPI n/a, SPI 1.00)");
        assertThat(swot.filter("type = 'opportunity'").select("source", "entity_id").collectAsList())
                .as("the proposed quick win, and the unfunded case with a positive NPV")
                .extracting(Row::toString)
                .containsExactlyInAnyOrder("[priority,P3]", "[business_case,C1]");
        assertThat(row(swot, "entity_id = 'C1'").<String>getAs("statement")).isEqualTo("Carbon data: NPV USD 1.23k, not yet funded");
        assertThat(swot.filter("type = 'threat' and origin = 'derived' and source = 'risk_exposure'")
                .select("entity_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .as("the five largest open risks").containsExactlyInAnyOrder("R1", "R2", "R3", "R4", "R5");
        assertThat(row(swot, "entity_id = 'S1'").<String>getAs("statement"))
                .isEqualTo("Service ERP missed its SLA (99.10% against 99.50%)");
        Row listedThreat = row(swot, "origin = 'listed'");
        assertThat(listedThreat.<String>getAs("source")).isEqualTo("HR report");
        assertThat(listedThreat.<Integer>getAs("quadrant")).isEqualTo(4);
    }

    // ---- changes ------------------------------------------------------------------------------

    @Test
    void theFirstSnapshotHasNoChangesAndTheTableStillHasItsColumns() {
        Dataset<Row> changes = ChangesTable.compute(context(Map.of()),
                MetricCatalogue.unit(ChangesTable.NAME).inputs(Map.of()));
        assertThat(changes.count()).isZero();
        assertThat(changes.columns()).containsExactly(ChangesTable.SCHEMA.fieldNames());
    }

    @Test
    void changesAgainstThePreviousSnapshotSayWhatMovedAndWhichWay() {
        Map<String, Dataset<Row>> before = new HashMap<>();
        before.put(KpiTables.STATUS, values("('K1', 'Uptime', 'green'), ('K2', 'Backlog', 'amber'), ('K3', 'Same', 'red')",
                "kpi_id, name, status"));
        before.put(ProjectHealthTable.NAME, values("('P1', 'Move DC', 'amber', 1000.00), ('P2', 'Wi-Fi', 'green', 1000.00)",
                "project_id, name, health, eac").selectExpr("project_id", "name", "health", "cast(eac as decimal(18,2)) eac"));
        before.put(RiskTables.EXPOSURE, values("('R1', 'Gone', 'open', 'high', true), ('R2', 'Fixed', 'mitigating', 'high', true), "
                + "('R3', 'Worse', 'open', 'medium', true)", "risk_id, title, status, band, is_open"));
        before.put(BudgetTables.VARIANCE, values("('line', 'IT', cast(null as string), 'opex', 'green'), "
                + "('total', cast(null as string), cast(null as string), cast(null as string), 'green')",
                "grain, business_unit, tower, category, status"));
        before.put(ServiceTable.NAME, values("('S1', 'ERP', true), ('S2', 'Mail', false), ('S3', 'Web', true), "
                + "('S4', 'New', cast(null as boolean))", "service_id, name, sla_met"));
        Map<String, Dataset<Row>> now = new HashMap<>();
        now.put(KpiTables.STATUS, values("('K1', 'Uptime', 'amber'), ('K2', 'Backlog', 'green'), ('K3', 'Same', 'red'), "
                + "('K4', 'New', 'red')", "kpi_id, name, status"));
        // P1's EAC moves 5 % exactly (not reported), P2's 5.01 % (reported)
        now.put(ProjectHealthTable.NAME, values("('P1', 'Move DC', 'red', 1050.00), ('P2', 'Wi-Fi', 'green', 1050.10)",
                "project_id, name, health, eac").selectExpr("project_id", "name", "health", "cast(eac as decimal(18,2)) eac"));
        now.put(RiskTables.EXPOSURE, values("('R2', 'Fixed', 'closed', 'high', false), ('R3', 'Worse', 'open', 'critical', true), "
                + "('R4', 'Fresh', 'open', 'low', true)", "risk_id, title, status, band, is_open"));
        now.put(BudgetTables.VARIANCE, values("('line', 'IT', cast(null as string), 'opex', 'red'), "
                + "('total', cast(null as string), cast(null as string), cast(null as string), 'red')",
                "grain, business_unit, tower, category, status"));
        // S1 missed after meeting its target, S2 met after missing it, S3 met both times, S4 had no month before
        now.put(ServiceTable.NAME, values("('S1', 'ERP', false), ('S2', 'Mail', true), ('S3', 'Web', true), "
                + "('S4', 'New', false)", "service_id, name, sla_met"));
        Map<String, String> paths = new HashMap<>();
        before.forEach((table, rows) -> {
            String path = folder.resolve("previous").resolve(table).toString();
            rows.write().parquet(path);
            paths.put(table, path);
        });
        MetricsContext context = new MetricsContext(TestingSpark.session(), SnapshotTables.of(Map.of()), AS_OF, "test",
                job, Map.of(), Map.of(), Optional.of(new MetricsContext.PreviousSnapshot(LocalDate.of(2026, 9, 30),
                        (zone, table) -> zone == Zone.METRICS ? Optional.ofNullable(paths.get(table)) : Optional.empty())));

        List<String> changes = ChangesTable.compute(context, MetricCatalogue.unit(ChangesTable.NAME).inputs(now))
                .orderBy("entity_type", "entity_id", "change")
                .selectExpr("concat_ws(' ', entity_type, entity_id, change, coalesce(before, '-'), coalesce(after, '-'), "
                        + "direction, cast(previous_as_of as string))")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(changes).containsExactly(
                "budget_line IT / (no tower) / opex status_changed green red worse 2026-09-30",
                "kpi K1 status_changed green amber worse 2026-09-30",
                "kpi K2 status_changed amber green better 2026-09-30",
                "project P1 health_changed amber red worse 2026-09-30",
                "project P2 eac_moved 1000.00 1050.10 worse 2026-09-30",
                "risk R1 removed open - neutral 2026-09-30",
                "risk R2 closed mitigating closed better 2026-09-30",
                "risk R3 band_changed medium critical worse 2026-09-30",
                "risk R4 new - open worse 2026-09-30",
                "service S1 sla_changed met missed worse 2026-09-30",
                "service S2 sla_changed missed met better 2026-09-30",
                "service S4 sla_changed - missed neutral 2026-09-30");
    }
}
