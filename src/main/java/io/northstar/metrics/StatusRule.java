package io.northstar.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Predicate;

/**
 * A rule of SPEC.md that picks projects or risks by their status, written once: its statuses,
 * tested here in plain Java and in Spark by {@code metrics.spark.StatusColumns}, built from the
 * same list. A null status matches no rule.
 *
 * @param name what the rule picks, for messages
 * @param statuses the statuses it accepts
 */
public record StatusRule(String name, List<String> statuses) implements Predicate<String> {
    /** The active portfolio (SPEC.md §2.5): projects approved, active or on hold. */
    public static final StatusRule ACTIVE_PORTFOLIO = new StatusRule("active portfolio",
            List.of("approved", "active", "on_hold"));

    /** Funded projects (SPEC.md §2.10): approved or active; proposed ones have no money yet. */
    public static final StatusRule FUNDED = new StatusRule("funded", List.of("approved", "active"));

    /** Open risks (SPEC.md §2.8): those still being worked, open or mitigating. */
    public static final StatusRule OPEN_RISK = new StatusRule("open risk", List.of("open", "mitigating"));

    public StatusRule {
        requireNonNull(name, "name is null");
        statuses = List.copyOf(statuses);
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("status rule " + name + " has no status");
        }
    }

    /** Whether the status is one the rule accepts; false for null. */
    @Override
    public boolean test(String status) {
        return status != null && statuses.contains(status);
    }
}
