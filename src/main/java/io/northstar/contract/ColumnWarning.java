package io.northstar.contract;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A source column that empties data without failing the run: SPEC.md §1 lets an optional
 * column be absent and ignores extra columns, so a renamed {@code target} would otherwise turn
 * every KPI into {@code no_target} in silence. Shown on the run's console, in {@code validate},
 * in the run manifest and as a finding.
 *
 * @param code {@link #MISSING} or {@link #UNRECOGNISED}
 * @param column the optional contract column the source lacks ({@link #MISSING}), or the
 *     source's own column that the contract does not know ({@link #UNRECOGNISED})
 * @param likely for {@link #UNRECOGNISED}, the contract column the source lacks and whose name
 *     is close to it ({@link ColumnNames}); null for {@link #MISSING}
 */
public record ColumnWarning(String code, String column, String likely) {
    /** An optional contract column is absent, and no source column looks like it. */
    public static final String MISSING = "column_missing";
    /** A source column the contract does not know looks like a contract column the source lacks. */
    public static final String UNRECOGNISED = "column_unrecognised";

    public ColumnWarning {
        requireNonNull(code, "code is null");
        requireNonNull(column, "column is null");
        if (!code.equals(MISSING) && !code.equals(UNRECOGNISED)) {
            throw new IllegalArgumentException("unknown column warning " + code);
        }
        if (code.equals(UNRECOGNISED) == (likely == null)) {
            throw new IllegalArgumentException(code + ": likely is given exactly for " + UNRECOGNISED);
        }
    }

    public static ColumnWarning missing(String column) {
        return new ColumnWarning(MISSING, column, null);
    }

    public static ColumnWarning unrecognised(String sourceColumn, String likely) {
        return new ColumnWarning(UNRECOGNISED, sourceColumn, likely);
    }

    /** A warning as a person reads it, with its code. */
    public record Notice(String code, String message) {
        public Notice {
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
        }
    }

    /**
     * What to tell about one dataset's warnings: one sentence for all of its missing columns
     * (so a source that simply lacks a few optional columns says so once), then one per
     * unrecognised column, in the order given.
     */
    public static List<Notice> notices(String dataset, List<ColumnWarning> warnings) {
        List<String> missing = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        for (ColumnWarning warning : warnings) {
            if (warning.code().equals(MISSING)) {
                missing.add(warning.column());
            } else {
                notices.add(new Notice(UNRECOGNISED, "The " + dataset + " data has a column " + warning.column()
                        + " that the data contract does not know, likely its " + warning.likely()
                        + " misnamed: it is ignored, and every row is read with " + warning.likely() + " blank"));
            }
        }
        if (!missing.isEmpty()) {
            boolean one = missing.size() == 1;
            notices.add(0, new Notice(MISSING, "The " + dataset + " data has no column" + (one ? " " : "s ")
                    + String.join(", ", missing) + ", so every row is read with " + (one ? "it" : "them") + " blank"));
        }
        return List.copyOf(notices);
    }
}
