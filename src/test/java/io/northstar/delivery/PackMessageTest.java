package io.northstar.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackMessageTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    private static final Path FOLDER = Path.of("/srv/northstar/reports/2026-10-31");
    private static final PackMessage.Briefing BRIEFING = new PackMessage.Briefing("Halvorsen & Pike", AS_OF,
            Map.of("board", "Two of six IT aims are off track; EUR 1.2M <over> budget.",
                    "Freight", "Freight is 1.7% over its year-to-date budget."),
            Map.of("board", List.of(new PackMessage.Decision("Board to approve EUR 350,000 for a second team",
                    "Paperless customs", "J. Schmidt", "2026-11-20 overdue"),
                    new PackMessage.Decision("Decide on the standby", null, null, null))),
            List.of(new PackMessage.Finding("critical", "Risk 'Carrier API' is open", "A. Costa"),
                    new PackMessage.Finding("warning", "Project 'Yard' is late", null)),
            14);
    private static final PackMessage.Sender SENDER = new PackMessage.Sender("nightly", "20261031T020000Z-abc");

    private static DeliveryPlan.Message message(String audience, boolean restated, String... files) {
        return new DeliveryPlan.Message(new DeliveryPlan.Recipient(audience, "someone@example.com", "Someone", true),
                java.util.Arrays.stream(files).map(file -> new DeliveryPlan.PackFile(file, "ab")).toList(), restated);
    }

    private static PackMessage.Files sizes(long maxBytes, Map<String, Long> sizes) {
        return new PackMessage.Files(FOLDER, sizes, maxBytes);
    }

    @Test
    void theBoardsSubjectCarriesTheAsOfAndItsVerdictAndTheBodyItsTopFindings() {
        Mailer.Email email = PackMessage.compose(message("board", false, "executive-scorecard.pdf", "review-pack.pdf"),
                BRIEFING, sizes(10, Map.of("executive-scorecard.pdf", 5L, "review-pack.pdf", 7L)), SENDER);

        assertThat(email.subject()).isEqualTo("IT scorecard as of 2026-10-31: Two of six IT aims are off track;"
                + " EUR 1.2M <over> budget.");
        assertThat(email.to()).isEqualTo("someone@example.com");
        assertThat(email.attachments()).containsExactly(FOLDER.resolve("executive-scorecard.pdf"),
                FOLDER.resolve("review-pack.pdf"));
        assertThat(email.text()).startsWith("Halvorsen & Pike · IT scorecard as of 2026-10-31\n\nTwo of six IT aims"
                + " are off track; EUR 1.2M <over> budget.\n\nDecisions needed, soonest first:\n"
                + "- Board to approve EUR 350,000 for a second team (about Paperless customs; asked by J. Schmidt; by"
                + " 2026-11-20, overdue)\n- Decide on the standby\n").contains(
                "the first 2 of 14 findings, as page 1 of the scorecard lists them:", "- Critical: Risk 'Carrier API' is"
                + " open (owner: A. Costa)\n- Warning: Project 'Yard' is late\n",
                "- executive-scorecard.pdf: the scorecard; its first page is the summary above",
                "- review-pack.pdf: the strategy review", "Sent to you (someone@example.com) as a member of the board. Questions: reply to this message. Reference:"
                + " nightly 20261031T020000Z-abc.")
                .doesNotContain("Restated");
        assertThat(email.html()).contains("<h2>Halvorsen &amp; Pike · IT scorecard as of 2026-10-31</h2>",
                "EUR 1.2M &lt;over&gt; budget.", "<li>Critical: Risk &#39;Carrier API&#39; is open (owner: A. Costa)</li>")
                .doesNotContain("<over>");
    }

    @Test
    void aUnitsMessageNamesTheUnitAndCarriesItsOwnVerdictWithoutTheBoardsFindings() {
        Mailer.Email email = PackMessage.compose(message("Freight", false, "business-unit-freight.pdf"), BRIEFING,
                sizes(10, Map.of("business-unit-freight.pdf", 5L)), SENDER);

        assertThat(email.subject()).isEqualTo("Freight IT scorecard as of 2026-10-31: Freight is 1.7% over its"
                + " year-to-date budget.");
        assertThat(email.text()).doesNotContain("findings", "Carrier API", "Decisions").contains("for Freight.",
                "- business-unit-freight.pdf: the unit's scorecard");
    }

    @Test
    void aRestatedMessageSaysSoInTheSubjectAndTheBody() {
        Mailer.Email email = PackMessage.compose(message("Freight", true, "business-unit-freight.pdf"), BRIEFING,
                sizes(10, Map.of("business-unit-freight.pdf", 5L)), SENDER);
        assertThat(email.subject()).startsWith("Restated \u2014 Freight IT scorecard as of 2026-10-31: Freight is");
        assertThat(email.text()).contains("Restated: the data for 2026-10-31 changed after the earlier copy was sent,"
                + " and the PDF was produced again. Please use this PDF and discard the earlier copy.");
    }

    @Test
    void aPdfOverTheLimitIsNamedByItsPathInsteadOfAttachedAndOneAtTheLimitIsAttached() {
        long limit = 1024 * 1024;
        Mailer.Email email = PackMessage.compose(message("board", false, "executive-scorecard.pdf", "review-pack.pdf"),
                BRIEFING, sizes(limit, Map.of("executive-scorecard.pdf", limit, "review-pack.pdf", limit + 200_000)),
                SENDER);

        assertThat(email.attachments()).containsExactly(FOLDER.resolve("executive-scorecard.pdf"));
        assertThat(email.text()).contains("Too large to attach (over 1 MB), in the reports folder:\n- review-pack.pdf"
                + " (1.2 MB): " + FOLDER.resolve("review-pack.pdf").toAbsolutePath());
    }

    @Test
    void withoutAVerdictTheSubjectIsTheScorecardAndAsOfAlone() {
        PackMessage.Briefing none = new PackMessage.Briefing("H&P", AS_OF, Map.of(), Map.of(), List.of(), 0);
        Mailer.Email email = PackMessage.compose(message("board", false, "executive-scorecard.pdf"), none,
                sizes(10, Map.of()), SENDER);
        assertThat(email.subject()).isEqualTo("IT scorecard as of 2026-10-31");
        assertThat(email.text()).doesNotContain("What needs attention");
    }

    @Test
    void directionControlsInANameDoNotReachTheSubject() {
        PackMessage.Briefing hostile = new PackMessage.Briefing("H&P", AS_OF,
                Map.of("\u202EFreight", "\u202EFreight is over budget."), Map.of(), List.of(), 0);
        Mailer.Email email = PackMessage.compose(message("\u202EFreight", false, "business-unit-freight.pdf"), hostile,
                sizes(10, Map.of()), SENDER);
        assertThat(email.subject()).isEqualTo("Freight IT scorecard as of 2026-10-31: Freight is over budget.");
    }
}
