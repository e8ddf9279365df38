package io.northstar.metrics.risk;

import java.util.SplittableRandom;

/**
 * Exact draws from Beta(α, β) for α, β ≥ 1, the shapes a PERT cost range gives (SPEC.md §2.8:
 * α = 1 + 4 (ml − low)/(high − low), likewise β). For shapes above 1 Commons Math's sampler is
 * the same algorithm, but it computes its constants again for every draw and takes its
 * logarithms from FastMath, which the JIT does not turn into machine instructions; here they are
 * computed once per risk, and the draw is a few of {@link Math}'s intrinsics (BENCHMARKS.md,
 * seventh round).
 *
 * <p>When α and β are both above 1, Cheng's algorithm BB (R. C. H. Cheng, "Generating beta
 * variates with nonintegral shape parameters", Communications of the ACM 21(4), 1978), which
 * accepts at least about three draws in four. When one of them is 1 the distribution function
 * has a closed inverse: Beta(1, β) has F(x) = 1 − (1 − x)^β, Beta(α, 1) has F(x) = x^α.
 */
public final class PertBeta {
    private static final double LOG_4 = Math.log(4);
    private static final double ONE_PLUS_LOG_5 = 1 + Math.log(5);

    private final double small;
    private final double large;
    private final boolean swapped;
    private final double sum;
    private final double logSum;
    private final double scale;
    private final double shift;

    /** Beta(alpha, beta); both must be finite and at least 1. */
    public PertBeta(double alpha, double beta) {
        if (!(alpha >= 1 && beta >= 1 && alpha < Double.POSITIVE_INFINITY && beta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("expected finite α, β ≥ 1, was α = " + alpha + ", β = " + beta);
        }
        small = Math.min(alpha, beta);
        large = Math.max(alpha, beta);
        swapped = alpha > beta;
        sum = small + large;
        logSum = Math.log(sum);
        // Cheng's √((α − 2)/(2ab − α)) written in a − 1 and b − 1, which are exact: the textbook
        // form loses most of its digits to cancellation when both shapes are within 1e-12 of 1
        double x = small - 1;
        double y = large - 1;
        scale = small == 1 ? 0 : Math.sqrt((x + y) / (x + y + 2 * x * y));
        shift = small == 1 ? 0 : small + 1 / scale;
    }

    /** One draw, in [0, 1], using the generator's next doubles. */
    public double sample(SplittableRandom random) {
        if (small == 1) {
            // 1 − u is in (0, 1], so the power is never of zero
            double power = Math.pow(1 - random.nextDouble(), 1 / large);
            return swapped ? power : 1 - power;
        }
        while (true) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            if (u1 == 0) {
                continue; // ln(u1 / (1 − u1)) needs u1 > 0; the algorithm's u1 is in (0, 1)
            }
            double v = scale * Math.log(u1 / (1 - u1));
            double w = small * Math.exp(v);
            double z = u1 * u1 * u2;
            double r = shift * v - LOG_4;
            double s = small + r - w;
            if (s + ONE_PLUS_LOG_5 >= 5 * z || s >= Math.log(z)
                    || r + sum * (logSum - Math.log(large + w)) >= Math.log(z)) {
                return swapped ? large / (large + w) : w / (large + w);
            }
        }
    }
}
