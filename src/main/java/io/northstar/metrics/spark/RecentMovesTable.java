package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;

import io.northstar.contract.Datasets;
import io.northstar.metrics.review.Changes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * recent_moves: what the data's own history shows moved into this snapshot, so a review with no
 * earlier snapshot to compare with (SPEC.md §4.4 leaves changes empty then) still opens on what
 * moved. Each KPI whose latest observation differs from the one before it, and each open risk
 * identified in the {@value #RECENT_RISK_DAYS} days up to as_of. Same columns as changes, with
 * the KPI's unit, and {@code since}: the earlier observation's period_end or the identified_date.
 */
final class RecentMovesTable {
    static final String NAME = "recent_moves";
    static final int RECENT_RISK_DAYS = 31;

    private static final UserDefinedFunction MOVE = functions.udf(
            (UDF2<Double, Double, Double>) Changes::relativeMove, DataTypes.DoubleType);
    private static final UserDefinedFunction DIRECTION = functions.udf(
            (UDF3<String, Double, Double, String>) Changes::observationDirection, DataTypes.StringType);

    private RecentMovesTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context, MetricInputs inputs) {
        List<Dataset<Row>> parts = new ArrayList<>();
        inputs.get(KpiHistoryTable.NAME).ifPresent(history -> context.tables().get(Datasets.KPIS)
                .ifPresent(kpis -> parts.add(kpiMoves(history, kpis))));
        inputs.get(RiskTables.EXPOSURE).ifPresent(exposure -> context.tables().get(Datasets.RISKS)
                .ifPresent(risks -> parts.add(newRisks(context, exposure, risks))));
        return parts.stream().reduce(Dataset::unionByName);
    }

    private static Dataset<Row> kpiMoves(Dataset<Row> history, Dataset<Row> kpis) {
        Dataset<Row> latest = history.filter(col("recency").equalTo(1))
                .select(col("kpi_id"), col("value").as("_after"), col("period_end").as("_latest"));
        Dataset<Row> prior = history.filter(col("recency").equalTo(2))
                .select(col("kpi_id").as("_prior_kpi"), col("value").as("_before"), col("period_end").as("since"));
        Dataset<Row> named = kpis.select(col("kpi_id").as("_kpi"), col("name"), col("unit"), col("direction"));
        return latest.join(prior, col("kpi_id").equalTo(col("_prior_kpi")))
                .join(named, col("kpi_id").equalTo(col("_kpi")))
                .filter(col("_after").notEqual(col("_before")))
                .select(lit("kpi").as("entity_type"), col("kpi_id").as("entity_id"), col("name"),
                        lit("latest_observation").as("change"), col("_before").cast("string").as("before"),
                        col("_after").cast("string").as("after"), col("unit"),
                        MOVE.apply(col("_before"), col("_after")).as("relative_move"),
                        DIRECTION.apply(col("direction"), col("_before"), col("_after")).as("direction"),
                        col("since"));
    }

    private static Dataset<Row> newRisks(MetricsContext context, Dataset<Row> exposure, Dataset<Row> risks) {
        Dataset<Row> identified = risks.select(col("risk_id").as("_risk"), col("identified_date").as("since"));
        return exposure.filter(col("is_open")).join(identified, col("risk_id").equalTo(col("_risk")))
                .filter(col("since").gt(date_sub(lit(context.asOf()), RECENT_RISK_DAYS)))
                .select(lit("risk").as("entity_type"), col("risk_id").as("entity_id"), col("title").as("name"),
                        lit("identified").as("change"), lit(null).cast("string").as("before"),
                        col("band").as("after"), lit(null).cast("string").as("unit"),
                        lit(null).cast("double").as("relative_move"), lit(Changes.WORSE).as("direction"),
                        col("since"));
    }
}
