package io.northstar.contract;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract of one input dataset (SPEC.md §1): its columns in order, its key (empty when
 * every row counts), the rules that span columns and, for commentary, the reference whose
 * target depends on the row's type ({@link TypedReference}, or null).
 */
public record DatasetContract(String name, List<Column> columns, List<String> key, List<RowRule> rowRules,
        TypedReference typedReference) {

    public DatasetContract(String name, List<Column> columns, List<String> key, List<RowRule> rowRules) {
        this(name, columns, key, rowRules, null);
    }

    public DatasetContract {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        rowRules = List.copyOf(rowRules);
        Map<String, Column> byName = index(columns);
        for (String keyColumn : key) {
            Column column = byName.get(keyColumn);
            // a typed reference's id is blank exactly for the types that name no row, which its rules enforce
            boolean typedId = typedReference != null && typedReference.idColumn().equals(keyColumn);
            if (column == null || !(column.required() || typedId)) {
                throw new IllegalArgumentException(name + ": key column " + keyColumn + " must be a required column");
            }
        }
        if (typedReference != null) {
            for (String typed : List.of(typedReference.typeColumn(), typedReference.idColumn())) {
                if (!byName.containsKey(typed)) {
                    throw new IllegalArgumentException(name + ": typed reference names unknown column " + typed);
                }
            }
            if (!rowRules.contains(new RowRule.TypedId(typedReference, true))
                    || !rowRules.contains(new RowRule.TypedId(typedReference, false))) {
                throw new IllegalArgumentException(name + ": a typed reference needs both its TypedId rules");
            }
        }
        for (Column column : columns) {
            if (column.defaultWhen() != null && !byName.containsKey(column.defaultWhen().when())) {
                throw new IllegalArgumentException(name + ": the default of " + column.name()
                        + " names unknown column " + column.defaultWhen().when());
            }
        }
        for (RowRule rule : rowRules) {
            for (String ruleColumn : rule.columns()) {
                if (!byName.containsKey(ruleColumn)) {
                    throw new IllegalArgumentException(name + ": rule names unknown column " + ruleColumn);
                }
            }
        }
    }

    private static Map<String, Column> index(List<Column> columns) {
        Map<String, Column> byName = new HashMap<>();
        for (Column column : columns) {
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException("duplicate column " + column.name());
            }
        }
        return byName;
    }

    public int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + columnName);
    }

    public Column column(String columnName) {
        return columns.get(indexOf(columnName));
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The single-column key that other datasets reference, if there is one. */
    public Optional<String> referenceableKey() {
        return key.size() == 1 ? Optional.of(key.get(0)) : Optional.empty();
    }

    /** Columns that name a row of another dataset (or of this one, for trees). */
    public List<Column> foreignKeys() {
        List<Column> references = new ArrayList<>();
        for (Column column : columns) {
            if (column.references() != null) {
                references.add(column);
            }
        }
        return references;
    }
}
