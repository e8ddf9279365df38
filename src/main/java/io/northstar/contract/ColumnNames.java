package io.northstar.contract;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a source column's name is close enough to a contract column's to be that column
 * misnamed: {@code target_value}, {@code targetValue} or {@code traget} for {@code target}.
 * Names are compared lower-cased and without separators ({@code _ - . } and spaces); two
 * names are close when, so normalised,
 * <ol>
 *   <li>they are equal ({@code TargetDate} and {@code target_date}), or
 *   <li>one is the other followed by one of {@link #SUFFIXES} ({@code target_value},
 *       {@code owner_name}, {@code objective} for {@code objective_id}), or
 *   <li>they are one edit apart (a letter added, dropped, changed, or two neighbours swapped),
 *       or two edits when both have at least {@value #LONG_NAME} letters.
 * </ol>
 * Short names get one edit only: at two, {@code note} would be {@code name} and {@code label}
 * would be {@code level}. The rule is asked only about contract columns a source lacks (see
 * {@link RowConformer#columnWarnings()}), so an extra column that merely resembles a column
 * the source has, {@code owner_email} beside {@code owner}, is never flagged.
 */
final class ColumnNames {
    /** What exports commonly add to a column's name. */
    static final List<String> SUFFIXES = List.of("value", "name", "id", "code", "date", "amount", "pct", "percent",
            "number", "text");
    static final int LONG_NAME = 8;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_.-]+");

    private ColumnNames() {
    }

    /** Whether {@code sourceName} could be {@code contractName} misnamed. */
    static boolean close(String sourceName, String contractName) {
        return closeness(normalise(sourceName), normalise(contractName)).isPresent();
    }

    /**
     * The candidate that {@code sourceName} is closest to: equal names before suffixed ones,
     * suffixed before edited, fewer edits first, then the first in {@code candidates}.
     */
    static Optional<String> closest(String sourceName, List<String> candidates) {
        String source = normalise(sourceName);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            Optional<Integer> score = closeness(source, normalise(candidate));
            if (score.isPresent() && score.get() < bestScore) {
                best = candidate;
                bestScore = score.get();
            }
        }
        return Optional.ofNullable(best);
    }

    static String normalise(String name) {
        return SEPARATORS.matcher(requireNonNull(name, "name is null").toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** When the normalised names are close, how close: 0 equal, 1 suffixed, 1 + edits otherwise. */
    private static Optional<Integer> closeness(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        if (a.equals(b)) {
            return Optional.of(0);
        }
        String longer = a.length() >= b.length() ? a : b;
        String shorter = longer == a ? b : a;
        if (longer.startsWith(shorter) && SUFFIXES.contains(longer.substring(shorter.length()))) {
            return Optional.of(1);
        }
        int allowed = shorter.length() >= LONG_NAME ? 2 : 1;
        if (longer.length() - shorter.length() > allowed) {
            return Optional.empty();
        }
        int edits = editDistance(a, b);
        return edits <= allowed ? Optional.of(1 + edits) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
