package io.northstar.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Parses one trimmed, non-blank cell into the Java value stored in the conformed table:
 * String for ID, TEXT, ENUM and PERIOD; LocalDate for DATE; BigDecimal (scale 2) for MONEY;
 * Double for NUM; Integer for INT; Boolean for BOOL. Stricter than the JDK parsers on purpose: no hex floats,
 * no "1d", no NaN, no thousands separators, no 5-digit years.
 */
final class ValueParsers {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    /**
     * RFC 5322 addr-spec: a dot-atom or quoted-string local part, and a dot-atom domain or a
     * domain literal ([192.0.2.1]); a quoted local part may hold spaces ("john doe"), and the
     * obsolete forms (comments, folded lines) are refused.
     */
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    private static final String DOT_ATOM = ATEXT + "+(\\." + ATEXT + "+)*";
    private static final String QUOTED = "\"([\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\x20-\\x7E])*\"";
    private static final String DOMAIN_LITERAL = "\\[[\\x21-\\x5A\\x5E-\\x7E]*\\]";
    private static final Pattern ADDR_SPEC = Pattern.compile("(" + DOT_ATOM + "|" + QUOTED + ")@(" + DOT_ATOM + "|"
            + DOMAIN_LITERAL + ")");
    /** RFC 5321's limits: 64 octets of local part, 254 of path. */
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_ADDRESS = 254;
    private static final int MONEY_PRECISION = 18;
    private static final int MONEY_SCALE = 2;

    private ValueParsers() {
    }

    /** Parses a value of any type except ENUM, which {@link #parseEnum} handles in its own phase. */
    static Object parse(ColumnType type, String text) throws BadValueException {
        return switch (type) {
            case ID -> parseId(text);
            case TEXT, ENUM -> text;
            case DATE -> parseDate(text);
            case PERIOD -> parsePeriod(text);
            case MONEY -> parseMoney(text);
            case NUM -> parseNum(text);
            case INT -> parseInt(text);
            case BOOL -> parseBool(text);
            case EMAIL -> parseEmail(text);
        };
    }

    /**
     * Rejects a value of any type holding NUL (U+0000): PostgreSQL cannot store it in a text
     * column, so a KPI name with one would be kept here and break the copy to the BI database
     * later. Other control characters are kept as they came (the reports drop them from
     * headings). The message gives the position, not the value, so no NUL reaches a console.
     */
    static void rejectNul(String text) throws BadValueException {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new BadValueException("contains a NUL character (U+0000) at position " + (nul + 1)
                    + ", which a database cannot store");
        }
    }

    /** true/yes/1 or false/no/0, case-insensitively: what spreadsheets and databases write for a flag. */
    static Boolean parseBool(String text) throws BadValueException {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> throw new BadValueException("'" + shorten(text) + "' is not a boolean (true/false, yes/no, 1/0)");
        };
    }

    static String parseId(String text) throws BadValueException {
        if (!ID.matcher(text).matches()) {
            throw new BadValueException("'" + shorten(text) + "' is not an id ([A-Za-z0-9][A-Za-z0-9_.-]{0,63})");
        }
        return text;
    }

    static LocalDate parseDate(String text) throws BadValueException {
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                // falls through to the common message: 2026-02-30 is no date either
            }
        }
        throw new BadValueException("'" + shorten(text) + "' is not a date (yyyy-MM-dd)");
    }

    static String parseEmail(String text) throws BadValueException {
        int at = text.lastIndexOf('@');
        if (ADDR_SPEC.matcher(text).matches() && at <= MAX_LOCAL_PART && text.length() <= MAX_ADDRESS) {
            return text;
        }
        throw new BadValueException("'" + shorten(text) + "' is not an e-mail address (local-part@domain, RFC 5322)");
    }

    static String parsePeriod(String text) throws BadValueException {
        if (!PERIOD.matcher(text).matches()) {
            throw new BadValueException("'" + shorten(text) + "' is not a period (yyyy-MM)");
        }
        return text;
    }

    static BigDecimal parseMoney(String text) throws BadValueException {
        if (DECIMAL.matcher(text).matches()) {
            BigDecimal cents = new BigDecimal(text).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
            if (cents.precision() <= MONEY_PRECISION) {
                return cents;
            }
        }
        throw new BadValueException("'" + shorten(text) + "' is not a money amount (decimal(18,2))");
    }

    static Double parseNum(String text) throws BadValueException {
        if (DECIMAL.matcher(text).matches()) {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value == 0.0 ? 0.0 : value; // -0.0 and 0.0 must be one value for duplicate checks
            }
        }
        throw new BadValueException("'" + shorten(text) + "' is not a finite number");
    }

    static Integer parseInt(String text) throws BadValueException {
        if (INTEGER.matcher(text).matches()) {
            long value = Long.parseLong(text);
            if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw new BadValueException("'" + shorten(text) + "' is not an integer");
    }

    /** Returns the canonical lower-case value, or null when the text is outside the enum. */
    static String parseEnum(Column column, String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return column.enumValues().contains(lower) ? lower : null;
    }

    /** Keeps quarantine details readable when a cell holds a megabyte of junk. */
    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
