package io.northstar.ingest;

import static java.util.Objects.requireNonNull;

import io.northstar.contract.ColumnWarning;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ingestion did with one dataset: every row read is kept, deduplicated (an identical
 * copy of a kept row) or quarantined with a reason; and which of the source's columns the
 * contract does not know, and which absent columns leave data blank.
 */
public record DatasetOutcome(
        String dataset,
        String source,
        List<String> files,
        long rowsRead,
        long kept,
        long deduplicated,
        Map<String, Long> quarantinedByReason,
        List<String> extraColumns,
        List<ColumnWarning> columnWarnings,
        double maxRejectRatio) {

    public DatasetOutcome {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(source, "source is null");
        files = List.copyOf(files);
        quarantinedByReason = Map.copyOf(quarantinedByReason);
        extraColumns = List.copyOf(extraColumns);
        // manifests written before column warnings existed have none
        columnWarnings = columnWarnings == null ? List.of() : List.copyOf(columnWarnings);
        long quarantined = quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
        if (rowsRead != kept + deduplicated + quarantined) {
            throw new IllegalArgumentException(dataset + ": rows read " + rowsRead + " != kept " + kept
                    + " + deduplicated " + deduplicated + " + quarantined " + quarantined);
        }
    }

    public long quarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Quarantined rows over rows read; 0 for an empty dataset. */
    public double rejectRatio() {
        return rowsRead == 0 ? 0 : (double) quarantined() / rowsRead;
    }

    public boolean passesGate() {
        return rejectRatio() <= maxRejectRatio;
    }

    /** The column warnings as sentences, for the console, {@code validate} and the findings. */
    public List<ColumnWarning.Notice> columnNotices() {
        return ColumnWarning.notices(dataset, columnWarnings);
    }

    /** Reasons in the order of SPEC.md §1.1 is less useful than a stable alphabetical one in logs. */
    public Map<String, Long> quarantinedByReasonSorted() {
        return new TreeMap<>(quarantinedByReason);
    }
}
