package io.northstar.metrics.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void thePortfolioVerdictNamesAimsTheMostOverspentUnitRedProjectsAndOpenRisk() {
        Verdict.PortfolioFacts facts = new Verdict.PortfolioFacts(6L, 2L, 3L, 0.046, "Digital Ventures", 0.1306,
                new Verdict.ProjectFacts(35L, 7L, 60_000_000.0, 65_400_000.0), 12_734_000.0, 5L, 2L);
        assertThat(Verdict.portfolio(facts, "EUR")).isEqualTo("Two of six IT aims are off track, three more at risk; "
                + "Digital Ventures is 13.1% over its year-to-date budget; seven of 35 active projects are red and "
                + "the portfolio is forecast EUR 5.40M over budget; "
                + "EUR 12.7M of risk is open (five critical); two decisions are needed.");
    }

    @Test
    void aUnitAtMostFivePercentOverIsNotNamedAndTheWholeOfItSpeaksInstead() {
        Verdict.PortfolioFacts facts = new Verdict.PortfolioFacts(6L, 0L, 0L, -0.012, "Freight", 0.05,
                new Verdict.ProjectFacts(10L, 0L, 1_000_000.0, 1_009_999.0), 0.0, 0L, 0L);
        assertThat(Verdict.portfolio(facts, "EUR")).isEqualTo("All six IT aims are on track; IT spend is 1.2% under "
                + "its year-to-date budget; no active project is red; no risk with a cost is open.");
    }

    @Test
    void clausesWhoseTablesAreAbsentAreLeftOut() {
        Verdict.PortfolioFacts onlyRisk = new Verdict.PortfolioFacts(null, null, null, null, null, null,
                Verdict.ProjectFacts.NONE, 850_000.0, 0L, null);
        assertThat(Verdict.portfolio(onlyRisk, "USD")).isEqualTo("USD 850k of risk is open, none of it critical.");
        Verdict.PortfolioFacts nothing = new Verdict.PortfolioFacts(0L, 0L, 0L, null, null, null,
                new Verdict.ProjectFacts(0L, 0L, 0.0, 0.0), null, null, null);
        assertThat(Verdict.portfolio(nothing, "USD")).isEqualTo("No figures in this snapshot yet.");
    }

    @Test
    void singularsReadAsSingulars() {
        assertThat(Verdict.aims(1L, 1L, 0L)).isEqualTo("one of one IT aim is off track");
        assertThat(Verdict.aims(1L, 0L, 0L)).isEqualTo("The one IT aim is on track");
        assertThat(Verdict.aims(4L, 0L, 1L)).isEqualTo("one of four IT aims is at risk, none off track");
        assertThat(Verdict.projects(1L, 1L)).isEqualTo("one of one active project is red");
        assertThat(Verdict.decisions(1L)).isEqualTo("one decision is needed");
        assertThat(Verdict.risk(2_000_000.0, 1L, "EUR")).isEqualTo("EUR 2.00M of risk is open (one critical)");
    }

    @Test
    void theForecastOverrunIsNamedFromOnePercentOfTheBudget() {
        assertThat(Verdict.projects(new Verdict.ProjectFacts(4L, 1L, 1_000_000.0, 1_010_000.0), "EUR"))
                .isEqualTo("one of four active projects is red and the portfolio is forecast "
                        + "EUR 10.0k over budget");
        assertThat(Verdict.projects(new Verdict.ProjectFacts(4L, 1L, 1_000_000.0, 1_009_999.0), "EUR"))
                .isEqualTo("one of four active projects is red");
        assertThat(Verdict.projects(new Verdict.ProjectFacts(4L, 0L, 1_000_000.0, 900_000.0), "EUR"))
                .isEqualTo("no active project is red");
        assertThat(Verdict.projects(new Verdict.ProjectFacts(4L, 0L, 0.0, 50_000.0), "EUR"))
                .as("no budget to measure against").isEqualTo("no active project is red");
        assertThat(Verdict.projects(new Verdict.ProjectFacts(4L, 0L, null, null), "EUR"))
                .isEqualTo("no active project is red");
    }

    @Test
    void aVarianceThatRoundsToZeroIsOnBudget() {
        assertThat(Verdict.budget("Freight", 0.0004)).isEqualTo("Freight is on its year-to-date budget");
        assertThat(Verdict.budget("Freight", 0.0005)).isEqualTo("Freight is 0.1% over its year-to-date budget");
        assertThat(Verdict.budget("Freight", null)).isNull();
    }

    @Test
    void numbersUpToTwelveAreWords() {
        assertThat(Verdict.count(0)).isEqualTo("no");
        assertThat(Verdict.count(12)).isEqualTo("twelve");
        assertThat(Verdict.count(13)).isEqualTo("13");
    }

    @Test
    void aUnitVerdictStartsWithItsBudget() {
        Verdict.UnitFacts freight = new Verdict.UnitFacts("Freight", 0.015,
                new Verdict.ProjectFacts(9L, 2L, 5_000_000.0, 4_900_000.0), 2_100_000.0, 1L, 0L);
        assertThat(Verdict.businessUnit(freight, "EUR")).isEqualTo("Freight is 1.5% over its year-to-date budget; "
                + "two of nine active projects are red; EUR 2.10M of risk is open (one critical).");
        assertThat(Verdict.businessUnit(new Verdict.UnitFacts("Legal", null, Verdict.ProjectFacts.NONE, null, null, null), "EUR"))
                .isEqualTo("Legal has no figures in this snapshot yet.");
        assertThatThrownBy(() -> new Verdict.UnitFacts(" ", null, Verdict.ProjectFacts.NONE, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
