package io.northstar.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiTrendCalculatorTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    /** An unbounded KPI: the regression tests below are about the line, not the bounds. */
    private static Kpi kpi(boolean higherIsBetter, Double target, LocalDate targetDate) {
        return new Kpi("K1", "Uptake", "O1", "points", higherIsBetter, 0.0, LocalDate.of(2020, 1, 1), target,
                targetDate, 0.1, "Ann", null, null);
    }

    /** A % KPI as ingestion conforms it: bounded by [0, 100]. */
    private static Kpi percent(Double target, LocalDate targetDate) {
        return new Kpi("K2", "Paperless share", "O1", "%", true, 40.0, LocalDate.of(2020, 1, 1), target, targetDate,
                0.1, "Ann", 0.0, 100.0);
    }

    private static List<Observation> monthly(double... values) {
        // month ends from 2026-01-31 on
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            observations.add(new Observation(java.time.YearMonth.of(2026, 1).plusMonths(i).atEndOfMonth(),
                    values[i]));
        }
        return observations;
    }

    private static List<KpiTrendCalculator.Point> points(double... xy) {
        List<KpiTrendCalculator.Point> points = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            points.add(new KpiTrendCalculator.Point(xy[i], xy[i + 1]));
        }
        return points;
    }

    /** Student's t CDF with 2 degrees of freedom in closed form: 1/2 + u / (2 sqrt(2 + u²)). */
    private static double t2Cdf(double u) {
        return 0.5 + u / (2 * Math.sqrt(2 + u * u));
    }

    @Test
    void reproducesTheNistNorrisCertifiedValues() {
        double[] x = {0.2, 337.4, 118.2, 884.6, 10.1, 226.5, 666.3, 996.3, 448.6, 777.0, 558.2, 0.4, 0.6, 775.5,
            666.9, 338.0, 447.5, 11.6, 556.0, 228.1, 995.8, 887.6, 120.2, 0.3, 0.3, 556.8, 339.1, 887.2, 999.0,
            779.0, 11.1, 118.3, 229.2, 669.1, 448.9, 0.5};
        double[] y = {0.1, 338.8, 118.1, 888.0, 9.2, 228.1, 668.5, 998.5, 449.1, 778.9, 559.2, 0.3, 0.1, 778.1,
            668.8, 339.3, 448.9, 10.8, 557.7, 228.3, 998.0, 888.8, 119.6, 0.3, 0.6, 557.6, 339.3, 888.0, 998.5,
            778.9, 10.2, 117.6, 228.9, 668.4, 449.2, 0.2};
        List<KpiTrendCalculator.Point> norris = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            norris.add(new KpiTrendCalculator.Point(x[i], y[i]));
        }
        KpiTrend trend = KpiTrendCalculator.fit(kpi(true, null, null), norris, null, 0.10, 0.80);
        assertThat(trend.n()).isEqualTo(36);
        assertThat(trend.slopePerDay()).isCloseTo(1.00211681802045, within(1e-9));
        assertThat(trend.intercept()).isCloseTo(-0.262323073774029, within(1e-9));
        assertThat(trend.r2()).isCloseTo(0.999993745883712, within(1e-9));
        assertThat(trend.direction()).isEqualTo("improving");
    }

    /**
     * x = 0, 1, 2, 3 and y = 1, 3, 2, 4: x̄ = 1.5, ȳ = 2.5, Sxx = 5, Sxy = 4, slope 0.8,
     * intercept 1.3, residuals -0.3, 0.9, -0.9, 0.3, SSE 1.8, s² = 0.9, SST 5, R² 0.64.
     * Slope t = 0.8 / (√0.9/√5) = 1.885618; with 2 df its two-sided p is
     * 2 (1 - t2Cdf(1.885618)) = 2 (1 - 0.9) = 0.2.
     */
    @Test
    void matchesAHandWorkedSeries() {
        Kpi kpi = kpi(true, 6.0, null);
        KpiTrend trend = KpiTrendCalculator.fit(kpi, points(0, 1, 1, 3, 2, 2, 3, 4), 5.0, 0.10, 0.80);
        assertThat(trend.slopePerDay()).isCloseTo(0.8, within(1e-12));
        assertThat(trend.intercept()).isCloseTo(1.3, within(1e-12));
        assertThat(trend.r2()).isCloseTo(0.64, within(1e-12));
        assertThat(trend.slopePValue()).isCloseTo(0.2, within(1e-9));
        assertThat(trend.direction()).as("p 0.2 is not below alpha 0.10").isEqualTo("flat");

        // forecast at x = 5: 1.3 + 0.8 × 5 = 5.3
        assertThat(trend.forecast()).isCloseTo(5.3, within(1e-12));
        // se = s √(1 + 1/4 + (5 - 1.5)²/5) = √0.9 × √3.7
        double se = Math.sqrt(0.9) * Math.sqrt(3.7);
        // t(0.9, 2 df): t / √(2 + t²) = 0.8  →  t² = 1.28 / 0.36
        double t = Math.sqrt(1.28 / 0.36);
        assertThat(trend.forecastLow()).isCloseTo(5.3 - t * se, within(1e-9));
        assertThat(trend.forecastHigh()).isCloseTo(5.3 + t * se, within(1e-9));
        // width 2 t se = 2 √(1.28/0.36 × 3.33) = 2 √11.84 = 6.881860
        assertThat(trend.forecastHigh() - trend.forecastLow()).isCloseTo(6.881860, within(1e-6));
        // P(Y ≥ 6) = 1 - T2((6 - 5.3) / se) = 1 - T2(0.383597) = 0.369108
        assertThat(trend.attainmentProbability()).isCloseTo(1 - t2Cdf(0.7 / se), within(1e-9));
        assertThat(trend.attainmentProbability()).isCloseTo(0.369108, within(1e-6));

        KpiTrend lower = KpiTrendCalculator.fit(kpi(false, 6.0, null), points(0, 1, 1, 3, 2, 2, 3, 4), 5.0, 0.10,
                0.80);
        assertThat(lower.attainmentProbability()).as("P(Y ≤ 6)").isCloseTo(t2Cdf(0.7 / se), within(1e-9));
        assertThat(lower.direction()).isEqualTo("flat");
    }

    @Test
    void aSignificantSlopeIsImprovingOrWorseningByDirection() {
        List<KpiTrendCalculator.Point> rising = points(0, 1.0, 30, 2.1, 61, 2.9, 91, 4.2, 122, 5.0);
        assertThat(KpiTrendCalculator.fit(kpi(true, null, null), rising, null, 0.10, 0.8).direction())
                .isEqualTo("improving");
        assertThat(KpiTrendCalculator.fit(kpi(false, null, null), rising, null, 0.10, 0.8).direction())
                .isEqualTo("worsening");
    }

    @Test
    void aPerfectLineHasPValueZeroAndACertainForecast() {
        // y = 2x exactly: no residual variance
        KpiTrend trend = KpiTrendCalculator.fit(kpi(true, 15.0, null), points(0, 0, 1, 2, 2, 4, 3, 6), 10.0, 0.1, 0.8);
        assertThat(trend.slopePValue()).isEqualTo(0.0);
        assertThat(trend.direction()).isEqualTo("improving");
        assertThat(trend.forecast()).isCloseTo(20.0, within(1e-12));
        assertThat(trend.forecastLow()).isCloseTo(20.0, within(1e-12));
        assertThat(trend.attainmentProbability()).as("20 ≥ 15 for sure").isEqualTo(1.0);
        KpiTrend missed = KpiTrendCalculator.fit(kpi(true, 25.0, null), points(0, 0, 1, 2, 2, 4, 3, 6), 10.0, 0.1,
                0.8);
        assertThat(missed.attainmentProbability()).isEqualTo(0.0);
    }

    @Test
    void allEqualValuesAreFlatWithNoR2() {
        KpiTrend trend = KpiTrendCalculator.fit(kpi(true, 5.0, null), points(0, 3, 31, 3, 59, 3), 100.0, 0.1, 0.8);
        assertThat(trend.slopePerDay()).isEqualTo(0.0);
        assertThat(trend.slopePValue()).isEqualTo(1.0);
        assertThat(trend.direction()).isEqualTo("flat");
        assertThat(trend.r2()).as("no variance to explain").isNull();
        assertThat(trend.forecast()).isEqualTo(3.0);
        assertThat(trend.attainmentProbability()).isEqualTo(0.0);
    }

    @Test
    void fewerThanThreeObservationsAreInsufficient() {
        KpiTrend none = KpiTrendCalculator.fit(kpi(true, 5.0, null), points(), 10.0, 0.1, 0.8);
        assertThat(none.n()).isZero();
        assertThat(none.slopePerDay()).isNull();
        assertThat(none.direction()).isEqualTo("insufficient_data");
        KpiTrend one = KpiTrendCalculator.fit(kpi(true, 5.0, null), points(0, 1), 10.0, 0.1, 0.8);
        assertThat(one.slopePerDay()).isNull();
        KpiTrend two = KpiTrendCalculator.fit(kpi(true, 5.0, null), points(0, 1, 10, 3), 10.0, 0.1, 0.8);
        assertThat(two.n()).isEqualTo(2);
        assertThat(two.slopePerDay()).isCloseTo(0.2, within(1e-12));
        assertThat(two.slopePValue()).isNull();
        assertThat(two.direction()).isEqualTo("insufficient_data");
        assertThat(two.forecast()).isNull();
        assertThat(two.attainmentProbability()).isNull();
    }

    @Test
    void usesTheLastWindowObservationsUpToAsOfWithDaysSinceTheEpoch() {
        Kpi kpi = kpi(true, 100.0, LocalDate.of(2027, 12, 31));
        List<Observation> observations = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            observations.add(new Observation(LocalDate.of(2026, month, 1), month <= 6 ? 1000 : month));
        }
        KpiTrend trend = KpiTrendCalculator.trend(kpi, observations, AS_OF, 4, 0.1, 0.8);
        // window of 4 on or before 2026-10-31: July..October, values 7..10
        assertThat(trend.n()).isEqualTo(4);
        assertThat(trend.slopePerDay()).isGreaterThan(0).isLessThan(0.04);
        assertThat(trend.intercept() + trend.slopePerDay() * LocalDate.of(2026, 7, 1).toEpochDay())
                .isCloseTo(7.0, within(0.1));
        assertThat(trend.forecast()).isCloseTo(trend.intercept()
                + trend.slopePerDay() * LocalDate.of(2027, 12, 31).toEpochDay(), within(1e-9));
    }

    @Test
    void noTargetDateMeansNoForecast() {
        KpiTrend trend = KpiTrendCalculator.trend(kpi(true, 5.0, null),
                List.of(new Observation(LocalDate.of(2026, 1, 31), 1), new Observation(LocalDate.of(2026, 2, 28), 2),
                        new Observation(LocalDate.of(2026, 3, 31), 4)), AS_OF, 12, 0.1, 0.8);
        assertThat(trend.n()).isEqualTo(3);
        assertThat(trend.slopePValue()).isNotNull();
        assertThat(trend.forecast()).isNull();
        assertThat(trend.attainmentProbability()).isNull();
        assertThat(trend.deadlinePassed()).as("no target date, no deadline").isNull();
    }

    @Test
    void aPercentKpiWhoseLineReaches104AtTheTargetDateIsForecastAt100() {
        // y = 80 + 2x exactly, x = 0..3: at x = 12, 80 + 2 × 12 = 104; no residual, so the interval is 104 too
        KpiTrend trend = KpiTrendCalculator.fit(percent(95.0, null), points(0, 80, 1, 82, 2, 84, 3, 86), 12.0, 0.1,
                0.8);
        assertThat(trend.forecast()).isEqualTo(100.0);
        assertThat(trend.forecastLow()).isEqualTo(100.0);
        assertThat(trend.forecastHigh()).isEqualTo(100.0);
        assertThat(trend.attainmentProbability()).as("104 ≥ 95 for sure").isEqualTo(1.0);
        assertThat(trend.deadlinePassed()).isFalse();
    }

    /**
     * The hand-worked series of {@link #matchesAHandWorkedSeries} plus 94: y = 95, 97, 96, 98 at
     * x = 0..3, slope 0.8, intercept 95.3, forecast at x = 5: 95.3 + 4 = 99.3, half-width
     * t se = √(1.28/0.36 × 3.33) = 3.440930, so the interval [95.859070, 102.740930] straddles 100.
     */
    @Test
    void anIntervalStraddlingTheUpperBoundHasOnlyItsHighEndClamped() {
        KpiTrend trend = KpiTrendCalculator.fit(percent(100.0, null), points(0, 95, 1, 97, 2, 96, 3, 98), 5.0, 0.1,
                0.8);
        assertThat(trend.forecast()).isCloseTo(99.3, within(1e-9));
        assertThat(trend.forecastLow()).isCloseTo(95.859070, within(1e-6));
        assertThat(trend.forecastHigh()).isEqualTo(100.0);
        // unclamped: P(Y ≥ 100) = 1 - T2((100 - 99.3) / se) = 1 - T2(0.7 / √3.33) = 0.369107, as in the hand-worked series
        double se = Math.sqrt(0.9) * Math.sqrt(3.7);
        assertThat(trend.attainmentProbability()).isCloseTo(1 - t2Cdf(0.7 / se), within(1e-12));
        assertThat(trend.attainmentProbability()).isCloseTo(0.369107, within(1e-6));
    }

    /**
     * Floor space falling to a target of 0 m2: y = 4, 2, 3, 1 at x = 0..3 (5 minus the hand-worked
     * series), slope -0.8, intercept 3.7, forecast at x = 5: 3.7 - 4 = -0.3, interval
     * -0.3 ∓ 3.440930 = [-3.740930, 3.140930]. Below 0 is no floor space at all.
     */
    @Test
    void anAreaForecastBelowItsLowerBoundOfZeroIsZero() {
        Kpi floorSpace = new Kpi("K3", "Data centre floor space in use", "O1", "m2", false, 2400.0, null, 0.0, null,
                0.1, "Ann", 0.0, null);
        KpiTrend trend = KpiTrendCalculator.fit(floorSpace, points(0, 4, 1, 2, 2, 3, 3, 1), 5.0, 0.1, 0.8);
        assertThat(trend.forecast()).isEqualTo(0.0);
        assertThat(trend.forecastLow()).isEqualTo(0.0);
        assertThat(trend.forecastHigh()).isCloseTo(3.140930, within(1e-6));
        // P(Y ≤ 0) = T2((0 - (-0.3)) / se) = T2(0.164399) = 0.557735, from the unclamped -0.3
        double se = Math.sqrt(0.9) * Math.sqrt(3.7);
        assertThat(trend.attainmentProbability()).isCloseTo(t2Cdf(0.3 / se), within(1e-12));
        assertThat(trend.attainmentProbability()).isCloseTo(0.557735, within(1e-6));
    }

    @Test
    void aPassedDeadlineThatWasMetIsSettledAtOneWithNoForecast() {
        // target 100 by 2026-06-30; June's 100 meets it, July's slip to 97 comes after the deadline
        KpiTrend trend = KpiTrendCalculator.trend(percent(100.0, LocalDate.of(2026, 6, 30)),
                monthly(90, 93, 95, 97, 99, 100, 97, 98, 99, 99), AS_OF, 12, 0.1, 0.8);
        assertThat(trend.deadlinePassed()).isTrue();
        assertThat(trend.attainmentProbability()).isEqualTo(1.0);
        assertThat(trend.forecast()).isNull();
        assertThat(trend.forecastLow()).isNull();
        assertThat(trend.forecastHigh()).isNull();
        assertThat(trend.n()).as("the line is fitted as usual").isEqualTo(10);
        assertThat(trend.direction()).isEqualTo("improving");
    }

    @Test
    void aPassedDeadlineThatWasMissedIsSettledAtZeroWhateverCameAfter() {
        // June's 99.5 misses 100; reaching 100 in October does not count for a June deadline
        KpiTrend trend = KpiTrendCalculator.trend(percent(100.0, LocalDate.of(2026, 6, 30)),
                monthly(90, 93, 95, 97, 99, 99.5, 100, 100, 100, 100), AS_OF, 12, 0.1, 0.8);
        assertThat(trend.deadlinePassed()).isTrue();
        assertThat(trend.attainmentProbability()).isEqualTo(0.0);
        assertThat(trend.forecast()).isNull();

        // lower is better: 12 by the deadline against a target of 10 is missed (sign × (12 - 10) < 0)
        Kpi holdTime = new Kpi("K4", "Customs hold time", "O1", "hours", false, 30.0, null, 10.0,
                LocalDate.of(2026, 3, 31), 0.1, "Ann", 0.0, null);
        assertThat(KpiTrendCalculator.trend(holdTime, monthly(14, 13, 12, 9), AS_OF, 12, 0.1, 0.8)
                .attainmentProbability()).isEqualTo(0.0);
    }

    @Test
    void aPassedDeadlineWithNoObservationOnOrBeforeItHasNoProbability() {
        // the first observation, 2026-07-31, is after the 2026-06-30 deadline
        List<Observation> afterwards = monthly(0, 0, 0, 0, 0, 0, 96, 97, 98, 99).subList(6, 10);
        KpiTrend trend = KpiTrendCalculator.trend(percent(95.0, LocalDate.of(2026, 6, 30)), afterwards, AS_OF, 12,
                0.1, 0.8);
        assertThat(trend.deadlinePassed()).isTrue();
        assertThat(trend.attainmentProbability()).isNull();
        assertThat(trend.forecast()).isNull();
    }

    @Test
    void aTargetDateOnTheAsOfDateHasPassedAndADayLaterHasNot() {
        List<Observation> series = monthly(90, 93, 95, 97, 99, 100, 97, 98, 99, 96);
        KpiTrend onTheDay = KpiTrendCalculator.trend(percent(96.0, AS_OF), series, AS_OF, 12, 0.1, 0.8);
        assertThat(onTheDay.deadlinePassed()).isTrue();
        assertThat(onTheDay.attainmentProbability()).as("October's 96 meets 96").isEqualTo(1.0);
        assertThat(onTheDay.forecast()).isNull();
        KpiTrend dayAfter = KpiTrendCalculator.trend(percent(96.0, AS_OF.plusDays(1)), series, AS_OF, 12, 0.1, 0.8);
        assertThat(dayAfter.deadlinePassed()).isFalse();
        assertThat(dayAfter.forecast()).isNotNull();
        assertThat(dayAfter.attainmentProbability()).isStrictlyBetween(0.0, 1.0);
    }
}
