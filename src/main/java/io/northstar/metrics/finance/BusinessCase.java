package io.northstar.metrics.finance;

/**
 * One business case as SPEC.md §4.1 reads it: an up-front capex, then for {@code years} years
 * the same yearly benefit and opex, discounted at {@code discountRate}.
 */
public record BusinessCase(double capex, double annualOpex, double annualBenefit, int years, double discountRate) {
    public BusinessCase {
        requireFinite("capex", capex);
        requireFinite("annualOpex", annualOpex);
        requireFinite("annualBenefit", annualBenefit);
        requireFinite("discountRate", discountRate);
        if (capex < 0 || annualOpex < 0) {
            throw new IllegalArgumentException("capex and annual opex must be >= 0, not " + capex + " and " + annualOpex);
        }
        if (years < 1 || years > 15) {
            throw new IllegalArgumentException("years must be 1 to 15, not " + years);
        }
        if (discountRate < 0 || discountRate > 1) {
            throw new IllegalArgumentException("discountRate must be 0 to 1, not " + discountRate);
        }
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, not " + value);
        }
    }

    /** cf_0 = −capex, cf_t = annual benefit − annual opex for t = 1..years. */
    public double[] cashFlows() {
        double[] flows = new double[years + 1];
        flows[0] = -capex;
        for (int t = 1; t <= years; t++) {
            flows[t] = annualBenefit - annualOpex;
        }
        return flows;
    }
}
