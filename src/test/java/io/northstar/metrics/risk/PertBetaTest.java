package io.northstar.metrics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PertBetaTest {
    private static final int DRAWS = 40_000;

    // the shapes a PERT range gives: most likely at the low end (α = 1), at the high end (β = 1),
    // in the middle, off centre either way, the uniform Beta(1, 1), equal shapes just above 1
    // (where Cheng's constants cancel) and at the top (where the proposal is narrowest)
    @ParameterizedTest(name = "Beta({0}, {1})")
    @CsvSource({"1.8, 4.2", "4.2, 1.8", "3, 3", "1, 5", "5, 1", "1, 1", "1.0001, 4.9999", "4.9, 1.1", "2.5, 1.5",
        "1.5, 1.5", "1.0001, 1.0001", "1.000000000001, 1.000000000001", "4.99, 4.99", "5, 5"})
    void drawsFollowTheBetaDistribution(double alpha, double beta) {
        double[] draws = draws(alpha, beta, 11);
        BetaDistribution exact = new BetaDistribution(alpha, beta);
        // Kolmogorov–Smirnov against the exact distribution function: a sampler with a wrong
        // constant, a swapped α and β or a biased branch gives a p-value near zero at 40,000 draws
        assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(exact, draws)).isGreaterThan(0.001);
        double mean = 0;
        for (double draw : draws) {
            assertThat(draw).isBetween(0.0, 1.0);
            mean += draw / draws.length;
        }
        double variance = 0;
        for (double draw : draws) {
            variance += (draw - mean) * (draw - mean) / (draws.length - 1);
        }
        assertThat(mean).isCloseTo(exact.getNumericalMean(),
                within(4 * Math.sqrt(exact.getNumericalVariance() / draws.length)));
        // the sample variance's relative standard error is about 0.6 % at 40,000 draws
        assertThat(variance).isCloseTo(exact.getNumericalVariance(), within(0.03 * exact.getNumericalVariance()));
        // the tails, where Kolmogorov–Smirnov is weakest: 1 % of the draws below the 1 % quantile
        // and above the 99 % one, 400 ± 20 each
        double low = exact.inverseCumulativeProbability(0.01);
        double high = exact.inverseCumulativeProbability(0.99);
        long below = 0;
        long above = 0;
        for (double draw : draws) {
            below += draw < low ? 1 : 0;
            above += draw > high ? 1 : 0;
        }
        assertThat(below).isBetween(300L, 500L);
        assertThat(above).isBetween(300L, 500L);
    }

    @ParameterizedTest(name = "Beta({0}, {1})")
    @CsvSource({"1.8, 4.2", "1, 5", "5, 1"})
    void theSameSeedGivesTheSameDraws(double alpha, double beta) {
        assertThat(draws(alpha, beta, 5)).isEqualTo(draws(alpha, beta, 5)).isNotEqualTo(draws(alpha, beta, 6));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.999, 0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void shapesBelowOneOrNotFiniteAreRejected(double shape) {
        assertThatThrownBy(() -> new PertBeta(shape, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("α, β ≥ 1");
        assertThatThrownBy(() -> new PertBeta(2, shape)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] draws(double alpha, double beta, long seed) {
        PertBeta sampler = new PertBeta(alpha, beta);
        SplittableRandom random = new SplittableRandom(seed);
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = sampler.sample(random);
        }
        return draws;
    }
}
