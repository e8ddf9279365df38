package io.northstar.run;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Run ids sort by start time and never collide: {@code 20261122T081500Z-3fa2c1d0}. The id
 * names an attempt; the job name and as_of name what the attempt is for.
 */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{8}");

    /** Whether the text has a run id's form (so it can name a file safely). */
    public static boolean isWellFormed(String text) {
        return FORM.matcher(text).matches();
    }

    public static String next(Clock clock) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }
}
