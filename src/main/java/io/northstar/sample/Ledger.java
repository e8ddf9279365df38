package io.northstar.sample;

import java.util.Map;
import java.util.TreeMap;

/**
 * What ingestion must make of one generated dataset: rows written (header excluded), and of
 * those the rows kept, collapsed as identical copies, and quarantined by reason.
 */
public record Ledger(String dataset, long rows, long kept, long deduplicated, Map<String, Long> quarantined) {
    public Ledger {
        quarantined = java.util.Collections.unmodifiableMap(new TreeMap<>(quarantined));
        long bad = quarantined.values().stream().mapToLong(Long::longValue).sum();
        if (rows != kept + deduplicated + bad) {
            throw new IllegalArgumentException(dataset + ": rows " + rows + " != kept + deduplicated + quarantined");
        }
    }

    /** The ledger as a JSON object (written by hand: the sample package stays free of Jackson). */
    String toJson() {
        StringBuilder json = new StringBuilder("{\"rows\": ").append(rows).append(", \"kept\": ").append(kept)
                .append(", \"deduplicated\": ").append(deduplicated).append(", \"quarantined\": {");
        String separator = "";
        for (Map.Entry<String, Long> entry : quarantined.entrySet()) {
            json.append(separator).append('"').append(entry.getKey()).append("\": ").append(entry.getValue());
            separator = ", ";
        }
        return json.append("}}").toString();
    }
}
