package io.northstar.metrics.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLevelsTest {

    @Test
    void summarisesTheLastPeriods() {
        List<ServiceLevels.Period> periods = List.of(
                new ServiceLevels.Period(99.95, 2, 1.5),
                new ServiceLevels.Period(99.80, 5, null),
                new ServiceLevels.Period(99.90, null, 2.5),
                new ServiceLevels.Period(99.85, 1, 4.0));
        ServiceLevels.Health health = ServiceLevels.health(periods, 99.9);
        assertThat(health.latestAvailability()).isEqualTo(99.85);
        assertThat(health.slaMet()).isFalse();
        assertThat(health.attainment12()).isEqualTo(0.5); // 99.95 and 99.90 meet 99.9
        assertThat(health.incidents12()).isEqualTo(8L);
        assertThat(health.mttr12()).isEqualTo((1.5 + 2.5 + 4.0) / 3);
    }

    @Test
    void meetingTheTargetExactlyCounts() {
        ServiceLevels.Health health = ServiceLevels.health(List.of(new ServiceLevels.Period(99.9, 0, null)), 99.9);
        assertThat(health.slaMet()).isTrue();
        assertThat(health.attainment12()).isEqualTo(1.0);
        assertThat(health.mttr12()).as("no repair times").isNull();
    }

    @Test
    void noPeriodsNoFigures() {
        ServiceLevels.Health health = ServiceLevels.health(List.of(), 99.9);
        assertThat(health.latestAvailability()).isNull();
        assertThat(health.slaMet()).isNull();
        assertThat(health.incidents12()).isNull();
    }
}
