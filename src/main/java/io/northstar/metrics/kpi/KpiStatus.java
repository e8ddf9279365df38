package io.northstar.metrics.kpi;

import java.time.LocalDate;

/**
 * SPEC.md §2.1 for one KPI. Every number is null when it cannot be computed.
 *
 * @param status green, amber, red, no_target or no_data
 */
public record KpiStatus(
        String kpiId,
        Double latestValue,
        LocalDate latestPeriod,
        Double expectedValue,
        Double span,
        Double gap,
        String status,
        Double attainment) {

    public static final String GREEN = "green";
    public static final String AMBER = "amber";
    public static final String RED = "red";
    public static final String NO_TARGET = "no_target";
    public static final String NO_DATA = "no_data";
}
