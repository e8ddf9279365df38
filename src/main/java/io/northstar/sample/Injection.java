package io.northstar.sample;

import java.util.List;
import java.util.Map;

/**
 * Contract-breaking rows added on purpose, with what ingestion must make of them.
 *
 * @param lines the CSV lines to write (already quoted; a malformed row is written as it is)
 * @param quarantined rows ingestion will quarantine, by reason (a conflicting duplicate also
 *     quarantines the clean row it copies)
 * @param deduplicated rows ingestion will collapse as identical copies
 */
record Injection(List<String> lines, Map<String, Integer> quarantined, int deduplicated) {
    Injection {
        lines = List.copyOf(lines);
        quarantined = Map.copyOf(quarantined);
    }
}
