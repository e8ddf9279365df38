package io.northstar.run;

import static java.util.Objects.requireNonNull;

import io.northstar.contract.ColumnWarning;
import io.northstar.ingest.DatasetOutcome;
import io.northstar.output.ResultColumns;
import io.northstar.output.TextTable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code northstar validate} found: per dataset the counts a run would record, the
 * columns that leave data blank (column warnings, which do not fail the gate), and a few
 * quarantined rows per reason to show what is wrong.
 *
 * @param examples dataset to its example rows, each reason's first rows by line
 */
public record ValidationReport(String job, LocalDate asOf, List<DatasetOutcome> outcomes,
        Map<String, List<Example>> examples, List<Audience> audiences) {

    /**
     * Who would get what (SPEC.md §6): an audience of the kept recipients, how many of its rows
     * are active, and the PDFs it receives; {@code files} is empty for a unit with recipients but
     * no scorecard.
     */
    public record Audience(String audience, long active, long inactive, List<String> files) {
        public Audience {
            requireNonNull(audience, "audience is null");
            files = List.copyOf(files);
        }
    }

    /** A report without recipients data. */
    public ValidationReport(String job, LocalDate asOf, List<DatasetOutcome> outcomes,
            Map<String, List<Example>> examples) {
        this(job, asOf, outcomes, examples, List.of());
    }

    /** One quarantined row as the source had it. */
    public record Example(String reason, String source, long line, String raw, String detail) {
    }

    private static final ResultColumns COLUMNS = new ResultColumns(
            List.of("dataset", "read", "kept", "deduplicated", "quarantined", "reject", "limit", "gate"),
            List.of(false, true, true, true, true, true, true, false));
    private static final int RAW_WIDTH = 100;

    public ValidationReport {
        requireNonNull(job, "job is null");
        requireNonNull(asOf, "asOf is null");
        outcomes = List.copyOf(outcomes);
        examples = Map.copyOf(examples);
        audiences = List.copyOf(audiences);
    }

    public boolean passes() {
        return outcomes.stream().allMatch(DatasetOutcome::passesGate);
    }

    /** The report as printed: the counts table, the column warnings, then each dataset's examples. */
    public String render() {
        StringWriter text = new StringWriter();
        text.write("validated job " + job + " for as_of " + asOf + ": every source read and checked, nothing written\n\n");
        List<List<Object>> rows = new ArrayList<>();
        for (DatasetOutcome outcome : outcomes) {
            rows.add(Arrays.asList(outcome.dataset(), outcome.rowsRead(), outcome.kept(), outcome.deduplicated(),
                    outcome.quarantined(), percent(outcome.rejectRatio()), percent(outcome.maxRejectRatio()),
                    outcome.passesGate() ? "pass" : "FAIL"));
        }
        try {
            new TextTable(Math.max(1, rows.size())).write(COLUMNS, rows.iterator(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (DatasetOutcome outcome : outcomes) {
            List<ColumnWarning.Notice> notices = outcome.columnNotices();
            if (!notices.isEmpty()) {
                text.write("\n" + outcome.dataset() + ": " + notices.size() + " column warning"
                        + (notices.size() == 1 ? "" : "s") + "\n");
                notices.forEach(notice -> text.write("  " + notice.code() + ": " + notice.message() + "\n"));
            }
        }
        for (DatasetOutcome outcome : outcomes) {
            if (outcome.quarantined() == 0) {
                continue;
            }
            text.write("\n" + outcome.dataset() + ": " + outcome.quarantined() + " quarantined\n");
            for (Map.Entry<String, Long> reason : outcome.quarantinedByReasonSorted().entrySet()) {
                text.write("  " + reason.getKey() + " (" + reason.getValue() + ")\n");
                for (Example example : examples.getOrDefault(outcome.dataset(), List.of())) {
                    if (example.reason().equals(reason.getKey())) {
                        text.write(String.format(Locale.ROOT, "    %s line %d: %s%n      %s%n", example.source(),
                                example.line(), example.detail(), shortened(example.raw())));
                    }
                }
            }
        }
        if (!audiences.isEmpty()) {
            text.write("\nwho would get what (recipients):\n");
            for (Audience audience : audiences) {
                text.write(String.format(Locale.ROOT, "  %s: %d recipient%s%s -> %s%n", audience.audience(),
                        audience.active(), audience.active() == 1 ? "" : "s",
                        audience.inactive() == 0 ? "" : " (" + audience.inactive() + " inactive, sent nothing)",
                        audience.files().isEmpty() ? "no scorecard of its own" : String.join(", ", audience.files())));
            }
        }
        text.write("\ndata-quality gate: " + (passes() ? "pass" : "FAIL") + "\n");
        return text.toString();
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }

    private static String shortened(String raw) {
        // a NUL (quarantined as bad_type) would vanish on a terminal and make a log look binary
        String line = raw == null ? "" : raw.replace('\n', ' ').replace('\r', ' ').replace('\0', '\u2400');
        return line.length() <= RAW_WIDTH ? line : line.substring(0, RAW_WIDTH - 1) + "…";
    }
}
