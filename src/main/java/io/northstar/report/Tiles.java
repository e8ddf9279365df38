package io.northstar.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headline tiles of the summary page and the rules that colour them. The rules for the
 * figures SPEC.md gives a status for (strategy score, budget variance) come from the spec; the
 * others are Northstar's and are listed in docs/reports.md.
 */
public final class Tiles {
    public static final String GREEN = "green";
    public static final String AMBER = "amber";
    public static final String RED = "red";
    public static final String NONE = "none";

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

    /** ≥ 80 % of the active budget aligned is green, ≥ 60 % amber, else red. */
    public static String alignedBudget(Double share) {
        if (share == null) {
            return NONE;
        }
        return share >= 0.8 ? GREEN : share >= 0.6 ? AMBER : RED;
    }

    /** Red when a fifth or more of the projects are red; amber with any red or 30 % amber. */
    public static String portfolio(long green, long amber, long red) {
        long total = green + amber + red;
        if (total == 0) {
            return NONE;
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

    /** ≥ 95 % of services meeting their SLA is green, ≥ 85 % amber, else red. */
    public static String slaAttainment(Double share) {
        if (share == null) {
            return NONE;
        }
        return share >= 0.95 ? GREEN : share >= 0.85 ? AMBER : RED;
    }
}
