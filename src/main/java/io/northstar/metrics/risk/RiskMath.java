package io.northstar.metrics.risk;

/** Risk exposure formulas of SPEC.md §2.8 that other metrics share. */
public final class RiskMath {
    private static final double[] PROBABILITY_BY_LIKELIHOOD = {0.1, 0.3, 0.5, 0.7, 0.9};

    private RiskMath() {
    }

    /** The stated probability, or the one implied by likelihood 1..5 (0.1, 0.3, 0.5, 0.7, 0.9). */
    public static double probability(int likelihood, Double probability) {
        if (probability != null) {
            return probability;
        }
        if (likelihood < 1 || likelihood > 5) {
            throw new IllegalArgumentException("likelihood must be in 1..5, was " + likelihood);
        }
        return PROBABILITY_BY_LIKELIHOOD[likelihood - 1];
    }

    /** The PERT mean (low + 4 most likely + high) / 6, or null when any of the three is missing. */
    public static Double expectedImpact(Double low, Double mostLikely, Double high) {
        if (low == null || mostLikely == null || high == null) {
            return null;
        }
        return (low + 4 * mostLikely + high) / 6;
    }

    /** Expected monetary value p × expected impact, or null without a cost range. */
    public static Double emv(int likelihood, Double probability, Double low, Double mostLikely, Double high) {
        Double impact = expectedImpact(low, mostLikely, high);
        return impact == null ? null : probability(likelihood, probability) * impact;
    }
}
