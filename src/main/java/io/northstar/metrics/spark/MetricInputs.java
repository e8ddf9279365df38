package io.northstar.metrics.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The metric tables a unit declared it reads, as this run wrote them. Asking for a table the
 * unit did not declare throws: the graph waits only for declared tables, so reading another
 * would depend on timing.
 */
final class MetricInputs {
    private final String unit;
    private final List<String> declared;
    private final Map<String, Dataset<Row>> present;

    private MetricInputs(String unit, List<String> declared, Map<String, Dataset<Row>> present) {
        this.unit = unit;
        this.declared = declared;
        this.present = present;
    }

    /** The unit's declared tables out of {@code written}; a declared table missing from it was skipped. */
    static MetricInputs of(MetricUnit unit, Map<String, Dataset<Row>> written) {
        Map<String, Dataset<Row>> present = new LinkedHashMap<>();
        for (String table : unit.reads()) {
            Dataset<Row> rows = written.get(table);
            if (rows != null) {
                present.put(table, rows);
            }
        }
        return new MetricInputs(unit.name(), unit.reads(), present);
    }

    /**
     * The table as this run wrote it, or empty when the run skipped it (the job lacks its
     * datasets).
     *
     * @throws IllegalArgumentException when the unit did not declare that it reads the table
     */
    Optional<Dataset<Row>> get(String table) {
        if (!declared.contains(table)) {
            throw new IllegalArgumentException("metric unit " + unit + " reads " + table
                    + ", which it does not declare (it declares " + declared + "): add it to the unit's reads in"
                    + " MetricCatalogue");
        }
        return Optional.ofNullable(present.get(table));
    }
}
