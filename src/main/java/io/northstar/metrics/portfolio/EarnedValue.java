package io.northstar.metrics.portfolio;

/**
 * Earned-value health of one project from its latest status row (SPEC.md §2.6). Ratios and
 * derived amounts are null where their denominator is zero.
 */
public record EarnedValue(
        double bac,
        double pv,
        double ev,
        double ac,
        double cv,
        double sv,
        Double cpi,
        Double spi,
        double eac,
        double etc,
        double vac,
        Double tcpi,
        Double costVariancePct,
        Double scheduleVariancePct,
        String costRag,
        String scheduleRag,
        String health) {

    public static final String GREEN = "green";
    public static final String AMBER = "amber";
    public static final String RED = "red";
    public static final String NO_DATA = "no_data";

    /** CV, SV, CPI, SPI, EAC, ETC, VAC, TCPI, variance percentages and RAG from BAC, PV, EV, AC. */
    public static EarnedValue of(double bac, double pv, double ev, double ac) {
        Double cpi = ac == 0 ? null : ev / ac;
        Double spi = pv == 0 ? null : ev / pv;
        double eac = cpi == null || cpi == 0 ? ac + (bac - ev) : bac / cpi;
        Double tcpi = bac <= ac ? null : (bac - ev) / (bac - ac);
        Double costPct = ev == 0 ? null : (ev - ac) / ev;
        Double schedulePct = pv == 0 ? null : (ev - pv) / pv;
        String costRag = rag(costPct);
        String scheduleRag = rag(schedulePct);
        return new EarnedValue(bac, pv, ev, ac, ev - ac, ev - pv, cpi, spi, eac, eac - ac, bac - eac, tcpi, costPct,
                schedulePct, costRag, scheduleRag, worse(costRag, scheduleRag));
    }

    /** From the absolute variance: below 10 % green, below 30 % amber, else red; null is no_data. */
    public static String rag(Double variancePct) {
        if (variancePct == null) {
            return NO_DATA;
        }
        double size = Math.abs(variancePct);
        if (size < 0.10) {
            return GREEN;
        }
        return size < 0.30 ? AMBER : RED;
    }

    /** The worse of two RAG values; no_data only when both are. */
    public static String worse(String first, String second) {
        return severity(first) >= severity(second) ? first : second;
    }

    private static int severity(String rag) {
        return switch (rag) {
            case RED -> 3;
            case AMBER -> 2;
            case GREEN -> 1;
            default -> 0;
        };
    }
}
