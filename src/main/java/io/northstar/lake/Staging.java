package io.northstar.lake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Where one run attempt writes its partitions before publishing. {@link #publish()} moves
 * them into the lake, replacing the whole snapshot of that as_of (also the tables this run
 * did not write), so the lake never holds a mix of two runs for one as_of.
 */
public final class Staging {
    private static final String SCRATCH = "_scratch";
    static final String JOURNAL = "_publish";
    static final String MOVING_IN = "_publish-in";

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
        return publish(EnumSet.allOf(Zone.class), () -> { });
    }

    /**
     * Publishes only the given zones, replacing their partitions of this as_of (used when the
     * metrics of a published snapshot are recomputed: the conformed zone stays as it is).
     *
     * <p>A publish is several renames; so that a process killed among them leaves a snapshot
     * that can be completed, it is journalled in the staging folder: {@code _publish} (as_of
     * and zones) before the first partition is moved aside, {@code _publish-in} once all are
     * aside and the staged ones start moving in. {@link #resume} completes it from there.
     * {@code whileJournalled} runs once the partitions are in and before the journal goes, so
     * what it moves (the run's PDFs) is completed by a resume too.
     */
    public List<String> publish(Set<Zone> zones, Runnable whileJournalled) {
        try {
            writeMarker(JOURNAL, asOf + "\n" + zones.stream().map(Zone::name).collect(Collectors.joining(",")));
        } catch (IOException e) {
            throw new LakeException("lake " + lake.root() + ": cannot write the publish journal for as_of " + asOf
                    + " (" + e.getMessage() + "); nothing was published and the previous snapshot stands", e);
        }
        return finishPublish(zones, false, whileJournalled);
    }

    /**
     * Whether this run's publish has started (its journal is complete): after a failure the
     * staging folder must then stay, for the next run to complete the publish.
     */
    public boolean publishStarted() {
        try {
            return journal(lake, folder).isPresent();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** A publish that a dead run had started and a later run completed. */
    public record Resumed(String runId, LocalDate asOf, List<String> published) {
    }

    /**
     * Completes the publish of a run that died while publishing, from its journal; empty when
     * the run had not started publishing (its staging is then abandoned, and the published
     * snapshot untouched).
     */
    static Optional<Resumed> resume(Lake lake, Path folder, BiConsumer<String, LocalDate> whileJournalled)
            throws IOException {
        Optional<Journal> journal = journal(lake, folder);
        if (journal.isEmpty()) {
            return Optional.empty();
        }
        Staging staging = new Staging(lake, folder, journal.get().asOf());
        List<String> published = staging.finishPublish(journal.get().zones(),
                lake.fileSystem().exists(new Path(folder, MOVING_IN)),
                () -> whileJournalled.accept(folder.getName(), staging.asOf));
        return Optional.of(new Resumed(folder.getName(), staging.asOf, published));
    }

    /** What a publish journal says: the snapshot and the zones being replaced. */
    record Journal(LocalDate asOf, Set<Zone> zones) {
    }

    /** The journal of a staging folder; empty without one, or when the run died writing it. */
    static Optional<Journal> journal(Lake lake, Path folder) throws IOException {
        Path file = new Path(folder, JOURNAL);
        if (!lake.fileSystem().exists(file)) {
            return Optional.empty();
        }
        String[] lines;
        try (var in = lake.fileSystem().open(file)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        }
        if (lines.length < 2 || lines[1].isBlank()) {
            // killed while writing the journal itself: nothing was moved yet
            return Optional.empty();
        }
        Set<Zone> zones = EnumSet.noneOf(Zone.class);
        for (String zone : lines[1].split(",")) {
            zones.add(Zone.valueOf(zone));
        }
        return Optional.of(new Journal(LocalDate.parse(lines[0]), zones));
    }

    private List<String> finishPublish(Set<Zone> zones, boolean allAside, Runnable whileJournalled) {
        String runId = folder.getName();
        Path trash = lake.trash(runId);
        List<String> published = new ArrayList<>();
        try {
            if (!allAside) {
                for (Zone zone : zones) {
                    for (String table : lake.tablesWithPartition(zone, asOf)) {
                        Path old = lake.partition(zone, table, asOf);
                        move(old, PublishedLake.aside(trash, zone, table, asOf));
                    }
                }
                writeMarker(MOVING_IN, "");
            }
            for (Zone zone : zones) {
                for (String table : stagedTables(zone)) {
                    Path target = lake.partition(zone, table, asOf);
                    move(new Path(partition(zone, table)), target);
                    published.add(target.toString());
                }
            }
            whileJournalled.run();
            lake.fileSystem().delete(trash, true);
            discard();
        } catch (IOException e) {
            throw failed(e);
        }
        return published;
    }

    private void writeMarker(String name, String content) throws IOException {
        SmallFiles.write(lake.fileSystem(), new Path(folder, name), content.getBytes(StandardCharsets.UTF_8), true);
    }

    private LakeException failed(IOException e) {
        return new LakeException("lake " + lake.root() + ": publishing as_of " + asOf + " failed: " + e.getMessage(), e);
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
                // a table already moved in by an interrupted publish leaves its folder empty
                if (table.isDirectory() && lake.fileSystem().exists(new Path(table.getPath(),
                        Lake.partitionName(asOf)))) {
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
