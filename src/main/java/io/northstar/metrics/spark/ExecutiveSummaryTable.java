package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.northstar.contract.Datasets;
import io.northstar.metrics.StatusRule;
import io.northstar.metrics.summary.HeadlineRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * executive_summary (SPEC.md §2.12): the headline figures of the scorecard's first page
 * (grain {@code portfolio}, business_unit null) and of each business unit's scorecard (grain
 * {@code business_unit}), each with the status that colours it. A figure whose table the
 * snapshot lacks is null; a unit with no project or open risk counts 0 of them.
 */
final class ExecutiveSummaryTable {
    static final String NAME = "executive_summary";
    static final String PORTFOLIO = "portfolio";
    static final String BUSINESS_UNIT = "business_unit";
    /** The join key of the portfolio row; no business unit can be called this. */
    private static final String PORTFOLIO_KEY = "\u0000portfolio";
    private static final String KEY = "_key";

    private static final UserDefinedFunction ALIGNED_BUDGET_STATUS = functions.udf(
            (UDF1<Double, String>) HeadlineRules::alignedBudget, DataTypes.StringType);
    private static final UserDefinedFunction PORTFOLIO_STATUS = functions.udf(
            (UDF3<Long, Long, Long, String>) HeadlineRules::portfolio, DataTypes.StringType);
    private static final UserDefinedFunction RISK_STATUS = functions.udf(
            (UDF2<Long, Long, String>) HeadlineRules::riskExposure, DataTypes.StringType);
    private static final UserDefinedFunction SLA_STATUS = functions.udf(
            (UDF1<Double, String>) HeadlineRules::slaAttainment, DataTypes.StringType);

    /** Each group of figures, the table it comes from, and its columns' types when that table is absent. */
    private static final Map<String, String> STRATEGY = columns("strategy_score", "double",
            "corporate_aims_scored", "bigint");
    private static final Map<String, String> ALIGNMENT = columns("aligned_budget_share", "double");
    private static final Map<String, String> BUDGET = columns("plan_ytd", "decimal(18,2)", "actual_ytd",
            "decimal(18,2)", "budget_variance_pct", "double", "budget_status", "string", "plan_fy", "decimal(18,2)",
            "forecast_fy", "decimal(18,2)");
    private static final Map<String, String> PROJECTS = columns("active_projects", "bigint", "projects_green",
            "bigint", "projects_amber", "bigint", "projects_red", "bigint", "projects_bac", "decimal(18,2)",
            "projects_eac", "decimal(18,2)");
    private static final Map<String, String> RISKS = columns("open_risks", "bigint", "open_critical_risks", "bigint",
            "open_high_risks", "bigint", "open_risk_emv", "double");
    private static final Map<String, String> SIMULATION = columns("risk_p90", "double");
    private static final Map<String, String> SERVICES = columns("services_with_sla", "bigint", "services_sla_met",
            "bigint", "sla_attainment", "double");

    private ExecutiveSummaryTable() {
    }

