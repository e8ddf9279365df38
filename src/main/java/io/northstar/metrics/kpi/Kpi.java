package io.northstar.metrics.kpi;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A KPI as the metrics read it from the conformed zone. Nullable fields are null when the
 * source left them blank; tolerance carries its default (0.10) from ingestion.
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
        String owner) {

    public Kpi {
        requireNonNull(kpiId, "kpiId is null");
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
        }
    }

    /** +1 when higher is better, -1 when lower is better (SPEC.md §2.1). */
    public int sign() {
        return higherIsBetter ? 1 : -1;
    }
}
