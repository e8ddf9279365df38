package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.northstar.contract.Datasets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * swot (SPEC.md §4.3): the statements a job lists, and statements derived from this snapshot's
 * metrics, each naming the table it comes from: strengths are green objectives with an
 * improving KPI; weaknesses red KPIs and red projects; opportunities proposed quick wins and
 * unfunded cases with a positive NPV; threats the open risks with the largest emv and the
 * services that missed their SLA. {@code quadrant} orders the four types S, W, O, T.
 */
final class SwotTable {
    static final String NAME = "swot";

    /** How many of the largest open risks are threats. */
    static final int TOP_RISKS = 5;

    private static final List<String> TYPES = List.of("strength", "weakness", "opportunity", "threat");

    private SwotTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context, MetricInputs inputs) {
        List<Dataset<Row>> parts = new ArrayList<>();
        context.tables().get(Datasets.SWOT).ifPresent(listed -> parts.add(listed.select(col("type"),
                lit("listed").as("origin"), col("source"), col("statement"), lit(null).cast("string").as("entity_type"),
                lit(null).cast("string").as("entity_id"), col("objective_id"))));
        Optional<Dataset<Row>> status = inputs.get(KpiTables.STATUS);
        Optional<Dataset<Row>> trend = inputs.get(KpiTables.TREND);
        Optional<Dataset<Row>> scorecard = inputs.get(ScorecardTable.NAME);
        if (trend.isPresent() && scorecard.isPresent()) {
            status.map(kpis -> strengths(kpis, trend.get(), scorecard.get())).ifPresent(parts::add);
        }
        status.map(SwotTable::redKpis).ifPresent(parts::add);
        inputs.get(ProjectHealthTable.NAME).map(SwotTable::redProjects).ifPresent(parts::add);
        inputs.get(PriorityTable.NAME).map(SwotTable::quickWins).ifPresent(parts::add);
        String currency = context.job().currency();
        inputs.get(BusinessCaseTable.NAME).map(cases -> unfundedCases(cases, currency)).ifPresent(parts::add);
        inputs.get(RiskTables.EXPOSURE).map(risks -> topRisks(risks, currency)).ifPresent(parts::add);
        inputs.get(ServiceTable.NAME).map(SwotTable::missedSlas).ifPresent(parts::add);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Dataset<Row> all = parts.get(0);
        for (Dataset<Row> part : parts.subList(1, parts.size())) {
            all = all.unionByName(part);
        }
        Column quadrant = lit(null).cast("int");
        for (int i = TYPES.size() - 1; i >= 0; i--) {
            quadrant = when(col("type").equalTo(TYPES.get(i)), i + 1).otherwise(quadrant);
        }
        return Optional.of(all.withColumn("quadrant", quadrant).select("quadrant", "type", "origin", "source", "statement", "entity_type",
                        "entity_id", "objective_id")
                .orderBy(col("quadrant"), col("origin").desc(), col("source"), col("statement")));
    }

    private static Dataset<Row> derived(Dataset<Row> rows, String type, String source, Column statement,
            String entityType, Column entityId, Column objectiveId) {
        return rows.select(lit(type).as("type"), lit("derived").as("origin"), lit(source).as("source"),
                statement.as("statement"), lit(entityType).as("entity_type"), entityId.as("entity_id"),
                objectiveId.cast("string").as("objective_id"));
    }

    /** Green objectives with at least one improving KPI. */
    private static Dataset<Row> strengths(Dataset<Row> status, Dataset<Row> trend, Dataset<Row> scorecard) {
        Dataset<Row> improving = status.join(trend.filter(col("direction").equalTo("improving"))
                        .select(col("kpi_id").as("t_kpi")), col("kpi_id").equalTo(col("t_kpi")))
                .groupBy(col("objective_id").as("i_objective")).agg(count(lit(1)).as("improving"));
        Dataset<Row> green = scorecard.filter(col("status").equalTo("green").and(col("level").equalTo("objective")))
                .join(improving, col("objective_id").equalTo(col("i_objective")));
        Column statement = concat(col("name"), lit(" is green, with "), col("improving").cast("string"),
                when(col("improving").equalTo(1), lit(" improving KPI")).otherwise(lit(" improving KPIs")));
        return derived(green, "strength", ScorecardTable.NAME + ", " + KpiTables.TREND, statement, "objective",
                col("objective_id"), col("objective_id"));
    }

    private static Dataset<Row> redKpis(Dataset<Row> status) {
        return derived(status.filter(col("status").equalTo("red")), "weakness", KpiTables.STATUS,
                concat(lit("KPI "), col("name"), lit(" is red")), "kpi", col("kpi_id"), col("objective_id"));
    }

    private static Dataset<Row> redProjects(Dataset<Row> health) {
        return derived(health.filter(col("health").equalTo("red")), "weakness", ProjectHealthTable.NAME,
                concat(lit("Project "), col("name"), lit(" is red (CPI "), ratio(col("cpi")), lit(", SPI "),
                        ratio(col("spi")), lit(")")),
                "project", col("project_id"), lit(null));
    }

    /** A CPI or SPI to two decimals; n/a where earned value has no base (no actual cost or planned value). */
    private static Column ratio(Column value) {
        return coalesce(format_number(value, 2), lit("n/a"));
    }

    private static Dataset<Row> quickWins(Dataset<Row> priority) {
        return derived(priority.filter(col("quick_win").and(col("status").equalTo("proposed"))), "opportunity",
                PriorityTable.NAME, concat(lit("Quick win, not yet funded: "), col("name"), lit(" (rank "),
                        col("rank").cast("string"), lit(")")),
                "project", col("project_id"), lit(null));
    }

    private static Dataset<Row> unfundedCases(Dataset<Row> cases, String currency) {
        return derived(cases.filter(col("npv").gt(0).and(col("funded").equalTo(false))), "opportunity",
                BusinessCaseTable.NAME, concat(col("title"), lit(": NPV "), MetricUdfs.money(currency, col("npv")),
                        lit(", not yet funded")),
                "business_case", col("case_id"), col("objective_id"));
    }

    private static Dataset<Row> topRisks(Dataset<Row> exposure, String currency) {
        Dataset<Row> top = exposure.filter(col("is_open").and(col("emv").isNotNull()))
                .orderBy(col("emv").desc(), col("risk_id")).limit(TOP_RISKS);
        return derived(top, "threat", RiskTables.EXPOSURE, concat(col("title"), lit(": expected loss "),
                        MetricUdfs.money(currency, col("emv")), lit(" ("), col("band"), lit(")")),
                "risk", col("risk_id"), col("objective_id"));
    }

    private static Dataset<Row> missedSlas(Dataset<Row> services) {
        return derived(services.filter(col("sla_met").equalTo(false)), "threat", ServiceTable.NAME,
                concat(lit("Service "), col("name"), lit(" missed its SLA ("), format_number(col("latest_availability"), 2),
                        lit("% against "), format_number(col("availability_target"), 2), lit("%)")),
                "service", col("service_id"), col("objective_id"));
    }
}
