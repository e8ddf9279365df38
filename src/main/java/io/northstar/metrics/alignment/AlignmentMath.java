package io.northstar.metrics.alignment;

/** Alignment formulas of SPEC.md §2.5. */
public final class AlignmentMath {
    private AlignmentMath() {
    }

    /** A project's alignment: its contributions summed, capped at 1. */
    public static double projectAlignment(double contributionSum) {
        return Math.min(1, contributionSum);
    }

    /** numerator / denominator, or null when the denominator is 0. */
    public static Double share(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
