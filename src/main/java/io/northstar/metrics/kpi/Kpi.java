package io.northstar.metrics.kpi;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A KPI as the metrics read it from the conformed zone. Nullable fields are null when the
 * source left them blank; tolerance carries its default (0.10) from ingestion, and the bounds
 * (SPEC.md §1.2) are the effective ones, a % KPI's blanks already 0 and 100; a null bound is open.
 */
public record Kpi(
        String kpiId,
        String name,
        String objectiveId,
        String unit,
        boolean higherIsBetter,
        Double baseline,
        LocalDate baselineDate,
        Double target,
        LocalDate targetDate,
        double tolerance,
        String owner,
        Double lowerBound,
        Double upperBound) {

    public Kpi {
        requireNonNull(kpiId, "kpiId is null");
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
        }
        if (lowerBound != null && upperBound != null && !(lowerBound < upperBound)) {
            throw new IllegalArgumentException("lowerBound " + lowerBound + " must be below upperBound " + upperBound);
        }
    }

    /** The value moved into the KPI's bounds: a forecast never leaves what the KPI can be. */
    public double clamp(double value) {
        double clamped = lowerBound == null ? value : Math.max(lowerBound, value);
        return upperBound == null ? clamped : Math.min(upperBound, clamped);
    }

    /** +1 when higher is better, -1 when lower is better (SPEC.md §2.1). */
    public int sign() {
        return higherIsBetter ? 1 : -1;
    }
}
