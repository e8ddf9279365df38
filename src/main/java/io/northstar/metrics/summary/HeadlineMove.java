package io.northstar.metrics.summary;

import java.util.Arrays;
import java.util.List;

/**
 * Which way a headline figure moved since the previous snapshot, for the arrow beside its tile.
 * Each tile's big figure is one measure of executive_summary, and each measure knows which way
 * is better: a higher strategy score, aligned share or SLA attainment; fewer red projects and
 * less open risk; a budget variance nearer zero (an under-spend is a planning miss too).
 */
public final class HeadlineMove {
    public static final String BETTER = "better";
    public static final String WORSE = "worse";
    public static final String UNCHANGED = "unchanged";
    /** No figure in the previous snapshot (or no previous snapshot) to compare with. */
    public static final String NOT_COMPARABLE = "not_comparable";

    /** Moves smaller than this are noise from decimal sums, not a change. */
    private static final double SAME = 1e-9;

    /** The measures a tile shows, by their executive_summary column. */
    public enum Measure {
        STRATEGY_SCORE("strategy_score", Better.HIGHER),
        ALIGNED_BUDGET_SHARE("aligned_budget_share", Better.HIGHER),
        BUDGET_VARIANCE_PCT("budget_variance_pct", Better.NEARER_ZERO),
        PROJECTS_RED("projects_red", Better.LOWER),
        OPEN_RISK_EMV("open_risk_emv", Better.LOWER),
        SLA_ATTAINMENT("sla_attainment", Better.HIGHER);

        private final String column;
        private final Better better;

        Measure(String column, Better better) {
            this.column = column;
            this.better = better;
        }

        public String column() {
            return column;
        }

        public static List<String> columns() {
            return Arrays.stream(values()).map(Measure::column).toList();
        }

        public static Measure ofColumn(String column) {
            return Arrays.stream(values()).filter(measure -> measure.column.equals(column)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no headline measure " + column));
        }
    }

    private enum Better {
        HIGHER, LOWER, NEARER_ZERO
    }

    private HeadlineMove() {
    }

    /** better, worse, unchanged, or not_comparable when either figure is missing. */
    public static String direction(String measure, Double previous, Double current) {
        if (previous == null || current == null) {
            return NOT_COMPARABLE;
        }
        Better better = Measure.ofColumn(measure).better;
        double before = better == Better.NEARER_ZERO ? Math.abs(previous) : previous;
        double now = better == Better.NEARER_ZERO ? Math.abs(current) : current;
        if (Math.abs(now - before) < SAME) {
            return UNCHANGED;
        }
        boolean rose = now > before;
        return rose == (better == Better.HIGHER) ? BETTER : WORSE;
    }
}
