package io.northstar.report;

import java.util.Locale;

/** Numbers as executives read them on a tile: 12.7M, 850k, +4.6%, 83%. */
public final class Amounts {
    private Amounts() {
    }

    /** A money amount with its currency, abbreviated: EUR 12.7M, EUR 850k, EUR 920. */
    public static String money(String currency, Double amount) {
        if (amount == null) {
            return "no data";
        }
        return currency + " " + abbreviate(amount);
    }

    public static String abbreviate(Double amount) {
        if (amount == null) {
            return "no data";
        }
        double size = Math.abs(amount);
        if (size >= 1e9) {
            return String.format(Locale.ROOT, "%.1fbn", amount / 1e9);
        }
        if (size >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", amount / 1e6);
        }
        if (size >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", amount / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", amount);
    }

    /**
     * A KPI value with its unit: 1,234.5 %, 99.95 ms; a unit "%" or currency-like code is
     * kept short. Up to two decimals, none when the value is whole.
     */
    public static String number(Double value, String unit) {
        if (value == null) {
            return "no data";
        }
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.##",
                java.text.DecimalFormatSymbols.getInstance(Locale.UK));
        String text = format.format(value);
        if (unit == null || unit.isBlank()) {
            return text;
        }
        return "%".equals(unit) ? text + " %" : text + " " + unit;
    }

    /**
     * The simulated loss in one line for the risk page: the portfolio's P50, P80, P90 and P95.
     *
     * @param simulation rows of risk_simulation as maps; the portfolio row has scope "portfolio"
     */
    public static String simulationLine(java.util.Collection<?> simulation, String currency) {
        if (simulation == null) {
            return "No simulation in this snapshot.";
        }
        for (Object item : simulation) {
            java.util.Map<?, ?> row = (java.util.Map<?, ?>) item;
            if ("portfolio".equals(row.get("scope"))) {
                return "Portfolio loss over " + number(value(row, "trials"), null) + " trials: P50 "
                        + money(currency, value(row, "p50")) + ", P80 " + abbreviate(value(row, "p80")) + ", P90 "
                        + abbreviate(value(row, "p90")) + ", P95 " + abbreviate(value(row, "p95")) + " (mean "
                        + abbreviate(value(row, "mean")) + ").";
            }
        }
        return "No open risk has a cost range.";
    }

    private static Double value(java.util.Map<?, ?> row, String key) {
        Object value = row.get(key);
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** A fraction as a percentage: 0.834 → 83%. */
    public static String percent(Double fraction) {
        return fraction == null ? "no data" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** A signed fraction as a percentage with one decimal: 0.046 → +4.6%. */
    public static String signedPercent(Double fraction) {
        return fraction == null ? "no data" : String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }
}
