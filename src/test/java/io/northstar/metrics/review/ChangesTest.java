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
}
