package io.northstar.report;

import java.util.Map;

/**
 * What an owner said about an item that needs a word, as one line under its name: the comment
 * and who wrote it when, the action with its owner and due date (overdue marked), or plainly
 * that the owner has said nothing. Worded from one row of commentary_status.
 */
public final class Commentary {
    public static final String CURRENT = "current";
    public static final String STALE = "stale";
    public static final String MISSING = "missing";

    private Commentary() {
    }

    /** The line a page prints for a commentary_status row. */
    public static String line(Map<String, Object> row) {
        String state = text(row, "commentary_state");
        if (MISSING.equals(state) || text(row, "comment") == null) {
            String owner = text(row, "owner");
            return owner == null ? "No commentary, and no owner named." : "No commentary from " + owner + ".";
        }
        StringBuilder line = new StringBuilder();
        if (STALE.equals(state)) {
            line.append("Last word on ").append(row.get("comment_period_end")).append(", not updated since: ");
        }
        line.append('“').append(text(row, "comment")).append('”');
        String author = text(row, "author");
        if (author != null || !STALE.equals(state)) {
            line.append(" — ").append(author == null ? "unsigned" : author);
            if (!STALE.equals(state)) {
                line.append(", ").append(row.get("comment_period_end"));
            }
        }
        line.append('.');
        String action = action(row);
        if (action != null) {
            line.append(' ').append(action);
        }
        return line.toString();
    }

    /** "Action: rerun the restore test (C. Okafor, due 2026-11-15, overdue)." or null without one. */
    public static String action(Map<String, Object> row) {
        String action = text(row, "action");
        if (action == null) {
            return null;
        }
        StringBuilder text = new StringBuilder("Action: ").append(action);
        String owner = text(row, "action_owner");
        Object due = row.get("action_due");
        if (owner != null || due != null) {
            text.append(" (");
            if (owner != null) {
                text.append(owner);
            }
            if (due != null) {
                text.append(owner == null ? "" : ", ").append("due ").append(due);
                if (Boolean.TRUE.equals(row.get("action_overdue"))) {
                    text.append(", OVERDUE");
                }
            }
            text.append(')');
        }
        return text.append('.').toString();
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
