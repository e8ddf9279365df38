package io.northstar.contract;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column of a dataset contract.
 *
 * @param enumValues allowed lower-case values for {@link ColumnType#ENUM}, empty otherwise
 * @param range allowed interval for numeric columns, or null
 * @param defaultValue the value a blank cell takes in the conformed table, or null
 * @param defaultWhen the value a blank cell takes when another column of the row has a given
 *     value (a % KPI's bounds, SPEC.md §1.2), or null; {@code defaultValue} applies otherwise
 * @param references the dataset whose key this column names (a foreign key), or null
 */
public record Column(
        String name,
        ColumnType type,
        boolean required,
        Set<String> enumValues,
        Range range,
        Object defaultValue,
        DefaultWhen defaultWhen,
        String references) {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");

    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (!SNAKE_CASE.matcher(name).matches()) {
            throw new IllegalArgumentException("column name is not snake_case: " + name);
        }
        enumValues = Set.copyOf(requireNonNull(enumValues, "enumValues is null"));
        if ((type == ColumnType.ENUM) == enumValues.isEmpty()) {
            throw new IllegalArgumentException(name + ": enum values are given exactly for ENUM columns");
        }
        if (range != null && type != ColumnType.NUM && type != ColumnType.INT && type != ColumnType.MONEY) {
            throw new IllegalArgumentException(name + ": a range needs a numeric column, not " + type);
        }
        if (references != null && type != ColumnType.ID) {
            throw new IllegalArgumentException(name + ": a reference must be an id column");
        }
        if (required && (defaultValue != null || defaultWhen != null)) {
            throw new IllegalArgumentException(name + ": a required column has no default");
        }
    }

    /**
     * A default that depends on the row: a blank cell takes {@code value} when the column
     * {@code when} holds exactly {@code equals} (after the usual trimming).
     */
    public record DefaultWhen(String when, String equals, Object value) {
        public DefaultWhen {
            requireNonNull(when, "when is null");
            requireNonNull(equals, "equals is null");
            requireNonNull(value, "value is null");
        }
    }

    /** The value a blank cell of this column takes in the given row, or null. */
    public Object defaultFor(ParsedRow row) {
        if (defaultWhen != null && defaultWhen.equals().equals(row.get(defaultWhen.when()))) {
            return defaultWhen.value();
        }
        return defaultValue;
    }

    public static Builder builder(String name, ColumnType type) {
        return new Builder(name, type);
    }

    /** Fluent construction, so the dataset table in {@link Datasets} reads like SPEC.md. */
    public static final class Builder {
        private final String name;
        private final ColumnType type;
        private boolean required;
        private Set<String> enumValues = Set.of();
        private Range range;
        private Object defaultValue;
        private DefaultWhen defaultWhen;
        private String references;

        private Builder(String name, ColumnType type) {
            this.name = name;
            this.type = type;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder values(String... allowed) {
            this.enumValues = new LinkedHashSet<>(List.of(allowed));
            return this;
        }

        public Builder range(Range allowed) {
            this.range = allowed;
            return this;
        }

        public Builder defaultsTo(Object value) {
            this.defaultValue = value;
            return this;
        }

        /** {@code value} for a blank cell when column {@code when} is exactly {@code equals}. */
        public Builder defaultsTo(Object value, String when, String equals) {
            this.defaultWhen = new DefaultWhen(when, equals, value);
            return this;
        }

        public Builder references(String dataset) {
            this.references = dataset;
            return this;
        }

        public Column build() {
            return new Column(name, type, required, enumValues, range, defaultValue, defaultWhen, references);
        }
    }
}
