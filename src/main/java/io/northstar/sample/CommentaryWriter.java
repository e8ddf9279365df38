package io.northstar.sample;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;

/**
 * Writes one region's commentary from {@link CommentaryStory}. It draws no random numbers, so
 * the other datasets come out the same with or without it; the dirty rows of commentary come
 * from its own sink's stream, like every dataset's.
 */
final class CommentaryWriter {
    private final String idSuffix;
    private final List<String> businessUnits;
    private final boolean firstRegion;
    private final LocalDate asOf;

    /**
     * @param businessUnits the region's unit names, in the order of Story.BUSINESS_UNITS
     * @param firstRegion whether this region writes the portfolio's notes
     */
    CommentaryWriter(String idSuffix, List<String> businessUnits, boolean firstRegion, LocalDate asOf) {
        this.idSuffix = idSuffix;
        this.businessUnits = List.copyOf(businessUnits);
        this.firstRegion = firstRegion;
        this.asOf = asOf;
    }

    /**
     * @param spoiledRisk risk ids whose clean row the dirty generator made a conflicting
     *     duplicate: quarantined, so a comment on them would dangle, and is left out
     */
    void write(DatasetSink sink, Predicate<String> spoiledRisk) {
        YearMonth month = YearMonth.from(asOf);
        for (CommentaryStory.Note note : CommentaryStory.NOTES) {
            String id = switch (note.type()) {
                case "portfolio" -> null;
                case "business_unit" -> businessUnits.get(Story.BUSINESS_UNITS.indexOf(note.entity()));
                default -> note.entity() + idSuffix;
            };
            if ("portfolio".equals(note.type()) && !firstRegion
                    || CommentaryStory.RISK.equals(note.type()) && spoiledRisk.test(id)) {
                continue;
            }
            sink.row(note.type(), id, month.minusMonths(note.monthsAgo()).atEndOfMonth(), note.comment(),
                    note.author(), note.action(), note.actionOwner(),
                    note.dueDays() == null ? null : asOf.plusDays(note.dueDays()), note.decisionNeeded());
        }
    }
}
