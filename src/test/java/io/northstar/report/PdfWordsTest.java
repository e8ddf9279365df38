package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSample;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Words, not jargon (issue 26, item 3): the text of every PDF of the sample run (the executive
 * scorecard, the review pack, each business unit's scorecard), page by page, has no "null" or
 * "NaN", no bare id, no table name and no amount without its currency. Text drawn inside charts
 * is shapes, not text, and is not read. The appendix's run line (with the run id) is not page body.
 *
 * <p>An amount without its currency: a number of 1,000 or more written with thousands separators
 * ("8,763,420") that is neither preceded by the job's currency code ("EUR 8,763,420") nor followed
 * by "%" or a unit word: a KPI's unit from kpi_status ("1,878 tickets", "4,275 MWh") or one of
 * {@link #COUNT_WORDS} ("20,000 simulated years"). Abbreviated amounts ("EUR 1.69M") carry the currency
 * anyway.
 *
 * <p>One exclusion: the amount check skips the data-quality table of the appendix, whose
 * figures are counts of rows under a "Read  Kept  Dedup.  Quarant." header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfWordsTest {
    /** Count nouns the templates write after a number that is not money. */
    private static final Set<String> COUNT_WORDS = Set.of("trials", "simulated", "points", "picks", "staff", "rows",
            "assets", "risks", "projects", "services", "KPIs", "observations", "users");
    private static final Pattern NULL_OR_NAN = Pattern.compile("\\bnull\\b|\\bNaN\\b");
    /** The sample's ids: S-CRM, OBJ-06, R-051, K-01, P-003, S-DC, BC-01; not Wi-Fi or Zero-trust (lower case). */
    private static final Pattern BARE_ID = Pattern.compile("(?<![\\w-])[A-Z]{1,4}-[A-Z0-9]{2,}\\b");
    /** A table or column name: snake_case words (kpi_status, business_case, recent_moves). */
    private static final Pattern TABLE_NAME = Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b");
    private static final Pattern GROUPED_NUMBER = Pattern.compile(
            "(?<![\\w.,])-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d,])");

    /** The rest of a range after its first number: "to 1,893 ", "– 1,893 ". */
    private static final Pattern RANGE_END = Pattern.compile("(?:to|–|-)\\s*-?[\\d,.]+\\s*");

    private File reports;
    private Set<String> units;
    private final String currency = "EUR";

    @BeforeAll
    void run() {
        TestingSample.Run run = TestingSample.oneSnapshot();
        reports = run.reports(TestingJob.AS_OF).toFile();
        units = new HashSet<>(COUNT_WORDS);
        for (Row row : run.job().table("metrics", "kpi_status", TestingJob.AS_OF).select("unit").distinct()
                .collectAsList()) {
            if (!row.isNullAt(0)) {
                units.add(row.getString(0).strip());
            }
        }
    }

    @Test
    void everyPageReadsInWords() throws IOException {
        File[] pdfs = reports.listFiles((folder, name) -> name.endsWith(".pdf"));
        assertThat(pdfs).as("the sample run's PDFs").hasSizeGreaterThanOrEqualTo(7);
        List<String> problems = new ArrayList<>();
        for (File pdf : pdfs) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                for (int page = 1; page <= document.getNumberOfPages(); page++) {
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setStartPage(page);
                    stripper.setEndPage(page);
                    problems.addAll(problems(pdf.getName() + " page " + page, stripper.getText(document), units));
                }
            }
        }
        assertThat(problems).as("words, not jargon, in the PDFs' text").isEmpty();
    }

    /** What is wrong on one page, each naming the PDF, the page and the offending text. */
    List<String> problems(String where, String pageText, Set<String> units) {
        List<String> body = new ArrayList<>();
        List<String> amountLines = new ArrayList<>();
        boolean quality = false;
        for (String line : pageText.split("\\R")) {
            if (line.contains("The IT strategy office can confirm that a copy")) {
                // the appendix's provenance line, which ends the data-quality table
                quality = false;
                continue;
            }
            if (line.matches("Dataset\\s+Read\\s+Kept.*")) {
                quality = true;
            }
            body.add(line);
            if (!quality) {
                amountLines.add(line);
            }
        }
        String text = words(String.join("\n", body));
        String amountText = words(String.join("\n", amountLines));
        List<String> problems = new ArrayList<>();
        find(NULL_OR_NAN, text).forEach(hit -> problems.add(where + ": null or NaN: " + hit));
        find(BARE_ID, text).forEach(hit -> problems.add(where + ": a bare id: " + hit));
        find(TABLE_NAME, text).forEach(hit -> problems.add(where + ": a table name: " + hit));
        Matcher number = GROUPED_NUMBER.matcher(amountText);
        while (number.find()) {
            String before = amountText.substring(Math.max(0, number.start() - currency.length() - 1), number.start());
            String after = amountText.substring(number.end()).stripLeading();
            Matcher range = RANGE_END.matcher(after);
            if (range.lookingAt()) {
                after = after.substring(range.end()); // "1,823 to 1,893 tickets": the range's unit counts
            }
            // the unit may follow one adjective: an owner writes "1,900 open tickets"
            String[] next = after.split("[\\s,.;:)]+", 3);
            boolean counted = units.contains(next[0]) || next.length > 1 && units.contains(next[1]);
            if (!before.equals(currency + " ") && !after.startsWith("%") && !counted) {
                problems.add(where + ": an amount without its currency: " + context(amountText, number));
            }
        }
        return problems;
    }

    /** Whitespace, line breaks included, as single spaces: a cell's wrapped lines read as one. */
    private static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static List<String> find(Pattern pattern, String text) {
        List<String> hits = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            hits.add(context(text, matcher));
        }
        return hits;
    }

    private static String context(String text, Matcher match) {
        return "'" + match.group() + "' in \"…" + text.substring(Math.max(0, match.start() - 40),
                Math.min(text.length(), match.end() + 40)) + "…\"";
    }

    @Test
    void theRulesCatchWhatTheyShouldAndNothingElse() {
        Set<String> someUnits = Set.of("tickets", "trials");
        assertThat(check("Impacted by S-CLOUD, S-DC\nR-051 title\nOBJ-06 K-01 P-003", someUnits)).hasSize(6);
        assertThat(check("Warehouse Wi-Fi upgrade · Zero-trust access · Tier-1 · 2026-10-31", someUnits)).isEmpty();
        assertThat(check("derived from kpi_status", someUnits)).singleElement().asString()
                .contains("x.pdf page 1", "kpi_status");
        assertThat(check("8,763,420 against a plan of EUR 7,737,400", someUnits)).singleElement().asString()
                .contains("8,763,420");
        assertThat(check("EUR 1.69M · 1,878 tickets · 20,000 trials · 13.3% · 1,000% · 999", someUnits)).isEmpty();
        assertThat(check("value null, NaN", someUnits)).hasSize(2);
        assertThat(check("Forecast 1,858 tickets (1,823 to 1,893 tickets)", someUnits)).isEmpty();
        assertThat(check("(1,823 to 1,893)", someUnits)).hasSize(2);
        assertThat(check("Job sample · snapshot as of 2026-10-31. The IT strategy office can confirm that a copy of this PDF",
                someUnits)).isEmpty();
        assertThat(check("the budget is EUR 8,763,420 against a plan of 7,737,400", someUnits)).hasSize(1);
    }

    private List<String> check(String text, Set<String> someUnits) {
        return problems("x.pdf page 1", text, someUnits);
    }
}
