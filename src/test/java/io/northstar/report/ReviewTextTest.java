package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The review pack's sentences, from a row's figures. */
class ReviewTextTest {

    @Test
    void aMovedItemsNameCarriesItsOwnersWordsAsEscapedStyledText() {
        assertThat(ReviewText.nameAndWhy("Payroll pilot", null)).isEqualTo("Payroll pilot");
        assertThat(ReviewText.nameAndWhy("R&D <lab>", "  ")).isEqualTo("R&amp;D &lt;lab&gt;");
        assertThat(ReviewText.nameAndWhy("Payroll pilot", "Filings \"rejected\" <again>"))
                .isEqualTo("Payroll pilot\n<style forecolor=\"#5F6B7A\" isItalic=\"true\">“Filings &quot;rejected&quot;"
                        + " &lt;again&gt;”</style>");
    }

    @Test
    void changesReadAsTheyMoved() {
        assertThat(ReviewText.change("status_changed", "amber", "red", null, "EUR")).isEqualTo("amber → red");
        assertThat(ReviewText.change("health_changed", "green", "amber", null, "EUR")).isEqualTo("health green → amber");
        assertThat(ReviewText.change("sla_changed", "met", "missed", null, "EUR"))
                .isEqualTo("availability target met → missed");
        assertThat(ReviewText.change("eac_moved", "7968103.43", "8500000.00", 0.0667, "EUR"))
                .isEqualTo("EAC +6.7% (EUR 7.97M → EUR 8.50M)");
        assertThat(ReviewText.change("new", null, "open", null, "EUR")).isEqualTo("new risk (open)");
        assertThat(ReviewText.change("closed", "mitigating", "closed", null, "EUR")).isEqualTo("closed (was mitigating)");
        assertThat(ReviewText.change("removed", "open", null, null, "EUR")).isEqualTo("no longer in the register (was open)");
        assertThat(ReviewText.change("status_changed", null, "no_data", null, "EUR")).isEqualTo("none → no data");
        assertThat(ReviewText.entity("budget_line")).isEqualTo("Budget line");
        assertThat(ReviewText.entity("kpi")).isEqualTo("KPI");
        assertThat(ReviewText.entity("objective")).isEqualTo("Objective");
    }

    @Test
    void movesFromTheDatasOwnHistoryReadWithTheirUnitAndDate() {
        assertThat(ReviewText.change("latest_observation", "45.7", "28.9", -0.3676, "EUR", "%", "2026-09-30"))
                .isEqualTo("45.7% → 28.9% since 2026-09-30");
        assertThat(ReviewText.change("latest_observation", "1878.0", "1857.74", null, "EUR", "tickets", "2026-09-30"))
                .isEqualTo("1,878 tickets → 1,857.74 tickets since 2026-09-30");
        assertThat(ReviewText.change("identified", null, "critical", null, "EUR", null, "2026-10-12"))
                .isEqualTo("new risk (critical), identified 2026-10-12");
    }

    @Test
    void theCaseForActingSpellsOutTheYearlyLossItsPresentValueAndTheNpvItTurnsInto() {
        // present value of the inaction = risk-adjusted NPV − NPV = 4.94M − (−1.14M)
        assertThat(ReviewText.caseForActing("NIS2 programme", 5, 1_523_208, 5, -1_139_198, 4_942_531, "EUR"))
                .isEqualTo(DisplayText.amountsKeptWhole("NIS2 programme: 5 open risks of the project or its objective"
                        + " would cost an expected EUR 1.52M a year if nothing is done, EUR 6.08M in today's money over"
                        + " 5 years; counted in, the NPV of EUR -1.14M becomes EUR 4.94M."));
        assertThat(ReviewText.caseForActing("X", 1, 20_000, 1, 0, 18_000, "USD"))
                .contains("1 open risk of the project", "over 1 year;");
    }

    @Test
    void aLongOrDisguisedTitleIsShownAsANameAndTheCaseForActingStaysWhole() {
        String sentence = ReviewText.caseForActing("\u202E" + "C".repeat(2_000), 1, 20_000, 1, 0, 18_000, "USD");

        assertThat(sentence).startsWith("C".repeat(DisplayText.NAME_LENGTH - 1) + "…: 1 open risk of the project")
                .endsWith(DisplayText.amountsKeptWhole("becomes USD 18.0k.")).doesNotContain("\u202E");
    }

    @Test
    void theRefreshSummaryGivesTheBacklogsShareOfTheEstate() {
        assertThat(ReviewText.refreshSummary(246_855, 1_492_147, 4_003_799, "EUR"))
                .isEqualTo("EUR 247k of assets are past their lifecycle and EUR 1.49M fall due within 12 months: 43% of"
                        + " the estate's EUR 4.00M replacement value.");
        assertThat(ReviewText.refreshSummary(0, 0, 0, "EUR")).doesNotContain("replacement value");
    }

    @Test
    void quadrantsHaveTheirPluralsAndOneTemplateGetsToKnowWhichItIs() {
        assertThat(ReviewText.quadrantTitle("opportunity")).isEqualTo("Opportunities");
        assertThat(ReviewText.quadrantTitle("weakness")).isEqualTo("Weaknesses");
        assertThatThrownBy(() -> ReviewText.quadrantTitle("wish")).isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> parameters = Map.of("AS_OF", "2026-10-31");
        assertThat(ReviewText.with(parameters, "QUADRANT", "threat"))
                .containsEntry("QUADRANT", "threat").containsEntry("AS_OF", "2026-10-31");
        assertThat(parameters).doesNotContainKey("QUADRANT");
    }

    @Test
    void namesAndTablesReadAsWords() {
        org.assertj.core.api.Assertions.assertThat(ReviewText.label("kpi_observations")).isEqualTo("KPI observations");
        org.assertj.core.api.Assertions.assertThat(ReviewText.label("budget_lines")).isEqualTo("Budget lines");
        org.assertj.core.api.Assertions.assertThat(ReviewText.derivedFrom("kpi_status")).isEqualTo("from the KPI statuses");
        org.assertj.core.api.Assertions.assertThat(ReviewText.derivedFrom("asset_refresh"))
                .isEqualTo("from the asset refresh figures");
    }
}
