package io.northstar.contract;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A check that looks at several columns of one row. Each rule is evaluated on the parsed
 * values, after every single-column check has passed.
 */
public sealed interface RowRule permits RowRule.NotBefore, RowRule.NonDecreasing, RowRule.Distinct, RowRule.Below,
        RowRule.WithinBounds, RowRule.TypedId {

    QuarantineReason reason();

    /** The columns the rule reads; they must exist in the dataset. */
    List<String> columns();

    /** A sentence naming the values, when the row breaks the rule. */
    Optional<String> violation(ParsedRow row);

    /** {@code later >= earlier} when both are present (planned_end_date ≥ start_date). */
    record NotBefore(String later, String earlier) implements RowRule {
        public NotBefore {
            requireNonNull(later, "later is null");
            requireNonNull(earlier, "earlier is null");
        }

        @Override
        public QuarantineReason reason() {
            return QuarantineReason.OUT_OF_RANGE;
        }

        @Override
        public List<String> columns() {
            return List.of(later, earlier);
        }

        @Override
        public Optional<String> violation(ParsedRow row) {
            Object laterValue = row.get(later);
            Object earlierValue = row.get(earlier);
            if (laterValue == null || earlierValue == null) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Comparable<Object> comparable = (Comparable<Object>) laterValue;
            return comparable.compareTo(earlierValue) < 0
                    ? Optional.of(later + " " + laterValue + " is before " + earlier + " " + earlierValue)
                    : Optional.empty();
        }
    }

    /**
     * The present values of the columns never decrease from left to right
     * (cost_low ≤ cost_most_likely ≤ cost_high).
     */
    record NonDecreasing(List<String> columns) implements RowRule {
        public NonDecreasing {
            columns = List.copyOf(columns);
            if (columns.size() < 2) {
                throw new IllegalArgumentException("NonDecreasing needs two columns or more");
            }
        }

        @Override
        public QuarantineReason reason() {
            return QuarantineReason.OUT_OF_RANGE;
        }

        @Override
        public Optional<String> violation(ParsedRow row) {
            String previousColumn = null;
            Comparable<Object> previous = null;
            for (String column : columns) {
                Object value = row.get(column);
                if (value == null) {
                    continue;
                }
                if (previous != null && previous.compareTo(value) > 0) {
                    return Optional.of(previousColumn + " " + previous + " is above " + column + " " + value
                            + " (expected " + String.join(" <= ", columns) + ")");
                }
                @SuppressWarnings("unchecked")
                Comparable<Object> current = (Comparable<Object>) value;
                previous = current;
                previousColumn = column;
            }
            return Optional.empty();
        }
    }

    /** {@code lower < upper} when both are present (a KPI's lower_bound and upper_bound, SPEC.md §1.2). */
    record Below(String lower, String upper) implements RowRule {
        public Below {
            requireNonNull(lower, "lower is null");
            requireNonNull(upper, "upper is null");
        }

        @Override
        public QuarantineReason reason() {
            return QuarantineReason.OUT_OF_RANGE;
        }

        @Override
        public List<String> columns() {
            return List.of(lower, upper);
        }

        @Override
        public Optional<String> violation(ParsedRow row) {
            Number low = (Number) row.get(lower);
            Number high = (Number) row.get(upper);
            return low != null && high != null && !(low.doubleValue() < high.doubleValue())
                    ? Optional.of(lower + " " + Range.format(low.doubleValue()) + " is not below " + upper + " "
                            + Range.format(high.doubleValue()))
                    : Optional.empty();
        }
    }

    /**
     * The present values of {@code columns} lie in [lower, upper], each bound read from the
     * row and open when blank (a KPI's baseline and target within its bounds, SPEC.md §1.2).
     */
    record WithinBounds(List<String> bounded, String lower, String upper) implements RowRule {
        public WithinBounds {
            bounded = List.copyOf(bounded);
            requireNonNull(lower, "lower is null");
            requireNonNull(upper, "upper is null");
        }

        @Override
        public QuarantineReason reason() {
            return QuarantineReason.OUT_OF_RANGE;
        }

        @Override
        public List<String> columns() {
            List<String> columns = new java.util.ArrayList<>(bounded);
            columns.add(lower);
            columns.add(upper);
            return columns;
        }

        @Override
        public Optional<String> violation(ParsedRow row) {
            Number low = (Number) row.get(lower);
            Number high = (Number) row.get(upper);
            for (String column : bounded) {
                Number value = (Number) row.get(column);
                if (value == null) {
                    continue;
                }
                if (low != null && value.doubleValue() < low.doubleValue()) {
                    return Optional.of(column + " " + Range.format(value.doubleValue()) + " is below " + lower + " "
                            + Range.format(low.doubleValue()));
                }
                if (high != null && value.doubleValue() > high.doubleValue()) {
                    return Optional.of(column + " " + Range.format(value.doubleValue()) + " is above " + upper + " "
                            + Range.format(high.doubleValue()));
                }
            }
            return Optional.empty();
        }
    }

    /** Two columns must differ (a service cannot depend on itself). */
    record Distinct(String first, String second) implements RowRule {
        public Distinct {
            requireNonNull(first, "first is null");
            requireNonNull(second, "second is null");
        }

        @Override
        public QuarantineReason reason() {
            return QuarantineReason.SELF_DEPENDENCY;
        }

        @Override
        public List<String> columns() {
            return List.of(first, second);
        }

        @Override
        public Optional<String> violation(ParsedRow row) {
            Object value = row.get(first);
            return value != null && value.equals(row.get(second))
                    ? Optional.of(first + " and " + second + " are both '" + value + "'")
                    : Optional.empty();
        }
    }

    /**
     * The id column of a {@link TypedReference} against the row's type: required for a type that
     * names a row (a kpi comment needs its entity_id: missing_required), blank for one that names
     * none (a portfolio comment: bad_type, since no id is of that type). Judged once the type has
     * parsed.
     *
     * @param required which of the two rules this is
     */
    record TypedId(TypedReference reference, boolean required) implements RowRule {
        public TypedId {
            requireNonNull(reference, "reference is null");
        }

        @Override
        public QuarantineReason reason() {
            return required ? QuarantineReason.MISSING_REQUIRED : QuarantineReason.BAD_TYPE;
        }

        @Override
        public List<String> columns() {
            return List.of(reference.typeColumn(), reference.idColumn());
        }

        @Override
        public Optional<String> violation(ParsedRow row) {
            Object type = row.get(reference.typeColumn());
            if (type == null || reference.takesNoId((String) type) == required) {
                return Optional.empty();
            }
            Object id = row.get(reference.idColumn());
            if (required) {
                return id == null ? Optional.of("blank " + reference.idColumn() + ": " + reference.typeColumn() + " "
                        + type + " needs one") : Optional.empty();
            }
            return id != null ? Optional.of(reference.idColumn() + ": '" + id + "' given, but "
                    + reference.typeColumn() + " " + type + " names no row; leave it blank") : Optional.empty();
        }
    }
}
