package io.northstar.report;

import io.northstar.format.Amounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sentences of the executive scorecard's pages that put a figure in context. */
public final class PageText {
    /** Herfindahl–Hirschman thresholds, in points of 10,000: below the first, spend is spread out. */
    static final double MODERATE_CONCENTRATION = 1_500;
    static final double HIGH_CONCENTRATION = 2_500;

    private PageText() {
    }

    /**
     * How the company's open risk splits between the business units and the group, so the unit
     * scorecards' risk tiles reconcile with page 1: "Of EUR 12.7M of open risk, EUR 9.06M sits with
     * the business units' projects (Freight EUR 2.24M, …) and EUR 3.64M is group-level risk on no
     * project; each unit's scorecard counts only its own."
     *
     * @param units each unit's open_risk_emv, in the order to name them (largest first)
     * @return null without a company total
     */
    public static String riskByUnit(Double total, Map<String, Double> units, String currency) {
        if (total == null || total <= 0) {
            return null;
        }
        double onUnits = 0;
        List<String> named = new ArrayList<>();
        for (Map.Entry<String, Double> unit : units.entrySet()) {
            if (unit.getValue() != null && unit.getValue() > 0) {
                onUnits += unit.getValue();
                named.add(unit.getKey() + " " + Amounts.money(currency, unit.getValue()));
            }
        }
        String of = "Of " + Amounts.money(currency, total) + " of open risk, ";
        if (named.isEmpty()) {
            return of + "none sits with a business unit's projects: it is all group-level risk.";
        }
        double groupLevel = total - onUnits;
        String units1 = Amounts.money(currency, onUnits) + " sits with the business units' projects ("
                + String.join(", ", named) + ")";
        // a remainder under half a unit of currency is rounding, not group-level risk
        if (groupLevel < 0.5) {
            return of + "all of it, " + units1 + "; each unit's scorecard counts its own.";
        }
        return of + units1 + " and " + Amounts.money(currency, groupLevel)
                + " is group-level risk on no project; each unit's scorecard counts only its own.";
    }

    /** Below this likelihood a KPI's trend is more likely to miss its target than reach it. */
    private static final double EVEN_ODDS = 0.5;

    /**
     * The vendor concentration in words: "Spend is spread across vendors: concentration index (HHI)
     * 956 points (below 1,500 points: unconcentrated; above 2,500 points: highly concentrated)."
     */
    public static String vendorConcentration(Double hhi) {
        if (hhi == null) {
            return "No vendor is named on this year's budget lines.";
        }
        String verdict = hhi > HIGH_CONCENTRATION ? "Spend is highly concentrated on a few vendors"
                : hhi >= MODERATE_CONCENTRATION ? "Spend is moderately concentrated on a few vendors"
                : "Spend is spread across vendors";
        return verdict + ": concentration index (HHI) " + String.format(Locale.UK, "%,d", Math.round(hhi))
                + " points (below 1,500 points: unconcentrated; above 2,500 points: highly concentrated).";
    }

    /**
     * A KPI's outlook on the KPI page: "Forecast 73.2% (72.4 to 74.1%) · 1% likely to reach the
     * target". A range that collapses to one value (a trend clamped at the KPI's bound) is not
     * printed as "100.0 to 100.0%"; a settled deadline says met or missed instead. Where today's
     * status and the trend disagree (green today, but under even odds of reaching the target; or
     * behind today with a trend that catches up) the line says so, so the chip and the odds do not
     * read as a contradiction.
     */
    public static String kpiForecast(Boolean deadlinePassed, Double target, Double forecast, Double low, Double high,
            Double probability, String unit, Integer decimals, String status) {
        if (Boolean.TRUE.equals(deadlinePassed)) {
            return "Deadline passed: " + (probability == null ? (target == null ? "no target" : "no observation by then")
                    : probability >= 1 ? "met" : "missed");
        }
        if (forecast == null) {
            return "No forecast (needs a target date and three observations)";
        }
        String lowText = Amounts.number(low, null, decimals);
        String range = low == null || high == null ? ""
                : lowText.equals(Amounts.number(high, null, decimals)) ? " (the trend reaches the limit of the measure)"
                // a unit printed before the figure (EUR 181) goes on both ends
                : " (" + (Amounts.unitLeads(unit) ? Amounts.number(low, unit, decimals) : lowText) + " to "
                        + Amounts.number(high, unit, decimals) + ")";
        return "Forecast " + Amounts.number(forecast, unit, decimals) + range
                + (probability == null ? "" : " · " + Amounts.likelihood(probability) + " likely to reach the target"
                        + todayAgainstTrend(status, probability));
    }