    /** Empty when the snapshot has none of the tables it summarises. */
    static Optional<Dataset<Row>> compute(MetricsContext context, MetricInputs inputs) {
        Optional<Dataset<Row>> scorecard = inputs.get(ScorecardTable.NAME);
        Optional<Dataset<Row>> alignment = inputs.get(AlignmentTable.NAME);
        Optional<Dataset<Row>> budget = inputs.get(BudgetTables.VARIANCE);
        Optional<Dataset<Row>> health = inputs.get(ProjectHealthTable.NAME);
        Optional<Dataset<Row>> risks = inputs.get(RiskTables.EXPOSURE);
        Optional<Dataset<Row>> simulation = inputs.get(RiskTables.SIMULATION);
        Optional<Dataset<Row>> services = inputs.get(ServiceTable.NAME);
        if (scorecard.isEmpty() && alignment.isEmpty() && budget.isEmpty() && health.isEmpty() && risks.isEmpty()
                && services.isEmpty()) {
            return Optional.empty();
        }
        Dataset<Row> rows = keys(context, alignment, budget, health, risks);
        rows = figures(rows, scorecard.map(ExecutiveSummaryTable::strategy), STRATEGY);
        rows = figures(rows, alignment.map(table -> table.select(key(col("business_unit")),
                col("aligned_budget_share"))), ALIGNMENT);
        rows = figures(rows, budget.map(ExecutiveSummaryTable::budget), BUDGET);
        rows = counts(rows, health.map(table -> projects(table, context.tables().get(Datasets.PROJECTS))), PROJECTS);
        rows = counts(rows, risks.map(ExecutiveSummaryTable::risks), RISKS);
        rows = figures(rows, simulation.map(table -> table.filter(col("scope").equalTo("portfolio"))
                .select(lit(PORTFOLIO_KEY).as(KEY), col("p90").as("risk_p90"))), SIMULATION);
        rows = figures(rows, services.map(ExecutiveSummaryTable::services), SERVICES);
        // a status is null when the table behind it is absent: the scorecard then shows no tile for it
        return Optional.of(rows
                .withColumn("strategy_status", statusIf(scorecard, when(portfolio(),
                        MetricUdfs.objectiveStatus(col("strategy_score")))))
                .withColumn("aligned_budget_status", statusIf(alignment, ALIGNED_BUDGET_STATUS.apply(
                        col("aligned_budget_share"))))
                .withColumn("portfolio_status", statusIf(health, PORTFOLIO_STATUS.apply(col("projects_green"),
                        col("projects_amber"), col("projects_red"))))
                .withColumn("risk_status", statusIf(risks, RISK_STATUS.apply(col("open_critical_risks"),
                        col("open_high_risks"))))
                .withColumn("sla_status", statusIf(services, when(portfolio(),
                        SLA_STATUS.apply(col("sla_attainment")))))
                .select("grain", "business_unit", "strategy_score", "strategy_status", "corporate_aims_scored",
                        "aligned_budget_share", "aligned_budget_status", "plan_ytd", "actual_ytd",
                        "budget_variance_pct", "budget_status", "plan_fy", "forecast_fy", "active_projects",
                        "projects_green", "projects_amber", "projects_red", "projects_bac", "projects_eac", "portfolio_status",
                        "open_risks",
                        "open_critical_risks", "open_high_risks", "open_risk_emv", "risk_p90", "risk_status",
                        "services_with_sla", "services_sla_met", "sla_attainment", "sla_status"));
    }

    /** The strategy score and SLA attainment are the whole organisation's figures only. */
    private static Column portfolio() {
        return col(KEY).equalTo(PORTFOLIO_KEY);
    }

    private static Column statusIf(Optional<Dataset<Row>> table, Column status) {
        return table.isPresent() ? status : lit(null).cast("string");
    }

    /** The portfolio row and one row per business unit named in any of the unit-level tables. */
    @SafeVarargs
    private static Dataset<Row> keys(MetricsContext context, Optional<Dataset<Row>>... tables) {
        List<Dataset<Row>> units = new ArrayList<>();
        for (Optional<Dataset<Row>> table : tables) {
            table.ifPresent(rows -> units.add(rows.select(col("business_unit")).filter(col("business_unit")
                    .isNotNull())));
        }
        Dataset<Row> portfolio = context.spark().range(1).select(lit(PORTFOLIO).as("grain"),
                lit(null).cast("string").as("business_unit"), lit(PORTFOLIO_KEY).as(KEY));
        return units.stream().reduce(Dataset::union).map(named -> portfolio.unionByName(named.distinct()
                .select(lit(BUSINESS_UNIT).as("grain"), col("business_unit"), col("business_unit").as(KEY))))
                .orElse(portfolio);
    }

