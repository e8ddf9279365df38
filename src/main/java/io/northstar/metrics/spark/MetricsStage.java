package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.northstar.concurrent.TaskGraph;
import io.northstar.lake.Staging;
import io.northstar.lake.Zone;
import io.northstar.spark.JobLabels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
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

    /** Writes the metric tables and returns each table's row count, in a fixed order. */
    public static Map<String, Long> run(MetricsContext context, Staging staging) {
        MetricsStage stage = new MetricsStage(context, staging);
        Map<String, Long> rows = new LinkedHashMap<>();
        stage.graph().run(rows::putAll);
        return rows;
    }

    /**
     * One task per group of tables computed together; the scorecard reads the KPI status and
     * service health tables, the findings read every table before them.
     */
    private TaskGraph<Map<String, Long>> graph() {
        TaskGraph<Map<String, Long>> graph = new TaskGraph<>("northstar-metrics", PARALLEL_TABLES);
        add(graph, "kpi", Set.of(), () -> {
            Optional<KpiTables.Result> kpi = KpiTables.compute(context);
            try {
                return kpi.map(result -> {
                    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
                    tables.put(KpiTables.STATUS, result.status());
                    tables.put(KpiTables.TREND, result.trend());
                    tables.put(KpiTables.SMART, result.smart());
                    return writeEach(tables);
                }).orElse(Map.of());
            } finally {
                kpi.ifPresent(KpiTables.Result::release);
            }
        });
        add(graph, "service", Set.of(), () -> writeOptional(ServiceTable.NAME, ServiceTable.compute(context)));
        add(graph, "scorecard", Set.of("kpi", "service"), () -> writeOptional(ScorecardTable.NAME,
                ScorecardTable.compute(context, table(KpiTables.STATUS), table(ServiceTable.NAME))));
        add(graph, "alignment", Set.of(), () -> writeOptional(AlignmentTable.NAME, AlignmentTable.compute(context)));
        add(graph, "project_health", Set.of(), () -> writeOptional(ProjectHealthTable.NAME,
                ProjectHealthTable.compute(context)));
        add(graph, "budget", Set.of(), () -> writeEach(BudgetTables.compute(context)));
        add(graph, "risk", Set.of(), () -> writeEach(RiskTables.compute(context)));
        add(graph, "priority", Set.of(), () -> writeOptional(PriorityTable.NAME, PriorityTable.compute(context)));
        add(graph, "business_case", Set.of("risk"), () -> writeOptional(BusinessCaseTable.NAME,
                BusinessCaseTable.compute(context, table(RiskTables.EXPOSURE))));
        add(graph, "asset_refresh", Set.of(), () -> writeOptional(AssetRefreshTable.NAME,
                AssetRefreshTable.compute(context)));
        add(graph, "swot",
                Set.of("kpi", "service", "scorecard", "project_health", "risk", "priority", "business_case"),
                () -> writeOptional(SwotTable.NAME, SwotTable.compute(context, written)));
        add(graph, "changes", Set.of("kpi", "scorecard", "project_health", "budget", "risk"),
                () -> writeOne(ChangesTable.NAME, ChangesTable.compute(context, written)));
        add(graph, "kpi_history", Set.of(), () -> writeOptional(KpiHistoryTable.NAME,
                KpiHistoryTable.compute(context)));
        add(graph, "business_unit_kpis", Set.of(), () -> writeOptional(BusinessUnitKpisTable.NAME,
                BusinessUnitKpisTable.compute(context)));
        add(graph, "executive_summary", Set.of("scorecard", "alignment", "budget", "project_health", "risk",
                "service"), () -> writeOptional(ExecutiveSummaryTable.NAME,
                        ExecutiveSummaryTable.compute(context, written)));
        add(graph, "review_summary", Set.of("changes", "swot", "business_case"), () -> writeOptional(
                ReviewSummaryTable.NAME, ReviewSummaryTable.compute(context, written)));
        add(graph, "findings", Set.of("kpi", "service", "scorecard", "alignment", "project_health", "budget", "risk",
                "priority"), () -> writeOne(FindingsTable.NAME,
                        FindingsTable.compute(context, written, context.quarantined())));
        return graph;
    }

    /** Labels the group's Spark jobs {@code metrics <group>}; each table's write is labelled by the table. */
    private void add(TaskGraph<Map<String, Long>> graph, String group, Set<String> dependsOn,
            Supplier<Map<String, Long>> work) {
        graph.add(group, dependsOn, () -> JobLabels.labelled(context.spark(), "metrics " + group, work));
    }

    private static Column[] columns(String... names) {
        return java.util.Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private Optional<Dataset<Row>> table(String name) {
        return Optional.ofNullable(written.get(name));
    }

    private Map<String, Long> writeOptional(String table, Optional<Dataset<Row>> rows) {
        return rows.map(present -> writeOne(table, present)).orElse(Map.of());
    }

    private Map<String, Long> writeOne(String table, Dataset<Row> rows) {
        return Map.of(table, write(table, rows));
    }

    /** Writes the tables in the map's order. */
    private Map<String, Long> writeEach(Map<String, Dataset<Row>> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        tables.forEach((table, rows) -> counts.put(table, write(table, rows)));
        return counts;
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
