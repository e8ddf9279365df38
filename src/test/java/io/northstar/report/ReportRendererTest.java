package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.northstar.job.Settings;
import io.northstar.report.render.ReportRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer alone, without Spark: page sizes, sections without data, the file it writes. */
class ReportRendererTest {

    @TempDir
    Path folder;

    private static ReportData empty() {
        return new ReportData(Map.of("ORGANISATION", "Empty Ltd", "AS_OF", "2026-10-31", "CURRENCY", "USD",
                "JOB", "empty"), Map.of("tiles", List.of()));
    }

    @Test
    void sectionsWithoutDataSaySoInsteadOfShowingZeros() throws IOException {
        Path pdf = new ReportRenderer(Settings.PageSize.A4).renderScorecard(empty(), folder, "Empty");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Empty Ltd", "No data in this snapshot.", "Portfolio", "Budget", "Risk");
            assertThat(text).doesNotContain("0 · 0 · 0");
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isEqualTo(595f);
            assertThat(page.getHeight()).isEqualTo(842f);
        }
    }

    @Test
    void letterPaperWhenTheJobAsksForIt() throws IOException {
        Path pdf = new ReportRenderer(Settings.PageSize.LETTER).renderScorecard(empty(), folder, "Letter");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isEqualTo(612f);
            assertThat(page.getHeight()).isEqualTo(792f);
        }
    }

    @Test
    void aRenderReplacesTheOldFileWholeAndLeavesNoPartialFile() throws IOException {
        ReportRenderer renderer = new ReportRenderer(Settings.PageSize.A4);
        renderer.renderScorecard(empty(), folder, "First");
        Path pdf = renderer.renderScorecard(empty(), folder, "Second");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Second");
        }
        assertThat(folder.toFile().list()).containsExactly("executive-scorecard.pdf");
    }

    @Test
    void aPdfGetsTheSamePermissionsAsAnyNewFileInItsFolder() throws IOException {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"), "a POSIX file system");

        Path pdf = new ReportRenderer(Settings.PageSize.A4).renderScorecard(empty(), folder, "Shared");
        Path fresh = Files.createFile(folder.resolve("fresh.txt"));

        // with the usual umask 022 a shared reports folder is readable by its group and others;
        // under umask 077 both are private, and the test cannot tell the old 0600 from the fix
        assertThat(Files.getPosixFilePermissions(pdf)).isEqualTo(Files.getPosixFilePermissions(fresh));
    }
}
