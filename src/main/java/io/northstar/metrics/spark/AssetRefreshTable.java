package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.northstar.contract.Datasets;
import io.northstar.metrics.finance.AssetLifecycle;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * asset_refresh (SPEC.md §4.2): per asset class × business unit, per class and in total, how
 * many assets there are, how many are past their lifecycle or due within 12 months, and what
 * replacing them costs. Assets acquired after as_of are not in the register yet.
 */
final class AssetRefreshTable {
    static final String NAME = "asset_refresh";
    private static final String MONEY = "decimal(18,2)";

    private static final StructType LIFECYCLE = new StructType()
            .add("age_years", DataTypes.DoubleType, false)
            .add("past", DataTypes.BooleanType, false)
            .add("due", DataTypes.BooleanType, false);

    private AssetRefreshTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context) {
        Optional<Dataset<Row>> assets = context.tables().get(Datasets.ASSETS);
        if (assets.isEmpty()) {
            return Optional.empty();
        }
        LocalDate asOf = context.asOf();
        UserDefinedFunction lifecycle = functions.udf((UDF2<Object, Double, Row>) (acquired, years) -> {
            AssetLifecycle stage = AssetLifecycle.of(Rows.localDate(acquired), years, asOf);
            return RowFactory.create(stage.ageYears(), stage.pastLifecycle(), stage.dueWithin12Months());
        }, LIFECYCLE);
        Dataset<Row> staged = assets.get().filter(col("acquired_date").leq(lit(asOf)))
                .withColumn("_l", lifecycle.apply(col("acquired_date"), col("lifecycle_years").cast("double")));
        Column past = col("_l.past");
        Column due = col("_l.due");
        Dataset<Row> grains = Grains.rollUp(staged, List.of("asset_class", "business_unit"),
                count(lit(1)).as("assets"),
                count(when(past, 1)).as("past_lifecycle"),
                count(when(due, 1)).as("due_12m"),
                sum("replacement_cost").as("replacement_cost"),
                sum(when(past, col("replacement_cost"))).as("cost_past_lifecycle"),
                sum(when(due, col("replacement_cost"))).as("cost_due_12m"),
                avg("_l.age_years").as("average_age_years"));
        return Optional.of(grains
                .withColumn("past_lifecycle_share", when(col("assets").gt(0),
                        col("past_lifecycle").divide(col("assets"))))
                .withColumn("replacement_cost", coalesce(col("replacement_cost"), lit(0)).cast(MONEY))
                .withColumn("cost_past_lifecycle", coalesce(col("cost_past_lifecycle"), lit(0)).cast(MONEY))
                .withColumn("cost_due_12m", coalesce(col("cost_due_12m"), lit(0)).cast(MONEY))
                // what the review pack's refresh page ranks by: the money to spend now or within the year
                .withColumn("refresh_backlog", col("cost_past_lifecycle").plus(col("cost_due_12m")).cast(MONEY))
                .select("grain", "asset_class", "business_unit", "assets", "past_lifecycle", "past_lifecycle_share",
                        "due_12m", "replacement_cost", "cost_past_lifecycle", "cost_due_12m", "refresh_backlog",
                        "average_age_years"));
    }
}
