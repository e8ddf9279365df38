package io.northstar.metrics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RiskMathTest {

    @Test
    void likelihoodMapsToAProbabilityUnlessOneIsGiven() {
        assertThat(RiskMath.probability(1, null)).isEqualTo(0.1);
        assertThat(RiskMath.probability(3, null)).isEqualTo(0.5);
        assertThat(RiskMath.probability(5, null)).isEqualTo(0.9);
        assertThat(RiskMath.probability(5, 0.25)).isEqualTo(0.25);
    }

    @Test
    void theExpectedImpactIsThePertMean() {
        // (100 + 4 × 200 + 600) / 6 = 1500 / 6 = 250
        assertThat(RiskMath.expectedImpact(100.0, 200.0, 600.0)).isEqualTo(250.0);
        assertThat(RiskMath.expectedImpact(100.0, null, 600.0)).isNull();
        // p 0.7 (likelihood 4) × 250 = 175
        assertThat(RiskMath.emv(4, null, 100.0, 200.0, 600.0)).isCloseTo(175.0, within(1e-9));
        assertThat(RiskMath.emv(4, null, null, null, null)).isNull();
    }

    @Test
    void aTextbookRegisterTotals33500() {
        double[][] register = {{0.8, 10_000}, {0.3, 30_000}, {0.5, 8_000}, {0.1, 40_000}, {0.3, 20_000},
            {0.25, 10_000}};
        double total = 0;
        for (double[] risk : register) {
            total += RiskMath.emv(3, risk[0], risk[1], risk[1], risk[1]);
        }
        assertThat(total).isCloseTo(33_500, within(1e-9));
    }
}
