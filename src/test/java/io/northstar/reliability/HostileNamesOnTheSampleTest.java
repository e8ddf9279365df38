package io.northstar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample organisation run twice: as generated (the shared run of {@link TestingSample}), and
 * with the same settings but the Freight unit renamed to 5,000 characters, a project named in
 * 3,000, and right-to-left overrides in a unit's, a project's, a KPI's, a risk's and a service's
 * name. Names are cut and cleaned wherever a PDF shows them (tables, sentences, headings), so
 * the PDFs keep the sample's length and no override turns the text around a name backwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileNamesOnTheSampleTest {
    private static final String LONG_UNIT = "L".repeat(5_000);
    private static final String LONG_PROJECT = "Data centre exit programme and ".repeat(100).strip();
    private static final String DISGUISED_UNIT = "\u202Eمرحبا Warehousing";
    /** Follows each overridden name: an override left in place shows it backwards, "dniwhtroN". */
    private static final String MARKER = "Northwind";
    /** U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C. */
    private static final String DIRECTION_CONTROLS = "[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]";

    private Path plain;
    private Path hostile;

    @BeforeAll
    void runTheSampleAsGeneratedAndWithHostileNames(@TempDir Path folder) {
        plain = TestingSample.oneSnapshot().reports(TestingJob.AS_OF);

        TestingJob job = TestingJob.sample(folder.resolve("hostile")).yaml(TestingSample.YAML);
        for (String dataset : List.of("projects", "budget_lines", "assets", "recipients")) {
            replaceField(job, dataset, "Freight", LONG_UNIT);
            replaceField(job, dataset, "Warehousing", DISGUISED_UNIT);
        }
        replaceField(job, "projects", "Data centre exit programme", LONG_PROJECT);
        for (String dataset : List.of("projects", "kpis", "risks", "services")) {
            disguiseFirstName(job, dataset);
        }
        job.run();
        hostile = job.folder().resolve("reports/2026-10-31");
    }

    /** Replaces a whole field (between commas, or first or last on its line) wherever it stands in the dataset's CSV. */
    private static void replaceField(TestingJob job, String dataset, String field, String replacement) {
        Path csv = csv(job, dataset);
        Matcher fields = Pattern.compile("(?m)(?<=^|,)" + Pattern.quote(field) + "(?=,|\r?$)").matcher(read(csv));
        assertThat(fields.find()).as(dataset + " names " + field).isTrue();
        TestingJob.write(csv, fields.replaceAll(Matcher.quoteReplacement(replacement)));
    }

    /**
     * Puts a right-to-left override before the name (the second field) of the first row with a
     * short unquoted one, and the marker after it.
     */
    private static void disguiseFirstName(TestingJob job, String dataset) {
        Path csv = csv(job, dataset);
        List<String> lines = new ArrayList<>(read(csv).lines().toList());
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",", 3);
            if (fields.length == 3 && !fields[1].startsWith("\"") && fields[1].length() < 40) {
                lines.set(i, fields[0] + ",\u202E" + fields[1] + " " + MARKER + "," + fields[2]);
                TestingJob.write(csv, String.join("\n", lines) + "\n");
                return;
            }
        }
        throw new AssertionError(dataset + " has no row with a short unquoted name");
    }

    private static Path csv(TestingJob job, String dataset) {
        return job.folder().resolve("data").resolve(dataset + ".csv");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aFiveThousandCharacterUnitAndALongProjectNameLeaveTheScorecardsAsLongAsTheSamples() throws IOException {
        for (String pdf : List.of("executive-scorecard.pdf", "review-pack.pdf")) {
            int expected = pages(plain.resolve(pdf));
            assertThat(pages(hostile.resolve(pdf))).as(pdf).isBetween(expected, expected + 1);
        }
        int freight = pages(plain.resolve("business-unit-freight.pdf"));
        assertThat(pages(hostile.resolve("business-unit-" + "l".repeat(60) + ".pdf")))
                .as("the long unit's own scorecard").isBetween(freight, freight + 1);
        assertThat(text(hostile.resolve("executive-scorecard.pdf"))).contains("LLL…", "Data centre exit programme");
    }

    @Test
    void noOverrideTurnsTextBackwardsAndTheNamesStillShowRightToLeftLettersIncluded() throws IOException {
        List<Path> pdfs;
        try (Stream<Path> list = Files.list(hostile)) {
            pdfs = list.sorted().toList();
        }
        assertThat(pdfs).hasSize(7);
        String backwards = new StringBuilder(MARKER).reverse().toString();
        for (Path pdf : pdfs) {
            assertThat(text(pdf)).as(pdf.getFileName().toString()).doesNotContainPattern(DIRECTION_CONTROLS)
                    .doesNotContain(backwards, "gnisuoheraW");
        }
        // every KPI and every service is listed in the executive scorecard
        assertThat(text(hostile.resolve("executive-scorecard.pdf"))).contains(" " + MARKER, "Warehousing", "مرحبا");
    }
}
