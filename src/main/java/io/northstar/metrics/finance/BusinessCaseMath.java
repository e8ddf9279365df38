package io.northstar.metrics.finance;

import java.util.Arrays;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;

/** The numbers of a business case, SPEC.md §4.1; every one a pure function of the case. */
public final class BusinessCaseMath {
    /** The interval SPEC.md gives the IRR, ends excluded. */
    static final double IRR_LOW = -0.99;
    static final double IRR_HIGH = 10;
    private static final double IRR_ACCURACY = 1e-10;
    private static final int IRR_MAX_EVALUATIONS = 1_000;

    private BusinessCaseMath() {
    }

    /** What {@code business_case} publishes for one case. */
    public record Figures(double npv, Double irr, Double paybackYears, Double roi, double costOfInaction,
            double riskAdjustedNpv) {
    }

    /**
     * @param costOfInaction Σ emv of the open risks linked to the case: the yearly expected
     *     loss of not acting
     */
    public static Figures evaluate(BusinessCase businessCase, double costOfInaction) {
        if (!Double.isFinite(costOfInaction) || costOfInaction < 0) {
            throw new IllegalArgumentException("costOfInaction must be a finite number >= 0, not " + costOfInaction);
        }
        double[] flows = businessCase.cashFlows();
        double npv = npv(flows, businessCase.discountRate());
        return new Figures(npv, irr(flows), paybackYears(flows), roi(businessCase), costOfInaction,
                npv + annuity(costOfInaction, businessCase.years(), businessCase.discountRate()));
    }

    /** Σ_{t=0..n} cf_t / (1 + r)^t. */
    public static double npv(double[] flows, double rate) {
        double npv = 0;
        double discount = 1;
        for (double flow : flows) {
            npv += flow / discount;
            discount *= 1 + rate;
        }
        return npv;
    }

    /**
     * The rate in (−0.99, 10) where the NPV is 0, by Brent's method to 1e-10; null when the NPV
     * has the same sign at both ends of the interval (no root to bracket: a case that never
     * pays, or one with no cost).
     */
    public static Double irr(double[] flows) {
        double low = IRR_LOW + IRR_ACCURACY;
        double high = IRR_HIGH - IRR_ACCURACY;
        double atLow = npv(flows, low);
        double atHigh = npv(flows, high);
        if (!Double.isFinite(atLow) || !Double.isFinite(atHigh) || Math.signum(atLow) * Math.signum(atHigh) >= 0) {
            return null;
        }
        try {
            return new BrentSolver(IRR_ACCURACY).solve(IRR_MAX_EVALUATIONS, rate -> npv(flows, rate), low, high);
        } catch (MathIllegalArgumentException | TooManyEvaluationsException e) {
            return null;
        }
    }

    /**
     * (t − 1) + (−cum_{t−1}) / cf_t for the first year t whose cumulative cash flow reaches 0;
     * 0 without capex; null when it never does within the case's years.
     */
    public static Double paybackYears(double[] flows) {
        if (flows[0] == 0) {
            return 0.0;
        }
        double cumulative = flows[0];
        for (int t = 1; t < flows.length; t++) {
            double next = cumulative + flows[t];
            if (next >= 0) {
                return (t - 1) + (-cumulative) / flows[t];
            }
            cumulative = next;
        }
        return null;
    }

    /** (n × benefit − capex − n × opex) / (capex + n × opex); null when the denominator is 0. */
    public static Double roi(BusinessCase c) {
        double cost = c.capex() + c.years() * c.annualOpex();
        if (cost == 0) {
            return null;
        }
        return (c.years() * c.annualBenefit() - c.capex() - c.years() * c.annualOpex()) / cost;
    }

    /** Σ_{t=1..n} amount / (1 + r)^t: a yearly amount's present value over the case's years. */
    static double annuity(double amount, int years, double rate) {
        double[] flows = new double[years + 1];
        Arrays.fill(flows, 1, years + 1, amount);
        return npv(flows, rate);
    }
}
