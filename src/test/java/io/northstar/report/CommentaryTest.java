package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommentaryTest {

    private static Map<String, Object> row(String state, String comment, String author, String periodEnd,
            String action, String actionOwner, String due, Boolean overdue, String owner) {
        Map<String, Object> row = new HashMap<>();
        row.put("commentary_state", state);
        row.put("comment", comment);
        row.put("author", author);
        row.put("comment_period_end", periodEnd);
        row.put("action", action);
        row.put("action_owner", actionOwner);
        row.put("action_due", due);
        row.put("action_overdue", overdue);
        row.put("owner", owner);
        return row;
    }

    @Test
    void aCurrentCommentQuotesItsAuthorAndDateAndTheActionWithItsOwnerAndDueDate() {
        assertThat(Commentary.line(row("current", "Vendor slipped the test environment by six weeks", "C. Okafor",
                "2026-10-31", "Rent a cloud test environment", "J. Schmidt", "2026-11-30", false, "C. Okafor")))
                .isEqualTo("“Vendor slipped the test environment by six weeks” — C. Okafor, 2026-10-31. Action: Rent a "
                        + "cloud test environment (J. Schmidt, due 2026-11-30).");
    }

    @Test
    void anOverdueActionIsMarked() {
        assertThat(Commentary.action(row("current", "x", null, null, "Patch the fleet", "A. Meyer", "2026-10-15",
                true, null))).isEqualTo("Action: Patch the fleet (A. Meyer, due 2026-10-15, OVERDUE).");
    }

    @Test
    void aStaleCommentSaysHowOldItIs() {
        assertThat(Commentary.line(row("stale", "Waiting for budget", "B. Tanaka", "2026-08-31", null, null, null,
                null, "B. Tanaka"))).isEqualTo("Last word on 2026-08-31, not updated since: “Waiting for budget” — "
                        + "B. Tanaka.");
    }

    @Test
    void aMissingCommentNamesTheOwnerWhoOwesIt() {
        assertThat(Commentary.line(row("missing", null, null, null, null, null, null, null, "L. Fernández")))
                .isEqualTo("No commentary from L. Fernández.");
        assertThat(Commentary.line(row("missing", null, null, null, null, null, null, null, " ")))
                .isEqualTo("No commentary, and no owner named.");
    }

    @Test
    void anActionWithoutOwnerOrDateIsStillShown() {
        assertThat(Commentary.action(row("current", "x", null, null, "Re-plan", null, null, null, null)))
                .isEqualTo("Action: Re-plan.");
        assertThat(Commentary.action(row("current", "x", null, null, null, "A", "2026-01-01", true, null))).isNull();
    }
}
