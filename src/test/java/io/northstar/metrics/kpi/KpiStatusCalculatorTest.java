package io.northstar.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiStatusCalculatorTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    private static final LocalDate BASELINE_DATE = LocalDate.of(2026, 1, 1);
    private static final LocalDate TARGET_DATE = LocalDate.of(2026, 12, 31);

    /** Higher is better, baseline 20 on 2026-01-01, target 40 on 2026-12-31 (364 days). */
    private static Kpi uptake(Double baseline, LocalDate baselineDate, Double target, LocalDate targetDate) {
        return new Kpi("K1", "Uptake", "O1", "%", true, baseline, baselineDate, target, targetDate, 0.10, "Ann", 0.0,
                100.0);
    }

    private static Kpi uptake() {
        return uptake(20.0, BASELINE_DATE, 40.0, TARGET_DATE);
    }

    private static List<Observation> values(Object... dateValuePairs) {
        List<Observation> observations = new java.util.ArrayList<>();
        for (int i = 0; i < dateValuePairs.length; i += 2) {
            observations.add(new Observation(LocalDate.parse((String) dateValuePairs[i]),
                    ((Number) dateValuePairs[i + 1]).doubleValue()));
        }
        return observations;
    }

    @Test
    void onTheLineIsGreenWithGapZero() {
        // 2026-07-02 is 182 of 364 days in: expected 20 + 20 * 182/364 = 30
        KpiStatus status = KpiStatusCalculator.status(uptake(), values("2026-07-02", 30), AS_OF);
        assertThat(status.expectedValue()).isCloseTo(30.0, within(1e-12));
        assertThat(status.span()).isEqualTo(20.0);
        assertThat(status.gap()).isCloseTo(0.0, within(1e-12));
        assertThat(status.status()).isEqualTo("green");
        assertThat(status.attainment()).isCloseTo(0.5, within(1e-12)); // (30-20)/(40-20)
    }

    @Test
    void aSmallShortfallIsAmberAndALargeOneRed() {
        // expected 30; 28.5 → gap (28.5-30)/20 = -0.075 ≥ -0.10 → amber
        assertThat(KpiStatusCalculator.status(uptake(), values("2026-07-02", 28.5), AS_OF).status()).isEqualTo("amber");
        // exactly at the tolerance: 28 → gap -0.10 → amber
        KpiStatus edge = KpiStatusCalculator.status(uptake(), values("2026-07-02", 28), AS_OF);
        assertThat(edge.gap()).isCloseTo(-0.10, within(1e-12));
        assertThat(edge.status()).isEqualTo("amber");
        // 27 → gap -0.15 → red
        assertThat(KpiStatusCalculator.status(uptake(), values("2026-07-02", 27), AS_OF).status()).isEqualTo("red");
    }

    @Test
    void usesTheLatestObservationOnOrBeforeAsOf() {
        KpiStatus status = KpiStatusCalculator.status(uptake(),
                values("2026-06-30", 25, "2026-09-30", 36, "2026-11-30", 10), AS_OF);
        assertThat(status.latestPeriod()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(status.latestValue()).isEqualTo(36.0);
    }

    @Test
    void lowerIsBetterFlipsTheSignOfTheGap() {
        // incidents: baseline 14 → target 4; halfway expected 9; actual 8 is better → green
        Kpi incidents = new Kpi("K2", "Incidents", "O1", "count", false, 14.0, BASELINE_DATE, 4.0, TARGET_DATE, 0.1,
                "Bo", null, null);
        KpiStatus status = KpiStatusCalculator.status(incidents, values("2026-07-02", 8), AS_OF);
        assertThat(status.expectedValue()).isCloseTo(9.0, within(1e-12));
        assertThat(status.gap()).isCloseTo(0.1, within(1e-12)); // -1 * (8 - 9) / 10
        assertThat(status.status()).isEqualTo("green");
        assertThat(status.attainment()).isCloseTo(0.6, within(1e-12)); // (8-14)/(4-14)
    }

    @Test
    void theLineIsHeldAtTheBaselineBeforeAndAtTheTargetAfter() {
        Kpi kpi = uptake(20.0, LocalDate.of(2026, 3, 1), 40.0, LocalDate.of(2026, 6, 30));
        assertThat(KpiStatusCalculator.expectedValue(kpi, LocalDate.of(2026, 1, 31))).isEqualTo(20.0);
        assertThat(KpiStatusCalculator.expectedValue(kpi, LocalDate.of(2026, 9, 30))).isEqualTo(40.0);
        // target already passed and reached → green, attainment 1
        KpiStatus passed = KpiStatusCalculator.status(kpi, values("2026-09-30", 40), AS_OF);
        assertThat(passed.status()).isEqualTo("green");
        assertThat(passed.attainment()).isEqualTo(1.0);
    }

    @Test
    void withoutBaselineOrDatesTheTargetIsExpectedAndTheRatioIsTheAttainment() {
        Kpi noBaseline = uptake(null, null, 40.0, TARGET_DATE);
        KpiStatus status = KpiStatusCalculator.status(noBaseline, values("2026-07-02", 30), AS_OF);
        assertThat(status.expectedValue()).isEqualTo(40.0);
        assertThat(status.span()).isEqualTo(40.0); // |target|
        assertThat(status.gap()).isCloseTo(-0.25, within(1e-12)); // (30-40)/40
        assertThat(status.status()).isEqualTo("red");
        assertThat(status.attainment()).isCloseTo(0.75, within(1e-12)); // 30/40
        assertThat(KpiStatusCalculator.status(uptake(20.0, BASELINE_DATE, 40.0, null), values("2026-07-02", 30), AS_OF)
                .expectedValue()).as("no target date").isEqualTo(40.0);
    }

    @Test
    void aTargetEqualToTheBaselineUsesTheTargetAsSpan() {
        Kpi hold = uptake(50.0, BASELINE_DATE, 50.0, TARGET_DATE);
        KpiStatus status = KpiStatusCalculator.status(hold, values("2026-07-02", 45), AS_OF);
        assertThat(status.span()).isEqualTo(50.0);
        assertThat(status.gap()).isCloseTo(-0.1, within(1e-12));
        assertThat(status.attainment()).isCloseTo(0.9, within(1e-12)); // 45/50
    }

    @Test
    void aZeroTargetWithoutBaselineHasSpanOneAndNoRatioAttainment() {
        Kpi zero = uptake(null, null, 0.0, TARGET_DATE);
        KpiStatus status = KpiStatusCalculator.status(zero, values("2026-07-02", 2), AS_OF);
        assertThat(status.span()).isEqualTo(1.0);
        assertThat(status.gap()).isEqualTo(2.0);
        assertThat(status.attainment()).as("division by zero").isNull();
        Kpi lowerZero = new Kpi("K", "n", "O", "u", false, null, null, 0.0, null, 0.1, "o", null, null);
        assertThat(KpiStatusCalculator.status(lowerZero, values("2026-07-02", 4), AS_OF).attainment()).isEqualTo(0.0);
        assertThat(KpiStatusCalculator.status(lowerZero, values("2026-07-02", 0), AS_OF).attainment()).isNull();
    }

    @Test
    void noTargetAndNoDataAreStatusesOfTheirOwn() {
        KpiStatus noTarget = KpiStatusCalculator.status(uptake(20.0, BASELINE_DATE, null, null),
                values("2026-07-02", 30), AS_OF);
        assertThat(noTarget.status()).isEqualTo("no_target");
        assertThat(noTarget.latestValue()).isEqualTo(30.0);
        assertThat(noTarget.gap()).isNull();
        assertThat(noTarget.attainment()).isNull();
        KpiStatus noData = KpiStatusCalculator.status(uptake(), values("2026-11-30", 30), AS_OF);
        assertThat(noData.status()).as("only observations after as_of").isEqualTo("no_data");
        assertThat(noData.latestValue()).isNull();
        assertThat(KpiStatusCalculator.status(uptake(), List.of(), AS_OF).status()).isEqualTo("no_data");
    }
}
