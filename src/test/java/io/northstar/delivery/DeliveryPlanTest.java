package io.northstar.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.delivery.DeliveryPlan.Delivered;
import io.northstar.delivery.DeliveryPlan.Log;
import io.northstar.delivery.DeliveryPlan.PackFile;
import io.northstar.delivery.DeliveryPlan.Plan;
import io.northstar.delivery.DeliveryPlan.Recipient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryPlanTest {
    private static final Recipient CEO = new Recipient("board", "ceo@example.com", "CEO", true);
    private static final Recipient FORMER = new Recipient("board", "old@example.com", null, false);
    private static final Recipient FREIGHT = new Recipient("Freight", "freight@example.com", null, true);
    private static final Recipient LAB = new Recipient("Lab", "lab@example.com", null, true);
    private static final PackFile SCORECARD = new PackFile("executive-scorecard.pdf", "aa");
    private static final PackFile REVIEW = new PackFile("review-pack.pdf", "bb");
    private static final PackFile FREIGHT_PDF = new PackFile("business-unit-freight.pdf", "cc");
    private static final Map<String, List<PackFile>> PACKS = Map.of("board", List.of(SCORECARD, REVIEW),
            "Freight", List.of(FREIGHT_PDF));

    private static List<String> messages(Plan plan) {
        return plan.messages().stream().map(m -> m.to().email() + " " + m.files().stream().map(PackFile::name)
                .toList() + (m.restated() ? " restated" : "")).toList();
    }

    @Test
    void aFirstDeliverySendsEachActiveRecipientItsAudiencesPdfsInOneMessage() {
        Plan plan = DeliveryPlan.of(List.of(CEO, FORMER, FREIGHT, LAB), PACKS, Log.EMPTY, false);
        assertThat(messages(plan)).containsExactly(
                "ceo@example.com [executive-scorecard.pdf, review-pack.pdf]",
                "freight@example.com [business-unit-freight.pdf]");
        assertThat(plan.skipped()).extracting(s -> s.recipient().email() + ": " + s.why()).containsExactly(
                "old@example.com: inactive", "lab@example.com: no PDF for this audience in the snapshot");
    }

    @Test
    void aRerunSendsNothingNewAndAChangedPdfGoesAgainToItsAudienceOnlySayingTheFiguresWereRestated() {
        Set<Delivered> log = Set.of(new Delivered("ceo@example.com", "executive-scorecard.pdf", "aa"),
                new Delivered("ceo@example.com", "review-pack.pdf", "bb"),
                new Delivered("freight@example.com", "business-unit-freight.pdf", "cc"));
        assertThat(DeliveryPlan.of(List.of(CEO, FREIGHT), PACKS, new Log(log, Set.of()), false).messages()).isEmpty();
        Map<String, List<PackFile>> restated = Map.of("board", List.of(SCORECARD, new PackFile("review-pack.pdf", "b2")),
                "Freight", List.of(FREIGHT_PDF));
        assertThat(messages(DeliveryPlan.of(List.of(CEO, FREIGHT), restated, new Log(log, Set.of()), false)))
                .containsExactly("ceo@example.com [executive-scorecard.pdf, review-pack.pdf] restated");
    }

    @Test
    void aFailedRecipientIsRetriedAsAFirstDeliveryAndResendSendsEveryoneAgain() {
        Set<Delivered> log = Set.of(new Delivered("freight@example.com", "business-unit-freight.pdf", "cc"));
        assertThat(messages(DeliveryPlan.of(List.of(CEO, FREIGHT), PACKS, new Log(log, Set.of()), false)))
                .containsExactly("ceo@example.com [executive-scorecard.pdf, review-pack.pdf]");
        assertThat(messages(DeliveryPlan.of(List.of(CEO, FORMER, FREIGHT), PACKS, new Log(log, Set.of()), true))).containsExactly(
                "ceo@example.com [executive-scorecard.pdf, review-pack.pdf]", "freight@example.com [business-unit-freight.pdf]");
    }

    @Test
    void aRecipientWhoseLatestAttemptFailedIsDueAgainAndStillRestatedIfItsFileChanged() {
        Delivered before = new Delivered("ceo@example.com", "executive-scorecard.pdf", "aa");
        Set<Delivered> sent = Set.of(before, new Delivered("ceo@example.com", "review-pack.pdf", "bb"));
        // a --resend that failed: the CEO had the files, but the latest attempt did not reach her
        assertThat(messages(DeliveryPlan.of(List.of(CEO), PACKS, new Log(sent, Set.of(before)), false)))
                .containsExactly("ceo@example.com [executive-scorecard.pdf, review-pack.pdf]");
        // a restatement that failed: still a restatement when retried
        Map<String, List<PackFile>> changed = Map.of("board", List.of(new PackFile("executive-scorecard.pdf", "a2"),
                REVIEW));
        assertThat(messages(DeliveryPlan.of(List.of(CEO), changed, new Log(sent, Set.of(new Delivered(
                "ceo@example.com", "executive-scorecard.pdf", "a2"))), false)))
                .containsExactly("ceo@example.com [executive-scorecard.pdf, review-pack.pdf] restated");
    }

    @Test
    void aMessageWithoutAPdfIsRefused() {
        assertThatThrownBy(() -> new DeliveryPlan.Message(CEO, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDryRunPrintsOneLinePerRecipientWithItsPdfsOrWhyNone() {
        Set<Delivered> log = Set.of(new Delivered("freight@example.com", "business-unit-freight.pdf", "old"));
        Plan plan = DeliveryPlan.of(List.of(CEO, FORMER, FREIGHT, LAB), PACKS, new Log(log, Set.of()), false);
        assertThat(plan.lines()).containsExactly(
                "send to ceo@example.com (board): executive-scorecard.pdf, review-pack.pdf",
                "send to freight@example.com (Freight): business-unit-freight.pdf, saying the figures were restated",
                "nothing to old@example.com (board): inactive",
                "nothing to lab@example.com (Lab): no PDF for this audience in the snapshot");
    }

    @Test
    void whenDecidesFromTheCriticalFindings() {
        assertThat(io.northstar.job.Delivery.When.ALWAYS.delivers(0L)).isTrue();
        assertThat(io.northstar.job.Delivery.When.ON_CRITICAL.delivers(1L)).isTrue();
        assertThat(io.northstar.job.Delivery.When.ON_CRITICAL.delivers(0L)).isFalse();
        assertThat(io.northstar.job.Delivery.When.ON_CRITICAL.delivers(null)).as("no findings table").isFalse();
        assertThat(io.northstar.job.Delivery.When.NEVER.delivers(5L)).isFalse();
    }
}
