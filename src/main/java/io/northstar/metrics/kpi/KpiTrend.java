package io.northstar.metrics.kpi;

/**
 * SPEC.md §2.2 for one KPI: the least-squares line through its last observations and the
 * forecast at its target date. Numbers that cannot be computed are null.
 *
 * @param direction improving, worsening, flat or insufficient_data
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
        Double attainmentProbability) {

    public static final String IMPROVING = "improving";
    public static final String WORSENING = "worsening";
    public static final String FLAT = "flat";
    public static final String INSUFFICIENT_DATA = "insufficient_data";
}
