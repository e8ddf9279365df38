package io.northstar.metrics.risk;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The risk Monte Carlo of SPEC.md §2.8. Each risk draws from its own generator (SplitMix64, the
 * JDK's SplittableRandom), seeded from (seed, risk_id), and losses are kept in whole cents, so the per-trial totals are the same
 * whichever partition, executor or order a risk is simulated in.
 */
public final class MonteCarlo {

    /** An open risk with a cost range, as the simulation needs it. */
    public record SimRisk(String riskId, String category, double probability, double low, double mostLikely,
            double high) {
        public SimRisk {
            requireNonNull(riskId, "riskId is null");
            requireNonNull(category, "category is null");
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
            }
            if (!(low <= mostLikely && mostLikely <= high)) {
                throw new IllegalArgumentException("expected low <= most likely <= high for " + riskId);
            }
        }
    }

    /** The loss distribution over all trials. Amounts in the job's currency. */
    public record Summary(int trials, double mean, double p50, double p80, double p90, double p95, double max) {
    }

    private MonteCarlo() {
    }

    /** A stable 64-bit seed for one risk (FNV-1a of its id, mixed with the run's seed). */
    public static long riskSeed(long seed, String riskId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : riskId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        long z = hash ^ (seed * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Adds one risk's loss in each trial, in cents, to {@code losses}: it occurs with its
     * probability and then costs low + (high − low) × B, B ~ Beta(α, β) with
     * α = 1 + 4 (ml − low)/(high − low), β = 1 + 4 (high − ml)/(high − low).
     */
    public static void addLosses(SimRisk risk, long seed, long[] losses) {
        SplittableRandom random = new SplittableRandom(riskSeed(seed, risk.riskId()));
        double range = risk.high() - risk.low();
        PertBeta beta = range == 0 ? null : new PertBeta(1 + 4 * (risk.mostLikely() - risk.low()) / range,
                1 + 4 * (risk.high() - risk.mostLikely()) / range);
        for (int trial = 0; trial < losses.length; trial++) {
            if (random.nextDouble() < risk.probability()) {
                double cost = beta == null ? risk.low() : risk.low() + range * beta.sample(random);
                losses[trial] += Math.round(cost * 100);
            }
        }
    }

    /**
     * Mean, nearest-rank percentiles (the value at rank ⌈q × trials⌉ of the sorted losses) and
     * maximum of per-trial losses given in cents.
     */
    public static Summary summarize(long[] lossesInCents) {
        if (lossesInCents.length == 0) {
            throw new IllegalArgumentException("no trials");
        }
        long[] sorted = lossesInCents.clone();
        Arrays.sort(sorted);
        double total = 0;
        for (long loss : sorted) {
            total += loss;
        }
        return new Summary(sorted.length, total / sorted.length / 100, percentile(sorted, 0.50),
                percentile(sorted, 0.80), percentile(sorted, 0.90), percentile(sorted, 0.95),
                sorted[sorted.length - 1] / 100.0);
    }

    static double percentile(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 100.0;
    }
}
