package io.northstar.metrics.portfolio;

import io.northstar.job.Settings;

/** The prioritization score of SPEC.md §2.10. */
public final class Priority {
    /** A missing strategic value, urgency or effort counts as the middle of the scale. */
    static final int MISSING = 3;

    private Priority() {
    }

    /** (w_v × strategic_value + w_u × urgency + w_a × 5 × alignment) / effort. */
    public static double score(Settings.Priority weights, Integer strategicValue, Integer urgency, Integer effort,
            double alignment) {
        return (weights.valueWeight() * orMiddle(strategicValue) + weights.urgencyWeight() * orMiddle(urgency)
                + weights.alignmentWeight() * 5 * alignment) / orMiddle(effort);
    }

    /** Little effort (≤ 2) for real value (≥ 3). */
    public static boolean quickWin(Integer strategicValue, Integer effort) {
        return orMiddle(effort) <= 2 && orMiddle(strategicValue) >= 3;
    }

    private static int orMiddle(Integer value) {
        return value == null ? MISSING : value;
    }
}
