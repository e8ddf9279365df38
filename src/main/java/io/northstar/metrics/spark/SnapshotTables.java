package io.northstar.metrics.spark;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The conformed tables of one snapshot, read from Parquet (the staging area during a run, the
 * published lake for {@code northstar metrics}). A dataset the job does not have is absent.
 */
public final class SnapshotTables {
    private final Map<String, Dataset<Row>> tables;

    private SnapshotTables(Map<String, Dataset<Row>> tables) {
        this.tables = tables;
    }

    /** Reads each dataset from its partition folder (dataset name to Hadoop path). */
    public static SnapshotTables read(SparkSession spark, Map<String, String> partitions) {
        Map<String, Dataset<Row>> tables = new TreeMap<>();
        partitions.forEach((dataset, path) -> tables.put(dataset, spark.read().parquet(path)));
        return new SnapshotTables(tables);
    }

    /** Tables already in hand (tests, and callers that hold conformed data in memory). */
    static SnapshotTables of(Map<String, Dataset<Row>> tables) {
        return new SnapshotTables(new TreeMap<>(tables));
    }

    public Optional<Dataset<Row>> get(String dataset) {
        return Optional.ofNullable(tables.get(dataset));
    }

    public boolean has(String dataset) {
        return tables.containsKey(dataset);
    }

    public Dataset<Row> require(String dataset) {
        Dataset<Row> table = tables.get(dataset);
        if (table == null) {
            throw new IllegalStateException("the snapshot has no " + dataset);
        }
        return table;
    }
}
