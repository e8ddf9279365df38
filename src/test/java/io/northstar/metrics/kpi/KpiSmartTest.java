package io.northstar.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KpiSmartTest {
    private static final LocalDate DATE = LocalDate.of(2027, 12, 31);

    private static KpiTrend trendWithProbability(Double probability) {
        return new KpiTrend("K1", 12, 0.1, 1.0, 0.9, 0.01, "improving", 5.0, 4.0, 6.0, probability, false);
    }

    @Test
    void aFullySpecifiedAchievableKpiScoresOne() {
        Kpi kpi = new Kpi("K1", "Uptake", "O1", "%", true, 10.0, DATE, 20.0, DATE, 0.1, "Ann", null, null);
        KpiSmart smart = KpiSmart.of(kpi, trendWithProbability(0.5), true);
        assertThat(smart.achievable()).as("0.5 counts as achievable").isTrue();
        assertThat(smart.smartScore()).isEqualTo(1.0);
    }

    @Test
    void eachMissingPieceCostsAFifthAndANullProbabilityCountsAsFalse() {
        Kpi vague = new Kpi("K2", "Ideas", null, null, true, null, null, null, null, 0.1, null, null, null);
        KpiSmart smart = KpiSmart.of(vague, trendWithProbability(null), false);
        assertThat(smart.specific()).isFalse();
        assertThat(smart.measurable()).isFalse();
        assertThat(smart.achievable()).isNull();
        assertThat(smart.relevant()).isFalse();
        assertThat(smart.timeBound()).isFalse();
        assertThat(smart.smartScore()).isEqualTo(0.0);

        Kpi noOwner = new Kpi("K3", "Uptake", "O1", "%", true, 10.0, DATE, 20.0, DATE, 0.1, " ", null, null);
        KpiSmart three = KpiSmart.of(noOwner, trendWithProbability(0.2), true);
        assertThat(three.specific()).isFalse();
        assertThat(three.achievable()).isFalse();
        assertThat(three.smartScore()).isEqualTo(0.6); // measurable, relevant, time-bound
    }

    @Test
    void aPassedDeadlineThatWasMetIsAchievableAndOneMissedIsNot() {
        Kpi kpi = new Kpi("K4", "MFA coverage", "O1", "%", true, 20.0, DATE, 100.0, DATE, 0.1, "Ann", 0.0, 100.0);
        KpiTrend passed = new KpiTrend("K4", 12, 0.1, 1.0, 0.9, 0.01, "improving", 5.0, 4.0, 6.0, null, false);
        assertThat(KpiSmart.of(kpi, passed.settled(1.0), true).achievable()).isTrue();
        assertThat(KpiSmart.of(kpi, passed.settled(0.0), true).achievable()).isFalse();
        assertThat(KpiSmart.of(kpi, passed.settled(null), true).achievable()).as("no observation by the deadline")
                .isNull();
    }
}
