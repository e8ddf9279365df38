package io.northstar.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void aSignedPercentThatRoundsToZeroHasNoSign() {
        assertThat(Amounts.signedPercent(0.046)).isEqualTo("+4.6%");
        assertThat(Amounts.signedPercent(-0.0071)).isEqualTo("-0.7%");
        assertThat(Amounts.signedPercent(0.0004)).isEqualTo("0.0%");
        assertThat(Amounts.signedPercent(-0.0004)).isEqualTo("0.0%");
        assertThat(Amounts.signedPercent(0.0)).isEqualTo("0.0%");
        assertThat(Amounts.signedPercent(0.0006)).isEqualTo("+0.1%");
        assertThat(Amounts.signedPercent(null)).isEqualTo("no data");
    }

    @Test
    void theSimulationLineGivesThePortfoliosPercentilesAndGroupsTheTrials() {
        Map<String, Object> category = Map.of("scope", "category", "trials", 20_000, "p50", 1.0, "p80", 2.0,
                "p90", 3.0, "p95", 4.0, "mean", 1.5);
        Map<String, Object> portfolio = Map.of("scope", "portfolio", "trials", 20_000, "p50", 12_712_345.0,
                "p80", 14_400_000.0, "p90", 15_349_999.0, "p95", 16_000_000.0, "mean", 12_650_000.0);
        assertThat(Amounts.simulationLine(List.of(category, portfolio), "EUR")).isEqualTo(
                "In 20,000 simulated years, the loss from open risks stays under EUR 12.7M half the time, under EUR"
                        + " 14.4M four times in five, under EUR 15.3M nine times in ten and under EUR 16.0M 19 times in"
                        + " 20 (average EUR 12.7M).");
    }

    @Test
    void withoutAPortfolioRowOrSimulationTheLineSaysSo() {
        assertThat(Amounts.simulationLine(null, "EUR")).isEqualTo("No simulation in this snapshot.");
        assertThat(Amounts.simulationLine(List.of(), "EUR")).isEqualTo("No open risk has a cost range.");
    }

    @Test
    void amountsKeepThreeSignificantDigitsTrailingZerosIncludedWithTheirCurrency() {
        assertThat(Amounts.money("EUR", 1_687_000.0)).isEqualTo("EUR 1.69M");
        assertThat(Amounts.money("EUR", 12_712_345.0)).isEqualTo("EUR 12.7M");
        assertThat(Amounts.money("EUR", 850_000.0)).isEqualTo("EUR 850k");
        assertThat(Amounts.money("EUR", 36_000_000.0)).isEqualTo("EUR 36.0M");
        assertThat(Amounts.money("EUR", 9_895_000.0)).as("a half rounds up").isEqualTo("EUR 9.90M");
        assertThat(Amounts.money("EUR", 999_500_000.0)).isEqualTo("EUR 1.00bn");
        assertThat(Amounts.money("EUR", 999_499.0)).isEqualTo("EUR 999k");
        assertThat(Amounts.money("EUR", 1_200_000.0)).isEqualTo("EUR 1.20M");
        assertThat(Amounts.money("EUR", 8_792.0)).isEqualTo("EUR 8.79k");
        assertThat(Amounts.money("EUR", 999_999.0)).isEqualTo("EUR 1.00M");
        assertThat(Amounts.money("EUR", -1_768_103.0)).isEqualTo("EUR -1.77M");
        assertThat(Amounts.money("EUR", 997.0)).isEqualTo("EUR 997");
        assertThat(Amounts.money("EUR", 2_400_000_000.0)).isEqualTo("EUR 2.40bn");
        assertThat(Amounts.money("EUR", null)).isEqualTo("no data");
    }

    @Test
    void kpiValuesTakeTheirObservationsDecimalsAndOnePercentStyle() {
        assertThat(Amounts.number(47.94, "depots", 0)).isEqualTo("48 depots");
        assertThat(Amounts.number(1_857.74, "tickets", 0)).isEqualTo("1,858 tickets");
        assertThat(Amounts.number(180.61, "count", 0)).isEqualTo("181");
        assertThat(Amounts.number(28.9, "%", 1)).isEqualTo("28.9%");
        assertThat(Amounts.number(75.0, "%", 1)).isEqualTo("75.0%");
        assertThat(Amounts.number(7.49, "score", 2)).isEqualTo("7.49 score");
        assertThat(Amounts.number(-0.2, "%", 0)).isEqualTo("0%");
        assertThat(Amounts.number(28.9, "%")).isEqualTo("28.9%");
        assertThat(Amounts.number(28.9, "%", null)).isEqualTo("28.9%");
        assertThat(Amounts.number(null, "%", 1)).isEqualTo("no data");
        assertThat(Amounts.percent1(0.1334)).isEqualTo("13.3%");
    }

    @Test
    void aKpiMeasuredInMoneyReadsAsMoneyAndAreaUnitsTakeTheirSuperscript() {
        assertThat(Amounts.number(180.61, "EUR", 0)).isEqualTo("EUR 181");
        assertThat(Amounts.number(627.0, "m2", 0)).isEqualTo("627 m²");
        assertThat(Amounts.number(3.0, "Eur", 0)).isEqualTo("3 Eur");
        assertThat(Amounts.unitLeads("EUR")).isTrue();
        assertThat(Amounts.unitLeads("m2")).isFalse();
        assertThat(Amounts.unitLeads(null)).isFalse();
    }

    @Test
    void aLikelihoodIsNeverPrintedAsCertain() {
        assertThat(Amounts.likelihood(1.0)).isEqualTo("over 99%");
        assertThat(Amounts.likelihood(0.995)).isEqualTo("over 99%");
        assertThat(Amounts.likelihood(0.994)).isEqualTo("99%");
        assertThat(Amounts.likelihood(0.005)).isEqualTo("1%");
        assertThat(Amounts.likelihood(0.0049)).isEqualTo("under 1%");
        assertThat(Amounts.likelihood(0.0)).isEqualTo("under 1%");
        assertThat(Amounts.likelihood(null)).isEqualTo("no data");
    }
}
