package io.northstar.report.render;

import io.northstar.checksum.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a PDF a function of what it shows. OpenPDF stamps each file with the time it was
 * written, a random file id and random font-subset tags, so the same figures rendered twice
 * differ byte for byte; delivery (SPEC.md §6) mails a pack again only when its SHA-256
 * changed, and a re-run of unchanged data must not tell the board its figures were restated.
 * Every edit keeps the length of what it replaces, so the cross-reference offsets stay right.
 */
final class ReproduciblePdf {
    private static final Pattern CREATION_DATE = Pattern.compile("/CreationDate\\s*\\(D:[0-9Z'+-]*\\)");
    /** A subset font's six-letter tag, where OpenPDF writes it: the font and descriptor dictionaries. */
    private static final Pattern SUBSET_TAG = Pattern.compile("(/(?:BaseFont|FontName)\\s?/)([A-Z]{6})\\+");
    private static final Pattern FILE_ID = Pattern.compile("/ID\\s*\\[\\s*<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*]");

    private ReproduciblePdf() {
    }

    /**
     * The creation date blanked (it is optional), the subset tags numbered in order of
     * appearance (AAAAAA, AAAAAB, …: still one tag per subset), and the file id derived from the
     * rest of the file.
     */
    static byte[] normalize(byte[] pdf) {
        // ISO-8859-1 maps each byte to one char and back, so binary streams pass through untouched
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        text = CREATION_DATE.matcher(text).replaceAll(match -> " ".repeat(match.group().length()));
        Map<String, String> tags = new LinkedHashMap<>();
        text = SUBSET_TAG.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)
                + tags.computeIfAbsent(match.group(2), random -> tag(tags.size())) + "+"));
        Matcher id = FILE_ID.matcher(text);
        if (id.find()) {
            String withoutId = text.substring(0, id.start()) + text.substring(id.end());
            String digest = Sha256.of(withoutId.getBytes(StandardCharsets.ISO_8859_1));
            StringBuilder replaced = new StringBuilder(text.substring(0, id.start(1)))
                    .append(fit(digest, id.group(1).length()))
                    .append(text, id.end(1), id.start(2))
                    .append(fit(digest, id.group(2).length()))
                    .append(text.substring(id.end(2)));
            text = replaced.toString();
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The n-th tag: six capital letters, counting in base 26 from AAAAAA. */
    static String tag(int n) {
        char[] letters = new char[6];
        for (int i = letters.length - 1; i >= 0; i--) {
            letters[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        return new String(letters);
    }

    private static String fit(String digest, int length) {
        return digest.repeat(length / digest.length() + 1).substring(0, length);
    }
}
