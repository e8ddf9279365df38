package io.northstar.metrics.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * KPI trend and forecast (SPEC.md §2.2): ordinary least squares over the last {@code window}
 * observations (x = days since 1970-01-01, y = value), a two-sided t-test on the slope, and a
 * prediction interval (clamped to the KPI's bounds) and attainment probability at the target
 * date from Student's t; once the target date has passed, the outcome instead.
 */
public final class KpiTrendCalculator {

    /** A point of the regression: x in days since the epoch, y the KPI value. */
    public record Point(double x, double y) {
    }

    private KpiTrendCalculator() {
    }

    public static KpiTrend trend(Kpi kpi, List<Observation> observations, LocalDate asOf, int window, double alpha,
            double confidence) {
        List<Observation> eligible = new ArrayList<>();
        for (Observation observation : observations) {
            if (!observation.periodEnd().isAfter(asOf)) {
                eligible.add(observation);
            }
        }
        eligible.sort(Comparator.comparing(Observation::periodEnd));
        List<Point> points = new ArrayList<>();
        for (Observation observation : eligible.subList(Math.max(0, eligible.size() - window), eligible.size())) {
            points.add(new Point(observation.periodEnd().toEpochDay(), observation.value()));
        }
        LocalDate targetDate = kpi.targetDate();
        if (targetDate != null && !targetDate.isAfter(asOf)) {
            // nothing is left to forecast: whether the target was met is a fact (SPEC.md §2.2)
            return fit(kpi, points, null, alpha, confidence).settled(outcome(kpi, eligible));
        }
        Double targetX = targetDate == null ? null : (double) targetDate.toEpochDay();
        return fit(kpi, points, targetX, alpha, confidence);
    }

    /**
     * A passed deadline's outcome: 1 when the latest observation on or before the target date
     * met the target, 0 when it did not, null when there is none (or no target). All of them
     * count, not only the trend's window: the window serves the line, not the deadline.
     *
     * @param eligible the observations up to as_of, oldest first
     */
    static Double outcome(Kpi kpi, List<Observation> eligible) {
        if (kpi.target() == null) {
            return null;
        }
        Observation last = null;
        for (Observation observation : eligible) {
            if (!observation.periodEnd().isAfter(kpi.targetDate())) {
                last = observation;
            }
        }
        if (last == null) {
            return null;
        }
        return kpi.sign() * (last.value() - kpi.target()) >= 0 ? 1.0 : 0.0;
    }

    /**
     * The regression and forecast over given points (already windowed), so that reference
     * data with fractional x, such as NIST's, runs through the same code. A forecast at
     * {@code targetX} is one ahead of as_of, so its deadline has not passed (false; null
     * without a targetX). The forecast and its interval are clamped to the KPI's bounds; the
     * attainment probability reads the unclamped line, which gives the same value for a
     * target inside the bounds and keeps its meaning for one on a bound.
     */
    public static KpiTrend fit(Kpi kpi, List<Point> points, Double targetX, double alpha, double confidence) {
        int n = points.size();
        Boolean deadlinePassed = targetX == null ? null : Boolean.FALSE;
        if (n < 2) {
            return new KpiTrend(kpi.kpiId(), n, null, null, null, null, KpiTrend.INSUFFICIENT_DATA, null, null, null,
                    null, deadlinePassed);
        }
        SimpleRegression regression = new SimpleRegression(true);
        for (Point point : points) {
            regression.addData(point.x(), point.y());
        }
        double slope = regression.getSlope();
        double intercept = regression.getIntercept();
        Double r2 = regression.getTotalSumSquares() > 0 ? finite(regression.getRSquare()) : null;
        if (n < 3) {
            return new KpiTrend(kpi.kpiId(), n, slope, intercept, r2, null, KpiTrend.INSUFFICIENT_DATA, null, null,
                    null, null, deadlinePassed);
        }
        double sse = Math.max(0, regression.getSumSquaredErrors());
        double s = Math.sqrt(sse / (n - 2));
        TDistribution t = new TDistribution(n - 2);
        double pValue = slopePValue(slope, s, regression.getXSumSquares(), t);
        String direction = direction(kpi.sign() * slope, pValue, alpha);
        if (targetX == null) {
            return new KpiTrend(kpi.kpiId(), n, slope, intercept, r2, pValue, direction, null, null, null, null, null);
        }
        double forecast = intercept + slope * targetX;
        double meanX = mean(points);
        double standardError = s * Math.sqrt(1 + 1.0 / n
                + (targetX - meanX) * (targetX - meanX) / regression.getXSumSquares());
        double half = t.inverseCumulativeProbability((1 + confidence) / 2) * standardError;
        Double probability = kpi.target() == null ? null
                : attainmentProbability(kpi.higherIsBetter(), kpi.target(), forecast, standardError, t);
        return new KpiTrend(kpi.kpiId(), n, slope, intercept, r2, pValue, direction, kpi.clamp(forecast),
                kpi.clamp(forecast - half), kpi.clamp(forecast + half), probability, deadlinePassed);
    }

    /**
     * Two-sided p-value of the slope. With no residual variance a non-zero slope is certain
     * (p = 0) and a zero slope says nothing (p = 1).
     */
    static double slopePValue(double slope, double s, double sxx, TDistribution t) {
        if (s == 0) {
            return slope == 0 ? 1 : 0;
        }
        double statistic = Math.abs(slope / (s / Math.sqrt(sxx)));
        return 2 * (1 - t.cumulativeProbability(statistic));
    }

    static String direction(double signedSlope, double pValue, double alpha) {
        if (pValue < alpha && signedSlope > 0) {
            return KpiTrend.IMPROVING;
        }
        if (pValue < alpha && signedSlope < 0) {
            return KpiTrend.WORSENING;
        }
        return KpiTrend.FLAT;
    }

    /**
     * P(Y ≥ target) for higher-is-better, P(Y ≤ target) otherwise, where (Y - forecast) / se
     * follows t; with se = 0 the forecast itself decides (1 or 0).
     */
    static double attainmentProbability(boolean higherIsBetter, double target, double forecast, double standardError,
            TDistribution t) {
        if (standardError == 0) {
            boolean attained = higherIsBetter ? forecast >= target : forecast <= target;
            return attained ? 1 : 0;
        }
        double below = t.cumulativeProbability((target - forecast) / standardError);
        return higherIsBetter ? 1 - below : below;
    }

    private static double mean(List<Point> points) {
        double sum = 0;
        for (Point point : points) {
            sum += point.x();
        }
        return sum / points.size();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
