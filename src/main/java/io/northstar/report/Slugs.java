package io.northstar.report;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * File-name slugs for business units: lower-case ASCII letters, digits and single dashes, so a
 * name can never add a folder, climb out of one or hide a control character, whatever it holds.
 */
public final class Slugs {
    private static final int MAX_LENGTH = 60;

    private Slugs() {
    }

    /**
     * "Zürich Ops / R&D" → "zurich-ops-r-d"; a name with no Latin letter or digit (東京) becomes
     * "unit-" and a short stable hash of the name.
     */
    public static String of(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > MAX_LENGTH) {
            ascii = ascii.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? "unit-" + hash(name) : ascii;
    }

    /** The slug of the name, with -2, -3, ... added when another unit already took it. */
    public static String unique(String name, Set<String> taken) {
        String base = of(name);
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        taken.add(slug);
        return slug;
    }

    private static String hash(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (name == null ? "" : name).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return HexFormat.of().formatHex(new byte[] {(byte) (hash >>> 24), (byte) (hash >>> 16), (byte) (hash >>> 8),
            (byte) hash});
    }
}
