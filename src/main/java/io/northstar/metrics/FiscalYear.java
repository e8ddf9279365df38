package io.northstar.metrics;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The fiscal year that contains an as-of date (SPEC.md vocabulary): it starts in
 * {@code startMonth}; year to date runs from its first month through as_of's month.
 */
public record FiscalYear(YearMonth first, YearMonth asOfMonth) {

    public static FiscalYear containing(LocalDate asOf, int startMonth) {
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("start month must be in 1..12, was " + startMonth);
        }
        YearMonth month = YearMonth.from(asOf);
        int year = month.getMonthValue() >= startMonth ? month.getYear() : month.getYear() - 1;
        return new FiscalYear(YearMonth.of(year, startMonth), month);
    }

    /** The last month of the fiscal year. */
    public YearMonth last() {
        return first.plusMonths(11);
    }

    /** Months from the first through as_of's month, both included (1..12). */
    public int monthsElapsed() {
        return (int) (first.until(asOfMonth, java.time.temporal.ChronoUnit.MONTHS) + 1);
    }

    /** Whether a {@code yyyy-MM} period is year to date. */
    public boolean isYearToDate(String period) {
        YearMonth month = YearMonth.parse(period);
        return !month.isBefore(first) && !month.isAfter(asOfMonth);
    }

    /** {@code yyyy-MM} of the first month, for comparisons with period strings. */
    public String firstPeriod() {
        return first.toString();
    }

    public String asOfPeriod() {
        return asOfMonth.toString();
    }

    public String lastPeriod() {
        return last().toString();
    }
}
