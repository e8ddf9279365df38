package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.northstar.concurrent.TaskGraph;
import io.northstar.lake.Staging;
import io.northstar.lake.Zone;
import io.northstar.spark.JobLabels;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Computes every metric table of one snapshot and writes it to the staging area, each row
 * carrying as_of and run_id. The tables are declared in {@link MetricCatalogue}; a unit starts
 * once the units producing the tables it reads are done, up to {@value #PARALLEL_TABLES} at a
 * time. Each table is read back from its Parquet files for the units that read it, so nothing
 * is computed twice. Tables whose datasets the job lacks are skipped, not zero-filled.
 */
public final class MetricsStage {
    private static final Map<String, Column[]> SORT_ORDER = Map.ofEntries(
            Map.entry(BudgetTables.VARIANCE, columns("grain", "business_unit", "tower", "category")),
            Map.entry(BudgetTables.MONTHLY, columns("period", "business_unit")),
            Map.entry(BudgetTables.TOWERS, columns("grain", "business_unit", "tower")),
            Map.entry(ExecutiveSummaryTable.NAME, columns("grain", "business_unit")),
            Map.entry(KpiHistoryTable.NAME, columns("kpi_id", "period_end")),
            Map.entry(BusinessUnitKpisTable.NAME, columns("business_unit", "objective_id", "kpi_id")),
            Map.entry(RiskTables.SUMMARY, columns("dimension", "key")),
            Map.entry(RiskTables.HEATMAP, columns("likelihood", "impact")),
            Map.entry(RiskTables.SIMULATION, columns("scope", "key")),
            Map.entry(AssetRefreshTable.NAME, columns("grain", "asset_class", "business_unit")),
            // listed statements before derived ones in each quadrant
            Map.entry(SwotTable.NAME, new Column[] {col("quadrant"), col("origin").desc(), col("source"),
                col("statement")}),
            Map.entry(ChangesTable.NAME, columns("entity_type", "change", "entity_id")));

    /**
     * Tables computed at once. Most metric tables are small, so the driver's planning rather
     * than the executors bounds each one; overlapping them was measured on 2 cores
     * (BENCHMARKS.md).
     */
    private static final int PARALLEL_TABLES = 3;

    private final MetricsContext context;
    private final Staging staging;
    private final Map<String, Dataset<Row>> written = new ConcurrentHashMap<>();

    private MetricsStage(MetricsContext context, Staging staging) {
        this.context = context;
        this.staging = staging;
    }

    /**
     * Writes the metric tables and returns each table's row count, in the order of
     * {@link MetricCatalogue}.
     *
     * @throws IllegalArgumentException naming the table, before any Spark work, when the
     *     catalogue's declarations do not hold together (see {@link #checkCatalogue})
     */
    public static Map<String, Long> run(MetricsContext context, Staging staging) {
        MetricGraph graph = plan();
        MetricsStage stage = new MetricsStage(context, staging);
        TaskGraph<Map<String, Long>> tasks = new TaskGraph<>("northstar-metrics", PARALLEL_TABLES);
        for (MetricUnit unit : graph.inDependencyOrder()) {
            tasks.add(unit.name(), graph.dependenciesOf(unit), () -> JobLabels.labelled(context.spark(),
                    "metrics " + unit.name(), () -> stage.compute(unit)));
        }
        List<Map<String, Long>> results = tasks.run(result -> { });
        Map<String, Map<String, Long>> byUnit = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            byUnit.put(graph.inDependencyOrder().get(i).name(), results.get(i));
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        graph.units().forEach(unit -> rows.putAll(byUnit.get(unit.name())));
        return rows;
    }

    /**
     * Checks the metric tables' declarations without Spark, so that a run can fail at start-up
     * rather than after ingesting: every table a unit reads is produced by exactly one unit,
     * no units read each other in a cycle, and every table given a sort order is declared.
     *
     * @throws IllegalArgumentException naming the table when they do not
     */
    public static void checkCatalogue() {
        plan();
    }

    private static MetricGraph plan() {
        MetricGraph graph = MetricGraph.of(MetricCatalogue.units());
        for (String table : SORT_ORDER.keySet()) {
            if (!graph.tables().contains(table)) {
                throw new IllegalArgumentException("metric table " + table + " has a sort order but no metric unit"
                        + " produces it");
            }
        }
        return graph;
    }

    /** Runs the unit with the tables it declared it reads; returns the row count of each table it wrote. */
    private Map<String, Long> compute(MetricUnit unit) {
        MetricOutputs out = new MetricOutputs(unit, this::write);
        unit.computation().compute(context, unit.inputs(written), out);
        return out.rows();
    }

    private static Column[] columns(String... names) {
        return java.util.Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    /**
     * One file per table (they are small, and readers should not open thousands of parts),
     * sorted by its first column, or by the given ones.
     */
    private long write(String table, Dataset<Row> rows) {
        Column[] sortBy = SORT_ORDER.getOrDefault(table, columns(rows.columns()[0]));
        Dataset<Row> stamped = rows.withColumn("as_of", lit(context.asOf())).withColumn("run_id", lit(context.runId()))
                .coalesce(1)
                .sortWithinPartitions(sortBy);
        String path = staging.partition(Zone.METRICS, table);
        return JobLabels.labelled(context.spark(), "metrics " + table, () -> {
            stamped.write().mode(SaveMode.ErrorIfExists).parquet(path);
            Dataset<Row> published = context.spark().read().parquet(path);
            written.put(table, published);
            return published.count();
        });
    }
}
