package io.northstar.metrics.kpi;

import java.math.BigDecimal;
import java.util.List;

/**
 * How many decimals a KPI's values are worth showing: the most any of its observations has,
 * capped at {@link #MAX}. A KPI counted in whole depots or tickets has 0, so its latest value,
 * target and forecast are shown whole ("48 depots", not "47.94 depots"); one measured to a tenth
 * of a percent has 1. Read from the data, not from a list of unit words.
 */
public final class ValueDecimals {
    /** No KPI is shown with more decimals than this. */
    public static final int MAX = 2;

    private ValueDecimals() {
    }

    /** The most decimals of the observations (0 when there are none), at most {@link #MAX}. */
    public static int of(List<Observation> observations) {
        int most = 0;
        for (Observation observation : observations) {
            most = Math.max(most, decimals(observation.value()));
            if (most >= MAX) {
                return MAX;
            }
        }
        return most;
    }

    /** The decimals of a value as written: 47 → 0, 28.9 → 1, 99.875 → 3 (its shortest decimal form). */
    static int decimals(double value) {
        return Math.max(0, BigDecimal.valueOf(value).stripTrailingZeros().scale());
    }
}
