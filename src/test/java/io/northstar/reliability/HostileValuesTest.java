package io.northstar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.cli.Main;
import io.northstar.testing.TestingJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Business units named to do harm (path separators, "..", control characters, right-to-left
 * overrides, emoji, a name of 5,000 characters, spreadsheet formulas) run through ingestion,
 * metrics, the PDF scorecards and a CSV export: file names stay safe slugs inside the reports
 * folder, every PDF renders, and no formula reaches a spreadsheet as a formula.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileValuesTest {
    private static final List<String> UNITS = List.of(
            "../../outside",
            "..\\\\windows\\\\system32",
            "Ops\u0007bell",
            "\u202Elanif.exe",
            "Rocket 🚀 Team",
            "L".repeat(5_000),
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+cmd|' /C calc'!A0",
            "@SUM(A1:A9)",
            "-2+3");

    private Path folder;
    private Path reports;

    @BeforeAll
    void runWithHostileUnitNames(@TempDir Path folder) {
        this.folder = folder;
        StringBuilder projects = new StringBuilder("project_id,name,business_unit,category,status,budget\n");
        StringBuilder status = new StringBuilder("project_id,status_date,planned_value,earned_value,actual_cost\n");
        StringBuilder budget = new StringBuilder("period,business_unit,category,tower,plan,actual\n");
        for (int i = 0; i < UNITS.size(); i++) {
            String unit = csv(UNITS.get(i));
            projects.append("P").append(i).append(",Project ").append(i).append(',').append(unit)
                    .append(",run,active,1000\n");
            status.append("P").append(i).append(",2026-10-31,100,90,120\n");
            budget.append("2026-05,").append(unit).append(",opex,Compute,100,130\n");
        }
        TestingJob job = new TestingJob(folder);
        TestingJob.write(folder.resolve("data/projects.csv"), projects.toString());
        TestingJob.write(folder.resolve("data/project_status.csv"), status.toString());
        TestingJob.write(folder.resolve("data/budget_lines.csv"), budget.toString());
        job.source("projects", "data/projects.csv").source("project_status", "data/project_status.csv")
                .source("budget_lines", "data/budget_lines.csv");
        job.run();
        reports = folder.resolve("reports/2026-10-31");
    }

    private static String csv(String value) {
        return value.matches(".*[,\"\n].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    @Test
    void everyUnitGetsAPdfWhoseNameIsAShortSlugInsideTheReportsFolder() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(reports)) {
            files = list.map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertThat(files).hasSize(UNITS.size() + 2).contains("executive-scorecard.pdf", "review-pack.pdf")
                .allMatch(name -> name.matches("[a-z0-9-]{1,90}\\.pdf"), "a short slug");
        try (Stream<Path> everything = Files.walk(folder)) {
            assertThat(everything.filter(path -> path.toString().endsWith(".pdf")))
                    .allMatch(pdf -> pdf.getParent().equals(reports), "inside the reports folder");
        }
        assertThat(folder.getParent().resolve("outside")).doesNotExist();
    }

    @Test
    void everyPdfRendersWithTheNameShownSafelyOnePageForAUnitWithOneProject() throws IOException {
        try (Stream<Path> list = Files.list(reports)) {
            for (Path pdf : list.toList()) {
                try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                    assertThat(document.getNumberOfPages()).as(pdf.toString()).isPositive();
                    assertThat(new PDFTextStripper().getText(document)).as(pdf.toString()).isNotBlank()
                            .doesNotContain("\u202E");
                }
            }
        }
        try (PDDocument document = Loader.loadPDF(reports.resolve("business-unit-hyperlink-http-evil-example-click.pdf")
                .toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("=HYPERLINK(\"http://evil.example\"");
        }
        try (PDDocument document = Loader.loadPDF(reports.resolve("business-unit-" + "l".repeat(60) + ".pdf").toFile())) {
            // the page now also carries the unit's commentary and sections flow on, so a one-project unit may
            // take a second page; the name uncut would spread over many more
            assertThat(document.getNumberOfPages()).as("a 5,000-character name is cut, not spread over pages")
                    .isLessThanOrEqualTo(2);
            assertThat(new PDFTextStripper().getText(document)).contains("LLL…");
        }
        try (PDDocument document = Loader.loadPDF(reports.resolve("business-unit-lanif-exe.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(document)).as("no right-to-left override to disguise the name")
                    .contains("lanif.exe").doesNotContain("\u202E");
        }
    }

    @Test
    void aCsvExportNeutralisesEveryFormulaAndKeepsTheOtherNamesAsTheyAre() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"query", "--lake", folder.resolve("lake").toString(), "--format", "csv",
            "SELECT business_unit FROM projects ORDER BY project_id"}, new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        List<String> cells = out.toString().lines().skip(1).toList();
        assertThat(cells).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", "'+cmd|' /C calc'!A0",
                "'@SUM(A1:A9)", "'-2+3", "../../outside", "Rocket 🚀 Team");
        assertThat(cells).noneMatch(cell -> cell.matches("^\"?[=+@-].*"));
    }
}
