package io.northstar.metrics.objective;

/** Objective scores of SPEC.md §2.4: KPI scores, the weighted mean, and the status bands. */
public final class ObjectiveScores {
    private ObjectiveScores() {
    }

    /** green 1, amber 0.5, red 0; other statuses (no_target, no_data) have no score. */
    public static Double kpiScore(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "green" -> 1.0;
            case "amber" -> 0.5;
            case "red" -> 0.0;
            default -> null;
        };
    }

    /** The weighted mean Σ w·s / Σ w of the entries that have a score, or null when none has. */
    public static Double weightedMean(double weightedSum, double weights) {
        return weights > 0 ? weightedSum / weights : null;
    }

    /** ≥ 0.8 green, ≥ 0.5 amber, else red; no score → no_data. */
    public static String statusOf(Double score) {
        if (score == null) {
            return "no_data";
        }
        if (score >= 0.8) {
            return "green";
        }
        return score >= 0.5 ? "amber" : "red";
    }
}
