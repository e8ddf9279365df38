package io.northstar.sample;

import io.northstar.contract.DatasetContract;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes one dataset's CSV file; after a clean row it may add a dirty row (with probability
 * dirtyRate), cycling through the reasons the dataset can show, and keeps the ledger of what
 * ingestion must find.
 */
final class DatasetSink implements Closeable {
    private final DatasetContract contract;
    private final CsvOut out;
    private final double dirtyRate;
    private final SplittableRandom random;
    final DirtyRows dirty;
    private final Map<String, Long> quarantined = new TreeMap<>();
    /** Keys of clean rows a conflicting duplicate quarantined, for a single-column key. */
    private final java.util.Set<String> spoiled = new java.util.HashSet<>();
    private long rows;
    private long deduplicated;
    private int nextReason;
    private String[] lastClean;
    private boolean injected;

    DatasetSink(Path folder, DatasetContract contract, double dirtyRate, long seed, String corporateAimId) {
        this.contract = contract;
        this.out = new CsvOut(folder.resolve(contract.name() + ".csv"), contract.columnNames());
        this.dirtyRate = dirtyRate;
        this.random = new SplittableRandom(seed);
        this.dirty = new DirtyRows(contract, corporateAimId);
    }

    /** One clean row: a value per contract column, in contract order (null for blank). */
    void row(Object... fields) {
        if (fields.length != contract.columns().size()) {
            throw new IllegalArgumentException(contract.name() + ": expected " + contract.columns().size()
                    + " fields, got " + fields.length);
        }
        String[] text = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            text[i] = fields[i] == null ? "" : fields[i].toString();
        }
        out.row((Object[]) text);
        rows++;
        lastClean = text;
        if (dirtyRate > 0 && random.nextDouble() < dirtyRate) {
            inject();
        }
    }

    private void inject() {
        for (int attempt = 0; attempt < dirty.reasons().size(); attempt++) {
            String reason = dirty.reasons().get(nextReason++ % dirty.reasons().size());
            Optional<Injection> injection = dirty.make(reason, lastClean);
            if (injection.isPresent()) {
                injection.get().lines().forEach(out::raw);
                if (injection.get().quarantined().containsKey(
                        io.northstar.contract.QuarantineReason.CONFLICTING_DUPLICATE.code())
                        && contract.key().size() == 1) {
                    // the clean row this copies is quarantined with it: nothing clean may name it
                    spoiled.add(lastClean[contract.indexOf(contract.key().get(0))]);
                }
                rows += injection.get().lines().size();
                injection.get().quarantined().forEach((code, n) -> quarantined.merge(code, (long) n, Long::sum));
                deduplicated += injection.get().deduplicated();
                injected = true;
                return;
            }
        }
    }

    /** Whether a clean row with this key was quarantined on purpose, as one of a conflicting duplicate. */
    boolean spoiled(String key) {
        return spoiled.contains(key);
    }

    /** Rows written, and what ingestion must make of them. */
    Ledger ledger() {
        long bad = quarantined.values().stream().mapToLong(Long::longValue).sum();
        return new Ledger(contract.name(), rows, rows - deduplicated - bad, deduplicated, quarantined);
    }

    @Override
    public void close() {
        // with a dirty rate, every dataset shows at least one dirty row, its rarest reason first
        if (dirtyRate > 0 && !injected && lastClean != null) {
            inject();
        }
        out.close();
    }

}
