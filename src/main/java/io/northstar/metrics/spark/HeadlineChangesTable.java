package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.northstar.metrics.summary.HeadlineMove;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * headline_changes (SPEC.md §2.12): each tile's figure beside the same figure of the previous
 * snapshot, so a tile can show its arrow and what it was. One row per executive_summary row and
 * headline measure that has a value; previous_as_of is the previous snapshot's date (null for the
 * first snapshot), and previous_value is null for a unit or measure that snapshot did not have.
 */
final class HeadlineChangesTable {
    static final String NAME = "headline_changes";

    private static final UserDefinedFunction DIRECTION = functions.udf(
            (UDF3<String, Double, Double, String>) HeadlineMove::direction, DataTypes.StringType);

    private HeadlineChangesTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context, MetricInputs inputs) {
        Optional<Dataset<Row>> summary = inputs.get(ExecutiveSummaryTable.NAME);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Dataset<Row> now = measures(summary.get());
        Optional<Dataset<Row>> before = context.previousMetric(ExecutiveSummaryTable.NAME);
        Dataset<Row> joined;
        if (before.isPresent()) {
            Dataset<Row> was = measures(before.get())
                    .select(col("grain").as("_grain"), col("business_unit").as("_unit"), col("measure").as("_measure"),
                            col("value").as("previous_value"));
            joined = now.join(was, col("grain").equalTo(col("_grain"))
                            .and(col("business_unit").eqNullSafe(col("_unit")))
                            .and(col("measure").equalTo(col("_measure"))), "left")
                    .withColumn("previous_as_of", lit(java.sql.Date.valueOf(context.previous().orElseThrow().asOf())));
        } else {
            joined = now.withColumn("previous_value", lit(null).cast("double"))
                    .withColumn("previous_as_of", lit(null).cast("date"));
        }
        return Optional.of(joined
                .withColumn("change", col("value").minus(col("previous_value")))
                .withColumn("direction", DIRECTION.apply(col("measure"), col("previous_value"), col("value")))
                .select("grain", "business_unit", "measure", "value", "previous_value", "previous_as_of", "change",
                        "direction"));
    }

    /**
     * One row per headline measure that has a value. A measure the table lacks (a snapshot
     * published before the measure existed) has no row, so it compares as not comparable.
     */
    private static Dataset<Row> measures(Dataset<Row> summary) {
        List<String> present = Arrays.asList(summary.columns());
        return HeadlineMove.Measure.columns().stream().filter(present::contains)
                .map(measure -> summary.select(col("grain"), col("business_unit"), lit(measure).as("measure"),
                        col(measure).cast("double").as("value")))
                .reduce(Dataset::union).orElseThrow()
                .filter(col("value").isNotNull());
    }
}
