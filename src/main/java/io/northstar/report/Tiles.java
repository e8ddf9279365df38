package io.northstar.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline tiles of the summary pages, worded from one row of executive_summary: each
 * tile's figure, line of detail and colour are that row's values, formatted. A tile whose
 * status is null (its table is absent from the snapshot) is left out.
 */
public final class Tiles {
    private Tiles() {
    }

    /** One tile: a label, a big value, a line of detail and its colour. */
    public static Map<String, Object> tile(String label, String value, String detail, String rag) {
        Map<String, Object> tile = new LinkedHashMap<>();
        tile.put("label", label);
        tile.put("value", value);
        tile.put("detail", detail);
        tile.put("rag", rag);
        return tile;
    }

    /** The six tiles of the executive scorecard, from the portfolio row. */
    public static List<Map<String, Object>> portfolio(Map<String, Object> summary, String currency) {
        List<Map<String, Object>> tiles = new ArrayList<>();
        if (summary.get("strategy_status") != null) {
            tiles.add(tile("Strategy score", Amounts.percent(number(summary, "strategy_score")), "weighted over "
                    + summary.get("corporate_aims_scored") + " corporate aims", string(summary, "strategy_status")));
        }
        aligned(tiles, summary, "of the active portfolio's budget serves an objective");
        budget(tiles, summary, currency);
        projects(tiles, summary);
        if (summary.get("risk_status") != null) {
            Double p90 = number(summary, "risk_p90");
            tiles.add(tile("Open risk exposure", Amounts.money(currency, number(summary, "open_risk_emv")),
                    p90 == null ? "no simulation" : "simulated P90 " + Amounts.money(currency, p90),
                    string(summary, "risk_status")));
        }
        if (summary.get("sla_status") != null) {
            tiles.add(tile("SLA attainment", Amounts.percent(number(summary, "sla_attainment")),
                    summary.get("services_sla_met") + " of " + summary.get("services_with_sla")
                            + " services met their target", string(summary, "sla_status")));
        }
        return tiles;
    }

    /** The four tiles of a business unit's scorecard, from its row. */
    public static List<Map<String, Object>> businessUnit(Map<String, Object> summary, String currency) {
        List<Map<String, Object>> tiles = new ArrayList<>();
        budget(tiles, summary, currency);
        aligned(tiles, summary, "of the unit's active budget serves an objective");
        projects(tiles, summary);
        if (summary.get("risk_status") != null) {
            tiles.add(tile("Open risk exposure", Amounts.money(currency, number(summary, "open_risk_emv")),
                    "expected loss of the unit's open risks", string(summary, "risk_status")));
        }
        return tiles;
    }

    private static void aligned(List<Map<String, Object>> tiles, Map<String, Object> summary, String detail) {
        if (summary.get("aligned_budget_status") != null) {
            tiles.add(tile("Aligned budget", Amounts.percent(number(summary, "aligned_budget_share")), detail,
                    string(summary, "aligned_budget_status")));
        }
    }

    private static void budget(List<Map<String, Object>> tiles, Map<String, Object> summary, String currency) {
        if (summary.get("budget_status") != null) {
            tiles.add(tile("YTD budget variance", Amounts.signedPercent(number(summary, "budget_variance_pct")),
                    Amounts.money(currency, number(summary, "actual_ytd")) + " spent against "
                            + Amounts.abbreviate(number(summary, "plan_ytd")) + " planned",
                    string(summary, "budget_status")));
        }
    }

    private static void projects(List<Map<String, Object>> tiles, Map<String, Object> summary) {
        if (summary.get("portfolio_status") != null) {
            tiles.add(tile("Portfolio health", summary.get("projects_green") + " · " + summary.get("projects_amber")
                    + " · " + summary.get("projects_red"), "projects green · amber · red",
                    string(summary, "portfolio_status")));
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
