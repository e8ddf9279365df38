package io.northstar.contract;

import static java.util.Objects.requireNonNull;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Applies the single-row checks of SPEC.md §1.1 (malformed_row, missing_required, bad_type,
 * bad_enum, out_of_range, self_dependency, in that order across all columns) to the fields of
 * one source row, mapped through the source's header.
 */
public final class RowConformer {
    private final DatasetContract contract;
    private final int fieldCount;
    /** For each contract column, its position in the source row, or -1 when the source lacks it. */
    private final int[] sourceIndex;
    private final List<String> extraColumns;
    private final List<ColumnWarning> columnWarnings;

    private RowConformer(DatasetContract contract, int fieldCount, int[] sourceIndex, List<String> extraColumns,
            List<ColumnWarning> columnWarnings) {
        this.contract = contract;
        this.fieldCount = fieldCount;
        this.sourceIndex = sourceIndex;
        this.extraColumns = List.copyOf(extraColumns);
        this.columnWarnings = List.copyOf(columnWarnings);
    }

    /**
     * Maps a source header onto the contract. Header names are matched after trimming and
     * lower-casing.
     *
     * @param source names the file or table in error messages
     * @throws NorthstarException (data quality) when a required column is missing (the message
     *     names a source column that looks like it) or a contract column appears twice
     */
    public static RowConformer forHeader(DatasetContract contract, List<String> header, String source) {
        requireNonNull(contract, "contract is null");
        requireNonNull(header, "header is null");
        Map<String, Integer> positions = new HashMap<>();
        List<String> extras = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip().toLowerCase(Locale.ROOT);
            boolean known = contract.columnNames().contains(name);
            if (positions.putIfAbsent(name, i) != null && known) {
                throw contractBroken(contract, source, "column '" + name + "' appears more than once in the header");
            }
            if (!known) {
                extras.add(name);
            }
        }
        int[] sourceIndex = new int[contract.columns().size()];
        List<String> absent = new ArrayList<>();
        for (int c = 0; c < sourceIndex.length; c++) {
            sourceIndex[c] = positions.getOrDefault(contract.columns().get(c).name(), -1);
            if (sourceIndex[c] < 0) {
                absent.add(contract.columns().get(c).name());
            }
        }
        Map<String, List<String>> lookalikes = lookalikes(extras, absent);
        List<String> missing = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        List<ColumnWarning> warnings = new ArrayList<>();
        for (String name : absent) {
            List<String> alike = lookalikes.getOrDefault(name, List.of());
            if (contract.column(name).required()) {
                missing.add(name);
                alike.forEach(extra -> hints.add(extra + " looks like " + name + " misnamed"));
            } else if (alike.isEmpty()) {
                warnings.add(ColumnWarning.missing(name));
            } else {
                alike.forEach(extra -> warnings.add(ColumnWarning.unrecognised(extra, name)));
            }
        }
        if (!missing.isEmpty()) {
            throw contractBroken(contract, source, "missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (header has: " + String.join(", ", header) + ")"
                    + (hints.isEmpty() ? "" : "; " + String.join("; ", hints)));
        }
        return new RowConformer(contract, header.size(), sourceIndex, extras, warnings);
    }

    /**
     * Each absent contract column with the extra columns whose names are closest to it. Only
     * absent columns are candidates: an extra that resembles a column the source has cannot
     * have emptied it.
     */
    private static Map<String, List<String>> lookalikes(List<String> extras, List<String> absent) {
        Map<String, List<String>> lookalikes = new HashMap<>();
        for (String extra : extras) {
            ColumnNames.closest(extra, absent)
                    .ifPresent(column -> lookalikes.computeIfAbsent(column, c -> new ArrayList<>()).add(extra));
        }
        return lookalikes;
    }

    private static NorthstarException contractBroken(DatasetContract contract, String source, String what) {
        return new NorthstarException(ExitCode.DATA_QUALITY, "dataset " + contract.name() + ": " + source + ": " + what);
    }

    public DatasetContract contract() {
        return contract;
    }

    /** Source columns the contract does not know; they are ignored and listed in the manifest. */
    public List<String> extraColumns() {
        return extraColumns;
    }

    /**
     * The optional contract columns the source lacks, each as {@link ColumnWarning#MISSING}, or
     * as {@link ColumnWarning#UNRECOGNISED} for the source's columns whose names are close to it
     * ({@link ColumnNames}); in contract order.
     */
    public List<ColumnWarning> columnWarnings() {
        return columnWarnings;
    }

    public ConformResult conform(List<String> fields) {
        if (fields.size() != fieldCount) {
            return ConformResult.rejected(QuarantineReason.MALFORMED_ROW,
                    "expected " + fieldCount + " fields as in the header, found " + fields.size());
        }
        List<Column> columns = contract.columns();
        String[] cells = new String[columns.size()];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = sourceIndex[c] < 0 ? null : blankToNull(fields.get(sourceIndex[c]));
        }
        ConformResult rejection = checkRequired(columns, cells);
        if (rejection != null) {
            return rejection;
        }
        Object[] values = new Object[cells.length];
        rejection = parseTypes(columns, cells, values);
        if (rejection == null) {
            rejection = parseEnums(columns, cells, values);
        }
        if (rejection == null) {
            // a typed reference's id against its parsed type (commentary: blank only for portfolio)
            rejection = checkRules(values, QuarantineReason.MISSING_REQUIRED);
        }
        if (rejection == null) {
            rejection = checkRules(values, QuarantineReason.BAD_TYPE);
        }
        if (rejection == null) {
            rejection = checkRanges(columns, values);
        }
        if (rejection != null) {
            return rejection;
        }
        // before the rules, which judge the row as the conformed table will hold it: a % KPI's
        // target is checked against the bound 100 it takes when upper_bound is blank
        applyDefaults(columns, values);
        rejection = checkRules(values, QuarantineReason.OUT_OF_RANGE);
        if (rejection == null) {
            rejection = checkRules(values, QuarantineReason.SELF_DEPENDENCY);
        }
        return rejection != null ? rejection : ConformResult.accepted(values);
    }

    /** Blank cells take their column's default; a default that depends on the row reads the source's values. */
    private void applyDefaults(List<Column> columns, Object[] values) {
        Object[] parsed = values.clone();
        ParsedRow row = name -> parsed[contract.indexOf(name)];
        for (int c = 0; c < values.length; c++) {
            if (values[c] == null) {
                values[c] = columns.get(c).defaultFor(row);
            }
        }
    }

    private static String blankToNull(String field) {
        if (field == null) {
            return null;
        }
        String stripped = field.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static ConformResult checkRequired(List<Column> columns, String[] cells) {
        List<String> blank = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] == null && columns.get(c).required()) {
                blank.add(columns.get(c).name());
            }
        }
        return blank.isEmpty() ? null
                : ConformResult.rejected(QuarantineReason.MISSING_REQUIRED, "blank required " + String.join(", ", blank));
    }

    private static ConformResult parseTypes(List<Column> columns, String[] cells, Object[] values) {
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] == null) {
                continue;
            }
            try {
                ValueParsers.rejectNul(cells[c]); // of every type: an enum value with NUL is no value at all
                if (columns.get(c).type() != ColumnType.ENUM) {
                    values[c] = ValueParsers.parse(columns.get(c).type(), cells[c]);
                }
            } catch (BadValueException e) {
                return ConformResult.rejected(QuarantineReason.BAD_TYPE, columns.get(c).name() + ": " + e.getMessage());
            }
        }
        return null;
    }

    private static ConformResult parseEnums(List<Column> columns, String[] cells, Object[] values) {
        for (int c = 0; c < cells.length; c++) {
            Column column = columns.get(c);
            if (cells[c] == null || column.type() != ColumnType.ENUM) {
                continue;
            }
            values[c] = ValueParsers.parseEnum(column, cells[c]);
            if (values[c] == null) {
                return ConformResult.rejected(QuarantineReason.BAD_ENUM, column.name() + ": '"
                        + ValueParsers.shorten(cells[c]) + "' is not one of " + new TreeSet<>(column.enumValues()));
            }
        }
        return null;
    }

    private static ConformResult checkRanges(List<Column> columns, Object[] values) {
        for (int c = 0; c < values.length; c++) {
            Range range = columns.get(c).range();
            if (range != null && values[c] != null && !range.contains(((Number) values[c]).doubleValue())) {
                return ConformResult.rejected(QuarantineReason.OUT_OF_RANGE,
                        columns.get(c).name() + ": " + values[c] + " is not " + range.describe());
            }
        }
        return null;
    }

    private ConformResult checkRules(Object[] values, QuarantineReason phase) {
        ParsedRow row = name -> values[contract.indexOf(name)];
        for (RowRule rule : contract.rowRules()) {
            if (rule.reason() != phase) {
                continue;
            }
            Optional<String> violation = rule.violation(row);
            if (violation.isPresent()) {
                return ConformResult.rejected(rule.reason(), violation.get());
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "RowConformer[" + contract.name() + ", fields=" + fieldCount + ", map=" + Arrays.toString(sourceIndex) + "]";
    }
}
