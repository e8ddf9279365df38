package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.northstar.contract.Datasets;
import io.northstar.metrics.FiscalYear;
import io.northstar.metrics.budget.BudgetMath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * budget_variance, budget_monthly and vendor_concentration (SPEC.md §2.7), from the budget
 * lines of the fiscal year that contains as_of.
 */
final class BudgetTables {
    static final String VARIANCE = "budget_variance";
    static final String MONTHLY = "budget_monthly";
    static final String VENDORS = "vendor_concentration";
    static final String TOWERS = "budget_towers";
    static final String MONTHLY_TOTAL = "budget_monthly_total";
    static final String TOWER = "tower";
    static final String BUSINESS_UNIT_TOWER = "business_unit_tower";
    private static final String MONEY = "decimal(18,2)";

    private static final UserDefinedFunction BOARD_STATUS = functions.udf(
            (org.apache.spark.sql.api.java.UDF2<String, Double, String>) io.northstar.metrics.summary.HeadlineRules::budget,
            DataTypes.StringType);
    private static final UserDefinedFunction VARIANCE_PCT = functions.udf(
            (UDF2<Double, Double, Double>) BudgetMath::variancePct, DataTypes.DoubleType);
    private static final UserDefinedFunction STATUS = functions.udf(
            (UDF1<Double, String>) BudgetMath::status, DataTypes.StringType);

    private BudgetTables() {
    }

    static Map<String, Dataset<Row>> compute(MetricsContext context) {
        if (!context.tables().has(Datasets.BUDGET_LINES)) {
            return Map.of();
        }
        Dataset<Row> lines = context.tables().require(Datasets.BUDGET_LINES);
        FiscalYear year = context.fiscalYear();
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(VARIANCE, variance(lines, year));
        tables.put(MONTHLY, lines.groupBy("period", "business_unit")
                .agg(sum("plan").as("plan"), sum("actual").as("actual"))
                .orderBy("period", "business_unit"));
        tables.put(VENDORS, vendors(lines, year));
        tables.put(TOWERS, towers(lines, year));
        tables.put(MONTHLY_TOTAL, lines.groupBy("period").agg(sum("plan").as("plan"), sum("actual").as("actual"))
                .orderBy("period"));
        return tables;
    }

    /** One row per business unit × tower × category, per business unit, and the total. */
    private static Dataset<Row> variance(Dataset<Row> lines, FiscalYear year) {
        Dataset<Row> grains = Grains.rollUp(lines.filter(inYear(year)), List.of("business_unit", "tower",
                "category"), sums(year));
        return withVariance(grains, year).select("grain", "business_unit", "tower", "category", "plan_ytd",
                "actual_ytd", "variance", "variance_pct", "plan_fy", "forecast_fy", "status", "board_status");
    }

    /**
     * budget_towers: the figures of budget_variance by tower over every business unit (grain
     * tower) and by business unit × tower (grain business_unit_tower), for the breakdowns of the
     * executive and business-unit scorecards. A null tower is its own group, as in
     * budget_variance.
     */
    private static Dataset<Row> towers(Dataset<Row> lines, FiscalYear year) {
        Dataset<Row> inYear = lines.filter(inYear(year));
        Dataset<Row> byTower = Grains.grain(inYear, TOWER, List.of("tower"), List.of("business_unit"), sums(year));
        Dataset<Row> byUnit = Grains.grain(inYear, BUSINESS_UNIT_TOWER, List.of("business_unit", "tower"), List.of(),
                sums(year));
        return withVariance(byTower.unionByName(byUnit), year).select("grain", "business_unit", "tower", "plan_ytd",
                "actual_ytd", "variance", "variance_pct", "plan_fy", "forecast_fy", "status", "board_status");
    }

    private static Column inYear(FiscalYear year) {
        return col("period").geq(year.firstPeriod()).and(col("period").leq(year.lastPeriod()));
    }

    /** The sums each group's figures come from, over the fiscal year's lines. */
    private static Column[] sums(FiscalYear year) {
        Column toDate = col("period").leq(year.asOfPeriod());
        Column remainingForecast = col("period").gt(year.asOfPeriod()).and(col("forecast").isNotNull());
        return new Column[] {
            sum(when(toDate, col("plan"))).as("plan_ytd"),
            sum(when(toDate, col("actual"))).as("actual_ytd"),
            sum("plan").as("plan_fy"),
            sum(when(remainingForecast, col("forecast"))).as("remaining_forecast"),
            count(when(remainingForecast, 1)).as("forecast_rows")};
    }

    /** Variance, its percentage, the FY forecast and the status of each group, from {@link #sums}. */
    private static Dataset<Row> withVariance(Dataset<Row> groups, FiscalYear year) {
        int monthsElapsed = year.monthsElapsed();
        UserDefinedFunction forecast = functions.udf((UDF3<Double, Double, Long, Double>) (actual, remaining, rows)
                -> BudgetMath.forecastFy(actual, remaining, rows, monthsElapsed), DataTypes.DoubleType);
        Column plan = coalesce(col("plan_ytd"), lit(0)).cast(MONEY);
        Column actual = coalesce(col("actual_ytd"), lit(0)).cast(MONEY);
        return groups
                .withColumn("plan_ytd", plan)
                .withColumn("actual_ytd", actual)
                .withColumn("variance", col("actual_ytd").minus(col("plan_ytd")).cast(MONEY))
                .withColumn("variance_pct", VARIANCE_PCT.apply(col("plan_ytd").cast("double"),
                        col("actual_ytd").cast("double")))
                .withColumn("plan_fy", col("plan_fy").cast(MONEY))
                .withColumn("forecast_fy", forecast.apply(col("actual_ytd").cast("double"),
                        coalesce(col("remaining_forecast"), lit(0)).cast("double"), col("forecast_rows")).cast(MONEY))
                .withColumn("status", STATUS.apply(col("variance_pct")))
                // what the pages colour: the same figure must never be green on one page and amber on another
                .withColumn("board_status", BOARD_STATUS.apply(col("status"), col("variance_pct")));
    }

    /** YTD actual by vendor, its share of the lines with a vendor, and the HHI over them. */
    private static Dataset<Row> vendors(Dataset<Row> lines, FiscalYear year) {
        Dataset<Row> byVendor = lines
                .filter(col("vendor").isNotNull()
                        .and(col("period").geq(year.firstPeriod())).and(col("period").leq(year.asOfPeriod())))
                .groupBy("vendor").agg(sum("actual").as("actual_ytd"));
        Column all = sum(col("actual_ytd")).over(Window.partitionBy());
        Dataset<Row> shared = byVendor.withColumn("share", MetricUdfs.share(col("actual_ytd"), all));
        Column squares = functions.sum(pow(col("share"), 2).cast("decimal(38,18)")).over(Window.partitionBy());
        return shared.withColumn("hhi", squares.multiply(10_000).cast("double"))
                .orderBy(col("actual_ytd").desc(), col("vendor"));
    }
}
