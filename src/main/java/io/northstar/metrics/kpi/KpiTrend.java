package io.northstar.metrics.kpi;

/**
 * SPEC.md §2.2 for one KPI: the least-squares line through its last observations and the
 * forecast at its target date. Numbers that cannot be computed are null.
 *
 * @param direction improving, worsening, flat or insufficient_data
 * @param forecast the trend at the target date, with its interval, each clamped to the KPI's
 *     bounds; null when the deadline has passed
 * @param attainmentProbability the chance of meeting the target by its date, from the unclamped
 *     trend; once the deadline has passed, 1 or 0 as the last observation by then met it or not
 * @param deadlinePassed target_date ≤ as_of; null without a target date
 */
public record KpiTrend(
        String kpiId,
        int n,
        Double slopePerDay,
        Double intercept,
        Double r2,
        Double slopePValue,
        String direction,
        Double forecast,
        Double forecastLow,
        Double forecastHigh,
        Double attainmentProbability,
        Boolean deadlinePassed) {

    public static final String IMPROVING = "improving";
    public static final String WORSENING = "worsening";
    public static final String FLAT = "flat";
    public static final String INSUFFICIENT_DATA = "insufficient_data";

    /**
     * This trend once its target date has passed: no forecast, the outcome as its probability
     * (SPEC.md §2.2).
     */
    KpiTrend settled(Double outcome) {
        return new KpiTrend(kpiId, n, slopePerDay, intercept, r2, slopePValue, direction, null, null, null, outcome,
                true);
    }
}
