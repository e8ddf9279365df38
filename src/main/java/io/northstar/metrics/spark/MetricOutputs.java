package io.northstar.metrics.spark;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where a unit writes its tables: only the tables it declared it produces, each once. A table
 * is written when handed over, so a unit can release what it cached for its tables afterwards.
 */
final class MetricOutputs {
    /** Writes one table and returns its row count. */
    @FunctionalInterface
    interface Writer {
        long write(String table, Dataset<Row> rows);
    }

    private final MetricUnit unit;
    private final Writer writer;
    private final Map<String, Long> rows = new HashMap<>();

    MetricOutputs(MetricUnit unit, Writer writer) {
        this.unit = requireNonNull(unit, "unit is null");
        this.writer = requireNonNull(writer, "writer is null");
    }

    /**
     * Writes the table.
     *
     * @throws IllegalArgumentException when the unit does not declare the table, or wrote it already
     */
    void write(String table, Dataset<Row> tableRows) {
        requireNonNull(tableRows, "rows of " + table + " are null");
        if (!unit.produces().contains(table)) {
            throw new IllegalArgumentException("metric unit " + unit.name() + " writes " + table
                    + ", which it does not declare (it declares " + unit.produces() + ")");
        }
        if (rows.containsKey(table)) {
            throw new IllegalArgumentException("metric unit " + unit.name() + " writes " + table + " twice");
        }
        rows.put(table, writer.write(table, tableRows));
    }

    /** Writes each table, in the map's order. */
    void writeEach(Map<String, Dataset<Row>> tables) {
        tables.forEach(this::write);
    }

    /** The row count of each table written, in the order the unit declares them. */
    Map<String, Long> rows() {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String table : unit.produces()) {
            if (rows.containsKey(table)) {
                ordered.put(table, rows.get(table));
            }
        }
        return ordered;
    }
}
