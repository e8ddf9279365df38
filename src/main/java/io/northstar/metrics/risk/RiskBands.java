package io.northstar.metrics.risk;

/** Risk score bands of SPEC.md §2.8 (score = likelihood × impact). */
public final class RiskBands {
    private RiskBands() {
    }

    /** 1–4 low, 5–9 medium, 10–16 high, 20–25 critical. */
    public static String band(int score) {
        if (score < 1 || score > 25) {
            throw new IllegalArgumentException("a risk score is in 1..25, was " + score);
        }
        if (score <= 4) {
            return "low";
        }
        if (score <= 9) {
            return "medium";
        }
        return score <= 16 ? "high" : "critical";
    }

    /** High and critical risks are the ones counted as high in summaries. */
    public static boolean isHigh(String band) {
        return "high".equals(band) || "critical".equals(band);
    }
}
