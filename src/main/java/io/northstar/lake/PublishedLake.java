package io.northstar.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * The lake as its completed publishes left it, for readers that hold no lock ({@code query}). A
 * publish cut short by a killed process has moved some old partitions of its as_of aside into
 * {@code _trash/<run>/} and, once all were aside, some new ones in; until a run holding the lock
 * completes it, such a reader sees that as_of as it was before the publish began, never half of
 * each.
 */
public final class PublishedLake {
    /** An as_of whose publish into a zone was cut short: where its old partitions went. */
    private record Interrupted(Path trash, boolean allAside) {
    }

    private final Lake lake;
    private final Map<Zone, Map<LocalDate, Interrupted>> interrupted;

    private PublishedLake(Lake lake, Map<Zone, Map<LocalDate, Interrupted>> interrupted) {
        this.lake = lake;
        this.interrupted = interrupted;
    }

    /** Reads the journals of the publishes that were cut short. */
    public static PublishedLake of(Lake lake) {
        requireNonNull(lake, "lake is null");
        Map<Zone, Map<LocalDate, Interrupted>> interrupted = new EnumMap<>(Zone.class);
        Path staging = new Path(lake.root(), Lake.STAGING);
        try {
            if (lake.fileSystem().exists(staging)) {
                for (FileStatus run : lake.fileSystem().listStatus(staging)) {
                    Optional<Staging.Journal> journal = Staging.journal(lake, run.getPath());
                    if (journal.isPresent()) {
                        Interrupted cut = new Interrupted(lake.trash(run.getPath().getName()),
                                lake.fileSystem().exists(new Path(run.getPath(), Staging.MOVING_IN)));
                        for (Zone zone : journal.get().zones()) {
                            interrupted.computeIfAbsent(zone, z -> new TreeMap<>()).put(journal.get().asOf(), cut);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new LakeException("lake " + lake.root() + ": cannot read the publish journals under " + staging
                    + ": " + e.getMessage(), e);
        }
        return new PublishedLake(lake, interrupted);
    }

    public Lake lake() {
        return lake;
    }

    /** The as_of dates whose publish into the zone was cut short: their folders are not what readers see. */
    public Set<LocalDate> interrupted(Zone zone) {
        return interrupted.getOrDefault(zone, Map.of()).keySet();
    }

    /** The as_of dates that have a published partition in the zone, oldest first. */
    public SortedSet<LocalDate> snapshots(Zone zone) {
        SortedSet<LocalDate> dates = new TreeSet<>(lake.snapshots(zone));
        for (LocalDate asOf : interrupted(zone)) {
            dates.remove(asOf);
            if (!tablesWithPartition(zone, asOf).isEmpty()) {
                dates.add(asOf);
            }
        }
        return dates;
    }

    /** The tables of a zone that have a published partition for this as_of, sorted. */
    public List<String> tablesWithPartition(Zone zone, LocalDate asOf) {
        Interrupted cut = interrupted.getOrDefault(zone, Map.of()).get(asOf);
        if (cut == null) {
            return lake.tablesWithPartition(zone, asOf);
        }
        SortedSet<String> tables = new TreeSet<>(aside(cut, zone, asOf));
        if (!cut.allAside()) {
            // the new partitions move in only once every old one is aside: these are all old
            tables.addAll(lake.tablesWithPartition(zone, asOf));
        }
        return new ArrayList<>(tables);
    }

    /** The folder of a table's published partition (in the trash while its publish is cut short). */
    public Path partition(Zone zone, String table, LocalDate asOf) {
        Interrupted cut = interrupted.getOrDefault(zone, Map.of()).get(asOf);
        if (cut != null) {
            Path aside = aside(cut.trash(), zone, table, asOf);
            try {
                if (lake.fileSystem().exists(aside)) {
                    return aside;
                }
            } catch (IOException e) {
                throw new LakeException("lake " + lake.root() + ": cannot look at " + aside + ": " + e.getMessage(), e);
            }
        }
        return lake.partition(zone, table, asOf);
    }

    /** The tables of a zone that have at least one published partition, sorted. */
    public List<String> tables(Zone zone) {
        SortedSet<String> tables = new TreeSet<>(lake.tables(zone));
        interrupted.getOrDefault(zone, Map.of()).forEach((asOf, cut) -> tables.addAll(aside(cut, zone, asOf)));
        return new ArrayList<>(tables);
    }

    /** Where a publish moves a table's old partition aside (see {@link Staging}). */
    static Path aside(Path trash, Zone zone, String table, LocalDate asOf) {
        return new Path(new Path(new Path(trash, zone.folder()), table), Lake.partitionName(asOf));
    }

    private List<String> aside(Interrupted cut, Zone zone, LocalDate asOf) {
        Path zoneFolder = new Path(cut.trash(), zone.folder());
        List<String> tables = new ArrayList<>();
        try {
            if (lake.fileSystem().exists(zoneFolder)) {
                for (FileStatus table : lake.fileSystem().listStatus(zoneFolder)) {
                    if (lake.fileSystem().exists(new Path(table.getPath(), Lake.partitionName(asOf)))) {
                        tables.add(table.getPath().getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new LakeException("lake " + lake.root() + ": cannot list " + zoneFolder + ": " + e.getMessage(), e);
        }
        return tables;
    }
}
