package io.northstar.lake;

import java.util.Locale;

/** The zones of the lake (SPEC.md §3); each holds one folder per table, partitioned by as_of. */
public enum Zone {
    CONFORMED,
    QUARANTINE,
    METRICS;

    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }
}