    private static Column key(Column businessUnit) {
        return coalesce(businessUnit, lit(PORTFOLIO_KEY)).as(KEY);
    }

    /** Σ score × weight / Σ weight over the corporate aims that have a score (SPEC.md §2.4's weighting). */
    private static Dataset<Row> strategy(Dataset<Row> scorecard) {
        return scorecard.filter(col("level").equalTo("corporate_aim").and(col("score").isNotNull()))
                .agg(MetricUdfs.weightedMean(MetricUdfs.exactSum(col("score").multiply(col("weight"))),
                        MetricUdfs.exactSum(col("weight"))).as("strategy_score"),
                        count(lit(1)).as("corporate_aims_scored"))
                .withColumn(KEY, lit(PORTFOLIO_KEY));
    }

    private static Dataset<Row> budget(Dataset<Row> variance) {
        return variance.filter(col("grain").isin(Grains.TOTAL, BUSINESS_UNIT)).select(key(col("business_unit")),
                col("plan_ytd"), col("actual_ytd"), col("variance_pct").as("budget_variance_pct"),
                col("board_status").as("budget_status"), col("plan_fy"), col("forecast_fy"));
    }

    /**
     * The active portfolio's counts, and its budget and forecast at completion over the same
     * projects (so their difference is the forecast overrun). A programme's budget and forecast
     * hold its projects' (parent_id), so a project whose programme is also in the active portfolio
     * is counted but its money is summed only once: the company's sums leave it out, and so does
     * its unit's when the programme belongs to the same unit. A project under another unit's
     * programme stays in its own unit's sums and is taken out of the programme's unit's, so each
     * unit's figure is its own projects' and the units add up to the company.
     */
    private static Dataset<Row> projects(Dataset<Row> health, Optional<Dataset<Row>> projects) {
        Dataset<Row> active = health.filter(StatusColumns.matches(StatusRule.ACTIVE_PORTFOLIO, col("status")));
        Column inActiveProgramme = lit(false);
        Column programmeInSameUnit = lit(false);
        Optional<Dataset<Row>> otherUnitsProjects = Optional.empty();
        if (projects.isPresent()) {
            Dataset<Row> parents = projects.get().select(col("project_id").as("_child"), col("parent_id").as("_parent"))
                    .join(active.select(col("project_id").as("_active_parent"), col("business_unit").as("_parent_unit"),
                            col("eac").isNotNull().as("_parent_summed")),
                            col("_parent").equalTo(col("_active_parent")))
                    .select(col("_child"), col("_parent_unit"), col("_parent_summed"), lit(true).as("_in_programme"));
            active = active.join(parents, col("project_id").equalTo(col("_child")), "left");
            inActiveProgramme = coalesce(col("_in_programme"), lit(false));
            programmeInSameUnit = inActiveProgramme.and(col("_parent_unit").eqNullSafe(col("business_unit")));
            // the programme's unit gives back what its projects in other units count in theirs
            otherUnitsProjects = Optional.of(active.filter(inActiveProgramme.and(not(programmeInSameUnit))
                    .and(col("_parent_summed")).and(col("eac").isNotNull()).and(col("_parent_unit").isNotNull()))
                    .select(col("_parent_unit").as("business_unit"), lit(null).cast("string").as("health"),
                            functions.negate(col("bac")).as("bac"), functions.negate(col("eac")).as("eac"),
                            lit(false).as("_counted")));
        }
        Column inCompany = col("eac").isNotNull().and(not(inActiveProgramme));
        Column inUnit = col("eac").isNotNull().and(not(programmeInSameUnit));
        Dataset<Row> unitRows = active.filter(col("business_unit").isNotNull()).select(col("business_unit"),
                col("health"), when(inUnit, col("bac")).as("bac"), when(inUnit, col("eac")).as("eac"),
                lit(true).as("_counted"));
        Dataset<Row> withGivenBack = otherUnitsProjects.map(unitRows::unionByName).orElse(unitRows);
        Dataset<Row> units = withGivenBack.groupBy(col("business_unit").as(KEY)).agg(count(when(col("_counted"),
                lit(1))).as("active_projects"), healthCounts());
        Dataset<Row> company = active.select(col("health"), when(inCompany, col("bac")).as("bac"),
                when(inCompany, col("eac")).as("eac")).agg(count(lit(1)).as("active_projects"), healthCounts())
                .withColumn(KEY, lit(PORTFOLIO_KEY));
        return units.unionByName(company);
    }

