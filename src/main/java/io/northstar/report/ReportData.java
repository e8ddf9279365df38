package io.northstar.report;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report is filled from: named parameters and named tables of rows (column name to
 * value: String, Double, Long, Integer, BigDecimal, Boolean or a List of such rows). A table
 * that is absent means the snapshot has no data for it, and the report says so.
 */
public record ReportData(Map<String, Object> parameters, Map<String, List<Map<String, Object>>> tables) {

    public ReportData {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(parameters, "parameters is null")));
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(tables, "tables is null")));
    }

    public List<Map<String, Object>> table(String name) {
        return tables.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return tables.containsKey(name) && !tables.get(name).isEmpty();
    }
}
