package io.northstar.report;

/**
 * Text from the data made fit for a title on a page: control characters and the invisible
 * marks that reorder text (right-to-left overrides, used to disguise names) removed, and a
 * name too long for a heading cut with an ellipsis. The lake keeps the value as it came.
 */
public final class DisplayText {
    /** The longest unit name a scorecard heading shows in full. */
    public static final int TITLE_LENGTH = 80;

    private DisplayText() {
    }

    public static String title(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        text.codePoints().filter(point -> !Character.isISOControl(point) && !isBidiControl(point))
                .forEach(shown::appendCodePoint);
        String clean = shown.toString().strip();
        if (clean.codePointCount(0, clean.length()) <= TITLE_LENGTH) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, TITLE_LENGTH - 1)).stripTrailing() + "…";
    }

    /** U+200E/F marks, U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates. */
    private static boolean isBidiControl(int point) {
        return point == 0x200E || point == 0x200F || (point >= 0x202A && point <= 0x202E)
                || (point >= 0x2066 && point <= 0x2069);
    }
}
