package io.northstar.metrics.summary;

/**
 * How the headline figures of executive_summary are coloured. SPEC.md gives no band for these
 * four, so the bands are Northstar's, listed in docs/metrics.md; a figure with nothing to
 * judge is {@code no_data}, like every other status.
 */
public final class HeadlineRules {
    public static final String GREEN = "green";
    public static final String AMBER = "amber";
    public static final String RED = "red";
    public static final String NO_DATA = "no_data";

    private HeadlineRules() {
    }

    /** ≥ 80 % of the active budget aligned is green, ≥ 60 % amber, else red. */
    public static String alignedBudget(Double share) {
        if (share == null) {
            return NO_DATA;
        }
        return share >= 0.8 ? GREEN : share >= 0.6 ? AMBER : RED;
    }

    /**
     * Red when a fifth or more of the projects with a health are red; amber with any red or
     * 30 % amber; no project with a health is no_data.
     */
    public static String portfolio(long green, long amber, long red) {
        if (green < 0 || amber < 0 || red < 0) {
            throw new IllegalArgumentException("project counts must not be negative: " + green + ", " + amber + ", "
                    + red);
        }
        long total = green + amber + red;
        if (total == 0) {
            return NO_DATA;
        }
        if (red * 5 >= total) {
            return RED;
        }
        return red > 0 || amber * 10 >= total * 3 ? AMBER : GREEN;
    }

    /** Red with any critical open risk, amber with any high one, else green. */
    public static String riskExposure(long criticalOpen, long highOpen) {
        if (criticalOpen > 0) {
            return RED;
        }
        return highOpen > 0 ? AMBER : GREEN;
    }

    /** The smallest over-spend the pages print as over plan (+0.1%); below it they print 0.0%. */
    static final double SHOWN_AS_OVER = 0.0005;

    /**
     * The budget tile's colour: budget_variance's status (SPEC.md §2.7, from |variance_pct|),
     * except that spending more than planned, by as much as the pages print (+0.1%), is never
     * green; a board reads green as "no action", and an over-spend within 5 % still wants a look.
     * Less than that prints as 0.0% and stays green, so the chip never contradicts its figure.
     */
    public static String budget(String varianceStatus, Double variancePct) {
        if (GREEN.equals(varianceStatus) && variancePct != null && variancePct >= SHOWN_AS_OVER) {
            return AMBER;
        }
        return varianceStatus;
    }

    /** ≥ 95 % of services meeting their SLA is green, ≥ 85 % amber, else red. */
    public static String slaAttainment(Double share) {
        if (share == null) {
            return NO_DATA;
        }
        return share >= 0.95 ? GREEN : share >= 0.85 ? AMBER : RED;
    }
}
