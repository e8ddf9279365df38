package io.northstar.metrics.kpi;

/**
 * The SMART check of one KPI (SPEC.md §2.3). {@code achievable} is null when the attainment
 * probability is; a null counts as false in the score. Once a KPI's deadline has passed its
 * probability is the outcome, so a target met is achievable and one missed is not.
 */
public record KpiSmart(String kpiId, boolean specific, boolean measurable, Boolean achievable, boolean relevant,
        boolean timeBound, double smartScore) {

    public static KpiSmart of(Kpi kpi, KpiTrend trend, boolean relevant) {
        boolean specific = present(kpi.name()) && present(kpi.owner()) && present(kpi.objectiveId());
        boolean measurable = present(kpi.unit()) && kpi.baseline() != null && kpi.target() != null;
        Boolean achievable = trend.attainmentProbability() == null ? null : trend.attainmentProbability() >= 0.5;
        boolean timeBound = kpi.targetDate() != null;
        int passed = (specific ? 1 : 0) + (measurable ? 1 : 0) + (Boolean.TRUE.equals(achievable) ? 1 : 0)
                + (relevant ? 1 : 0) + (timeBound ? 1 : 0);
        return new KpiSmart(kpi.kpiId(), specific, measurable, achievable, relevant, timeBound, passed / 5.0);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
