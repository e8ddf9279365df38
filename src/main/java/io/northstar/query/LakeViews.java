package io.northstar.query;

import static java.util.Objects.requireNonNull;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.lake.Lake;
import io.northstar.lake.PublishedLake;
import io.northstar.lake.Zone;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lake as Spark SQL views: every conformed and metric table of one snapshot by its own name,
 * each dataset's rejected rows as {@code <dataset>_quarantine} (a dataset that shares its name with
 * a metric table as {@code <dataset>_input}), and {@code <name>_history} over
 * all snapshots with their {@code as_of}.
 */
public final class LakeViews {
    private static final String HISTORY = "_history";
    private static final String QUARANTINE = "_quarantine";
    private static final String INPUT = "_input";

    /** One registered view. */
    public record View(String name, Zone zone, boolean history, Dataset<Row> rows) {
        public View {
            requireNonNull(name, "name is null");
            requireNonNull(zone, "zone is null");
            requireNonNull(rows, "rows is null");
        }
    }

    private final LocalDate snapshot;
    private final SortedSet<LocalDate> snapshots;
    private final List<View> views;

    private LakeViews(LocalDate snapshot, SortedSet<LocalDate> snapshots, List<View> views) {
        this.snapshot = snapshot;
        this.snapshots = snapshots;
        this.views = List.copyOf(views);
    }

    /**
     * Registers the views of the snapshot (the latest when {@code asOf} is empty).
     *
     * @throws NorthstarException exit 2 when the lake has no snapshot, or not the one asked for
     */
    public static LakeViews register(SparkSession spark, Lake lake, Optional<LocalDate> asOf) {
        return register(spark, lake, asOf, name -> true);
    }

    /**
     * Registers only the views whose names {@code wanted} accepts: opening a table reads its
     * Parquet footers, which is most of a cold query's time when done for every table.
     */
    public static LakeViews register(SparkSession spark, Lake lake, Optional<LocalDate> asOf,
            java.util.function.Predicate<String> wanted) {
        // a publish cut short by a killed run is not seen until a run completes it
        PublishedLake published = PublishedLake.of(lake);
        SortedSet<LocalDate> snapshots = published.snapshots(Zone.CONFORMED);
        if (snapshots.isEmpty()) {
            throw new NorthstarException(ExitCode.USAGE, "lake " + lake.root() + " has no published snapshot yet:"
                    + " run a job first");
        }
        LocalDate snapshot = asOf.orElse(snapshots.last());
        if (!snapshots.contains(snapshot)) {
            throw new NorthstarException(ExitCode.USAGE, "lake " + lake.root() + " has no snapshot as_of " + snapshot
                    + " (it has " + String.join(", ", snapshots.stream().map(LocalDate::toString).toList()) + ")");
        }
        List<View> views = new ArrayList<>();
        java.util.Set<String> metricTables = new java.util.HashSet<>(published.tables(Zone.METRICS));
        for (Zone zone : List.of(Zone.CONFORMED, Zone.METRICS, Zone.QUARANTINE)) {
            for (String table : published.tablesWithPartition(zone, snapshot)) {
                String name = viewName(zone, table, metricTables);
                if (wanted.test(name)) {
                    views.add(new View(name, zone, false,
                            spark.read().parquet(published.partition(zone, table, snapshot).toString())));
                }
            }
            for (String table : published.tables(zone)) {
                String name = viewName(zone, table, metricTables) + HISTORY;
                if (wanted.test(name)) {
                    views.add(new View(name, zone, true, history(spark, published, zone, table)));
                }
            }
        }
        views.forEach(view -> view.rows().createOrReplaceTempView(view.name()));
        return new LakeViews(snapshot, snapshots, views);
    }

    /**
     * A table's view name: its own, but {@code <dataset>_input} for a dataset that a metric table
     * of the same name extends (swot: the listed statements, and the table with the derived ones
     * too), so that both can be read; {@code <dataset>_quarantine} for its rejected rows.
     */
    static String viewName(Zone zone, String table, java.util.Set<String> metricTables) {
        return switch (zone) {
            case QUARANTINE -> table + QUARANTINE;
            case CONFORMED -> metricTables.contains(table) ? table + INPUT : table;
            default -> table;
        };
    }

    /**
     * Every snapshot of a table. Metric files carry their as_of, so their folders are read as
     * plain files (reading as_of from the folder names too would name the column twice); the
     * conformed and quarantine files take it from the folder names.
     */
    private static Dataset<Row> history(SparkSession spark, PublishedLake published, Zone zone, String table) {
        Lake lake = published.lake();
        Path folder = new Path(new Path(lake.root(), zone.folder()), table);
        org.apache.spark.sql.DataFrameReader reader = spark.read().option("mergeSchema", "true");
        if (zone == Zone.METRICS) {
            reader = reader.option("recursiveFileLookup", "true");
        }
        java.util.Set<LocalDate> cut = published.interrupted(zone);
        if (cut.isEmpty()) {
            return reader.parquet(folder.toString());
        }
        // the as_of dates of a publish cut short: their folders hold a mix, so the table is read
        // from its other partitions by path, and those dates from where they were before
        List<String> partitions = new ArrayList<>();
        for (LocalDate asOf : lake.snapshots(zone)) {
            Path partition = lake.partition(zone, table, asOf);
            if (!cut.contains(asOf) && exists(lake, partition)) {
                partitions.add(partition.toString());
            }
        }
        Dataset<Row> rows = partitions.isEmpty() ? null
                : reader.option("basePath", folder.toString()).parquet(partitions.toArray(String[]::new));
        for (LocalDate asOf : cut) {
            if (published.tablesWithPartition(zone, asOf).contains(table)) {
                Dataset<Row> partition = spark.read().parquet(published.partition(zone, table, asOf).toString());
                if (zone != Zone.METRICS) {
                    partition = partition.withColumn("as_of", org.apache.spark.sql.functions.lit(asOf));
                }
                rows = rows == null ? partition : rows.unionByName(partition, true);
            }
        }
        return rows;
    }

    private static boolean exists(Lake lake, Path path) {
        try {
            return lake.fileSystem().exists(path);
        } catch (java.io.IOException e) {
            throw new io.northstar.lake.LakeException("lake " + lake.root() + ": cannot look at " + path + ": "
                    + e.getMessage(), e);
        }
    }

    /** The as_of of the views without {@code _history}. */
    public LocalDate snapshot() {
        return snapshot;
    }

    /** Every published as_of, oldest first. */
    public SortedSet<LocalDate> snapshots() {
        return snapshots;
    }

    public List<View> views() {
        return views;
    }
}
