package io.northstar.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lake folder: {@code <zone>/<table>/as_of=<date>/} Parquet partitions, run manifests in
 * {@code _runs/}, and {@code _staging/<run_id>/} where a run writes before it publishes.
 * Works on any Hadoop filesystem (a local folder, file://, hdfs://, s3a://).
 */
public final class Lake {
    private static final String PARTITION_PREFIX = "as_of=";
    static final String STAGING = "_staging";
    static final String TRASH = "_trash";
    static final String RUNS = "_runs";
    static final String DELIVERIES = "_deliveries";

    private final Path root;
    private final FileSystem fs;

    public Lake(String location, Configuration hadoop) {
        requireNonNull(location, "location is null");
        try {
            Path path = new Path(location);
            this.fs = path.getFileSystem(hadoop);
            // no .crc side files next to every Parquet file and manifest on a local lake
            fs.setWriteChecksum(false);
            this.root = fs.makeQualified(path);
        } catch (IOException e) {
            throw new LakeException("lake " + location + ": cannot open its filesystem: " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    public static String partitionName(LocalDate asOf) {
        return PARTITION_PREFIX + asOf;
    }

    /** The published partition of a table for one as_of. */
    public Path partition(Zone zone, String table, LocalDate asOf) {
        return new Path(new Path(new Path(root, zone.folder()), table), partitionName(asOf));
    }

    /** A fresh staging area for one run attempt. */
    public Staging stage(String runId, LocalDate asOf) {
        return new Staging(this, new Path(new Path(root, STAGING), runId), asOf);
    }

    /**
     * Removes what runs that died before publishing left in {@code _staging/} (a SIGKILL, a
     * lost machine); returns the folders removed. Call only while holding the lake's lock, so
     * that no other run is still writing there; complete interrupted publishes first
     * ({@link #resumeInterruptedPublishes()}). Folders of a run that has partitions moved
     * aside in {@code _trash/} are never removed.
     */
    public List<String> removeAbandonedStaging(String ownRunId) {
        List<String> removed = new ArrayList<>();
        Path staging = new Path(root, STAGING);
        try {
            if (!fs.exists(staging)) {
                return removed;
            }
            for (FileStatus run : fs.listStatus(staging)) {
                String runId = run.getPath().getName();
                if (!runId.equals(ownRunId) && !fs.exists(trash(runId))) {
                    fs.delete(run.getPath(), true);
                    removed.add(run.getPath().toString());
                }
            }
        } catch (IOException e) {
            throw new LakeException("lake " + root + ": cannot clean up " + staging + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /**
     * Completes the publishes that runs died in the middle of (see {@link Staging#publish}),
     * oldest run first. Call only while holding the lake's lock.
     */
    public List<Staging.Resumed> resumeInterruptedPublishes() {
        return resumeInterruptedPublishes((runId, asOf) -> { });
    }

    /**
     * The same; {@code whileJournalled} gets each resumed run and its as_of once its partitions
     * are in and before its journal goes (to move the run's PDFs in, covered by the journal).
     */
    public List<Staging.Resumed> resumeInterruptedPublishes(
            java.util.function.BiConsumer<String, LocalDate> whileJournalled) {
        List<Staging.Resumed> resumed = new ArrayList<>();
        Path staging = new Path(root, STAGING);
        try {
            if (!fs.exists(staging)) {
                return resumed;
            }
            FileStatus[] runs = fs.listStatus(staging);
            java.util.Arrays.sort(runs, java.util.Comparator.comparing(run -> run.getPath().getName()));
            for (FileStatus run : runs) {
                Staging.resume(this, run.getPath(), whileJournalled).ifPresent(resumed::add);
            }
        } catch (IOException e) {
            throw new LakeException("lake " + root + ": cannot complete an interrupted publish under " + staging + ": "
                    + e.getMessage(), e);
        }
        return resumed;
    }

    Path trash(String runId) {
        return new Path(new Path(root, TRASH), runId);
    }

    public Path runsFolder() {
        return new Path(root, RUNS);
    }

    /** Where the delivery log of one as_of lives (SPEC.md §6). */
    public Path deliveriesFolder(LocalDate asOf) {
        return new Path(new Path(root, DELIVERIES), partitionName(asOf));
    }

    /** The as_of dates that have a published partition in the zone, oldest first. */
    public java.util.SortedSet<LocalDate> snapshots(Zone zone) {
        java.util.SortedSet<LocalDate> dates = new java.util.TreeSet<>();
        Path zoneFolder = new Path(root, zone.folder());
        try {
            if (!fs.exists(zoneFolder)) {
                return dates;
            }
            for (FileStatus table : fs.listStatus(zoneFolder)) {
                if (!table.isDirectory()) {
                    continue;
                }
                for (FileStatus partition : fs.listStatus(table.getPath())) {
                    String name = partition.getPath().getName();
                    if (partition.isDirectory() && name.startsWith(PARTITION_PREFIX)) {
                        try {
                            dates.add(LocalDate.parse(name.substring(PARTITION_PREFIX.length())));
                        } catch (java.time.format.DateTimeParseException e) {
                            // not a partition of ours: leave it alone
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new LakeException("lake " + root + ": cannot list " + zoneFolder + ": " + e.getMessage(), e);
        }
        return dates;
    }

    /** The tables of a zone that have at least one published partition, sorted. */
    public List<String> tables(Zone zone) {
        return tablesWhere(zone, table -> fs.listStatus(table,
                path -> path.getName().startsWith(PARTITION_PREFIX)).length > 0);
    }

    /** The tables of a zone that have a published partition for this as_of, sorted. */
    public List<String> tablesWithPartition(Zone zone, LocalDate asOf) {
        return tablesWhere(zone, table -> fs.exists(new Path(table, partitionName(asOf))));
    }

    @FunctionalInterface
    private interface TableTest {
        boolean test(Path table) throws IOException;
    }

    private List<String> tablesWhere(Zone zone, TableTest test) {
        List<String> tables = new ArrayList<>();
        Path zoneFolder = new Path(root, zone.folder());
        try {
            if (!fs.exists(zoneFolder)) {
                return tables;
            }
            for (FileStatus table : fs.listStatus(zoneFolder)) {
                if (table.isDirectory() && test.test(table.getPath())) {
                    tables.add(table.getPath().getName());
                }
            }
        } catch (IOException e) {
            throw new LakeException("lake " + root + ": cannot list " + zoneFolder + ": " + e.getMessage(), e);
        }
        tables.sort(null);
        return tables;
    }
}
