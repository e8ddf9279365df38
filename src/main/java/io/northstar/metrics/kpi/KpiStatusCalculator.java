package io.northstar.metrics.kpi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** KPI status, gap and attainment (SPEC.md §2.1), as pure functions. */
public final class KpiStatusCalculator {
    private KpiStatusCalculator() {
    }

    /** The status of a KPI on {@code asOf}; observations after asOf are ignored. */
    public static KpiStatus status(Kpi kpi, List<Observation> observations, LocalDate asOf) {
        Observation latest = latest(observations, asOf);
        if (latest == null) {
            return new KpiStatus(kpi.kpiId(), null, null, null, null, null, KpiStatus.NO_DATA, null);
        }
        double value = latest.value();
        if (kpi.target() == null) {
            return new KpiStatus(kpi.kpiId(), value, latest.periodEnd(), null, null, null, KpiStatus.NO_TARGET,
                    null);
        }
        double expected = expectedValue(kpi, latest.periodEnd());
        double span = span(kpi);
        double gap = kpi.sign() * (value - expected) / span;
        return new KpiStatus(kpi.kpiId(), value, latest.periodEnd(), expected, span, gap,
                statusOf(gap, kpi.tolerance()), attainment(kpi, value));
    }

    /** The observation with the greatest period_end on or before asOf, or null. */
    static Observation latest(List<Observation> observations, LocalDate asOf) {
        Observation latest = null;
        for (Observation observation : observations) {
            if (!observation.periodEnd().isAfter(asOf)
                    && (latest == null || observation.periodEnd().isAfter(latest.periodEnd()))) {
                latest = observation;
            }
        }
        return latest;
    }

    /**
     * The planned value on a date: the straight line from (baseline_date, baseline) to
     * (target_date, target), held at the baseline before baseline_date and at the target from
     * target_date on; the target alone when the baseline or a date is missing.
     */
    static double expectedValue(Kpi kpi, LocalDate on) {
        double target = kpi.target();
        if (kpi.baseline() == null || kpi.baselineDate() == null || kpi.targetDate() == null) {
            return target;
        }
        if (!on.isBefore(kpi.targetDate())) {
            return target;
        }
        if (!on.isAfter(kpi.baselineDate())) {
            return kpi.baseline();
        }
        double total = ChronoUnit.DAYS.between(kpi.baselineDate(), kpi.targetDate());
        double elapsed = ChronoUnit.DAYS.between(kpi.baselineDate(), on);
        return kpi.baseline() + (target - kpi.baseline()) * elapsed / total;
    }

    /** |target - baseline| when both exist and differ, else |target| when not 0, else 1. */
    static double span(Kpi kpi) {
        double target = kpi.target();
        if (kpi.baseline() != null && kpi.baseline() != target) {
            return Math.abs(target - kpi.baseline());
        }
        return target != 0 ? Math.abs(target) : 1;
    }

    static String statusOf(double gap, double tolerance) {
        if (gap >= 0) {
            return KpiStatus.GREEN;
        }
        return gap >= -tolerance ? KpiStatus.AMBER : KpiStatus.RED;
    }

    /**
     * Progress from baseline to target; without a distinct baseline, value over target (higher
     * is better) or target over value (lower is better); null on division by zero.
     */
    static Double attainment(Kpi kpi, double value) {
        double target = kpi.target();
        if (kpi.baseline() != null && kpi.baseline() != target) {
            return (value - kpi.baseline()) / (target - kpi.baseline());
        }
        if (kpi.higherIsBetter()) {
            return target == 0 ? null : value / target;
        }
        return value == 0 ? null : target / value;
    }
}
