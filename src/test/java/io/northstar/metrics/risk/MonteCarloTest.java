package io.northstar.metrics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonteCarloTest {

    @Test
    void theSameSeedGivesTheSameLossesWhateverTheOrderOfRisks() {
        List<MonteCarlo.SimRisk> risks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            risks.add(new MonteCarlo.SimRisk("R" + i, "delivery", 0.1 + (i % 9) / 10.0, 1_000, 2_000 + i * 10,
                    5_000 + i * 100));
        }
        long[] forward = new long[2_000];
        risks.forEach(risk -> MonteCarlo.addLosses(risk, 42, forward));
        Collections.shuffle(risks, new java.util.Random(3));
        long[] shuffled = new long[2_000];
        risks.forEach(risk -> MonteCarlo.addLosses(risk, 42, shuffled));
        assertThat(shuffled).isEqualTo(forward);
        long[] otherSeed = new long[2_000];
        risks.forEach(risk -> MonteCarlo.addLosses(risk, 43, otherSeed));
        assertThat(otherSeed).isNotEqualTo(forward);
    }

    @Test
    void aRiskWithoutSpreadCostsItsLowValueWhenItOccurs() {
        long[] losses = new long[1_000];
        MonteCarlo.addLosses(new MonteCarlo.SimRisk("R1", "vendor", 1.0, 250.5, 250.5, 250.5), 1, losses);
        assertThat(losses).containsOnly(25_050L);
        long[] never = new long[100];
        MonteCarlo.addLosses(new MonteCarlo.SimRisk("R2", "vendor", 0.0, 10, 20, 30), 1, never);
        assertThat(never).containsOnly(0L);
    }

    @Test
    void theMeanAgreesWithTheExpectedMonetaryValueOfTheTextbookRegister() {
        double[][] register = {{0.8, 10_000}, {0.3, 30_000}, {0.5, 8_000}, {0.1, 40_000}, {0.3, 20_000},
            {0.25, 10_000}};
        int trials = 20_000;
        long[] losses = new long[trials];
        double variance = 0;
        for (int i = 0; i < register.length; i++) {
            double p = register[i][0];
            double cost = register[i][1];
            MonteCarlo.addLosses(new MonteCarlo.SimRisk("T" + i, "financial", p, cost, cost, cost), 42, losses);
            variance += p * (1 - p) * cost * cost; // Bernoulli × constant, independent risks
        }
        MonteCarlo.Summary summary = MonteCarlo.summarize(losses);
        double standardError = Math.sqrt(variance / trials);
        assertThat(summary.mean()).isCloseTo(33_500, within(3 * standardError));
        assertThat(summary.trials()).isEqualTo(trials);
        assertThat(summary.max()).isLessThanOrEqualTo(118_000);
        assertThat(summary.p50()).isLessThanOrEqualTo(summary.p80());
        assertThat(summary.p80()).isLessThanOrEqualTo(summary.p90());
        assertThat(summary.p90()).isLessThanOrEqualTo(summary.p95());
    }

    @Test
    void pertBetaImpactsAverageThePertMean() {
        // low 100, most likely 200, high 600: α = 1 + 4 × 100/500 = 1.8, β = 1 + 4 × 400/500 = 4.2,
        // mean = 100 + 500 × 1.8/6 = 250 = (100 + 800 + 600)/6
        long[] losses = new long[50_000];
        MonteCarlo.addLosses(new MonteCarlo.SimRisk("R", "security", 1.0, 100, 200, 600), 7, losses);
        MonteCarlo.Summary summary = MonteCarlo.summarize(losses);
        // Beta(1.8, 4.2) variance αβ/((α+β)²(α+β+1)) = 7.56/252 = 0.03; × 500² = 7,500
        double standardError = Math.sqrt(7_500.0 / losses.length);
        assertThat(summary.mean()).isCloseTo(250, within(3 * standardError));
        assertThat(summary.max()).isLessThanOrEqualTo(600);
    }

    @Test
    void percentilesAreNearestRank() {
        long[] cents = new long[100];
        for (int i = 0; i < 100; i++) {
            cents[i] = (100 - i) * 100L; // 1..100 in reverse, in cents
        }
        MonteCarlo.Summary summary = MonteCarlo.summarize(cents);
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p80()).isEqualTo(80.0);
        assertThat(summary.p90()).isEqualTo(90.0);
        assertThat(summary.p95()).isEqualTo(95.0);
        assertThat(summary.max()).isEqualTo(100.0);
        assertThat(summary.mean()).isEqualTo(50.5);
    }

    @Test
    void aRisksStreamDependsOnlyOnSeedAndId() {
        assertThat(MonteCarlo.riskSeed(42, "R-001")).isEqualTo(MonteCarlo.riskSeed(42, "R-001"))
                .isNotEqualTo(MonteCarlo.riskSeed(42, "R-002")).isNotEqualTo(MonteCarlo.riskSeed(43, "R-001"));
    }
}