    /** The counts by health, and the sums of the budget and forecast at completion left to sum. */
    private static Column[] healthCounts() {
        return new Column[] {countOf("health", "green", "projects_green"), countOf("health", "amber", "projects_amber"),
            countOf("health", "red", "projects_red"), functions.sum(col("bac")).as("projects_bac"),
            functions.sum(col("eac")).as("projects_eac")};
    }

    private static Dataset<Row> risks(Dataset<Row> exposure) {
        return perUnitAndPortfolio(exposure.filter(col("is_open")), count(lit(1)).as("open_risks"),
                countOf("band", "critical", "open_critical_risks"), countOf("band", "high", "open_high_risks"),
                MetricUdfs.exactSum(col("emv")).as("open_risk_emv"));
    }

    private static Dataset<Row> services(Dataset<Row> health) {
        return health.agg(count(col("sla_met")).as("services_with_sla"),
                        count(when(col("sla_met"), 1)).as("services_sla_met"))
                .withColumn("sla_attainment", MetricUdfs.share(col("services_sla_met"), col("services_with_sla")))
                .withColumn(KEY, lit(PORTFOLIO_KEY));
    }

    /** How many rows have the value in the column. */
    static Column countOf(String column, String value, String name) {
        return count(when(col(column).equalTo(value), 1)).as(name);
    }

    /** The aggregates per business unit (rows without one count only in the portfolio) and over all rows. */
    private static Dataset<Row> perUnitAndPortfolio(Dataset<Row> rows, Column first, Column... rest) {
        Dataset<Row> units = rows.filter(col("business_unit").isNotNull()).groupBy(col("business_unit").as(KEY))
                .agg(first, rest);
        return units.unionByName(rows.agg(first, rest).withColumn(KEY, lit(PORTFOLIO_KEY)));
    }

    /** Joins a group of figures by key, or adds its columns as nulls when its table is absent. */
    private static Dataset<Row> figures(Dataset<Row> rows, Optional<Dataset<Row>> figures, Map<String, String> types) {
        if (figures.isEmpty()) {
            Dataset<Row> result = rows;
            for (Map.Entry<String, String> column : types.entrySet()) {
                result = result.withColumn(column.getKey(), lit(null).cast(column.getValue()));
            }
            return result;
        }
        List<Column> typed = new ArrayList<>();
        typed.add(col(KEY));
        types.forEach((name, type) -> typed.add(col(name).cast(type).as(name)));
        return rows.join(figures.get().select(typed.toArray(Column[]::new)), scala.jdk.javaapi.CollectionConverters
                .asScala(List.of(KEY)).toSeq(), "left");
    }

    /** {@link #figures} for counts and sums: a unit the table has no row for counts 0 of them. */
    private static Dataset<Row> counts(Dataset<Row> rows, Optional<Dataset<Row>> figures, Map<String, String> types) {
        Dataset<Row> joined = figures(rows, figures, types);
        if (figures.isEmpty()) {
            return joined;
        }
        for (Map.Entry<String, String> column : types.entrySet()) {
            joined = joined.withColumn(column.getKey(), coalesce(col(column.getKey()), lit(0).cast(column.getValue())));
        }
        return joined;
    }

    private static Map<String, String> columns(String... namesAndTypes) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.put(namesAndTypes[i], namesAndTypes[i + 1]);
        }
        return columns;
    }
}
