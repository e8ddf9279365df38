package io.northstar.metrics.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeadlineRulesTest {

    @Test
    void alignedBudgetIsGreenFromEightyAndAmberFromSixtyPercent() {
        assertThat(HeadlineRules.alignedBudget(0.8)).isEqualTo("green");
        assertThat(HeadlineRules.alignedBudget(0.7999)).isEqualTo("amber");
        assertThat(HeadlineRules.alignedBudget(0.6)).isEqualTo("amber");
        assertThat(HeadlineRules.alignedBudget(0.5999)).isEqualTo("red");
        assertThat(HeadlineRules.alignedBudget(0.0)).isEqualTo("red");
        assertThat(HeadlineRules.alignedBudget(null)).as("no active budget").isEqualTo("no_data");
    }

    @Test
    void anOverspendIsNeverGreenButKeepsItsAmberOrRed() {
        assertThat(HeadlineRules.budget("green", 0.046)).as("4.6 % over, green by SPEC's bands").isEqualTo("amber");
        assertThat(HeadlineRules.budget("green", 0.0005)).as("prints as +0.1%").isEqualTo("amber");
        assertThat(HeadlineRules.budget("green", 0.0004)).as("prints as 0.0%: on plan").isEqualTo("green");
        assertThat(HeadlineRules.budget("green", 0.0)).as("on plan").isEqualTo("green");
        assertThat(HeadlineRules.budget("green", -0.04)).as("under-spend within 5 %").isEqualTo("green");
        assertThat(HeadlineRules.budget("red", 0.13)).isEqualTo("red");
        assertThat(HeadlineRules.budget("amber", -0.07)).isEqualTo("amber");
        assertThat(HeadlineRules.budget("green", null)).as("no plan to compare").isEqualTo("green");
        assertThat(HeadlineRules.budget(null, null)).isNull();
    }

    @Test
    void portfolioIsRedFromAFifthRedAndAmberWithAnyRedOrThirtyPercentAmber() {
        assertThat(HeadlineRules.portfolio(4, 0, 1)).as("1 of 5 is a fifth").isEqualTo("red");
        assertThat(HeadlineRules.portfolio(5, 0, 1)).as("1 of 6 is less").isEqualTo("amber");
        assertThat(HeadlineRules.portfolio(7, 3, 0)).as("3 of 10 amber").isEqualTo("amber");
        assertThat(HeadlineRules.portfolio(8, 2, 0)).as("2 of 10 amber").isEqualTo("green");
        assertThat(HeadlineRules.portfolio(1, 0, 0)).isEqualTo("green");
        assertThat(HeadlineRules.portfolio(0, 0, 1)).isEqualTo("red");
        assertThat(HeadlineRules.portfolio(0, 0, 0)).as("no project with a health").isEqualTo("no_data");
    }

    @Test
    void portfolioRefusesNegativeCounts() {
        assertThatThrownBy(() -> HeadlineRules.portfolio(1, -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void riskExposureIsRedWithACriticalOpenRiskAndAmberWithAHighOne() {
        assertThat(HeadlineRules.riskExposure(1, 0)).isEqualTo("red");
        assertThat(HeadlineRules.riskExposure(1, 5)).isEqualTo("red");
        assertThat(HeadlineRules.riskExposure(0, 1)).isEqualTo("amber");
        assertThat(HeadlineRules.riskExposure(0, 0)).as("nothing high or critical open").isEqualTo("green");
    }

    @Test
    void slaAttainmentIsGreenFromNinetyFiveAndAmberFromEightyFivePercent() {
        assertThat(HeadlineRules.slaAttainment(1.0)).isEqualTo("green");
        assertThat(HeadlineRules.slaAttainment(0.95)).isEqualTo("green");
        assertThat(HeadlineRules.slaAttainment(0.9499)).isEqualTo("amber");
        assertThat(HeadlineRules.slaAttainment(0.85)).isEqualTo("amber");
        assertThat(HeadlineRules.slaAttainment(0.8499)).isEqualTo("red");
        assertThat(HeadlineRules.slaAttainment(null)).as("no service with levels").isEqualTo("no_data");
    }
}
