package io.northstar.output;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** How one value reads as text, the same in every format: ISO dates, plain decimals, lists joined. */
public final class Cells {
    private Cells() {
    }

    /** The value as text; null for null (each format shows null its own way). */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            // whole numbers without ".0", the rest as Java prints them (shortest exact form)
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number)
                    : Double.toString(number);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> item == null ? "" : text(item)).collect(Collectors.joining(","));
        }
        return value.toString();
    }

    /**
     * Text a spreadsheet opening the CSV will not run as a formula (CSV injection): a value that
     * starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, which
     * spreadsheets show as text. Numbers never pass through here, so -12 stays a number.
     */
    public static String spreadsheetSafe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
