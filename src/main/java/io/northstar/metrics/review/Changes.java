package io.northstar.metrics.review;

import java.util.List;
import java.util.Objects;

/**
 * How a value moved between two snapshots (SPEC.md §4.4): whether a change counts and whether
 * it is for the better. Statuses rank green over amber over red; risk bands rank low over
 * medium, high and critical; a cost estimate (EAC) that grows is worse.
 */
public final class Changes {
    /** The share an EAC must move by, strictly, to be reported. */
    public static final double EAC_THRESHOLD = 0.05;

    public static final String BETTER = "better";
    public static final String WORSE = "worse";
    public static final String NEUTRAL = "neutral";

    private static final List<String> STATUSES = List.of("red", "amber", "green");
    private static final List<String> BANDS = List.of("critical", "high", "medium", "low");

    private Changes() {
    }

    /** Whether a status or band differs, a value appearing or going away included. */
    public static boolean changed(String before, String after) {
        return !Objects.equals(before, after);
    }

    /** better, worse or neutral for a red/amber/green status; neutral when either side is unknown. */
    public static String statusDirection(String before, String after) {
        return direction(STATUSES, before, after);
    }

    /** A service's latest month against its availability target. */
    public static final String SLA_MET = "met";
    public static final String SLA_MISSED = "missed";

    /** worse when a service that met its target missed it, better the other way; neutral otherwise. */
    public static String slaDirection(String before, String after) {
        return direction(List.of(SLA_MISSED, SLA_MET), before, after);
    }

    /** better, worse or neutral for a risk band (critical is the worst). */
    public static String bandDirection(String before, String after) {
        return direction(BANDS, before, after);
    }

    /**
     * The relative move of an estimate at completion, (after − before) / before; null when
     * either is unknown or the earlier one is 0 (no base to compare with).
     */
    public static Double relativeMove(Double before, Double after) {
        if (before == null || after == null || before == 0) {
            return null;
        }
        return (after - before) / Math.abs(before);
    }

    /** More than 5 % either way. */
    public static boolean eacMoved(Double before, Double after) {
        Double move = relativeMove(before, after);
        return move != null && Math.abs(move) > EAC_THRESHOLD;
    }

    /** A cost estimate that grew is worse, one that shrank better. */
    public static String eacDirection(Double before, Double after) {
        Double move = relativeMove(before, after);
        return move == null || move == 0 ? NEUTRAL : move > 0 ? WORSE : BETTER;
    }

    /**
     * A KPI observation against the one before it: better when it moved the way the KPI's
     * direction wants (higher_is_better, lower_is_better), worse the other way, neutral when it
     * did not move or either side is unknown.
     */
    public static String observationDirection(String kpiDirection, Double before, Double after) {
        if (before == null || after == null || before.equals(after) || kpiDirection == null) {
            return NEUTRAL;
        }
        boolean rose = after > before;
        return rose == "higher_is_better".equals(kpiDirection) ? BETTER : WORSE;
    }

    private static String direction(List<String> worstFirst, String before, String after) {
        int from = before == null ? -1 : worstFirst.indexOf(before);
        int to = after == null ? -1 : worstFirst.indexOf(after);
        if (from < 0 || to < 0 || from == to) {
            return NEUTRAL;
        }
        return to > from ? BETTER : WORSE;
    }
}
