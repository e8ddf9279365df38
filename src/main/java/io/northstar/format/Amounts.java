package io.northstar.format;

import java.util.Locale;

/** Numbers as executives read them on a tile: 12.7M, 850k, +4.6%, 83%. */
public final class Amounts {
    /** A unit that is a currency code: a KPI measured in money reads as money, EUR 181, not 181 EUR. */
    private static final java.util.regex.Pattern CURRENCY_CODE = java.util.regex.Pattern.compile("[A-Z]{3}");
    /** Units as written in a CSV, as they are printed. */
    private static final java.util.Map<String, String> PRINTED_UNITS = java.util.Map.of("m2", "m²", "m3", "m³",
            "km2", "km²");

    private Amounts() {
    }

    /** A money amount with its currency, abbreviated: EUR 12.7M, EUR 850k, EUR 920. */
    public static String money(String currency, Double amount) {
        if (amount == null) {
            return "no data";
        }
        return currency + " " + abbreviate(amount);
    }

    /**
     * An amount in three significant digits, so neighbouring rows stay distinguishable and two
     * amounts side by side are rounded alike (EUR 37.6M against EUR 36.0M, not 36M, which reads as
     * a different gap): 1,687,000 → 1.69M, 12,700,000 → 12.7M, 36,000,000 → 36.0M, 850,000 → 850k,
     * 8,792 → 8.79k, 920 → 920.
     */
    public static String abbreviate(Double amount) {
        if (amount == null) {
            return "no data";
        }
        double size = Math.abs(amount);
        // scaled in decimal, so a half (9,895,000 → 9.895) rounds up as written rather than as its binary neighbour
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(amount);
        if (size >= 999.5e6) {
            return significant(exact.movePointLeft(9)) + "bn";
        }
        if (size >= 999.5e3) {
            return significant(exact.movePointLeft(6)) + "M";
        }
        if (size >= 999.5) {
            return significant(exact.movePointLeft(3)) + "k";
        }
        return String.format(Locale.ROOT, "%.0f", amount);
    }

    /** Three significant digits of a value between 1 and 1,000 (sign kept), trailing zeros included. */
    private static String significant(java.math.BigDecimal value) {
        java.math.BigDecimal rounded = value.round(new java.math.MathContext(3, java.math.RoundingMode.HALF_UP));
        int wholeDigits = rounded.precision() - rounded.scale();
        return rounded.setScale(Math.max(0, 3 - wholeDigits)).toPlainString();
    }

    /**
     * A KPI value with its unit: 1,234.5%, 99.95 ms; a unit "%" is written against the number,
     * a unit "count" not at all (169, not 169 count). Up to two decimals, none when the value is whole.
     */
    public static String number(Double value, String unit) {
        return number(value, unit, 2, false);
    }

    /**
     * A KPI value with its unit and exactly the decimals its observations have
     * (kpi_status.value_decimals; null: up to two): 47.94 depots with 0 decimals → 48 depots.
     */
    public static String number(Double value, String unit, Integer decimals) {
        return decimals == null ? number(value, unit) : number(value, unit, decimals, true);
    }

    private static String number(Double value, String unit, int decimals, boolean exact) {
        if (value == null) {
            return "no data";
        }
        String digits = "0".repeat(Math.max(0, Math.min(decimals, 6)));
        String pattern = "#,##0" + (digits.isEmpty() ? "" : "." + (exact ? digits : digits.replace('0', '#')));
        java.text.DecimalFormat format = new java.text.DecimalFormat(pattern,
                java.text.DecimalFormatSymbols.getInstance(Locale.UK));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        String text = format.format(value);
        if ("-0".equals(text) || text.matches("-0\\.0+")) {
            text = text.substring(1);
        }
        String trimmed = unit == null ? "" : unit.strip();
        if (trimmed.isEmpty() || "count".equalsIgnoreCase(trimmed)) {
            return text;
        }
        if ("%".equals(trimmed)) {
            return text + "%";
        }
        if (unitLeads(trimmed)) {
            return trimmed + " " + text;
        }
        return text + " " + PRINTED_UNITS.getOrDefault(trimmed, trimmed);
    }

    /** Whether the unit is printed before the figure (a currency code: EUR 181) rather than after it. */
    public static boolean unitLeads(String unit) {
        return unit != null && CURRENCY_CODE.matcher(unit.strip()).matches();
    }

    /**
     * How likely a KPI is to reach its target, never an impossible certainty: a trend forecast is
     * a model, so 0.998 reads "over 99%" and 0.002 "under 1%".
     */
    public static String likelihood(Double probability) {
        if (probability == null) {
            return "no data";
        }
        if (probability >= 0.995) {
            return "over 99%";
        }
        return probability < 0.005 ? "under 1%" : percent(probability);
    }

    /**
     * The simulated loss in one line for the risk page: the portfolio's P50, P80, P90 and P95 in words.
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
                return "In " + number(value(row, "trials"), null) + " simulated years, the loss from open risks"
                        + " stays under " + money(currency, value(row, "p50")) + " half the time, under "
                        + money(currency, value(row, "p80")) + " four times in five, under "
                        + money(currency, value(row, "p90")) + " nine times in ten and under "
                        + money(currency, value(row, "p95")) + " 19 times in 20 (average "
                        + money(currency, value(row, "mean")) + ").";
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

    /** A fraction as a percentage with one decimal, for close values side by side: 0.1334 → 13.3%. */
    public static String percent1(Double fraction) {
        return fraction == null ? "no data" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /**
     * A signed fraction as a percentage with one decimal: 0.046 → +4.6%; one that rounds to zero
     * is 0.0%, never "+0.0%" or "-0.0%", which read as a move that is not there.
     */
    public static String signedPercent(Double fraction) {
        if (fraction == null) {
            return "no data";
        }
        return Math.abs(fraction * 1000) < 0.5 ? "0.0%" : String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }
}
