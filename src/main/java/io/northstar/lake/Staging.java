package io.northstar.lake;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Where one run attempt writes its partitions before publishing. {@link #publish()} moves
 * them into the lake, replacing the whole snapshot of that as_of (also the tables this run
 * did not write), so the lake never holds a mix of two runs for one as_of.
 */
public final class Staging {
    private static final String SCRATCH = "_scratch";

    private final Lake lake;
    private final Path folder;
    private final LocalDate asOf;

    Staging(Lake lake, Path folder, LocalDate asOf) {
        this.lake = lake;
        this.folder = folder;
        this.asOf = asOf;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** Where a stage writes a table's partition for this run (a Hadoop path string). */
    public String partition(Zone zone, String table) {
        return new Path(new Path(new Path(folder, zone.folder()), table), Lake.partitionName(asOf)).toString();
    }

    /**
     * A folder for intermediate results of this attempt that are never published (a Hadoop
     * path string); {@link #dropScratch()} or the end of the attempt removes it.
     */
    public String scratch(String name) {
        return new Path(new Path(folder, SCRATCH), name).toString();
    }

    /** Removes every scratch folder of this attempt. */
    public void dropScratch() {
        try {
            lake.fileSystem().delete(new Path(folder, SCRATCH), true);
        } catch (IOException e) {
            throw new LakeException("lake " + lake.root() + ": cannot remove scratch folder under " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Publishes every staged partition and returns the published folders. The previous
     * partitions of this as_of are first moved aside, then the staged ones moved in, then the
     * old ones deleted: on a local filesystem or HDFS each move is a rename.
     */
    public List<String> publish() {
        return publish(java.util.EnumSet.allOf(Zone.class));
    }

    /**
     * Publishes only the given zones, replacing their partitions of this as_of (used when the
     * metrics of a published snapshot are recomputed: the conformed zone stays as it is).
     */
    public List<String> publish(java.util.Set<Zone> zones) {
        String runId = folder.getName();
        Path trash = lake.trash(runId);
        List<String> published = new ArrayList<>();
        try {
            for (Zone zone : zones) {
                for (String table : lake.tablesWithPartition(zone, asOf)) {
                    Path old = lake.partition(zone, table, asOf);
                    Path aside = new Path(new Path(new Path(trash, zone.folder()), table), Lake.partitionName(asOf));
                    move(old, aside);
                }
            }
            for (Zone zone : zones) {
                for (String table : stagedTables(zone)) {
                    Path target = lake.partition(zone, table, asOf);
                    move(new Path(partition(zone, table)), target);
                    published.add(target.toString());
                }
            }
            lake.fileSystem().delete(trash, true);
            discard();
        } catch (IOException e) {
            throw new LakeException("lake " + lake.root() + ": publishing as_of " + asOf + " failed: " + e.getMessage(), e);
        }
        return published;
    }

    /** Removes the staging folder: used when a run fails before publishing. */
    public void discard() {
        try {
            lake.fileSystem().delete(folder, true);
            Path stagingRoot = folder.getParent();
            FileStatus[] left = lake.fileSystem().exists(stagingRoot) ? lake.fileSystem().listStatus(stagingRoot) : null;
            if (left != null && left.length == 0) {
                lake.fileSystem().delete(stagingRoot, false);
            }
        } catch (IOException e) {
            throw new LakeException("lake " + lake.root() + ": cannot remove staging folder " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    private List<String> stagedTables(Zone zone) throws IOException {
        Path zoneFolder = new Path(folder, zone.folder());
        List<String> tables = new ArrayList<>();
        if (lake.fileSystem().exists(zoneFolder)) {
            for (FileStatus table : lake.fileSystem().listStatus(zoneFolder)) {
                if (table.isDirectory()) {
                    tables.add(table.getPath().getName());
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    private void move(Path from, Path to) throws IOException {
        lake.fileSystem().mkdirs(to.getParent());
        if (!lake.fileSystem().rename(from, to)) {
            throw new IOException("cannot move " + from + " to " + to);
        }
    }
}
