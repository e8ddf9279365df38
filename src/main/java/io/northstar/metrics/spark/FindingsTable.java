package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.northstar.contract.ColumnWarning;
import io.northstar.contract.Datasets;
import io.northstar.metrics.StatusRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * findings (SPEC.md §2.11): what needs attention, in sentences an executive can act on, drawn
 * from the published metric tables. Sorted by severity (critical, warning, info), code and
 * entity id; {@code sort_order} keeps that order for readers of the Parquet files. Beyond SPEC,
 * {@code at_stake} is the money a finding is about where it has one (a risk's expected loss, a
 * red project's forecast overrun, a unit's overspend), so a page that shows a few of a kind
 * shows the largest.
 */
final class FindingsTable {
    static final String NAME = "findings";
    private static final String CRITICAL = "critical";
    private static final String WARNING = "warning";
    private static final String INFO = "info";

    private FindingsTable() {
    }

    /** The findings from this run's tables and the rows quarantined per dataset ({@link MetricsContext#quarantined}). */
    static Dataset<Row> compute(MetricsContext context, MetricInputs inputs) {
        List<Dataset<Row>> findings = new ArrayList<>();
        Dataset<Row> alignment = inputs.get(AlignmentTable.NAME).orElse(null);
        if (alignment != null) {
            Dataset<Row> total = alignment.filter(col("business_unit").isNull());
            findings.add(finding(total.filter(col("it_aim_count").gt(6)), WARNING, "too_many_it_aims", "strategy",
                    lit("it_aims"), format_string("The IT strategy has %d strategic aims; no more than six keep it"
                            + " focused", col("it_aim_count"))));
            Dataset<Row> uncovered = total.select(explode(col("uncovered_objectives")).as("id"));
            findings.add(finding(withName(context, uncovered, Datasets.OBJECTIVES, "objective_id"), INFO,
                    "uncovered_objective", "objective", col("id"),
                    format_string("No active project supports the objective '%s'", col("label"))));
            Dataset<Row> unaligned = total.select(explode(col("unaligned_projects")).as("id"));
            findings.add(finding(withName(context, unaligned, Datasets.PROJECTS, "project_id"), WARNING,
                    "unaligned_project", "project", col("id"),
                    format_string("The project '%s' supports no strategic objective", col("label"))));
        }
        if (context.tables().has(Datasets.OBJECTIVES)) {
            Dataset<Row> objectives = context.tables().require(Datasets.OBJECTIVES);
            Dataset<Row> unanchored = objectives.filter(col("level").notEqual("corporate_aim"))
                    .join(ObjectiveTree.anchors(objectives), "objective_id")
                    .filter(col("anchored").equalTo(false));
            findings.add(finding(unanchored, WARNING, "unanchored_objective", "objective", col("objective_id"),
                    format_string("The %s '%s' does not trace up to a corporate aim",
                            when(col("level").equalTo("it_aim"), lit("IT aim")).otherwise(lit("objective")),
                            col("name"))));
        }
        addKpiFindings(inputs, findings);
        addDeliveryFindings(inputs, findings, context.job().currency());
        addRiskAndServiceFindings(inputs, findings, context.job().currency());
        addCommentaryFindings(inputs, findings);
        List<Row> quarantineRows = new ArrayList<>();
        context.quarantined().forEach((dataset, rows) -> {
            if (rows > 0) {
                quarantineRows.add(org.apache.spark.sql.RowFactory.create(dataset, rows));
            }
        });
        Dataset<Row> quarantine = context.spark().createDataFrame(quarantineRows, new org.apache.spark.sql.types.StructType()
                .add("dataset", "string").add("rows", "long"));
        findings.add(finding(quarantine, INFO, "data_quarantined", "dataset", col("dataset"),
                format_string("%d rows of %s broke the data contract and were quarantined; see the data-quality"
                        + " appendix", col("rows"), col("dataset"))));
        findings.add(columnFindings(context));

        Column severityOrder = when(col("severity").equalTo(CRITICAL), 0).when(col("severity").equalTo(WARNING), 1)
                .otherwise(2);
        Dataset<Row> all = findings.stream().reduce(Dataset::unionByName).orElseThrow();
        Dataset<Row> owners = EntityOwners.of(context, inputs.get(CommentaryStatusTable.NAME));
        return all.join(owners, col("entity_type").equalTo(col("o_type")).and(col("entity_id").equalTo(col("o_id"))),
                        "left")
                // the message orders a dataset's column findings, which share code and entity
                .withColumn("sort_order", row_number().over(Window.orderBy(severityOrder, col("code"),
                        col("entity_id"), col("message"))))
                .select("sort_order", "severity", "code", "entity_type", "entity_id", "message", "owner", "at_stake")
                .orderBy("sort_order");
    }

