package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.northstar.contract.Datasets;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * kpi_history (SPEC.md §2.12): each KPI's latest observations up to as_of, the points its
 * chart draws; {@code recency} 1 is the latest.
 */
final class KpiHistoryTable {
    static final String NAME = "kpi_history";
    /** Two years of monthly observations. */
    static final int POINTS = 24;

    private KpiHistoryTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context) {
        return context.tables().get(Datasets.KPI_OBSERVATIONS).map(observations -> observations
                .filter(col("period_end").leq(lit(context.asOf())))
                .withColumn("recency", row_number().over(Window.partitionBy("kpi_id")
                        .orderBy(col("period_end").desc())))
                .filter(col("recency").leq(POINTS))
                .select("kpi_id", "period_end", "value", "recency"));
    }
}
