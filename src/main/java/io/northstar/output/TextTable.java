package io.northstar.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A table for a terminal: columns as wide as their widest cell (at most {@link #MAX_WIDTH}
 * characters, longer text cut with "…"), numbers right-aligned, null shown as NULL, and at most
 * {@code limit} rows, with a closing line that says how many there were (or that there were more).
 */
public final class TextTable implements ResultFormat {
    static final int MAX_WIDTH = 48;
    private static final String NULL = "NULL";

    private final int limit;

    public TextTable(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        this.limit = limit;
    }

    @Override
    public long write(ResultColumns columns, Iterator<List<Object>> rows, Writer out) throws IOException {
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = Math.min(MAX_WIDTH, columns.names().get(c).length());
        }
        long total = 0;
        while (rows.hasNext()) {
            List<Object> row = rows.next();
            total++;
            if (cells.size() < limit) {
                String[] line = new String[columns.size()];
                for (int c = 0; c < line.length; c++) {
                    String text = Cells.text(row.get(c));
                    line[c] = fit(text == null ? NULL : text.replace('\n', ' ').replace('\r', ' '));
                    widths[c] = Math.max(widths[c], line[c].length());
                }
                cells.add(line);
            }
        }
        StringBuilder text = new StringBuilder();
        appendLine(text, columns, widths, columns.names().stream().map(TextTable::fit).toArray(String[]::new), false);
        String[] rule = new String[columns.size()];
        for (int c = 0; c < rule.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        appendLine(text, columns, widths, rule, false);
        for (String[] line : cells) {
            appendLine(text, columns, widths, line, true);
        }
        // the caller may stop the rows at limit + 1: then all that is known is "more than"
        text.append(total > cells.size()
                ? String.format(Locale.ROOT, "(more than %,d rows, the first %,d shown)\n", cells.size(), cells.size())
                : String.format(Locale.ROOT, "(%,d row%s)\n", total, total == 1 ? "" : "s"));
        out.write(text.toString());
        out.flush();
        return total;
    }

    private static String fit(String text) {
        return text.length() <= MAX_WIDTH ? text : text.substring(0, MAX_WIDTH - 1) + "…";
    }

    private static void appendLine(StringBuilder text, ResultColumns columns, int[] widths, String[] cells,
            boolean alignNumbers) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            String padding = " ".repeat(widths[c] - cells[c].length());
            if (alignNumbers && columns.numeric().get(c)) {
                line.append(padding).append(cells[c]);
            } else {
                line.append(cells[c]).append(padding);
            }
        }
        text.append(line.toString().stripTrailing()).append("\n");
    }
}