    private static String todayAgainstTrend(String status, double probability) {
        if ("green".equals(status) && probability < EVEN_ODDS) {
            return ": on its path today, but the trend falls short";
        }
        boolean behind = "amber".equals(status) || "red".equals(status);
        return behind && probability >= EVEN_ODDS ? ": behind its path today, but the trend catches up" : "";
    }

    /** An approved project that has not started, as the portfolio page names it. */
    public record NotStarted(String name, String businessUnit, java.time.LocalDate start) {
        public NotStarted {
            java.util.Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The active-portfolio projects the earned-value table cannot list because they have no status
     * row yet (approved, not started), so a risk or a ranking that names one finds it here: "Not
     * listed: 9 approved projects (EUR 9.21M) that have not started, so have no progress to report:
     * Laptop refresh 2027 (Group Functions, from Nov 2026), …".
     *
     * @param first the first few, in the order to name them; {@code count} may be larger
     * @return null when there are none
     */
    public static String notStarted(long count, Double budget, List<NotStarted> first, String currency) {
        if (count <= 0) {
            return null;
        }
        List<String> named = new ArrayList<>();
        java.time.format.DateTimeFormatter month = java.time.format.DateTimeFormatter.ofPattern("MMM yyyy",
                Locale.ENGLISH);
        for (NotStarted project : first) {
            List<String> about = new ArrayList<>();
            if (project.businessUnit() != null) {
                about.add(project.businessUnit());
            }
            if (project.start() != null) {
                about.add("from " + project.start().format(month));
            }
            named.add(project.name() + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")"));
        }
        long more = count - named.size();
        return "Not listed: " + (count == 1 ? "one approved project" : count + " approved projects")
                + (budget == null ? "" : " (" + Amounts.money(currency, budget) + ")") + " that "
                + (count == 1 ? "has" : "have") + " not started, so no progress to report yet: "
                + String.join(", ", named) + (more > 0 ? " and " + more + " more" : "") + ".";
    }

    /** A project by name with an amount, as a sentence names it. */
    public record NamedAmount(String name, double amount) {
        public NamedAmount {
            java.util.Objects.requireNonNull(name, "name");
        }
    }

    /**
     * How the portfolio table's variance column reconciles with page 1's forecast overrun: the
     * column lists a programme and its projects, page 1 counts the programme once. "The Variance
     * column adds up to EUR -5.38M, overruns net of underspends; page 1's forecast overrun of EUR
     * 4.58M leaves out Data centre exit, wave 2 (EUR -797k), whose money is in its programme's row."
     *
     * @param overrun page 1's figure, projects_eac − projects_bac (positive when over)
     * @param inProgrammes the listed projects whose programme is listed too
     * @return null without an overrun to reconcile
     */
    public static String portfolioReconciliation(double columnSum, Double overrun, List<NamedAmount> inProgrammes,
            String currency) {
        if (overrun == null) {
            return null;
        }
        String sum = "The Variance column adds up to " + Amounts.money(currency, columnSum)
                + ", overruns net of underspends";
        String pageOne = Amounts.money(currency, Math.abs(overrun));
        if (inProgrammes.isEmpty()) {
            return sum + ": page 1's forecast " + (overrun >= 0 ? "overrun" : "underspend") + " of " + pageOne + ".";
        }
        List<String> named = inProgrammes.stream()
                .map(project -> project.name() + " (" + Amounts.money(currency, project.amount()) + ")").toList();
        return sum + "; page 1's forecast " + (overrun >= 0 ? "overrun" : "underspend") + " of " + pageOne
                + " leaves out " + String.join(", ", named) + ", whose money is in "
                + (inProgrammes.size() == 1 ? "its programme's row." : "their programmes' rows.");
    }
}
