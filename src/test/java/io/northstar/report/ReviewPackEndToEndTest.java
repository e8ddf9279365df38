package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.format.Amounts;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSample;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The review pack of two snapshots of the sample organisation, a month apart: the first has
 * nothing to compare with, the second lists what moved; every figure is the lake's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewPackEndToEndTest {
    private static final LocalDate PREVIOUS = TestingSample.PREVIOUS;

    private TestingJob job;
    private File pdf;
    private String text;
    private String firstText;

    @BeforeAll
    void runTwoSnapshots() throws IOException {
        TestingSample.Run run = TestingSample.twoSnapshots();
        job = run.job();
        pdf = run.reports(TestingJob.AS_OF).resolve("review-pack.pdf").toFile();
        text = flat(pdf);
        firstText = flat(run.reports(PREVIOUS).resolve("review-pack.pdf").toFile());
    }

    /** The PDF's text with line breaks as spaces, so wrapped sentences read whole. */
    private static String flat(File file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private Dataset<Row> metric(String table) {
        return job.table("metrics", table, TestingJob.AS_OF);
    }

    private static double number(Row row, String column) {
        return ((Number) (row.getAs(column) instanceof java.math.BigDecimal decimal ? decimal.doubleValue()
                : row.getAs(column))).doubleValue();
    }

    @Test
    void theFirstSnapshotSaysWhatCannotBeComparedAndOpensOnWhatTheDatasOwnHistoryShows() {
        assertThat(job.table("metrics", "changes", PREVIOUS).count()).isZero();
        Dataset<Row> moves = job.table("metrics", "recent_moves", PREVIOUS);
        long total = moves.count();
        assertThat(total).as("the sample's history moved").isGreaterThan(10);
        assertThat(firstText.replaceAll("\\s+", " ")).contains("What moved since the last review",
                "This is the first review on record, so no status can be compared with an earlier review yet",
                "What the data's own history shows: " + total + " moves, "
                        + moves.filter("direction = 'worse'").count() + " for the worse and "
                        + moves.filter("direction = 'better'").count() + " for the better");
        Row risk = moves.filter("entity_type = 'risk'").orderBy("entity_id").first();
        assertThat(firstText.replaceAll("\\s+", " ")).contains((String) risk.getAs("name"),
                "identified " + risk.getAs("since"));
    }

    @Test
    void eachTileOfTheSummaryPageSaysWhatItsFigureWasInThePreviousSnapshot() {
        Dataset<Row> changes = metric("headline_changes").filter("grain = 'portfolio'");
        Row strategy = changes.filter("measure = 'strategy_score'").first();
        assertThat(strategy.<Object>getAs("previous_as_of").toString()).isEqualTo(PREVIOUS.toString());
        assertThat(text).contains(strategy.getAs("direction") + ", was "
                + Amounts.percent(strategy.getAs("previous_value")) + " on " + PREVIOUS);
        Row risk = changes.filter("measure = 'open_risk_emv'").first();
        assertThat(text).contains(risk.getAs("direction") + ", was " + Amounts.money("EUR", risk.getAs("previous_value"))
                + " on " + PREVIOUS);
        Row red = changes.filter("measure = 'projects_red'").first();
        assertThat(text).contains(red.getAs("direction") + ", was "
                + Math.round((Double) red.getAs("previous_value")) + " off track on " + PREVIOUS);
        assertThat(firstText).contains("first snapshot: nothing to compare with yet");
    }

    @Test
    void whatMovedLeadsWithTheLakesCountsAndTheWorseFirst() {
        Dataset<Row> changes = metric("changes");
        long total = changes.count();
        long worse = changes.filter("direction = 'worse'").count();
        long better = changes.filter("direction = 'better'").count();
        assertThat(total).isPositive();
        assertThat(text).contains(total + " changes since the review as of 2026-09-30: " + worse + " for the worse, "
                + better + " for the better.");
        assertThat(text.indexOf("What moved since the last review")).isLessThan(text.indexOf("Strengths"));
        Row firstWorse = changes.filter("direction = 'worse'").orderBy("entity_type", "entity_id").first();
        assertThat(text).as("by name, never by a bare id").contains((String) firstWorse.getAs("name"))
                .doesNotContain("(" + firstWorse.getAs("entity_id") + ")");
    }

    @Test
    void eachMoveNamesItsOwnerAndAMissedServiceLevelIsAMoveForTheWorse() {
        Dataset<Row> changes = metric("changes");
        Row pilot = changes.filter("entity_id = 'P-027' AND change = 'health_changed'").first();
        assertThat((String) pilot.getAs("owner")).as("the project's manager").isEqualTo("D. Rossi");
        assertThat(changes.filter("entity_type = 'service' AND change = 'sla_changed' AND after = 'missed'"
                + " AND direction = 'worse'").count()).as("the services that missed in October").isPositive();
        assertThat(text).contains("availability target met → missed", "D. Rossi",
                "About two months late: the tax authority rejected the pilot's filings");
    }

    @Test
    void theSwotShowsTheListedStatementsAndNamesTheSourcesOfTheDerivedOnes() {
        assertThat(text).contains("Strengths", "Weaknesses", "Opportunities", "Threats");
        for (Row listed : metric("swot").filter("origin = 'listed'").collectAsList()) {
            assertThat(text).contains((String) listed.getAs("statement"), (String) listed.getAs("source"));
        }
        assertThat(text).contains("from the KPI statuses", "from the business cases", "from the risk register")
                .doesNotContain("kpi_status", "business_case", "risk_exposure");
        assertThat(metric("swot").filter("quadrant = 2").first().<String>getAs("origin"))
                .as("the lake lists a quadrant's listed statements first").isEqualTo("listed");
    }

    @Test
    void theCasesAreRankedByRiskAdjustedNpvAndTheCaseForActingUsesTheLakesFigures() {
        List<Row> cases = metric("business_case").orderBy("rank").collectAsList();
        assertThat(cases).hasSizeBetween(6, 10);
        int table = text.indexOf("Investment cases, ranked by risk-adjusted NPV");
        List<Integer> positions = new ArrayList<>();
        for (Row row : cases) {
            String title = row.getAs("title");
            positions.add(text.indexOf(title, table));
            assertThat(text).contains(Amounts.abbreviate(number(row, "risk_adjusted_npv")));
        }
        assertThat(positions).doesNotContain(-1).isSorted();
        Row mostAtRisk = metric("business_case").orderBy(org.apache.spark.sql.functions.col("cost_of_inaction").desc())
                .first();
        assertThat(text).contains(ReviewText.caseForActing(mostAtRisk.getAs("title"),
                (Integer) mostAtRisk.getAs("linked_open_risks"), number(mostAtRisk, "cost_of_inaction"),
                (Integer) mostAtRisk.getAs("years"), number(mostAtRisk, "npv"), number(mostAtRisk, "risk_adjusted_npv"),
                "EUR"));
    }

    @Test
    void theStoryHoldsOneCaseLosesMoneyAndOneIsArguedByTheCostOfInaction() {
        Dataset<Row> cases = metric("business_case");
        assertThat(cases.filter("npv < 0 and risk_adjusted_npv < 0").count()).as("a case not worth it").isPositive();
        assertThat(cases.filter("npv < 0 and risk_adjusted_npv > 0").count()).as("the cost of inaction decides")
                .isPositive();
        assertThat(cases.filter("npv > 0").count()).as("cases clearly worth it").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theRefreshBacklogMatchesTheLakeAndShowsTheBulgeNextYear() {
        Row total = metric("asset_refresh").filter("grain = 'total'").first();
        assertThat(text).contains(ReviewText.refreshSummary(number(total, "cost_past_lifecycle"),
                number(total, "cost_due_12m"), number(total, "replacement_cost"), "EUR"));
        assertThat(number(total, "cost_due_12m")).as("the bulge: more falls due next year than is overdue now")
                .isGreaterThan(2 * number(total, "cost_past_lifecycle"));
        for (Row row : metric("asset_refresh").filter("grain = 'asset_class'").collectAsList()) {
            assertThat(text).contains((String) row.getAs("asset_class"));
        }
    }

    @Test
    void itEndsWithTheScorecardSummaryPage() {
        assertThat(text).contains("The executive scorecard's first page as of 2026-10-31, as the board reads it",
                "IT strategic aims", "What needs attention");
        String summary = text.substring(text.lastIndexOf("The executive scorecard's first page"));
        assertThat(summary.split("prepared with Northstar", -1)).as("the summary fits on the pack's last page")
                .hasSize(2);
        assertThat(text.toLowerCase(java.util.Locale.ROOT)).contains("strategy score", "open risk");
        assertThat(text.lastIndexOf("IT strategic aims")).isGreaterThan(text.indexOf("Infrastructure refresh backlog"));
    }

    @Test
    void fontsAreEmbeddedAndTheDocumentHasATitleAndAnOutline() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Halvorsen & Pike Logistics — IT strategy review as of 2026-10-31");
            assertThat(document.getDocumentInformation().getSubject()).isEqualTo("IT strategy review");
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            List<String> titles = new ArrayList<>();
            document.getDocumentCatalog().getDocumentOutline().children().forEach(item -> titles.add(item.getTitle()));
            assertThat(titles).contains("What moved", "SWOT", "Investment cases", "Refresh backlog", "Summary");
        }
    }
}
