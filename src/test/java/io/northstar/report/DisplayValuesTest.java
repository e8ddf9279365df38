package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayValuesTest {
    private static final String LONG = "L".repeat(5_000);

    private static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    private static ReportData shown(Map<String, Object> parameters, String table, Map<String, Object> row) {
        return DisplayValues.of(new ReportData(parameters, Map.of(table, List.of(row))));
    }

    @Test
    void aNameIsCutByTheNarrowestColumnThatShowsIt() {
        Map<String, Object> shown = shown(Map.of(), "projects", row("name", LONG, "business_unit", LONG))
                .table("projects").get(0);

        assertThat((String) shown.get("name")).hasSize(DisplayText.NAME_LENGTH).endsWith("L…");
        assertThat((String) shown.get("business_unit")).hasSize(DisplayText.NARROW_LENGTH).endsWith("L…");
    }

    @Test
    void theLongestNamesOfTheSampleShowWhole() {
        Map<String, Object> sample = row("title", "Cloud costs exceed the Data centre exit, wave 2: warehouse systems"
                + " business case", "owner", "Chief Information Security Officer", "source",
                "Strategy workshop, September 2026", "asset_class", "Handheld scanners (lots of 20)", "name",
                "Run the most efficient network in the industry", "vendor", "Palo Alto Networks", "business_unit",
                "Customer Services", "statement", "Route optimisation already saves 4% of fuel on pilot depots");

        assertThat(shown(Map.of(), "sample", sample).table("sample").get(0)).isEqualTo(sample);
    }

    @Test
    void headingsAreCutAfterEightyCharactersAndEveryOtherTextIsASentence() {
        ReportData shown = shown(Map.of("ORGANISATION", LONG, "BUSINESS_UNIT", "\u202Elanif.exe"), "findings",
                row("message", "The project '" + LONG + "' supports no strategic objective"));

        assertThat((String) shown.parameters().get("ORGANISATION")).hasSize(DisplayText.TITLE_LENGTH);
        assertThat(shown.parameters().get("BUSINESS_UNIT")).isEqualTo("lanif.exe");
        assertThat((String) shown.table("findings").get(0).get("message"))
                .hasSize(DisplayText.SENTENCE_LENGTH).endsWith("' supports no strategic objective");
    }

    @Test
    void nestedRowsAndListsAreShownTooAndAListOfNamesIsCutAsNames() {
        Map<String, Object> shown = shown(Map.of(), "services", row("impacted_by", List.of("\u202E" + LONG, "ERP"),
                "history", List.of(row("period", "2026-10\u202E", "value", 1.5)))).table("services").get(0);

        assertThat(shown.get("impacted_by")).asList().hasSize(2).element(0).asString()
                .hasSize(DisplayText.NARROW_LENGTH).startsWith("LLL");
        assertThat(shown.get("history")).isEqualTo(List.of(Map.of("period", "2026-10", "value", 1.5)));
    }

    @Test
    void numbersFlagsAndNullsStayAsTheyWere() {
        Map<String, Object> shown = shown(Map.of("PROJECTS_TOTAL", 40L), "projects",
                row("bac", 1_000.0, "funded", true, "rank", 3, "name", null)).table("projects").get(0);

        assertThat(shown).containsEntry("bac", 1_000.0).containsEntry("funded", true).containsEntry("rank", 3)
                .containsEntry("name", null);
    }

    @Test
    void eachSentenceOfAListParameterIsShownOnItsOwn() {
        ReportData shown = shown(Map.of("CASE_FOR_ACTING", List.of("• first\u202E", "• " + "x".repeat(1_000))),
                "cases", row());

        assertThat(shown.parameters().get("CASE_FOR_ACTING")).asList().element(0).isEqualTo("• first");
        assertThat(shown.parameters().get("CASE_FOR_ACTING")).asList().element(1).asString()
                .hasSize(DisplayText.SENTENCE_LENGTH);
    }
}
