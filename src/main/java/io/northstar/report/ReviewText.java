package io.northstar.report;

import io.northstar.format.Amounts;
import java.util.Locale;

/**
 * The sentences of the review pack, from a row's figures: what a change was, and the case for
 * acting on an investment (what not acting costs a year and over the case's life).
 */
public final class ReviewText {
    private ReviewText() {
    }

    /**
     * A snake_case name (a dataset, a table) as words: "kpi_observations" → "KPI observations",
     * "budget_lines" → "Budget lines", "service_levels" → "Service levels".
     */
    public static String label(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String[] words = name.strip().split("_+");
        StringBuilder label = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            String shown = switch (word.toLowerCase(java.util.Locale.ROOT)) {
                case "kpi", "kpis" -> word.length() == 3 ? "KPI" : "KPIs";
                case "sla" -> "SLA";
                case "it" -> "IT";
                case "swot" -> "SWOT";
                default -> word.toLowerCase(java.util.Locale.ROOT);
            };
            label.append(label.length() == 0 ? "" : " ").append(shown);
        }
        return label.isEmpty() ? name : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /**
     * Where a derived SWOT line comes from, in words: "kpi_status" → "from the KPI statuses";
     * another table by its words ("from the asset refresh figures").
     */
    public static String derivedFrom(String table) {
        return switch (table) {
            case "kpi_status" -> "from the KPI statuses";
            case "project_health" -> "from the project health";
            case "business_case" -> "from the business cases";
            case "priority" -> "from the project ranking";
            case "risk_exposure" -> "from the risk register";
            case "service_health" -> "from the service levels";
            case "objective_scorecard" -> "from the objective scores";
            default -> "from the " + label(table).toLowerCase(java.util.Locale.ROOT).replace("kpi", "KPI") + " figures";
        };
    }

    /** What kind of thing moved, as a reader says it. */
    public static String entity(String entityType) {
        return switch (entityType) {
            case "kpi" -> "KPI";
            case "budget_line" -> "Budget line";
            default -> Character.toUpperCase(entityType.charAt(0)) + entityType.substring(1).replace('_', ' ');
        };
    }

    /**
     * A changed item's name with, on a line of its own in grey, what its owner says about it now
     * (the current comment of commentary_status), as Jasper styled text: the data's own markup
     * characters are escaped so a name can never open a tag.
     */
    public static String nameAndWhy(String name, String why) {
        String shown = styledEscape(name == null ? "" : name);
        return why == null || why.isBlank() ? shown
                : shown + "\n<style forecolor=\"#5F6B7A\" isItalic=\"true\">“" + styledEscape(why) + "”</style>";
    }

    private static String styledEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * How it moved: "amber → red", "EAC +7.2% (EUR 7.9M → EUR 8.5M)", "new (open)", "closed
     * (was mitigating)", "band high → critical".
     */
    public static String change(String change, String before, String after, Double relativeMove, String currency) {
        return change(change, before, after, relativeMove, currency, null, null);
    }

    /**
     * {@link #change(String, String, String, Double, String)}, and the moves of recent_moves: "45.7 %
     * → 28.9 % since 2026-09-30", "new risk (critical), identified 2026-10-12".
     */
    public static String change(String change, String before, String after, Double relativeMove, String currency,
            String unit, Object since) {
        return switch (change) {
            case "latest_observation" -> Amounts.number(parse(before), unit) + " → " + Amounts.number(parse(after),
                    unit) + " since " + since;
            case "identified" -> "new risk" + (after == null ? "" : " (" + after + ")") + ", identified " + since;
            case "eac_moved" -> "EAC " + Amounts.signedPercent(relativeMove) + " (" + Amounts.money(currency,
                    parse(before)) + " → " + Amounts.money(currency, parse(after)) + ")";
            case "new" -> "new risk" + (after == null ? "" : " (" + after + ")");
            case "closed" -> "closed" + (before == null ? "" : " (was " + before + ")");
            case "removed" -> "no longer in the register" + (before == null ? "" : " (was " + before + ")");
            case "band_changed" -> "band " + orNone(before) + " → " + orNone(after);
            case "health_changed" -> "health " + orNone(before) + " → " + orNone(after);
            case "sla_changed" -> "availability target " + orNone(before) + " → " + orNone(after);
            default -> orNone(before) + " → " + orNone(after);
        };
    }

    /**
     * The case for acting on one investment: its open risks' yearly expected loss, that loss's
     * present value over the case's years (risk-adjusted NPV − NPV), and the NPV it turns into.
     * The title is shown as a name inside a sentence ({@link DisplayText#NAME_LENGTH}), so a long
     * one leaves the sentence whole. The section's note says that the project's own delivery risks
     * count, as SPEC.md §4.1 has it, so a board does not read them as risks the investment removes.
     */
    public static String caseForActing(String title, int risks, double costOfInaction, int years, double npv,
            double riskAdjustedNpv, String currency) {
        String sentence = String.format(Locale.ROOT, "%s: %d open %s of the project or its objective would cost an"
                        + " expected %s a year if nothing is done, %s in today's money over %d %s; counted in, the NPV"
                        + " of %s becomes %s.",
                DisplayText.name(title, DisplayText.NAME_LENGTH), risks, risks == 1 ? "risk" : "risks",
                Amounts.money(currency, costOfInaction),
                Amounts.money(currency, riskAdjustedNpv - npv), years, years == 1 ? "year" : "years",
                Amounts.money(currency, npv), Amounts.money(currency, riskAdjustedNpv));
        return DisplayText.amountsKeptWhole(sentence);
    }

    /** The backlog in one sentence: what is past its lifecycle, what falls due, and their share of the estate. */
    public static String refreshSummary(double costPast, double costDue, double replacementCost, String currency) {
        String share = replacementCost > 0 ? ": " + Amounts.percent((costPast + costDue) / replacementCost)
                + " of the estate's " + Amounts.money(currency, replacementCost) + " replacement value" : "";
        return Amounts.money(currency, costPast) + " of assets are past their lifecycle and " + Amounts.money(currency,
                costDue) + " fall due within 12 months" + share + ".";
    }

    /**
     * The parameters a subreport gets, with one more: lets one template serve the four SWOT
     * quadrants, each told which it is.
     */
    public static java.util.Map<String, Object> with(java.util.Map<String, Object> parameters, String name,
            Object value) {
        java.util.Map<String, Object> copy = new java.util.HashMap<>(parameters);
        copy.put(name, value);
        return copy;
    }

    /** A SWOT quadrant's heading: "strength" → "Strengths". */
    public static String quadrantTitle(String type) {
        return switch (type) {
            case "strength" -> "Strengths";
            case "weakness" -> "Weaknesses";
            case "opportunity" -> "Opportunities";
            case "threat" -> "Threats";
            default -> throw new IllegalArgumentException("not a SWOT type: " + type);
        };
    }

    private static Double parse(String amount) {
        return amount == null ? null : Double.valueOf(amount);
    }

    private static String orNone(String value) {
        return value == null ? "none" : value.replace('_', ' ');
    }
}
