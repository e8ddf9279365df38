package io.northstar.metrics.finance;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where an asset stands in its lifecycle on the as-of date, SPEC.md §4.2: age in years of
 * 365.25 days; past its lifecycle when older than it; due within 12 months when not past it
 * yet and its lifecycle ends within a year (the same 365.25-day year) of the as-of date.
 */
public record AssetLifecycle(double ageYears, boolean pastLifecycle, boolean dueWithin12Months) {
    static final double DAYS_PER_YEAR = 365.25;

    public static AssetLifecycle of(LocalDate acquired, double lifecycleYears, LocalDate asOf) {
        requireNonNull(acquired, "acquired is null");
        requireNonNull(asOf, "asOf is null");
        if (!(lifecycleYears > 0) || !Double.isFinite(lifecycleYears)) {
            throw new IllegalArgumentException("lifecycleYears must be a finite number > 0, not " + lifecycleYears);
        }
        double age = ChronoUnit.DAYS.between(acquired, asOf) / DAYS_PER_YEAR;
        boolean past = age > lifecycleYears;
        return new AssetLifecycle(age, past, !past && lifecycleYears - age <= 1);
    }
}
