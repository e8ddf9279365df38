package io.northstar.metrics.commentary;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One kept commentary row of an entity (SPEC.md §4.5), the entity itself left out: the rules
 * only compare comments of one entity.
 */
public record Comment(LocalDate periodEnd, String comment, String author, String action, String actionOwner,
        LocalDate actionDue, boolean decisionNeeded) {

    public Comment {
        requireNonNull(periodEnd, "periodEnd is null");
        requireNonNull(comment, "comment is null");
    }
}
