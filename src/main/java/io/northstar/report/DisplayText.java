package io.northstar.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from the data made fit for a page: control characters and the invisible marks that
 * reorder text (right-to-left overrides, used to disguise names or to turn a sentence around)
 * removed, and a value too long for its place cut with an ellipsis. Lengths count characters
 * as a reader sees them (a letter with its accents, an emoji with its modifiers), so a cut never
 * splits one. The lake keeps every value as it came; only what a PDF shows is changed.
 *
 * <p>Right-to-left letters themselves stay: an Arabic or Hebrew name is shown, in its own
 * direction, by the ordinary (implicit) bidirectional algorithm. Only the explicit controls go,
 * the ones that can reverse the text around a name. Names are not wrapped in isolates
 * (U+2068…U+2069): the PDF layout does not honour them, and they would end up in copied text.
 */
public final class DisplayText {
    /** Headings (the organisation, a business unit on its scorecard) and titles of risks and cases. */
    public static final int TITLE_LENGTH = 80;
    /** Names in wide table columns (130 pt or more) and inside sentences. */
    public static final int NAME_LENGTH = 60;
    /** Names and ids in narrow table columns (30 to 165 pt). */
    public static final int NARROW_LENGTH = 30;
    /** Sentences (findings, SWOT statements, the case for acting): about three lines of a page-wide cell. */
    public static final int SENTENCE_LENGTH = 300;

    private static final String ELLIPSIS = "…";
    /** One user-perceived character: an extended grapheme cluster (Unicode TR 29). */
    private static final Pattern CHARACTER = Pattern.compile("\\X");

    private DisplayText() {
    }

    /** A heading: cleaned and cut after {@link #TITLE_LENGTH} characters. */
    public static String title(String text) {
        return name(text, TITLE_LENGTH);
    }

    /** A name: cleaned, and when longer than the limit, its first characters and an ellipsis, the limit in all. */
    public static String name(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("a name needs room for a character and the ellipsis: limit " + limit);
        }
        String clean = clean(text);
        if (clean.length() <= limit) {
            return clean; // no more characters than UTF-16 units
        }
        List<Integer> ends = characterEnds(clean, limit + 1);
        if (ends.size() <= limit) {
            return clean;
        }
        return clean.substring(0, ends.get(limit - 2)).stripTrailing() + ELLIPSIS;
    }

    /**
     * A sentence: cleaned, and when longer than {@link #SENTENCE_LENGTH}, its start and its end
     * with an ellipsis between, that length in all. A long name inside a sentence ("The project
     * '…' supports no strategic objective") is cut where it stands, and the sentence still says
     * what it is about.
     */
    public static String sentence(String text) {
        String clean = clean(text);
        if (clean.length() <= SENTENCE_LENGTH) {
            return clean;
        }
        List<Integer> ends = characterEnds(clean, Integer.MAX_VALUE);
        if (ends.size() <= SENTENCE_LENGTH) {
            return clean;
        }
        int head = SENTENCE_LENGTH * 2 / 3;
        int tail = SENTENCE_LENGTH - head - 1;
        return clean.substring(0, ends.get(head - 1)).stripTrailing() + ELLIPSIS
                + clean.substring(ends.get(ends.size() - tail - 1)).stripLeading();
    }

    /**
     * Without control characters and explicit direction controls; a line break or tab becomes a
     * space (a name is one line), blanks at either end go. Null becomes empty.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            if (isLineBreakOrTab(point)) {
                shown.append(' ');
            } else if (!Character.isISOControl(point) && !isBidiControl(point)
                    && Character.getType(point) != Character.SURROGATE) {
                shown.appendCodePoint(point);
            }
        });
        return shown.toString().strip();
    }

    /**
     * U+061C Arabic letter mark, U+200E/F left-to-right and right-to-left marks, U+202A–U+202E
     * embeddings and overrides, U+2066–U+2069 isolates.
     */
    static boolean isBidiControl(int point) {
        return point == 0x061C || point == 0x200E || point == 0x200F || (point >= 0x202A && point <= 0x202E)
                || (point >= 0x2066 && point <= 0x2069);
    }

    private static boolean isLineBreakOrTab(int point) {
        return (point >= 0x09 && point <= 0x0D) || point == 0x85 || point == 0x2028 || point == 0x2029;
    }

    /** Where each of the text's first {@code most} characters ends. */
    private static List<Integer> characterEnds(String text, int most) {
        List<Integer> ends = new ArrayList<>();
        Matcher matcher = CHARACTER.matcher(text);
        while (ends.size() < most && matcher.find()) {
            ends.add(matcher.end());
        }
        return ends;
    }

    /**
     * Java's line breaking (which Jasper uses) allows a break between "1.52" and "M", so a
     * paragraph could end a line on "EUR 1.52" and start the next on "M". A zero-width no-break
     * space between a number and its k or M suffix keeps each amount on one line; it prints as
     * nothing, and text extracted from the PDF keeps it, so the sentence still compares equal.
     */
    public static String amountsKeptWhole(String text) {
        return text == null ? null : AMOUNT_SUFFIX.matcher(text).replaceAll("$1\uFEFF$2");
    }

    private static final java.util.regex.Pattern AMOUNT_SUFFIX = java.util.regex.Pattern.compile("(\\d)([kM])\\b");
}
