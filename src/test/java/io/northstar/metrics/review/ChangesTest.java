package io.northstar.metrics.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** How a change between two snapshots is judged (SPEC.md §4.4). */
class ChangesTest {

    @Test
    void statusesRankGreenOverAmberOverRed() {
        assertThat(Changes.statusDirection("green", "red")).isEqualTo(Changes.WORSE);
        assertThat(Changes.statusDirection("red", "amber")).isEqualTo(Changes.BETTER);
        assertThat(Changes.statusDirection("amber", "amber")).isEqualTo(Changes.NEUTRAL);
    }

    @Test
    void aStatusAppearingOrUnknownIsNeitherBetterNorWorse() {
        assertThat(Changes.statusDirection(null, "red")).isEqualTo(Changes.NEUTRAL);
        assertThat(Changes.statusDirection("no_data", "green")).isEqualTo(Changes.NEUTRAL);
        assertThat(Changes.changed(null, "red")).isTrue();
        assertThat(Changes.changed(null, null)).isFalse();
    }

    @Test
    void riskBandsRankCriticalAsTheWorst() {
        assertThat(Changes.bandDirection("medium", "critical")).isEqualTo(Changes.WORSE);
        assertThat(Changes.bandDirection("high", "low")).isEqualTo(Changes.BETTER);
    }

    @Test
    void aServiceThatMissesItsTargetAfterMeetingItMovedForTheWorse() {
        assertThat(Changes.slaDirection(Changes.SLA_MET, Changes.SLA_MISSED)).isEqualTo(Changes.WORSE);
        assertThat(Changes.slaDirection(Changes.SLA_MISSED, Changes.SLA_MET)).isEqualTo(Changes.BETTER);
        assertThat(Changes.slaDirection(null, Changes.SLA_MISSED)).as("no month to compare").isEqualTo(Changes.NEUTRAL);
        assertThat(Changes.slaDirection(Changes.SLA_MET, Changes.SLA_MET)).isEqualTo(Changes.NEUTRAL);
    }

    @Test
    void anEacMustMoveByMoreThanFivePercentEitherWay() {
        assertThat(Changes.eacMoved(1000.0, 1050.0)).as("exactly 5 %").isFalse();
        assertThat(Changes.eacMoved(1000.0, 1050.01)).isTrue();
        assertThat(Changes.eacMoved(1000.0, 949.99)).isTrue();
        assertThat(Changes.relativeMove(1000.0, 1200.0)).isCloseTo(0.2, within(1e-12));
        assertThat(Changes.eacDirection(1000.0, 1200.0)).isEqualTo(Changes.WORSE);
        assertThat(Changes.eacDirection(1000.0, 800.0)).isEqualTo(Changes.BETTER);
    }

    @Test
    void anEacWithoutABaseDoesNotMove() {
        assertThat(Changes.relativeMove(0.0, 100.0)).isNull();
        assertThat(Changes.relativeMove(null, 100.0)).isNull();
        assertThat(Changes.eacMoved(0.0, 100.0)).isFalse();
        assertThat(Changes.eacDirection(100.0, null)).isEqualTo(Changes.NEUTRAL);
    }

    @Test
    void aKpiObservationIsBetterWhenItMovesTheWayItsDirectionWants() {
        assertThat(Changes.observationDirection("higher_is_better", 40.0, 45.7)).isEqualTo("better");
        assertThat(Changes.observationDirection("higher_is_better", 45.7, 28.9)).isEqualTo("worse");
        assertThat(Changes.observationDirection("lower_is_better", 7.0, 6.9)).isEqualTo("better");
        assertThat(Changes.observationDirection("lower_is_better", 6.9, 7.0)).isEqualTo("worse");
        assertThat(Changes.observationDirection("lower_is_better", 7.0, 7.0)).as("no move").isEqualTo("neutral");
        assertThat(Changes.observationDirection("higher_is_better", null, 7.0)).isEqualTo("neutral");
        assertThat(Changes.observationDirection(null, 1.0, 7.0)).isEqualTo("neutral");
    }
}
