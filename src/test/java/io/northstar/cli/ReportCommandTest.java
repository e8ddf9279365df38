package io.northstar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReportCommandTest {

    @Test
    void aFewPdfsAreEachNamed() {
        assertThat(ReportCommand.rendered(List.of("/r/2026-10-31/executive-scorecard.pdf", "/r/2026-10-31/review-pack.pdf")))
                .isEqualTo("rendered /r/2026-10-31/executive-scorecard.pdf, /r/2026-10-31/review-pack.pdf");
    }

    @Test
    void hundredsOfPdfsAreCountedWithTheirFolder() {
        List<String> pdfs = IntStream.range(0, 502).mapToObj(i -> "/r/2026-10-31/unit-" + i + ".pdf").toList();

        assertThat(ReportCommand.rendered(pdfs))
                .isEqualTo("rendered 502 PDFs into /r/2026-10-31: unit-0.pdf, unit-1.pdf and 500 more");
    }

    @Test
    void theLimitItselfIsStillListed() {
        List<String> pdfs = IntStream.range(0, ReportCommand.LISTED).mapToObj(i -> "/r/u" + i + ".pdf").toList();

        assertThat(ReportCommand.rendered(pdfs)).startsWith("rendered /r/u0.pdf, ").endsWith("/r/u9.pdf");
    }
}
