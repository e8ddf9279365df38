package io.northstar.metrics.objective;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectiveScoresTest {

    @Test
    void kpiStatusesScoreOneHalfAndZero() {
        assertThat(ObjectiveScores.kpiScore("green")).isEqualTo(1.0);
        assertThat(ObjectiveScores.kpiScore("amber")).isEqualTo(0.5);
        assertThat(ObjectiveScores.kpiScore("red")).isEqualTo(0.0);
        assertThat(ObjectiveScores.kpiScore("no_target")).isNull();
        assertThat(ObjectiveScores.kpiScore("no_data")).isNull();
        assertThat(ObjectiveScores.kpiScore(null)).isNull();
    }

    @Test
    void theScoreIsAWeightedMeanOfWhatHasAScore() {
        // own KPIs green and red (weight 1 each), a child at 0.5 with weight 2:
        // (1 + 0 + 2 × 0.5) / (1 + 1 + 2) = 2 / 4 = 0.5
        assertThat(ObjectiveScores.weightedMean(1 + 0 + 2 * 0.5, 4)).isEqualTo(0.5);
        assertThat(ObjectiveScores.weightedMean(0, 0)).as("nothing has a score").isNull();
    }

    @Test
    void statusBandsAreInclusiveAtTheirLowerEdge() {
        assertThat(ObjectiveScores.statusOf(0.8)).isEqualTo("green");
        assertThat(ObjectiveScores.statusOf(0.79)).isEqualTo("amber");
        assertThat(ObjectiveScores.statusOf(0.5)).isEqualTo("amber");
        assertThat(ObjectiveScores.statusOf(0.49)).isEqualTo("red");
        assertThat(ObjectiveScores.statusOf(0.0)).isEqualTo("red");
        assertThat(ObjectiveScores.statusOf(null)).isEqualTo("no_data");
    }
}
