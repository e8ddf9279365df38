package io.northstar.metrics.commentary;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The commentary rules of SPEC.md §4.5, in plain Java: which comment of an entity counts, whether
 * it is current, stale or missing, and whether its action is overdue. The Spark table only
 * gathers each entity's comments and calls these.
 */
public final class CommentaryRules {

    /** {@code commentary_state}. */
    public enum State {
        CURRENT, STALE, MISSING;

        /** The value written to the table: current, stale or missing. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Later period_end first; on a tie (two kept rows of one entity share a period_end only
     * if the key check was bypassed) the one asking for a decision, then by comment text, so
     * the choice never depends on row order.
     */
    private static final Comparator<Comment> LATEST_FIRST = Comparator.comparing(Comment::periodEnd).reversed()
            .thenComparing(Comment::decisionNeeded, Comparator.reverseOrder())
            .thenComparing(Comment::comment);

    private CommentaryRules() {
    }

    /** The entity's latest comment with period_end ≤ as_of; comments dated after as_of do not count yet. */
    public static Optional<Comment> latest(Collection<Comment> comments, LocalDate asOf) {
        requireNonNull(asOf, "asOf is null");
        return comments.stream().filter(comment -> !comment.periodEnd().isAfter(asOf)).min(LATEST_FIRST);
    }

    /**
     * current when the latest comment is at most {@code maxAgeDays} days older than as_of
     * (exactly {@code maxAgeDays} is still current), stale when older, missing when there is none.
     */
    public static State state(Optional<Comment> latest, LocalDate asOf, int maxAgeDays) {
        requireNonNull(asOf, "asOf is null");
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException("maxAgeDays must be >= 0, got " + maxAgeDays);
        }
        if (latest.isEmpty()) {
            return State.MISSING;
        }
        long age = ChronoUnit.DAYS.between(latest.get().periodEnd(), asOf);
        return age <= maxAgeDays ? State.CURRENT : State.STALE;
    }

    /**
     * action_overdue: the action's due date is before as_of (due on as_of is not late yet); null
     * when there is no due date, since nothing can be late without one.
     */
    public static Boolean actionOverdue(LocalDate actionDue, LocalDate asOf) {
        requireNonNull(asOf, "asOf is null");
        return actionDue == null ? null : actionDue.isBefore(asOf);
    }
}
