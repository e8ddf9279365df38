package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.northstar.contract.Datasets;
import io.northstar.metrics.FiscalYear;
import io.northstar.metrics.StatusRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * alignment (SPEC.md §2.5): a portfolio-total row (business_unit null) and one row per business
 * unit named in projects or budget lines, with how much of the active budget and of the YTD
 * spend serves the strategy, and the run/grow/transform split of that spend.
 */
final class AlignmentTable {
    static final String NAME = "alignment";
    private static final String MONEY = "decimal(18,2)";
    /** The key of the portfolio-total sums; no business unit can be called this. */
    private static final String TOTAL = "\u0000total";

    private AlignmentTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context) {
        SnapshotTables tables = context.tables();
        if (!tables.has(Datasets.PROJECTS) && !tables.has(Datasets.BUDGET_LINES)) {
            return Optional.empty();
        }
        Optional<Dataset<Row>> projects = PortfolioLinks.projectsWithAlignment(tables);
        boolean haveLinks = tables.has(Datasets.PROJECT_OBJECTIVES);

        List<Dataset<Row>> units = new ArrayList<>();
        projects.ifPresent(p -> units.add(p.select("business_unit")));
        tables.get(Datasets.BUDGET_LINES).ifPresent(b -> units.add(b.select("business_unit")));
        Dataset<Row> unitNames = units.stream().reduce(Dataset::union).orElseThrow().distinct();

        Dataset<Row> budget = projects.map(p -> budgetSide(p, haveLinks)).orElse(null);
        Dataset<Row> spend = tables.get(Datasets.BUDGET_LINES)
                .map(lines -> spendSide(lines, projects, haveLinks, context.fiscalYear())).orElse(null);

        boolean haveProjects = projects.isPresent();
        Dataset<Row> perUnit = withSides(unitNames, budget, spend, true, haveLinks, haveProjects);
        Dataset<Row> total = withSides(context.spark().range(1).select(lit(null).cast("string").as("business_unit")),
                budget, spend, false, haveLinks, haveProjects);
        total = total.crossJoin(coverage(context)).crossJoin(itAimCount(context));
        perUnit = perUnit.withColumn("uncovered_objectives", lit(null).cast("array<string>"))
                .withColumn("it_aim_count", lit(null).cast("long"));
        return Optional.of(total.unionByName(perUnit).select("business_unit", "aligned_budget_share",
                "aligned_spend_share", "run_share", "grow_share", "transform_share", "unaligned_projects",
                "uncovered_objectives", "it_aim_count", "active_budget", "aligned_budget", "ytd_actual"));
    }

    /** Active-portfolio sums per business unit, and for the whole portfolio. */
    private static Dataset<Row> budgetSide(Dataset<Row> projects, boolean haveLinks) {
        Dataset<Row> active = projects.filter(StatusColumns.matches(StatusRule.ACTIVE_PORTFOLIO, col("status")));
        Column alignedBudget = haveLinks ? MetricUdfs.exactSum(col("budget").cast("double").multiply(col("alignment")))
                : lit(null);
        Column unaligned = haveLinks
                ? array_sort(collect_list(when(col("alignment").equalTo(0), col("project_id"))))
                : lit(null).cast("array<string>");
        Column[] aggregates = {
            sum("budget").as("active_budget"), alignedBudget.cast("double").as("aligned_budget_raw"),
            unaligned.as("unaligned_projects")};
        return bothGrains(active, aggregates);
    }

    /** YTD spend sums per business unit, by the line's project's alignment and category. */
    private static Dataset<Row> spendSide(Dataset<Row> lines, Optional<Dataset<Row>> projects, boolean haveLinks,
            FiscalYear year) {
        Dataset<Row> ytd = lines.filter(col("period").geq(year.firstPeriod()).and(col("period").leq(year.asOfPeriod())));
        if (projects.isPresent()) {
            Dataset<Row> byProject = projects.get().select(col("project_id").as("l_project"),
                    col("category").as("project_category"), col("alignment"));
            ytd = ytd.join(byProject, col("project_id").equalTo(col("l_project")), "left");
        } else {
            ytd = ytd.withColumn("project_category", lit(null).cast("string"))
                    .withColumn("alignment", lit(null).cast("double"));
        }
        Column category = coalesce(col("project_category"), lit("run"));
        Column actual = col("actual").cast("double");
        boolean categories = projects.isPresent();
        Column[] aggregates = {
            sum("actual").as("ytd_actual"),
            (haveLinks ? MetricUdfs.exactSum(actual.multiply(coalesce(col("alignment"), lit(0.0))))
                    : lit(null).cast("double"))
                    .as("aligned_spend"),
            categorySum(categories, category, "run", actual).as("run_spend"),
            categorySum(categories, category, "grow", actual).as("grow_spend"),
            categorySum(categories, category, "transform", actual).as("transform_spend")};
        return bothGrains(ytd, aggregates);
    }

    private static Column categorySum(boolean known, Column category, String wanted, Column actual) {
        return known ? MetricUdfs.exactSum(when(category.equalTo(wanted), actual).otherwise(0.0))
                : lit(null).cast("double");
    }

    /** The aggregates per business unit and for all rows (key TOTAL). */
    private static Dataset<Row> bothGrains(Dataset<Row> rows, Column[] aggregates) {
        Column first = aggregates[0];
        Column[] rest = java.util.Arrays.copyOfRange(aggregates, 1, aggregates.length);
        Dataset<Row> perUnit = rows.groupBy(col("business_unit").as("s_unit")).agg(first, rest);
        Dataset<Row> total = rows.agg(first, rest).withColumn("s_unit", lit(TOTAL));
        return perUnit.unionByName(total);
    }


    /**
     * Joins the sums onto the unit names (or the total row) and turns them into shares. A unit
     * with no active project or no YTD line has sums of 0, so its shares are null (0 / 0).
     */
    private static Dataset<Row> withSides(Dataset<Row> keys, Dataset<Row> budget, Dataset<Row> spend, boolean perUnit,
            boolean haveLinks, boolean haveProjects) {
        Column key = perUnit ? col("business_unit") : lit(TOTAL);
        Dataset<Row> rows = keys;
        if (budget != null) {
            rows = rows.join(budget.withColumnRenamed("s_unit", "b_unit"), key.equalTo(col("b_unit")), "left")
                    .drop("b_unit")
                    .withColumn("active_budget", coalesce(col("active_budget"), lit(0)).cast(MONEY));
            if (haveLinks) {
                rows = rows.withColumn("aligned_budget_raw", coalesce(col("aligned_budget_raw"), lit(0.0)))
                        .withColumn("unaligned_projects",
                                coalesce(col("unaligned_projects"), array().cast("array<string>")));
            }
        } else {
            rows = rows.withColumn("active_budget", lit(null).cast(MONEY))
                    .withColumn("aligned_budget_raw", lit(null).cast("double"))
                    .withColumn("unaligned_projects", lit(null).cast("array<string>"));
        }
        if (spend != null) {
            rows = rows.join(spend.withColumnRenamed("s_unit", "p_unit"), key.equalTo(col("p_unit")), "left")
                    .drop("p_unit")
                    .withColumn("ytd_actual", coalesce(col("ytd_actual"), lit(0)).cast(MONEY));
            if (haveLinks) {
                rows = rows.withColumn("aligned_spend", coalesce(col("aligned_spend"), lit(0.0)));
            }
            if (haveProjects) {
                for (String column : new String[] {"run_spend", "grow_spend", "transform_spend"}) {
                    rows = rows.withColumn(column, coalesce(col(column), lit(0.0)));
                }
            }
        } else {
            for (String column : new String[] {"aligned_spend", "run_spend", "grow_spend", "transform_spend"}) {
                rows = rows.withColumn(column, lit(null).cast("double"));
            }
            rows = rows.withColumn("ytd_actual", lit(null).cast(MONEY));
        }
        return rows
                .withColumn("aligned_budget", col("aligned_budget_raw").cast(MONEY))
                .withColumn("aligned_budget_share", MetricUdfs.share(col("aligned_budget_raw"), col("active_budget")))
                .withColumn("aligned_spend_share", MetricUdfs.share(col("aligned_spend"), col("ytd_actual")))
                .withColumn("run_share", MetricUdfs.share(col("run_spend"), col("ytd_actual")))
                .withColumn("grow_share", MetricUdfs.share(col("grow_spend"), col("ytd_actual")))
                .withColumn("transform_share", MetricUdfs.share(col("transform_spend"), col("ytd_actual")));
    }

    /** uncovered_objectives: objectives of level objective with no active linked project. */
    private static Dataset<Row> coverage(MetricsContext context) {
        Optional<Dataset<Row>> links = PortfolioLinks.activeLinks(context.tables());
        if (!context.tables().has(Datasets.OBJECTIVES) || links.isEmpty()) {
            return context.spark().range(1).select(lit(null).cast("array<string>").as("uncovered_objectives"));
        }
        Dataset<Row> covered = links.get().select(col("objective_id").as("c_objective")).distinct();
        return context.tables().require(Datasets.OBJECTIVES).filter(col("level").equalTo("objective"))
                .join(covered, col("objective_id").equalTo(col("c_objective")), "left_anti")
                .agg(array_sort(collect_list(col("objective_id"))).as("uncovered_objectives"));
    }

    /** The number of IT strategic aims (more than six is a finding). */
    private static Dataset<Row> itAimCount(MetricsContext context) {
        if (!context.tables().has(Datasets.OBJECTIVES)) {
            return context.spark().range(1).select(lit(null).cast("long").as("it_aim_count"));
        }
        return context.tables().require(Datasets.OBJECTIVES).agg(
                count(when(col("level").equalTo("it_aim"), 1)).as("it_aim_count"));
    }
}
