package io.northstar.source;

import java.util.List;

/**
 * One CSV record as it came from the file.
 *
 * @param line the 1-based physical line where the record starts (the header is line 1)
 * @param fields the unquoted field values; empty when the record is malformed
 * @param raw the record's text as it stood in the file (line breaks as LF)
 * @param malformation why the record cannot be parsed, or null when it can
 */
public record CsvRecord(long line, List<String> fields, String raw, String malformation) {

    public CsvRecord {
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
        fields = List.copyOf(fields);
        if (raw == null) {
            throw new IllegalArgumentException("raw is null");
        }
    }

    public boolean isMalformed() {
        return malformation != null;
    }
}
