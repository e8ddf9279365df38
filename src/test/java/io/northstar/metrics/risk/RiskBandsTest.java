package io.northstar.metrics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskBandsTest {

    @ParameterizedTest
    @CsvSource({"1,low", "4,low", "5,medium", "9,medium", "10,high", "16,high", "20,critical", "25,critical"})
    void bandsFollowTheScore(int score, String band) {
        assertThat(RiskBands.band(score)).isEqualTo(band);
    }

    @Test
    void highAndCriticalCountAsHigh() {
        assertThat(RiskBands.isHigh("critical")).isTrue();
        assertThat(RiskBands.isHigh("high")).isTrue();
        assertThat(RiskBands.isHigh("medium")).isFalse();
        assertThatThrownBy(() -> RiskBands.band(26)).isInstanceOf(IllegalArgumentException.class);
    }
}
