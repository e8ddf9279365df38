package io.northstar.metrics.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** SPEC.md §4.1 with figures worked out by hand (the working is in each comment). */
class BusinessCaseMathTest {
    private static final double CENT = 1e-6;

    /** capex 1,000, then 400 a year for 3 years, at 10 %. */
    private static final BusinessCase THREE_YEARS = new BusinessCase(1000, 0, 400, 3, 0.10);

    @Test
    void npvDiscountsEveryYearsCashFlow() {
        // −1000 + 400/1.1 + 400/1.21 + 400/1.331 = −1000 + 363.636364 + 330.578512 + 300.525920
        assertThat(BusinessCaseMath.npv(THREE_YEARS.cashFlows(), 0.10)).isCloseTo(-5.259204, within(CENT));
    }

    @Test
    void irrOfAOneYearCaseIsItsReturn() {
        // −100 now, 110 in a year: NPV is 0 at exactly 10 %
        assertThat(BusinessCaseMath.irr(new double[] {-100, 110})).isCloseTo(0.10, within(1e-9));
    }

    @Test
    void irrOfAThreeYearAnnuityIsTheRateWhoseAnnuityFactorIsTwoAndAHalf() {
        // 400 × a(3, r) = 1000 ⇔ a(3, r) = 2.5 ⇔ r = 0.0970102574 (bisection to 1e-15)
        assertThat(BusinessCaseMath.irr(THREE_YEARS.cashFlows())).isCloseTo(0.0970102574, within(1e-9));
    }

    @Test
    void irrIsNullWhenTheNpvNeverChangesSign() {
        // costs every year and no benefit: NPV < 0 at every rate
        assertThat(BusinessCaseMath.irr(new BusinessCase(100, 20, 10, 5, 0.08).cashFlows())).isNull();
        // no capex and a positive yearly net: NPV > 0 at every rate
        assertThat(BusinessCaseMath.irr(new BusinessCase(0, 10, 30, 5, 0.08).cashFlows())).isNull();
    }

    @Test
    void irrOfANegativeReturnIsNegative() {
        // −100 now, 90 in a year: 90 / (1 + r) = 100 ⇔ r = −0.1
        assertThat(BusinessCaseMath.irr(new double[] {-100, 90})).isCloseTo(-0.10, within(1e-9));
    }

    @Test
    void paybackIsFractionalWithinTheYearTheCumulativeTurns() {
        // cumulative −1000, −600, −200, +200: year 3, 2 + 200/400 = 2.5
        assertThat(BusinessCaseMath.paybackYears(THREE_YEARS.cashFlows())).isEqualTo(2.5);
    }

    @Test
    void paybackOnTheDotIsAWholeYear() {
        // −800, −400, 0: reached in year 2 exactly: 1 + 400/400 = 2
        assertThat(BusinessCaseMath.paybackYears(new double[] {-800, 400, 400, 400})).isEqualTo(2.0);
    }

    @Test
    void paybackIsZeroWithoutCapexAndNullWhenNeverReached() {
        assertThat(BusinessCaseMath.paybackYears(new BusinessCase(0, 10, 5, 3, 0.08).cashFlows())).isEqualTo(0.0);
        // 1000 back at 100 a year over 3 years: never
        assertThat(BusinessCaseMath.paybackYears(new BusinessCase(1000, 0, 100, 3, 0.08).cashFlows())).isNull();
    }

    @Test
    void roiIsTheNetGainOverTheWholeCost() {
        // (3 × 400 − 1000 − 0) / (1000 + 0) = 0.2
        assertThat(BusinessCaseMath.roi(THREE_YEARS)).isCloseTo(0.2, within(1e-12));
        // (5 × 300 − 500 − 5 × 100) / (500 + 5 × 100) = 500 / 1000 = 0.5
        assertThat(BusinessCaseMath.roi(new BusinessCase(500, 100, 300, 5, 0.08))).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void roiIsNullWhenTheCaseCostsNothing() {
        assertThat(BusinessCaseMath.roi(new BusinessCase(0, 0, 100, 3, 0.08))).isNull();
    }

    @Test
    void riskAdjustedNpvAddsThePresentValueOfTheYearlyCostOfInaction() {
        // 50 a year avoided for 3 years at 10 %: 50 × 2.4868520 = 124.342600; −5.259204 + 124.342600
        BusinessCaseMath.Figures figures = BusinessCaseMath.evaluate(THREE_YEARS, 50);

        assertThat(figures.costOfInaction()).isEqualTo(50);
        assertThat(figures.riskAdjustedNpv()).isCloseTo(119.083396, within(CENT));
        assertThat(figures.npv()).isCloseTo(-5.259204, within(CENT));
        assertThat(figures.paybackYears()).isEqualTo(2.5);
    }

    @Test
    void withoutCostOfInactionTheRiskAdjustedNpvIsTheNpv() {
        BusinessCaseMath.Figures figures = BusinessCaseMath.evaluate(THREE_YEARS, 0);

        assertThat(figures.riskAdjustedNpv()).isEqualTo(figures.npv());
    }

    @Test
    void aZeroDiscountRateAddsTheCashFlowsUp() {
        // −1000 + 3 × 400 = 200
        assertThat(BusinessCaseMath.evaluate(new BusinessCase(1000, 0, 400, 3, 0), 0).npv()).isEqualTo(200.0);
    }

    @Test
    void casesOutsideTheContractAreRefused() {
        assertThatThrownBy(() -> new BusinessCase(-1, 0, 0, 3, 0.08)).hasMessageContaining("capex");
        assertThatThrownBy(() -> new BusinessCase(0, 0, 0, 0, 0.08)).hasMessageContaining("years");
        assertThatThrownBy(() -> new BusinessCase(0, 0, 0, 16, 0.08)).hasMessageContaining("years");
        assertThatThrownBy(() -> new BusinessCase(0, 0, Double.NaN, 3, 0.08)).hasMessageContaining("finite");
        assertThatThrownBy(() -> BusinessCaseMath.evaluate(THREE_YEARS, -1)).hasMessageContaining("costOfInaction");
    }
}
