package io.northstar.report.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.job.Job;
import io.northstar.job.JobFileReader;
import io.northstar.lake.SnapshotPaths;
import io.northstar.lake.Zone;
import io.northstar.report.ReportData;
import io.northstar.testing.TestingSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loaders on small hand-made metric tables: what a page shows is the tables' values,
 * selected, ordered and formatted, never recomputed (SPEC.md §2.12). The tables here
 * deliberately disagree with anything a loader could work out itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportDataLoaderTest {
    private static final LocalDate AS_OF = LocalDate.parse("2026-10-31");

    private final Map<String, String> tables = new HashMap<>();
    private ReportDataLoader loader;
    private ReportData scorecard;

    @BeforeAll
    void writeTables(@TempDir Path folder) throws IOException {
        SparkSession spark = TestingSpark.session();
        table(spark, folder, "executive_summary", """
                SELECT * FROM VALUES
                  ('portfolio', CAST(NULL AS STRING), 0.4583, 'red', 1L, 0.5833, 'red', 1190.0, 1250.0, 0.0504, 'amber',
                   3L, 0L, 2L, 1L, 'red', 176.0, 300.0, 'red', 3L, 2L, 0.6667, 'red'),
                  ('business_unit', 'Retail', CAST(NULL AS DOUBLE), CAST(NULL AS STRING), CAST(NULL AS BIGINT), 0.7,
                   'amber', 290.0, 300.0, 0.0345, 'green', 2L, 0L, 2L, 0L, 'amber', 126.0, CAST(NULL AS DOUBLE),
                   'red', CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS STRING)),
                  ('business_unit', 'Lab', NULL, NULL, NULL, NULL, CAST(NULL AS STRING), 0.0, 0.0, NULL,
                   CAST(NULL AS STRING), 0L, 0L, 0L, 0L, CAST(NULL AS STRING), 0.0, NULL, CAST(NULL AS STRING),
                   NULL, NULL, NULL, NULL)
                AS t(grain, business_unit, strategy_score, strategy_status, corporate_aims_scored,
                     aligned_budget_share, aligned_budget_status, plan_ytd, actual_ytd, budget_variance_pct,
                     budget_status, active_projects, projects_green, projects_amber, projects_red, portfolio_status,
                     open_risk_emv, risk_p90, risk_status, services_with_sla, services_sla_met, sla_attainment,
                     sla_status)""");
        table(spark, folder, "objective_scorecard", """
                SELECT * FROM VALUES
                  ('CA1', 'Grow', 'corporate_aim', CAST(NULL AS STRING), 0.46, 'red', 2L, 1050.0, 150.8,
                   array()),
                  ('IT1', 'Digital', 'it_aim', 'CA1', 0.19, 'red', 1L, 800.0, 150.8, array()),
                  ('O1', 'Web shop', 'objective', 'IT1', 0.75, 'amber', 1L, 600.0, 125.6, array('S1'))
                AS t(objective_id, name, level, parent_id, score, status, project_count, allocated_budget,
                     open_risk_emv, impacted_services)""");
        table(spark, folder, "kpi_status", """
                SELECT * FROM VALUES
                  ('K1', 'Online share', 'O1', '%', 50.0, 100.0, DATE '2026-12-31', 'green'),
                  ('K2', 'Incidents', 'O1', 'count', 6.0, 0.0, DATE '2026-12-31', 'amber')
                AS t(kpi_id, name, objective_id, unit, latest_value, target, target_date, status)""");
        table(spark, folder, "kpi_trend", """
                SELECT * FROM VALUES
                  ('K1', 'improving', 80.0, 70.0, 90.0, 0.6, false),
                  ('K2', 'flat', CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE),
                   CAST(NULL AS DOUBLE), false)
                AS t(kpi_id, direction, forecast, forecast_low, forecast_high, attainment_probability,
                     deadline_passed)""");
        table(spark, folder, "kpi_history", """
                SELECT * FROM VALUES ('K1', DATE '2026-08-31', 30.0, 3), ('K1', DATE '2026-10-31', 50.0, 1),
                  ('K1', DATE '2026-09-30', 40.0, 2)
                AS t(kpi_id, period_end, value, recency)""");
        table(spark, folder, "business_unit_kpis", """
                SELECT * FROM VALUES ('Retail', 'O1', 'K2'), ('Retail', 'O1', 'K1'), ('Lab', 'O1', 'K9')
                AS t(business_unit, objective_id, kpi_id)""");
        table(spark, folder, "budget_towers", """
                SELECT * FROM VALUES
                  ('tower', CAST(NULL AS STRING), 'Compute', 100.0, 150.0, 0.5, 100.0, 180.0, 'red', 'red'),
                  ('tower', NULL, CAST(NULL AS STRING), 1090.0, 1100.0, 0.0092, 1140.0, 1170.0, 'green', 'amber'),
                  ('business_unit_tower', 'Retail', NULL, 290.0, 300.0, 0.0345, 340.0, 370.0, 'green', 'amber')
                AS t(grain, business_unit, tower, plan_ytd, actual_ytd, variance_pct, plan_fy, forecast_fy,
                     status, board_status)""");
        table(spark, folder, "budget_monthly_total", """
                SELECT date_format(add_months(DATE '2024-01-01', id), 'yyyy-MM') AS period, CAST(id AS DOUBLE) AS plan,
                       CAST(id * 2 AS DOUBLE) AS actual
                FROM range(36)""");
        table(spark, folder, "project_health", """
                SELECT * FROM VALUES
                  ('P1', 'Shop', 'Retail', 1000.0, 0.97, 0.88, 1028.0, -28.0, 'amber', true),
                  ('P2', 'Vault', 'Retail', 500.0, 1.25, 1.0, 400.0, 100.0, 'red', true),
                  ('P4', 'Old', 'Retail', 9000.0, 1.0, 1.0, 9000.0, 0.0, 'red', false)
                AS t(project_id, name, business_unit, bac, cpi, spi, eac, vac, health, in_active_portfolio)""");
        // the verdicts and moves as the tables have them, whatever executive_summary says
        table(spark, folder, "briefing", """
                SELECT * FROM VALUES ('portfolio', CAST(NULL AS STRING), 'All is well.'),
                  ('business_unit', 'Retail', 'Retail is fine.')
                AS t(grain, business_unit, verdict)""");
        table(spark, folder, "headline_changes", """
                SELECT * FROM VALUES
                  ('portfolio', CAST(NULL AS STRING), 'strategy_score', 0.4583, 0.61, DATE '2026-09-30', 'worse'),
                  ('portfolio', NULL, 'projects_red', 1.0, 4.0, DATE '2026-09-30', 'better'),
                  ('business_unit', 'Retail', 'budget_variance_pct', 0.0345, CAST(NULL AS DOUBLE), DATE '2026-09-30',
                   'not_comparable')
                AS t(grain, business_unit, measure, value, previous_value, previous_as_of, direction)""");
        Path jobFile = folder.resolve("job.yaml");
        Files.writeString(jobFile, "name: test\nlake: lake\ncurrency: EUR\nsources:\n  kpis: { format: csv, path: kpis.csv }\n");
        Job job = JobFileReader.read(jobFile);
        SnapshotPaths paths = (zone, name) -> zone == Zone.METRICS ? Optional.ofNullable(tables.get(name))
                : Optional.empty();
        loader = new ReportDataLoader(spark, paths, AS_OF, job);
        scorecard = loader.load(Optional.empty());
    }

    private void table(SparkSession spark, Path folder, String name, String sql) {
        String path = folder.resolve(name).toString();
        spark.sql(sql).write().parquet(path);
        tables.put(name, path);
    }

    @Test
    void theSummaryTilesAreTheExecutiveSummaryRowFormatted() {
        List<Map<String, Object>> tiles = scorecard.table("tiles");
        assertThat(tiles).extracting(tile -> tile.get("label")).containsExactly("Strategy score", "Aligned budget",
                "Budget to date", "Project health", "Open risk", "SLA attainment");
        assertThat(tiles.get(0)).containsEntry("value", "46%").containsEntry("detail", "KPIs on target under 1 corporate aim, amber counting half")
                .containsEntry("rag", "red");
        // the counts as the table has them, even though project_health here would say otherwise
        assertThat(tiles.get(3)).containsEntry("value", "0 · 2 · 1").containsEntry("rag", "red");
        assertThat(tiles.get(4)).containsEntry("value", "EUR 176").containsEntry("detail", "expected loss; 1-in-10 worst case EUR 300");
        assertThat(tiles.get(5)).containsEntry("detail", "2 of 3 services met their availability target");
        assertThat(scorecard.parameters()).containsEntry("PROJECTS_TOTAL", 3L);
    }

    @Test
    void theRiskPageReconcilesTheUnitsOpenRiskWithTheCompanys() {
        // 176 open, Retail 126 through its projects, Lab none: 50 is on no project
        assertThat(scorecard.parameters()).containsEntry("RISK_BY_UNIT", "Of EUR 176 of open risk, EUR 126 sits with"
                + " the business units' projects (Retail EUR 126) and EUR 50 is group-level risk on no project; each"
                + " unit's scorecard counts only its own.");
    }

    @Test
    void theVerdictAndEachTilesMoveAreTheBriefingAndHeadlineChangesRows() {
        assertThat(scorecard.parameters()).containsEntry("VERDICT", "All is well.");
        List<Map<String, Object>> tiles = scorecard.table("tiles");
        assertThat(tiles.get(0)).containsEntry("change", "▼ worse, was 61% on 2026-09-30");
        assertThat(tiles.get(3)).as("the direction is the table's, not worked out here")
                .containsEntry("change", "▼ better, was 4 off track on 2026-09-30");
        assertThat(tiles.get(1)).as("no row for the measure").containsEntry("change",
                "first snapshot: nothing to compare with yet");
        ReportData retail = loader.businessUnits().get("Retail");
        assertThat(retail.parameters()).containsEntry("VERDICT", "Retail is fine.");
        assertThat(retail.table("budget_towers").get(0)).as("the colour every page shows: board_status")
                .containsEntry("status", "amber");
        assertThat(retail.table("tiles").get(0)).containsEntry("change", "no figure on 2026-09-30");
    }

    @Test
    void aimsNameTheirCorporateAim() {
        assertThat(scorecard.table("aims")).singleElement().satisfies(aim -> assertThat(aim)
                .containsEntry("name", "Digital").containsEntry("corporate_aim", "Grow").containsEntry("score", 0.19));
    }

    @Test
    void kpisCarryTheirTrendObjectiveAimAndChartPointsOldestFirst() {
        Map<String, Object> k1 = scorecard.table("kpis").get(0);
        assertThat(k1).containsEntry("kpi_id", "K1").containsEntry("objective", "Web shop").containsEntry("aim",
                "Digital").containsEntry("forecast", 80.0).containsEntry("objective_status", "amber");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) k1.get("history");
        assertThat(history).extracting(point -> point.get("period")).containsExactly("2026-08-31", "2026-09-30",
                "2026-10-31");
        assertThat(history).extracting(point -> point.get("x")).containsExactly(-2.0, -1.0, 0.0);
        assertThat(history).allSatisfy(point -> assertThat(point).containsEntry("target", 100.0));
        assertThat(scorecard.table("kpis").get(1).get("history")).as("K2 has no history").isNull();
    }

    @Test
    void theBudgetPageShowsTheLastTwoYearsOfMonthsAndNamesTheTowerlessGroup() {
        List<Map<String, Object>> months = scorecard.table("budget_monthly");
        assertThat(months).hasSize(24);
        assertThat(months.get(0)).containsEntry("period", "Nov 2024");
        assertThat(months.get(23)).as("October 2026 is as_of's month; later months are left out")
                .containsEntry("period", "Oct 2026").containsEntry("actual", 66.0); // 2024-01 + 33 months
        assertThat(scorecard.table("budget_towers")).extracting(tower -> tower.get("tower"))
                .containsExactly("Compute", "(no tower)");
        assertThat(scorecard.table("budget_towers").get(1)).containsEntry("forecast_fy", 1170.0);
    }

    @Test
    void projectsAreTheActivePortfolioRedFirst() {
        assertThat(scorecard.table("projects")).extracting(project -> project.get("project_id"))
                .containsExactly("P2", "P1");
    }

    /** The CPI x SPI chart's points, the worst (the lower of CPI and SPI) first; the first few not green are named. */
    @Test
    void theScatterIsTheActivePortfolioWorstFirstWithItsWorstNamed() {
        List<Map<String, Object>> scatter = scorecard.table("scatter");
        assertThat(scatter).extracting(point -> point.get("x")).containsExactly(0.97, 1.25);
        assertThat(scatter).extracting(point -> point.get("health")).containsExactly("amber", "red");
        assertThat(scatter).extracting(point -> point.get("label")).containsExactly("Shop", "Vault");
        assertThat(scatter).as("no drawn guide points: the chart draws its guide lines").allSatisfy(point ->
                assertThat(point).containsOnlyKeys("x", "y", "health", "label"));
    }

    @Test
    void eachBusinessUnitWithASummaryRowGetsItsTilesProjectsTowersAndKpis() {
        Map<String, ReportData> units = loader.businessUnits();
        assertThat(units).containsOnlyKeys("Retail", "Lab");
        ReportData retail = units.get("Retail");
        assertThat(retail.parameters()).containsEntry("BUSINESS_UNIT", "Retail");
        assertThat(retail.table("tiles")).extracting(tile -> tile.get("label")).containsExactly(
                "Budget to date", "Aligned budget", "Project health", "Open risk");
        assertThat(retail.table("tiles").get(0)).containsEntry("value", "+3.5%")
                .containsEntry("detail", "EUR 300 spent against EUR 290 planned");
        assertThat(retail.table("projects")).extracting(project -> project.get("name")).containsExactly("Vault",
                "Shop");
        assertThat(retail.table("budget_towers")).singleElement().satisfies(tower -> assertThat(tower)
                .containsEntry("tower", "(no tower)").containsEntry("plan_fy", 340.0));
        assertThat(retail.table("kpis")).extracting(kpi -> kpi.get("name")).containsExactly("Online share",
                "Incidents");
        assertThat(retail.table("kpis").get(0)).containsEntry("objective", "Web shop");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) retail.table("kpis").get(0).get("history");
        assertThat(history).as("a unit's KPI carries its history for the sparkline").extracting(point -> point.get(
                "period")).containsExactly("2026-08-31", "2026-09-30", "2026-10-31");
        assertThat(retail.table("kpis").get(1).get("history")).as("K2 has no history").isNull();
        // Lab's statuses are null, so it shows only what the table judges: its project count
        ReportData lab = units.get("Lab");
        assertThat(lab.table("tiles")).isEmpty();
        assertThat(lab.table("kpis")).as("K9 has no status row").isEmpty();
    }
}
