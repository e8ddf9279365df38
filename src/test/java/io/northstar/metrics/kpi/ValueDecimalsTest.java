package io.northstar.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueDecimalsTest {
    private static Observation at(double value) {
        return new Observation(LocalDate.of(2026, 1, 31), value);
    }

    @Test
    void wholeCountsHaveNoDecimals() {
        assertThat(ValueDecimals.of(List.of(at(33), at(32), at(1_878)))).isZero();
    }

    @Test
    void theMostDecimalsOfAnyObservationCount() {
        assertThat(ValueDecimals.of(List.of(at(28), at(28.9), at(30)))).isEqualTo(1);
        assertThat(ValueDecimals.of(List.of(at(6.98), at(7.5)))).isEqualTo(2);
    }

    @Test
    void cappedAtTwoAndZeroWithoutObservations() {
        assertThat(ValueDecimals.of(List.of(at(99.875)))).isEqualTo(ValueDecimals.MAX);
        assertThat(ValueDecimals.of(List.of(at(1.0 / 3)))).isEqualTo(2);
        assertThat(ValueDecimals.of(List.of())).isZero();
        assertThat(ValueDecimals.decimals(1_200.0)).isZero();
    }
}
