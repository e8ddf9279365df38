package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTextTest {

    @Test
    void theCompanysOpenRiskSplitsIntoTheUnitsAndTheGroupLevelRemainder() {
        Map<String, Double> units = new LinkedHashMap<>();
        units.put("Freight", 2_240_000.0);
        units.put("Warehousing", 565_000.0);
        units.put("Lab", 0.0);
        // 12,700,000 − 2,805,000 = 9,895,000 on no project
        assertThat(PageText.riskByUnit(12_700_000.0, units, "EUR")).isEqualTo("Of EUR 12.7M of open risk, EUR 2.81M"
                + " sits with the business units' projects (Freight EUR 2.24M, Warehousing EUR 565k) and EUR 9.90M is"
                + " group-level risk on no project; each unit's scorecard counts only its own.");
    }

    @Test
    void whenTheUnitsHoldItAllOrNoneTheSentenceSaysSo() {
        assertThat(PageText.riskByUnit(300.0, Map.of("Retail", 300.0), "USD")).isEqualTo("Of USD 300 of open risk,"
                + " all of it, USD 300 sits with the business units' projects (Retail USD 300); each unit's scorecard"
                + " counts its own.");
        assertThat(PageText.riskByUnit(300.0, Map.of(), "USD")).isEqualTo("Of USD 300 of open risk, none sits with"
                + " a business unit's projects: it is all group-level risk.");
        assertThat(PageText.riskByUnit(0.0, Map.of(), "USD")).isNull();
        assertThat(PageText.riskByUnit(null, Map.of("Retail", 1.0), "USD")).isNull();
    }

    @Test
    void vendorConcentrationIsWordedByItsBand() {
        assertThat(PageText.vendorConcentration(956.4)).isEqualTo("Spend is spread across vendors: concentration"
                + " index (HHI) 956 points (below 1,500 points: unconcentrated; above 2,500 points: highly"
                + " concentrated).");
        assertThat(PageText.vendorConcentration(1_500.0)).startsWith("Spend is moderately concentrated");
        assertThat(PageText.vendorConcentration(2_500.0)).startsWith("Spend is moderately concentrated");
        assertThat(PageText.vendorConcentration(2_500.5)).startsWith("Spend is highly concentrated")
                .contains("2,501 points");
        assertThat(PageText.vendorConcentration(null)).isEqualTo("No vendor is named on this year's budget lines.");
    }

    @Test
    void aKpiForecastGivesItsRangeAndLikelihood() {
        assertThat(PageText.kpiForecast(false, 75.0, 73.24, 72.37, 74.11, 0.0102, "%", 1, "red"))
                .isEqualTo("Forecast 73.2% (72.4 to 74.1%) · 1% likely to reach the target");
        assertThat(PageText.kpiForecast(false, 90.0, 182.6, 180.64, 184.57, 0.0, "EUR", 0, "green"))
                .isEqualTo("Forecast EUR 183 (EUR 181 to EUR 185) · under 1% likely to reach the target: on its path"
                        + " today, but the trend falls short");
    }

    @Test
    void aForecastSaysWhenTodaysStatusAndTheTrendDisagree() {
        assertThat(PageText.kpiForecast(false, 2.0, 1.6, 1.4, 1.8, 0.34, "%", 1, "green"))
                .endsWith("34% likely to reach the target: on its path today, but the trend falls short");
        assertThat(PageText.kpiForecast(false, 2.0, 2.1, 1.9, 2.3, 0.5, "%", 1, "green"))
                .as("even odds are no shortfall").endsWith("50% likely to reach the target");
        assertThat(PageText.kpiForecast(false, 2.0, 2.1, 1.9, 2.3, 0.62, "%", 1, "amber"))
                .endsWith("62% likely to reach the target: behind its path today, but the trend catches up");
        assertThat(PageText.kpiForecast(false, 2.0, 1.6, 1.4, 1.8, 0.2, "%", 1, "red"))
                .endsWith("20% likely to reach the target");
        assertThat(PageText.kpiForecast(false, 2.0, 1.6, 1.4, 1.8, 0.2, "%", 1, "no_data"))
                .endsWith("20% likely to reach the target");
    }

    @Test
    void aForecastPinnedAtTheMeasuresLimitPrintsNoEmptyRange() {
        assertThat(PageText.kpiForecast(false, 95.0, 100.0, 100.0, 100.0, 1.0, "%", 1, "green"))
                .isEqualTo("Forecast 100.0% (the trend reaches the limit of the measure) · over 99% likely to reach"
                        + " the target");
        assertThat(PageText.kpiForecast(null, 95.0, 100.0, null, null, null, "%", 1, "green")).isEqualTo("Forecast 100.0%");
    }

    @Test
    void aPassedDeadlineIsSettledNotForecast() {
        assertThat(PageText.kpiForecast(true, 100.0, null, null, null, 1.0, "%", 1, "green")).isEqualTo("Deadline passed: met");
        assertThat(PageText.kpiForecast(true, 100.0, null, null, null, 0.0, "%", 1, "green"))
                .isEqualTo("Deadline passed: missed");
        assertThat(PageText.kpiForecast(true, 100.0, null, null, null, null, "%", 1, "green"))
                .isEqualTo("Deadline passed: no observation by then");
        assertThat(PageText.kpiForecast(true, null, null, null, null, null, "%", 1, "green"))
                .isEqualTo("Deadline passed: no target");
        assertThat(PageText.kpiForecast(false, 5.0, null, null, null, null, "%", 1, "green"))
                .isEqualTo("No forecast (needs a target date and three observations)");
    }

    @Test
    void approvedProjectsWithoutProgressAreNamedWithUnitStartAndTheRestCounted() {
        assertThat(PageText.notStarted(3, 1_650_000.0, java.util.List.of(
                new PageText.NotStarted("Trailer tracking rollout", "Freight", java.time.LocalDate.of(2027, 1, 1)),
                new PageText.NotStarted("Print services", null, null)), "EUR"))
                .isEqualTo("Not listed: 3 approved projects (EUR 1.65M) that have not started, so no progress to"
                        + " report yet: Trailer tracking rollout (Freight, from Jan 2027), Print services and 1 more.");
    }

    @Test
    void oneApprovedProjectIsSaidInTheSingularAndNoneSaysNothing() {
        assertThat(PageText.notStarted(1, null, java.util.List.of(new PageText.NotStarted("Lift", "Ops", null)),
                "USD")).isEqualTo("Not listed: one approved project that has not started, so no progress to report"
                        + " yet: Lift (Ops).");
        assertThat(PageText.notStarted(0, 0.0, java.util.List.of(), "USD")).isNull();
    }

    @Test
    void theVarianceColumnReconcilesWithPageOneByNamingTheProjectsInsideAProgramme() {
        assertThat(PageText.portfolioReconciliation(-5_375_063.08, 4_577_730.92, java.util.List.of(
                new PageText.NamedAmount("Wave 2", -797_332.16)), "EUR"))
                .isEqualTo("The Variance column adds up to EUR -5.38M, overruns net of underspends; page 1's forecast"
                        + " overrun of EUR 4.58M leaves out Wave 2 (EUR -797k), whose money is in its programme's row.");
        assertThat(PageText.portfolioReconciliation(120.0, -120.0, java.util.List.of(), "USD"))
                .as("no programme: the column is page 1's figure").isEqualTo("The Variance column adds up to USD 120,"
                        + " overruns net of underspends: page 1's forecast underspend of USD 120.");
        assertThat(PageText.portfolioReconciliation(0, null, java.util.List.of(), "USD")).isNull();
    }
}
