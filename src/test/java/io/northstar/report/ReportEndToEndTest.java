package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.format.Amounts;
import io.northstar.run.RunManifest;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSample;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The executive scorecard of a run on the sample organisation: its figures are the lake's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportEndToEndTest {

    private TestingJob job;
    private RunManifest manifest;
    private String text;
    private File pdf;

    @BeforeAll
    void runAndRender() throws IOException {
        TestingSample.Run run = TestingSample.oneSnapshot();
        job = run.job();
        manifest = run.manifest();
        pdf = run.reports(TestingJob.AS_OF).resolve("executive-scorecard.pdf").toFile();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
    }

    private Row first(String table, String condition) {
        return job.table("metrics", table, TestingJob.AS_OF).filter(condition).first();
    }

    @Test
    void theRunRendersThePdfAndListsItAsAnOutput() {
        assertThat(pdf).exists();
        assertThat(manifest.stageMillis()).containsKeys("report");
        assertThat(manifest.outputs()).anyMatch(output -> output.endsWith("executive-scorecard.pdf"));
        assertThat(pdf.getParentFile().list()).as("the scorecard, the review pack, five units, no partial file")
                .containsExactlyInAnyOrder("executive-scorecard.pdf", "review-pack.pdf", "business-unit-freight.pdf",
                        "business-unit-warehousing.pdf", "business-unit-customer-services.pdf",
                        "business-unit-group-functions.pdf", "business-unit-digital-ventures.pdf");
    }

    @Test
    void theSummaryTilesShowTheLakesFigures() {
        assertThat(text).contains("Halvorsen & Pike Logistics", "IT strategy scorecard as of 2026-10-31");
        double aligned = first("alignment", "business_unit is null").getAs("aligned_budget_share");
        assertThat(text).contains(Amounts.percent(aligned));
        double variance = first("budget_variance", "grain = 'total'").getAs("variance_pct");
        assertThat(text).contains(Amounts.signedPercent(variance));
        double emv = job.table("metrics", "risk_exposure", TestingJob.AS_OF).filter("is_open")
                .agg(org.apache.spark.sql.functions.sum("emv")).first().getDouble(0);
        assertThat(text).contains(Amounts.money("EUR", emv));
        double p90 = first("risk_simulation", "scope = 'portfolio'").getAs("p90");
        assertThat(text).contains("1-in-10 worst case " + Amounts.money("EUR", p90));
    }

    @Test
    void everySectionIsThere() {
        assertThat(text).contains("IT strategic aims", "What needs attention", "Objectives and KPIs", "Portfolio",
                "Cost and schedule performance", "Prioritization", "Budget", "Variance by business unit",
                "Variance by tower", "Vendor concentration", "Risk", "Top open risks by expected monetary value",
                "Overdue mitigations", "Services", "Appendix", "SMART check per KPI", "Data quality");
        assertThat(text).contains("Page 1 of ");
    }

    /**
     * The charts say in words what they show (issue 26, item 5): the heat map's axes and bands, the
     * CPI x SPI chart's legend of colour and shape, the FY plan against forecast, and the KPI
     * target line. The charts' own text is drawn as shapes; these words are the pages' text.
     */
    @Test
    void theChartsSayWhatTheyShowInWords() throws IOException {
        String flat = text.replaceAll("\\s+", " ");
        // the impact axis's title runs upwards; PDFBox reads its letters with gaps between them
        assertThat(flat.replace(" ", "")).contains("Impactifithappens");
        assertThat(flat).contains("5 severe", "4 major", "1 minor", "Likelihood it happens",
                "1 rare", "4 likely", "almost certain", "score = likelihood × impact",
                "low: score under 5", "critical: 20 or more");
        assertThat(flat).contains("The lines mark 1.0 (on plan) and 0.9 (warning)",
                "Colour and shape both show health", "worst projects that are not green");
        assertThat(flat).contains("Run, grow, transform", "Full year: plan against forecast",
                "the KPI in blue, its target as a dashed grey line");
        assertThat(flat).doesNotContain("impact 1 → 5", "likelihood 1 → 5");
        try (PDDocument unit = Loader.loadPDF(pdf.toPath().resolveSibling("business-unit-freight.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(unit)).contains("Trend, target dashed");
        }
    }

    @Test
    void kpiAndProjectFiguresMatchTheMetricTables() {
        Row k01 = first("kpi_status", "kpi_id = 'K-01'");
        assertThat(text).contains("Latest " + Amounts.number(k01.getAs("latest_value"), "%",
                k01.<Integer>getAs("value_decimals")));
        Row project = first("project_health", "project_id = 'P-003'");
        assertThat(text).contains(Amounts.money("EUR", ((java.math.BigDecimal) project.getAs("eac")).doubleValue()));
        Row findings = job.table("metrics", "findings", TestingJob.AS_OF).orderBy("sort_order").first();
        assertThat(text.replace("\n", " ")).contains(((String) findings.getAs("message")).substring(0, 40));
    }

    /**
     * SPEC.md §2.12: each number on the first page of the executive scorecard is a value of
     * executive_summary (the tiles), objective_scorecard (the aims) or findings (their
     * messages), in one of the ways a page formats numbers; the date, run id and page number
     * aside.
     */
    @Test
    void everyNumberOnTheFirstPageIsAValueOfItsMetricTable() throws IOException {
        String page = pageOne(pdf);
        assertThat(numbers(page)).as("page 1 has figures").hasSizeGreaterThan(20);
        assertThat(numbers(page)).isSubsetOf(valuesOf("executive_summary", "objective_scorecard", "findings",
                "briefing", "headline_changes", "commentary_status"));
    }

    @Test
    void pageOneListsTheDecisionsTheOwnersAskForWithTheirReasoningWhoAsksAndByWhen() throws IOException {
        List<Row> decisions = job.table("metrics", "commentary_status", TestingJob.AS_OF).filter("decision_needed")
                .orderBy("action_due").collectAsList();
        assertThat(decisions).as("the sample asks for two decisions").hasSize(2);
        // a line wrapped at a hyphen reads "30- hour" in the extracted text
        String page = flat(pageOne(pdf)).replace("- ", "-");
        assertThat(page).contains("Decisions needed", "two decisions are needed");
        for (Row decision : decisions) {
            assertThat(page).contains((String) decision.getAs("action"), (String) decision.getAs("entity_name"),
                    (String) decision.getAs("action_owner"), decision.getAs("action_due").toString());
            // under each decision, the owner's reasoning: its options and the recommendation
            assertThat(page).contains((String) decision.getAs("comment"));
        }
    }

    @Test
    void aRedKpisCommentAndActionAndAMissingCommentAreInThePdfAsTheLakeHasThem() {
        org.apache.spark.sql.Dataset<Row> status = job.table("metrics", "commentary_status", TestingJob.AS_OF);
        Row current = status.filter("entity_type = 'kpi' and entity_status = 'red' and commentary_state = 'current'"
                + " and action is not null").orderBy("entity_id").first();
        String all = flat(text);
        assertThat(all).contains("What the owners say about the red and amber KPIs", (String) current.getAs("comment"),
                "Action: " + current.getAs("action") + " (" + current.getAs("action_owner") + ", due "
                        + current.getAs("action_due"));
        Row missing = status.filter("entity_type = 'project' and entity_status = 'red' and commentary_state = 'missing'")
                .first();
        assertThat(all).contains("No commentary from " + missing.getAs("owner") + ".");
    }

    @Test
    void theScorecardsOpenWithTheVerdictsOfTheBriefingTable() throws IOException {
        String verdict = first("briefing", "grain = 'portfolio'").getAs("verdict");
        assertThat(verdict).startsWith("One of six IT aims is off track");
        assertThat(flat(pageOne(pdf))).contains(verdict);
        String freight = first("briefing", "business_unit = 'Freight'").getAs("verdict");
        assertThat(flat(pageOne(pdf.toPath().resolveSibling("business-unit-freight.pdf").toFile()))).contains(freight);
    }

    @Test
    void aUnitsRiskListSaysHowManyOpenRisksItsTileAddsUp() throws IOException {
        long open = ((Number) first("executive_summary", "grain = 'business_unit' AND business_unit = 'Group Functions'")
                .getAs("open_risks")).longValue();
        try (PDDocument unit = Loader.loadPDF(pdf.toPath().resolveSibling("business-unit-group-functions.pdf")
                .toFile())) {
            assertThat(flat(new PDFTextStripper().getText(unit))).contains("largest open risks by expected loss, of "
                    + open + " in all; the open-risk tile adds up all " + open);
        }
    }

    @Test
    void approvedProjectsWithoutAStatusRowAreNamedUnderThePortfolioTable() {
        long waiting = job.table("conformed", "projects", TestingJob.AS_OF)
                .filter("status IN ('approved', 'active', 'on_hold')")
                .join(job.table("metrics", "project_health", TestingJob.AS_OF), "project_id", "left_anti")
                .count();
        assertThat(waiting).as("the sample has approved projects that have not started").isPositive();
        assertThat(flat(text)).contains("Not listed: " + waiting + " approved projects (EUR ",
                "Trailer tracking rollout (Freight, from Jan 2027)");
    }

    @Test
    void theAppendixSaysWhoAnswersForEachRedItemWithTheOwnerTheLakeNames() {
        Row red = first("commentary_status", "entity_type = 'project' AND entity_status = 'red' AND owner IS NOT NULL");
        String all = flat(text);
        String index = all.substring(all.indexOf("Who answers for what"));
        assertThat(index).contains(red.<String>getAs("owner") + " Projects: ");
        assertThat(index.substring(index.indexOf(red.<String>getAs("owner") + " Projects: "))).as("named as red")
                .contains(red.getAs("entity_name") + " (red)");
    }

    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** The same for the first page of one business unit's scorecard, from its five tables. */
    @Test
    void everyNumberOnAUnitsFirstPageIsAValueOfItsMetricTable() throws IOException {
        String page = pageOne(pdf.toPath().resolveSibling("business-unit-freight.pdf").toFile());
        assertThat(page).contains("Freight", "Projects", "Budget by tower", "Open risks");
        assertThat(numbers(page)).hasSizeGreaterThan(40);
        assertThat(numbers(page)).isSubsetOf(valuesOf("executive_summary", "project_health", "budget_towers",
                "risk_exposure", "kpi_status", "briefing", "headline_changes", "commentary_status"));
    }

    /**
     * Page 1's text without what is not a figure: the as-of date, the run id, "Page 1 of n", the
     * label "1-in-10 worst case" and the count of findings a cut list leaves out ("+62 more").
     */
    private String pageOne(File file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            return stripper.getText(document).replace(TestingJob.AS_OF.toString(), "").replace(manifest.runId(), "")
                    .replaceAll("Page 1 of \\d+", "").replace("1-in-10 worst case", "worst case")
                    .replaceAll("\\+\\d+ more", "more");
        }
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");

    private static java.util.Set<String> numbers(String text) {
        java.util.Set<String> numbers = new java.util.TreeSet<>();
        java.util.regex.Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(matcher.group());
        }
        return numbers;
    }

    /** Every number of the tables' rows as the pages may print it, and the numbers in their text. */
    private java.util.Set<String> valuesOf(String... tables) {
        java.util.Set<String> values = new java.util.TreeSet<>();
        for (String table : tables) {
            for (Row row : job.table("metrics", table, TestingJob.AS_OF).drop("as_of", "run_id").collectAsList()) {
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.get(i);
                    if (value instanceof Number number) {
                        formatted(number.doubleValue()).forEach(text -> values.addAll(numbers(text)));
                    } else if (value instanceof String || value instanceof java.sql.Date
                            || value instanceof java.time.LocalDate) {
                        values.addAll(numbers(value.toString()));
                    }
                }
            }
        }
        return values;
    }

    private static java.util.List<String> formatted(double value) {
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of(Amounts.percent(value),
                Amounts.signedPercent(value), Amounts.money("EUR", value), Amounts.abbreviate(value),
                Amounts.number(value, null)));
        for (String pattern : new String[] {"#,##0", "#,##0.0", "0.00", "#,##0.0%", "#,##0%"}) {
            texts.add(new java.text.DecimalFormat(pattern, java.text.DecimalFormatSymbols.getInstance(Locale.UK))
                    .format(value));
        }
        return texts;
    }

    @Test
    void noKpiOfTheSampleIsForecastOutsideItsBounds() {
        org.apache.spark.sql.Dataset<Row> bounded = job.table("metrics", "kpi_trend", TestingJob.AS_OF)
                .join(job.conformed("kpis"), "kpi_id");
        assertThat(bounded.filter("lower_bound is null").count()).as("every sample KPI has a lower bound").isZero();
        assertThat(bounded.filter("least(forecast, forecast_low, forecast_high) < lower_bound"
                + " or greatest(forecast, forecast_low, forecast_high) > upper_bound").count()).isZero();
        // parcels with live tracking runs ahead: the top of its range would pass 100 % and is clamped there
        assertThat(bounded.filter("kpi_id = 'K-03' and forecast_high = upper_bound and forecast < upper_bound")
                .count()).isEqualTo(1);
    }

    @Test
    void aKpiWhoseDeadlinePassedShowsWhetherItWasMetInsteadOfAForecast() {
        Row mfa = first("kpi_trend", "kpi_id = 'K-21'");
        assertThat((Boolean) mfa.getAs("deadline_passed")).isTrue();
        assertThat((Double) mfa.getAs("attainment_probability")).isEqualTo(1.0);
        assertThat((Object) mfa.getAs("forecast")).isNull();
        assertThat(text).contains("Deadline passed: met");
    }

    @Test
    void theDataQualityAppendixShowsTheRunsCounts() {
        assertThat(text).contains("Budget lines", "12,000", "snapshot as of " + TestingJob.AS_OF
                + ". The IT strategy office can confirm that a copy", "Data as of " + TestingJob.AS_OF
                + " · prepared with Northstar");
        assertThat(text).as("no run id or time: the same data makes the same PDF").doesNotContain(manifest.runId());
    }

    @Test
    void fontsAreEmbeddedAndTheDocumentHasATitleAndAnOutline() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Halvorsen & Pike Logistics — IT strategy scorecard as of 2026-10-31");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Northstar");
            assertThat(document.getNumberOfPages()).isGreaterThan(6);
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            var outline = document.getDocumentCatalog().getDocumentOutline();
            assertThat(outline).isNotNull();
            java.util.List<String> titles = new java.util.ArrayList<>();
            outline.children().forEach(item -> titles.add(item.getTitle()));
            assertThat(titles).contains("Summary", "Objectives and KPIs", "Portfolio", "Budget", "Risk", "Services",
                    "Appendix");
        }
    }
}
