package io.northstar.metrics.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EarnedValueTest {

    @Test
    void theTextbookExample() {
        // BAC 100,000, PV 40,000, EV 35,000, AC 36,000
        EarnedValue ev = EarnedValue.of(100_000, 40_000, 35_000, 36_000);
        assertThat(ev.sv()).isEqualTo(-5_000);
        assertThat(ev.cv()).isEqualTo(-1_000);
        assertThat(ev.spi()).isEqualTo(0.875);
        assertThat(ev.cpi()).isCloseTo(0.972222222, within(1e-9));
        assertThat(ev.eac()).isCloseTo(102_857.142857, within(1e-6)); // 100,000 / (35/36)
        assertThat(ev.etc()).isCloseTo(66_857.142857, within(1e-6));
        assertThat(ev.vac()).isCloseTo(-2_857.142857, within(1e-6));
        assertThat(ev.tcpi()).isEqualTo(1.015625); // 65,000 / 64,000
        assertThat(ev.costVariancePct()).isCloseTo(-1_000 / 35_000.0, within(1e-12)); // -2.9 % green
        assertThat(ev.scheduleVariancePct()).isEqualTo(-0.125); // amber
        assertThat(ev.costRag()).isEqualTo("green");
        assertThat(ev.scheduleRag()).isEqualTo("amber");
        assertThat(ev.health()).isEqualTo("amber");
    }

    @Test
    void aCompletedProjectUnderItsPlannedCostIsAmberAtTwentyPercent() {
        // planned and earned 1.8205, actual 1.4564: (1.8205 - 1.4564) / 1.8205 = 0.2
        EarnedValue ev = EarnedValue.of(1.8205, 1.8205, 1.8205, 1.4564);
        assertThat(ev.costVariancePct()).isCloseTo(0.20, within(1e-12));
        assertThat(ev.costRag()).isEqualTo("amber");
        assertThat(ev.scheduleVariancePct()).isEqualTo(0.0);
        assertThat(ev.health()).isEqualTo("amber");
        assertThat(ev.tcpi()).isCloseTo(0.0, within(1e-12)); // nothing left to earn
    }

    @Test
    void zeroDenominatorsGiveNullsAndTheFallbackEstimate() {
        // nothing spent or planned yet
        EarnedValue start = EarnedValue.of(1_000, 0, 0, 0);
        assertThat(start.cpi()).isNull();
        assertThat(start.spi()).isNull();
        assertThat(start.eac()).as("AC + (BAC - EV)").isEqualTo(1_000);
        assertThat(start.costVariancePct()).isNull();
        assertThat(start.scheduleVariancePct()).isNull();
        assertThat(start.health()).isEqualTo("no_data");
        // money spent, nothing earned: CPI 0 → EAC = AC + BAC - EV
        EarnedValue stuck = EarnedValue.of(1_000, 200, 0, 300);
        assertThat(stuck.cpi()).isEqualTo(0.0);
        assertThat(stuck.eac()).isEqualTo(1_300);
        assertThat(stuck.costVariancePct()).as("EV is 0").isNull();
        assertThat(stuck.scheduleRag()).isEqualTo("red"); // -100 %
        assertThat(stuck.health()).isEqualTo("red");
        // spent the whole budget: TCPI undefined
        assertThat(EarnedValue.of(1_000, 900, 800, 1_000).tcpi()).isNull();
    }

    @Test
    void ragBandsAreExclusiveAtTenAndThirtyPercent() {
        assertThat(EarnedValue.rag(0.0999)).isEqualTo("green");
        assertThat(EarnedValue.rag(-0.10)).isEqualTo("amber");
        assertThat(EarnedValue.rag(0.2999)).isEqualTo("amber");
        assertThat(EarnedValue.rag(-0.30)).isEqualTo("red");
        assertThat(EarnedValue.rag(null)).isEqualTo("no_data");
        assertThat(EarnedValue.worse("green", "no_data")).isEqualTo("green");
        assertThat(EarnedValue.worse("amber", "red")).isEqualTo("red");
    }
}
