package io.northstar.contract;

/**
 * An interval a numeric column must lie in; a null bound is open-ended.
 */
public record Range(Double min, boolean minInclusive, Double max, boolean maxInclusive) {

    public Range {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a range needs at least one bound");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("range min " + min + " is above max " + max);
        }
    }

    public static Range between(double min, double max) {
        return new Range(min, true, max, true);
    }

    public static Range atLeast(double min) {
        return new Range(min, true, null, false);
    }

    public static Range above(double min) {
        return new Range(min, false, null, false);
    }

    /** (min, max]: used for contributions, which must be positive and at most 1. */
    public static Range aboveUpTo(double min, double max) {
        return new Range(min, false, max, true);
    }

    public boolean contains(double value) {
        if (min != null && (minInclusive ? value < min : value <= min)) {
            return false;
        }
        return max == null || (maxInclusive ? value <= max : value < max);
    }

    /** Reads like the spec: "≥ 0", "in [1, 5]", "in (0, 1]". */
    public String describe() {
        if (max == null) {
            return (minInclusive ? ">= " : "> ") + format(min);
        }
        if (min == null) {
            return (maxInclusive ? "<= " : "< ") + format(max);
        }
        return "in " + (minInclusive ? "[" : "(") + format(min) + ", " + format(max) + (maxInclusive ? "]" : ")");
    }

    /** A number as the spec writes it: 100, not 100.0. */
    static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
