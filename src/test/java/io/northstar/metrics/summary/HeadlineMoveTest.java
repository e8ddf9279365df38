package io.northstar.metrics.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeadlineMoveTest {

    @Test
    void aHigherStrategyScoreAlignedShareOrSlaAttainmentIsBetter() {
        assertThat(HeadlineMove.direction("strategy_score", 0.52, 0.54)).isEqualTo("better");
        assertThat(HeadlineMove.direction("aligned_budget_share", 0.81, 0.80)).isEqualTo("worse");
        assertThat(HeadlineMove.direction("sla_attainment", 0.80, 0.83)).isEqualTo("better");
    }

    @Test
    void fewerRedProjectsAndLessOpenRiskAreBetter() {
        assertThat(HeadlineMove.direction("projects_red", 5.0, 7.0)).isEqualTo("worse");
        assertThat(HeadlineMove.direction("projects_red", 7.0, 5.0)).isEqualTo("better");
        assertThat(HeadlineMove.direction("open_risk_emv", 12_700_000.0, 11_900_000.0)).isEqualTo("better");
    }

    @Test
    void aBudgetVarianceIsBetterNearerZeroFromEitherSide() {
        assertThat(HeadlineMove.direction("budget_variance_pct", 0.03, 0.046)).as("more over").isEqualTo("worse");
        assertThat(HeadlineMove.direction("budget_variance_pct", -0.08, -0.02)).as("less under").isEqualTo("better");
        assertThat(HeadlineMove.direction("budget_variance_pct", -0.02, 0.03)).as("from under to further over")
                .isEqualTo("worse");
        assertThat(HeadlineMove.direction("budget_variance_pct", 0.05, -0.05)).as("same distance").isEqualTo("unchanged");
    }

    @Test
    void equalFiguresWithinDecimalNoiseAreUnchanged() {
        assertThat(HeadlineMove.direction("strategy_score", 0.5, 0.5 + 1e-12)).isEqualTo("unchanged");
        assertThat(HeadlineMove.direction("projects_red", 0.0, 0.0)).isEqualTo("unchanged");
    }

    @Test
    void aMissingFigureOnEitherSideIsNotComparable() {
        assertThat(HeadlineMove.direction("strategy_score", null, 0.5)).isEqualTo("not_comparable");
        assertThat(HeadlineMove.direction("strategy_score", 0.5, null)).isEqualTo("not_comparable");
    }

    @Test
    void anUnknownMeasureIsRefused() {
        assertThatThrownBy(() -> HeadlineMove.direction("open_risks", 1.0, 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open_risks");
    }
}
