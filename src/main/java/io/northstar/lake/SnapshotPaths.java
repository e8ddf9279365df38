package io.northstar.lake;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/** Where the tables of one snapshot are: published in the lake, or still staged by a run. */
@FunctionalInterface
public interface SnapshotPaths {

    /** The partition folder of a table, or empty when the snapshot has no such table. */
    Optional<String> partition(Zone zone, String table);

    static SnapshotPaths published(Lake lake, LocalDate asOf) {
        return (zone, table) -> lake.tablesWithPartition(zone, asOf).contains(table)
                ? Optional.of(lake.partition(zone, table, asOf).toString())
                : Optional.empty();
    }

    static SnapshotPaths staged(Lake lake, Staging staging) {
        return (zone, table) -> {
            String partition = staging.partition(zone, table);
            try {
                return lake.fileSystem().exists(new Path(partition)) ? Optional.of(partition) : Optional.empty();
            } catch (IOException e) {
                throw new LakeException("lake " + lake.root() + ": cannot look at " + partition + ": " + e.getMessage(),
                        e);
            }
        };
    }
}
