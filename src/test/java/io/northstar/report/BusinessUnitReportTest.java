package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.testing.TestingJob;
import java.io.File;
import java.io.IOException;
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

/** Bursting: one PDF per business unit, a safe file name whatever the unit is called. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusinessUnitReportTest {

    private Path reports;

    @BeforeAll
    void runWithHostileAndInternationalNames(@TempDir Path folder) {
        TestingJob job = new TestingJob(folder).yaml("report: { organisation: Société Générale d'Études }\n")
                .csv("projects",
                        "project_id,name,business_unit,category,status,budget",
                        "P1,Réseau,Zürich Ops,run,active,1000",
                        "P2,Склад,Москва,grow,active,500",
                        "P3,Escape,../../etc/passwd,run,active,300",
                        "P4,Port,東京,transform,active,200",
                        "P5,Souk,الرياض,run,active,100")
                .csv("project_status",
                        "project_id,status_date,planned_value,earned_value,actual_cost",
                        "P1,2026-10-31,100,90,120", "P2,2026-10-31,100,100,100", "P3,2026-10-31,50,50,50",
                        "P4,2026-10-31,20,20,20", "P5,2026-10-31,10,10,10")
                .csv("budget_lines",
                        "period,business_unit,category,tower,plan,actual",
                        "2026-05,Zürich Ops,opex,Compute,100,130",
                        "2026-05,Москва,opex,Network,100,100");
        job.run();
        reports = folder.resolve("reports/2026-10-31");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(reports)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static String text(File pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void everyUnitGetsAPdfWithASafeName() throws IOException {
        List<String> files = files();
        assertThat(files).contains("executive-scorecard.pdf", "review-pack.pdf", "business-unit-zurich-ops.pdf",
                "business-unit-etc-passwd.pdf", "business-unit-" + Slugs.of("Москва") + ".pdf",
                "business-unit-" + Slugs.of("東京") + ".pdf", "business-unit-" + Slugs.of("الرياض") + ".pdf");
        assertThat(files).hasSize(7).allMatch(name -> name.matches("[a-z0-9-]+\\.pdf"));
        assertThat(reports.getParent().getParent().resolve("etc")).doesNotExist();
    }

    @Test
    void accentedAndCyrillicNamesRenderInThePdf() throws IOException {
        String zurich = text(reports.resolve("business-unit-zurich-ops.pdf").toFile());
        assertThat(zurich).contains("Zürich Ops", "Société Générale d'Études", "Réseau", "+30.0%");
        String moscow = text(reports.resolve("business-unit-" + Slugs.of("Москва") + ".pdf").toFile());
        assertThat(moscow).contains("Москва", "Склад");
        assertThat(text(reports.resolve("executive-scorecard.pdf").toFile())).contains("Société Générale d'Études");
        String tokyo = text(reports.resolve("business-unit-" + Slugs.of("東京") + ".pdf").toFile());
        assertThat(tokyo).as("CJK through the bundled fallback fonts").contains("東京");
    }
}