    /**
     * commentary_missing (SPEC.md §4.5): a red KPI, a red project or a critical risk whose
     * commentary is not current, naming the entity, its owner and the date of its last comment.
     */
    private static void addCommentaryFindings(MetricInputs inputs, List<Dataset<Row>> findings) {
        Dataset<Row> status = inputs.get(CommentaryStatusTable.NAME).orElse(null);
        if (status == null) {
            return;
        }
        Column severe = col("entity_type").equalTo("kpi").and(col("entity_status").equalTo("red"))
                .or(col("entity_type").equalTo("project").and(col("entity_status").equalTo("red")))
                .or(col("entity_type").equalTo("risk").and(col("entity_status").equalTo("critical")));
        Column what = when(col("entity_type").equalTo("kpi"), format_string("the red KPI '%s'", col("entity_name")))
                .when(col("entity_type").equalTo("project"), format_string("the red project '%s'", col("entity_name")))
                .otherwise(format_string("the critical risk '%s'", col("entity_name")));
        // whose word is missing: the entity's owner, or a plain note that it has none
        Column from = when(col("owner").isNull(), lit("")).otherwise(format_string(" from %s", col("owner")));
        Column noOwner = when(col("owner").isNull(), lit(" (no owner is named)")).otherwise(lit(""));
        Column message = when(col("commentary_state").equalTo("missing"),
                format_string("No commentary%s on %s%s", from, what, noOwner))
                .otherwise(format_string("The commentary%s on %s%s is stale: the last comment is of %s", from,
                        what, noOwner, col("comment_period_end").cast("string")));
        findings.add(finding(status.filter(severe.and(col("commentary_state").notEqual("current"))), WARNING,
                "commentary_missing", col("entity_type"), col("entity_id"), message));
    }

