package io.northstar.metrics.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.northstar.job.Settings;
import org.junit.jupiter.api.Test;

class PriorityTest {
    private static final Settings.Priority DEFAULTS = Settings.Priority.defaults();

    @Test
    void scoresValueUrgencyAndAlignmentPerUnitOfEffort() {
        // (0.4 × 5 + 0.3 × 4 + 0.3 × 5 × 0.8) / 2 = (2 + 1.2 + 1.2) / 2 = 2.2
        assertThat(Priority.score(DEFAULTS, 5, 4, 2, 0.8)).isCloseTo(2.2, within(1e-12));
        // missing values count as 3: (0.4 × 3 + 0.3 × 3 + 0) / 3 = 0.7
        assertThat(Priority.score(DEFAULTS, null, null, null, 0)).isCloseTo(0.7, within(1e-12));
        assertThat(Priority.score(new Settings.Priority(1, 0, 0), 4, 1, 1, 1)).isEqualTo(4.0);
    }

    @Test
    void aQuickWinIsLittleEffortForRealValue() {
        assertThat(Priority.quickWin(3, 2)).isTrue();
        assertThat(Priority.quickWin(2, 1)).isFalse();
        assertThat(Priority.quickWin(5, 3)).isFalse();
        assertThat(Priority.quickWin(null, 1)).as("value counts as 3").isTrue();
        assertThat(Priority.quickWin(5, null)).as("effort counts as 3").isFalse();
    }
}
