package io.northstar.report;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file names of a snapshot's PDFs, in one place so that the renderer, {@code validate} and
 * delivery agree on who gets which file: the board's two packs, and one scorecard per business
 * unit named by its slug (two units with one slug get -2, -3 in the units' sorted order).
 */
public final class PackFiles {
    public static final String EXECUTIVE_SCORECARD = "executive-scorecard";
    public static final String REVIEW_PACK = "review-pack";
    public static final String BUSINESS_UNIT = "business-unit";
    /** What the board's audience receives (SPEC.md §6). */
    public static final List<String> BOARD = List.of(EXECUTIVE_SCORECARD + ".pdf", REVIEW_PACK + ".pdf");

    private PackFiles() {
    }

    /**
     * Each unit's scorecard file, in the given order, which must be the order the renderer
     * names them in (the units sorted by name).
     */
    public static Map<String, String> businessUnits(Iterable<String> unitsInOrder) {
        Set<String> taken = new HashSet<>();
        Map<String, String> files = new LinkedHashMap<>();
        for (String unit : unitsInOrder) {
            files.put(unit, BUSINESS_UNIT + "-" + Slugs.unique(unit, taken) + ".pdf");
        }
        return files;
    }
}