    /**
     * column_unrecognised and column_missing: a source's likely misnamed or absent columns,
     * which leave data blank without failing the run (a renamed target makes every KPI
     * no_target), one finding per sentence of the ingest's warnings. A misnamed column is
     * likely a mistake, so a warning; a source that simply lacks optional columns may well mean
     * to, so that is info, like quarantined rows, and does not crowd the executive's warnings.
     */
    private static Dataset<Row> columnFindings(MetricsContext context) {
        List<Row> rows = new ArrayList<>();
        context.columnNotices().forEach((dataset, notices) -> notices.forEach(notice ->
                rows.add(org.apache.spark.sql.RowFactory.create(
                        notice.code().equals(ColumnWarning.UNRECOGNISED) ? WARNING : INFO, notice.code(), "dataset",
                        dataset, notice.message()))));
        return context.spark().createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                .add("severity", "string").add("code", "string").add("entity_type", "string")
                .add("entity_id", "string").add("message", "string")).withColumn("at_stake", lit(null).cast("double"));
    }

    private static void addKpiFindings(MetricInputs inputs, List<Dataset<Row>> findings) {
        Dataset<Row> status = inputs.get(KpiTables.STATUS).orElse(null);
        if (status == null) {
            return;
        }
        Dataset<Row> names = status.select(col("kpi_id").as("n_kpi"), col("name").as("kpi_name"),
                col("unit").as("kpi_unit"));
        findings.add(finding(status.filter(col("status").equalTo("red")), WARNING, "kpi_red", "kpi", col("kpi_id"),
                format_string("The KPI '%s' is off target: %s against %s expected by now", col("name"),
                        kpiValue(col("latest_value")), kpiValue(col("expected_value")))));
        Dataset<Row> trend = inputs.get(KpiTables.TREND).orElseThrow().join(names, col("kpi_id").equalTo(col("n_kpi")));
        findings.add(finding(trend.filter(col("direction").equalTo("worsening")), WARNING, "kpi_worsening", "kpi",
                col("kpi_id"), format_string("The KPI '%s' is getting worse: a significant trend over its last %d"
                        + " observations", col("kpi_name"), col("n"))));
        Dataset<Row> smart = inputs.get(KpiTables.SMART).orElseThrow().join(names, col("kpi_id").equalTo(col("n_kpi")));
        Column missing = concat_ws(", ",
                when(col("specific").equalTo(false), lit("owner or objective")),
                when(col("measurable").equalTo(false), lit("unit, baseline or target")),
                // achievable is false for a forecast short of the target and for a deadline missed (SPEC.md §2.2)
                when(col("achievable").equalTo(false), lit("a target it met or is likely to meet")),
                when(col("relevant").equalTo(false), lit("a link to a corporate aim")),
                when(col("time_bound").equalTo(false), lit("a target date")));
        findings.add(finding(smart.filter(col("smart_score").lt(0.6)), INFO, "kpi_not_smart", "kpi", col("kpi_id"),
                format_string("The KPI '%s' is not SMART (%s of 5): it lacks %s", col("kpi_name"),
                        format_number(col("smart_score").multiply(5), 0), missing)));
    }

    private static void addDeliveryFindings(MetricInputs inputs, List<Dataset<Row>> findings, String currency) {
        Dataset<Row> health = inputs.get(ProjectHealthTable.NAME).orElse(null);
        if (health != null) {
            // page 1 is read before the glossary: the percentages say what CPI and SPI would, in words
            Column cost = when(col("cost_rag").equalTo("red"), format_string("%s %s for the work done",
                    percent(col("cost_variance_pct")),
                    when(col("cost_variance_pct").lt(0), lit("over cost")).otherwise(lit("under cost"))));
            Column schedule = when(col("schedule_rag").equalTo("red"), format_string("%s %s",
                    percent(col("schedule_variance_pct")),
                    when(col("schedule_variance_pct").lt(0), lit("behind schedule")).otherwise(lit("ahead of plan"))));
            findings.add(finding(health.filter(col("health").equalTo("red")), CRITICAL, "project_red",
                    lit("project"), col("project_id"), format_string("%s is %s", col("name"),
                            concat_ws(" and ", cost, schedule)),
                    // a finished or stopped project's overrun is spent: nothing of it is still at stake
                    when(StatusColumns.matches(StatusRule.ACTIVE_PORTFOLIO, col("status")),
                            greatest(lit(0), col("vac").cast("double").multiply(-1)))));
        }
        Dataset<Row> budget = inputs.get(BudgetTables.VARIANCE).orElse(null);
        if (budget != null) {
            Dataset<Row> red = budget.filter(col("status").equalTo("red").and(col("grain").isin("business_unit",
                    "total")));
            findings.add(finding(red, CRITICAL, "budget_overrun",
                    when(col("grain").equalTo("total"), lit("portfolio")).otherwise(lit("business_unit")),
                    when(col("grain").equalTo("total"), lit("total")).otherwise(col("business_unit")),
                    format_string("%s is %s %s its year-to-date budget: %s spent, %s planned",
                            when(col("grain").equalTo("total"), lit("IT as a whole"))
                                    .otherwise(col("business_unit")),
                            percent(col("variance_pct")),
                            when(col("variance").gt(0), lit("over")).otherwise(lit("under")),
                            money(currency, col("actual_ytd")), money(currency, col("plan_ytd"))),
                    abs(col("variance"))));
        }
        Dataset<Row> priority = inputs.get(PriorityTable.NAME).orElse(null);
        if (priority != null) {
            findings.add(finding(priority.filter(col("outranks_funded")), WARNING, "priority_inversion", "project",
                    col("project_id"), format_string("The unfunded project '%s' ranks #%d, above funded work",
                            col("name"), col("rank"))));
        }
    }

    private static void addRiskAndServiceFindings(MetricInputs inputs, List<Dataset<Row>> findings,
            String currency) {
        Dataset<Row> risks = inputs.get(RiskTables.EXPOSURE).orElse(null);
        if (risks != null) {
            findings.add(finding(risks.filter(col("is_open").and(col("band").equalTo("critical"))), CRITICAL,
                    "risk_critical_open", lit("risk"), col("risk_id"), format_string("The critical risk '%s' is %s"
                            + " (likelihood %d of 5, impact %d of 5, expected loss %s)", col("title"),
                            when(col("status").equalTo("mitigating"), lit("being mitigated"))
                                    .otherwise(col("status")),
                            col("likelihood"), col("impact"),
                            when(col("emv").isNull(), lit("not costed")).otherwise(money(currency, col("emv")))),
                    col("emv")));
            findings.add(finding(risks.filter(col("overdue")), WARNING, "mitigation_overdue", lit("risk"),
                    col("risk_id"), format_string("The mitigation of risk '%s' was due on %s", col("title"),
                            col("mitigation_due").cast("string")), col("emv")));
        }
        Dataset<Row> services = inputs.get(ServiceTable.NAME).orElse(null);
        if (services != null) {
            findings.add(finding(services.filter(col("sla_met").equalTo(false)), WARNING, "sla_breach", "service",
                    col("service_id"), format_string("The service '%s' missed its SLA: %s%% available against a"
                            + " target of %s%%", col("name"), format_number(col("latest_availability"), 2),
                            format_number(col("availability_target"), 2))));
            findings.add(finding(services.filter(col("in_dependency_cycle")), WARNING, "dependency_cycle", "service",
                    col("service_id"), format_string("The service '%s' depends on itself through a cycle of"
                            + " dependencies", col("name"))));
        }
    }

    /** "34.2%" from a fraction, by its size: the pages' one percentage style. */
    private static Column percent(Column fraction) {
        return format_string("%s%%", format_number(abs(fraction).multiply(100), 1));
    }

    private static Column money(String currency, Column amount) {
        return MetricUdfs.money(currency, amount);
    }

    /**
     * A KPI value as its pages show it: to the decimals its observations have (kpi_status's
     * value_decimals), with its unit ("28.9%", "1,858 tickets"); a unit "count" is left out.
     */
    private static Column kpiValue(Column value) {
        Column decimals = coalesce(col("value_decimals"), lit(1));
        Column number = when(decimals.equalTo(0), format_number(value, 0)).when(decimals.equalTo(1),
                format_number(value, 1)).otherwise(format_number(value, 2));
        return when(col("unit").isNull().or(col("unit").isin("", "count")), number)
                .when(col("unit").equalTo("%"), concat(number, lit("%")))
                .otherwise(concat_ws(" ", number, col("unit")));
    }

    private static Dataset<Row> withName(MetricsContext context, Dataset<Row> ids, String dataset, String key) {
        if (!context.tables().has(dataset)) {
            return ids.withColumn("label", col("id"));
        }
        Dataset<Row> names = context.tables().require(dataset).select(col(key).as("n_id"), col("name").as("label"));
        return ids.join(names, col("id").equalTo(col("n_id")), "left").drop("n_id");
    }

    private static Dataset<Row> finding(Dataset<Row> rows, String severity, String code, String entityType,
            Column entityId, Column message) {
        return finding(rows, severity, code, lit(entityType), entityId, message);
    }

    private static Dataset<Row> finding(Dataset<Row> rows, String severity, String code, Column entityType,
            Column entityId, Column message) {
        return finding(rows, severity, code, entityType, entityId, message, lit(null));
    }

    private static Dataset<Row> finding(Dataset<Row> rows, String severity, String code, Column entityType,
            Column entityId, Column message, Column atStake) {
        return rows.select(lit(severity).as("severity"), lit(code).as("code"), entityType.as("entity_type"),
                entityId.cast("string").as("entity_id"), message.as("message"), atStake.cast("double").as("at_stake"));
    }
}
