package io.northstar.metrics.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** SPEC.md §4.2: age in 365.25-day years, past lifecycle, due within 12 months. */
class AssetLifecycleTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    @Test
    void anAssetHalfWayThroughItsLifeIsNeitherPastNorDue() {
        // 2024-10-31 to 2026-10-31 is 730 days: 730 / 365.25 = 1.998631 years of 4
        AssetLifecycle asset = AssetLifecycle.of(LocalDate.of(2024, 10, 31), 4, AS_OF);

        assertThat(asset.ageYears()).isCloseTo(1.998631, within(1e-6));
        assertThat(asset.pastLifecycle()).isFalse();
        assertThat(asset.dueWithin12Months()).isFalse();
    }

    @Test
    void anAssetWhoseLifeEndsNextYearIsDue() {
        // acquired 2022-06-30: 1584 days = 4.336756 years of 5, 0.66 years left
        AssetLifecycle asset = AssetLifecycle.of(LocalDate.of(2022, 6, 30), 5, AS_OF);

        assertThat(asset.pastLifecycle()).isFalse();
        assertThat(asset.dueWithin12Months()).isTrue();
    }

    @Test
    void anAssetOlderThanItsLifecycleIsPastAndNotCountedAsDue() {
        // acquired 2019-01-01: 2860 days = 7.830253 years of 5
        AssetLifecycle asset = AssetLifecycle.of(LocalDate.of(2019, 1, 1), 5, AS_OF);

        assertThat(asset.ageYears()).isCloseTo(7.830253, within(1e-6));
        assertThat(asset.pastLifecycle()).isTrue();
        assertThat(asset.dueWithin12Months()).isFalse();
    }

    @Test
    void anAssetExactlyAtTheEndOfItsLifecycleIsDueNotPast() {
        // 1461 days = exactly 4 years of 365.25
        AssetLifecycle asset = AssetLifecycle.of(AS_OF.minusDays(1461), 4, AS_OF);

        assertThat(asset.ageYears()).isEqualTo(4.0);
        assertThat(asset.pastLifecycle()).isFalse();
        assertThat(asset.dueWithin12Months()).isTrue();
    }

    @Test
    void aLifecycleThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> AssetLifecycle.of(AS_OF, 0, AS_OF)).hasMessageContaining("lifecycleYears");
    }
}
