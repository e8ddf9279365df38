package io.northstar.metrics.spark;

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
 * carrying as_of and run_id. Each table is read back from its Parquet files for the tables
 * that build on it, so nothing is computed twice. Tables whose datasets the job lacks are
 * skipped, not zero-filled.
 */
public final class MetricsStage {
    private static final Map<String, String[]> SORT_ORDER = Map.of(
            BudgetTables.VARIANCE, new String[] {"grain", "business_unit", "tower", "category"},
            BudgetTables.MONTHLY, new String[] {"period", "business_unit"},
            RiskTables.SUMMARY, new String[] {"dimension", "key"},
            RiskTables.HEATMAP, new String[] {"likelihood", "impact"},
            RiskTables.SIMULATION, new String[] {"scope", "key"});

    private final MetricsContext context;
    private final Staging staging;
    private final Map<String, Dataset<Row>> written = new LinkedHashMap<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();

    private MetricsStage(MetricsContext context, Staging staging) {
        this.context = context;
        this.staging = staging;
    }

    /** Writes the metric tables and returns each table's row count, in the order written. */
    public static Map<String, Long> run(MetricsContext context, Staging staging) {
        MetricsStage stage = new MetricsStage(context, staging);
        stage.writeAll();
        return stage.rows;
    }

    private void writeAll() {
        Optional<KpiTables.Result> kpi = KpiTables.compute(context);
        try {
            kpi.ifPresent(result -> {
                write(KpiTables.STATUS, result.status());
                write(KpiTables.TREND, result.trend());
                write(KpiTables.SMART, result.smart());
            });
        } finally {
            kpi.ifPresent(KpiTables.Result::release);
        }
        ServiceTable.compute(context).ifPresent(table -> write(ServiceTable.NAME, table));
        ScorecardTable.compute(context, table(KpiTables.STATUS), table(ServiceTable.NAME))
                .ifPresent(table -> write(ScorecardTable.NAME, table));
        AlignmentTable.compute(context).ifPresent(table -> write(AlignmentTable.NAME, table));
        ProjectHealthTable.compute(context).ifPresent(table -> write(ProjectHealthTable.NAME, table));
        BudgetTables.compute(context).forEach(this::write);
        RiskTables.compute(context).forEach(this::write);
        PriorityTable.compute(context).ifPresent(table -> write(PriorityTable.NAME, table));
        write(FindingsTable.NAME, FindingsTable.compute(context, written, context.quarantined()));
    }

    private Optional<Dataset<Row>> table(String name) {
        return Optional.ofNullable(written.get(name));
    }

    /**
     * One file per table (they are small, and readers should not open thousands of parts),
     * sorted by its first column, or by the given ones.
     */
    private void write(String table, Dataset<Row> rows) {
        write(table, rows, SORT_ORDER.getOrDefault(table, new String[] {rows.columns()[0]}));
    }

    private void write(String table, Dataset<Row> rows, String[] sortBy) {
        Dataset<Row> stamped = rows.withColumn("as_of", lit(context.asOf())).withColumn("run_id", lit(context.runId()))
                .coalesce(1)
                .sortWithinPartitions(java.util.Arrays.stream(sortBy).map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new));
        String path = staging.partition(Zone.METRICS, table);
        stamped.write().mode(SaveMode.ErrorIfExists).parquet(path);
        Dataset<Row> published = context.spark().read().parquet(path);
        written.put(table, published);
        this.rows.put(table, published.count());
    }
}
