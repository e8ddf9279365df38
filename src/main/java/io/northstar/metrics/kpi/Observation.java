package io.northstar.metrics.kpi;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** One value of a KPI at the end of a period. */
public record Observation(LocalDate periodEnd, double value) {
    public Observation {
        requireNonNull(periodEnd, "periodEnd is null");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, was " + value);
        }
    }
}
