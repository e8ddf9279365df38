package io.northstar.output;

import io.northstar.source.CsvText;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 4180 CSV with a header line; null is an empty field, a list one comma-joined field, and
 * text that a spreadsheet would run as a formula is neutralised ({@link Cells#spreadsheetSafe}).
 */
public final class CsvFormat implements ResultFormat {

    @Override
    public long write(ResultColumns columns, Iterator<List<Object>> rows, Writer out) throws IOException {
        out.write(CsvText.line(columns.names()));
        out.write('\n');
        long count = 0;
        List<String> fields = new ArrayList<>(columns.size());
        while (rows.hasNext()) {
            fields.clear();
            for (Object value : rows.next()) {
                fields.add(value instanceof CharSequence ? Cells.spreadsheetSafe(value.toString()) : Cells.text(value));
            }
            out.write(CsvText.line(fields));
            out.write('\n');
            count++;
        }
        out.flush();
        return count;
    }
}
