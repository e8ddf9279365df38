package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.northstar.lake.Staging;
import io.northstar.lake.Zone;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Computes every metric table of one snapshot and writes it to the staging area, each row
 * carrying as_of and run_id. Tables whose datasets the job lacks are skipped, not zero-filled.
 */
public final class MetricsStage {
    private MetricsStage() {
    }

    /** Writes the metric tables and returns each table's row count, in the order written. */
    public static Map<String, Long> run(MetricsContext context, Staging staging) {
        Map<String, Long> written = new LinkedHashMap<>();
        Optional<KpiTables.Result> kpi = KpiTables.compute(context);
        try {
            kpi.ifPresent(result -> {
                written.put(KpiTables.STATUS, write(context, staging, KpiTables.STATUS, result.status()));
                written.put(KpiTables.TREND, write(context, staging, KpiTables.TREND, result.trend()));
                written.put(KpiTables.SMART, write(context, staging, KpiTables.SMART, result.smart()));
            });
            ScorecardTable.compute(context, kpi.map(KpiTables.Result::status)).ifPresent(
                    table -> written.put(ScorecardTable.NAME, write(context, staging, ScorecardTable.NAME, table)));
            AlignmentTable.compute(context).ifPresent(
                    table -> written.put(AlignmentTable.NAME, write(context, staging, AlignmentTable.NAME, table)));
        } finally {
            kpi.ifPresent(KpiTables.Result::release);
        }
        return written;
    }

    private static long write(MetricsContext context, Staging staging, String table, Dataset<Row> rows) {
        Dataset<Row> stamped = rows.withColumn("as_of", lit(context.asOf())).withColumn("run_id", lit(context.runId()))
                .coalesce(1)
                .sortWithinPartitions(col(rows.columns()[0]));
        String path = staging.partition(Zone.METRICS, table);
        stamped.write().mode(SaveMode.ErrorIfExists).parquet(path);
        return context.spark().read().parquet(path).count();
    }
}
