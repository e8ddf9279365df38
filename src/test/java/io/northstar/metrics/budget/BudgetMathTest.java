package io.northstar.metrics.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BudgetMathTest {

    @Test
    void varianceIsActualOverPlan() {
        assertThat(BudgetMath.variancePct(1_000, 1_080)).isCloseTo(0.08, within(1e-12));
        assertThat(BudgetMath.variancePct(0, 50)).isNull();
    }

    @Test
    void theForecastAddsTheRemainingForecastsOrUsesTheRunRate() {
        // 10 months elapsed, 900 spent, November and December forecast 100 + 120
        assertThat(BudgetMath.forecastFy(900, 220, 2, 10)).isEqualTo(1_120);
        // no forecast left: 900 / 10 × 12 = 1,080
        assertThat(BudgetMath.forecastFy(900, 0, 0, 10)).isCloseTo(1_080, within(1e-9));
        // a July fiscal year, as_of in March: 9 months elapsed
        assertThat(BudgetMath.forecastFy(900, 0, 0, 9)).isCloseTo(1_200, within(1e-9));
    }

    @Test
    void statusBandsAreInclusiveAtFiveAndTenPercent() {
        assertThat(BudgetMath.status(0.05)).isEqualTo("green");
        assertThat(BudgetMath.status(-0.0501)).isEqualTo("amber");
        assertThat(BudgetMath.status(0.10)).isEqualTo("amber");
        assertThat(BudgetMath.status(0.1001)).isEqualTo("red");
        assertThat(BudgetMath.status(null)).isEqualTo("no_data");
    }
}
