package io.northstar.report;

import io.northstar.format.Amounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The headline tiles of the summary pages, worded from one row of executive_summary: each
 * tile's figure, line of detail and colour are that row's values, formatted, and its last line
 * says how the figure moved since the previous snapshot (that row's headline_changes). A tile
 * whose status is null (its table is absent from the snapshot) is left out.
 */
public final class Tiles {
    private Tiles() {
    }

    /** One tile: a label, a big value, a line of detail, its colour and how it moved. */
    public static Map<String, Object> tile(String label, String value, String detail, String rag, String change) {
        Map<String, Object> tile = new LinkedHashMap<>();
        tile.put("label", label);
        tile.put("value", value);
        tile.put("detail", detail);
        tile.put("rag", rag);
        tile.put("change", change);
        return tile;
    }

    /**
     * The six tiles of the executive scorecard, from the portfolio row and its headline_changes
     * rows by measure (empty when the snapshot has none).
     */
    public static List<Map<String, Object>> portfolio(Map<String, Object> summary,
            Map<String, Map<String, Object>> changes, String currency) {
        List<Map<String, Object>> tiles = new ArrayList<>();
        if (summary.get("strategy_status") != null) {
            Object aims = summary.get("corporate_aims_scored");
            tiles.add(tile("Strategy score", Amounts.percent(number(summary, "strategy_score")), "KPIs on target"
                    + " under " + aims + (Long.valueOf(1).equals(aims) ? " corporate aim" : " corporate aims")
                    + ", amber counting half", string(summary, "strategy_status"),
                    change(changes.get("strategy_score"), Amounts::percent)));
        }
        aligned(tiles, summary, changes, "of the active portfolio's budget serves an objective");
        budget(tiles, summary, changes, currency);
        projects(tiles, summary, changes);
        if (summary.get("risk_status") != null) {
            Double p90 = number(summary, "risk_p90");
            tiles.add(tile("Open risk", Amounts.money(currency, number(summary, "open_risk_emv")),
                    p90 == null ? "expected loss of the open risks" : "expected loss; 1-in-10 worst case "
                            + Amounts.money(currency, p90), string(summary, "risk_status"),
                    change(changes.get("open_risk_emv"), value -> Amounts.money(currency, value))));
        }
        if (summary.get("sla_status") != null) {
            tiles.add(tile("SLA attainment", Amounts.percent(number(summary, "sla_attainment")),
                    summary.get("services_sla_met") + " of " + summary.get("services_with_sla")
                            + " services met their availability target", string(summary, "sla_status"),
                    change(changes.get("sla_attainment"), Amounts::percent)));
        }
        return tiles;
    }

    /** The four tiles of a business unit's scorecard, from its row and its headline_changes rows. */
    public static List<Map<String, Object>> businessUnit(Map<String, Object> summary,
            Map<String, Map<String, Object>> changes, String currency) {
        List<Map<String, Object>> tiles = new ArrayList<>();
        budget(tiles, summary, changes, currency);
        aligned(tiles, summary, changes, "of the unit's active budget serves an objective");
        projects(tiles, summary, changes);
        if (summary.get("risk_status") != null) {
            tiles.add(tile("Open risk", Amounts.money(currency, number(summary, "open_risk_emv")),
                    "expected loss of the open risks on the unit's projects", string(summary, "risk_status"),
                    change(changes.get("open_risk_emv"), value -> Amounts.money(currency, value))));
        }
        return tiles;
    }

    /**
     * The company's headline figures that moved since the previous snapshot, for the review
     * pack's "what moved": "Headline figures since 2026-09-30: SLA attainment 97% → 83% (worse);
     * open risk EUR 12.1M → EUR 12.7M (worse)." Null on the first snapshot or when none moved
     * as far as its tile shows.
     *
     * @param changes headline_changes' portfolio rows by measure
     */
    public static String moves(Map<String, Map<String, Object>> changes, String currency) {
        Map<String, Function<Double, String>> formats = new LinkedHashMap<>();
        formats.put("strategy_score", Amounts::percent);
        formats.put("aligned_budget_share", Amounts::percent);
        formats.put("budget_variance_pct", Amounts::signedPercent);
        formats.put("projects_red", red -> String.format(Locale.ROOT, "%.0f", red));
        formats.put("open_risk_emv", value -> Amounts.money(currency, value));
        formats.put("sla_attainment", Amounts::percent);
        Map<String, String> labels = Map.of("strategy_score", "strategy score", "aligned_budget_share",
                "aligned budget", "budget_variance_pct", "budget to date", "projects_red", "red projects",
                "open_risk_emv", "open risk", "sla_attainment", "SLA attainment");
        List<String> moved = new ArrayList<>();
        Object since = null;
        for (Map.Entry<String, Function<Double, String>> measure : formats.entrySet()) {
            Map<String, Object> change = changes.get(measure.getKey());
            if (change == null || change.get("previous_as_of") == null || change.get("previous_value") == null
                    || change.get("value") == null) {
                continue;
            }
            String was = measure.getValue().apply(number(change, "previous_value"));
            String now = measure.getValue().apply(number(change, "value"));
            if (!was.equals(now)) {
                since = change.get("previous_as_of");
                moved.add(labels.get(measure.getKey()) + " " + was + " → " + now + " (" + change.get("direction")
                        + ")");
            }
        }
        return moved.isEmpty() ? null : "Headline figures since " + since + ": " + String.join("; ", moved) + ".";
    }

    /**
     * "▲ better, was 52% on 2026-09-30"; for the first snapshot "first snapshot: nothing to
     * compare with yet"; for a figure the previous snapshot lacked, "no figure on 2026-09-30".
     */
    static String change(Map<String, Object> change, Function<Double, String> format) {
        Object previousAsOf = change == null ? null : change.get("previous_as_of");
        if (previousAsOf == null) {
            return "first snapshot: nothing to compare with yet";
        }
        Double previous = number(change, "previous_value");
        if (previous == null) {
            return "no figure on " + previousAsOf;
        }
        String was = format.apply(previous);
        if (was.equals(format.apply(number(change, "value")))) {
            // a move too small to show would read "▲ better, was -0.7%" beside -0.7%
            return "no change since " + previousAsOf;
        }
        Double current = number(change, "value");
        String arrow = current > previous ? "▲ " : current < previous ? "▼ " : "";
        return arrow + change.get("direction") + ", was " + was + " on " + previousAsOf;
    }

    private static void aligned(List<Map<String, Object>> tiles, Map<String, Object> summary,
            Map<String, Map<String, Object>> changes, String detail) {
        if (summary.get("aligned_budget_status") != null) {
            tiles.add(tile("Aligned budget", Amounts.percent(number(summary, "aligned_budget_share")), detail,
                    string(summary, "aligned_budget_status"),
                    change(changes.get("aligned_budget_share"), Amounts::percent)));
        }
    }

    private static void budget(List<Map<String, Object>> tiles, Map<String, Object> summary,
            Map<String, Map<String, Object>> changes, String currency) {
        if (summary.get("budget_status") != null) {
            tiles.add(tile("Budget to date", Amounts.signedPercent(number(summary, "budget_variance_pct")),
                    Amounts.money(currency, number(summary, "actual_ytd")) + " spent against "
                            + Amounts.money(currency, number(summary, "plan_ytd")) + " planned",
                    string(summary, "budget_status"),
                    change(changes.get("budget_variance_pct"), Amounts::signedPercent)));
        }
    }

    private static void projects(List<Map<String, Object>> tiles, Map<String, Object> summary,
            Map<String, Map<String, Object>> changes) {
        if (summary.get("portfolio_status") != null) {
            tiles.add(tile("Project health", summary.get("projects_green") + " · " + summary.get("projects_amber")
                    + " · " + summary.get("projects_red"), "active projects on track · at risk · off track",
                    string(summary, "portfolio_status"), change(changes.get("projects_red"),
                            red -> String.format(Locale.ROOT, "%.0f off track", red))));
        }
    }

    private static Double number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static String string(Map<String, Object> row, String column) {
        return (String) row.get(column);
    }
}
