package io.northstar.output;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;

/**
 * One JSON object per line (JSON Lines, what jq, DuckDB and Spark read as a stream): numbers and
 * booleans bare, lists as arrays, dates as ISO strings, null as null.
 */
public final class JsonLinesFormat implements ResultFormat {

    @Override
    public long write(ResultColumns columns, Iterator<List<Object>> rows, Writer out) throws IOException {
        long count = 0;
        StringBuilder line = new StringBuilder();
        while (rows.hasNext()) {
            List<Object> row = rows.next();
            line.setLength(0);
            line.append('{');
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                string(line, columns.names().get(c));
                line.append(':');
                value(line, row.get(c));
            }
            line.append("}\n");
            out.write(line.toString());
            count++;
        }
        out.flush();
        return count;
    }

    private static void value(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof BigDecimal decimal) {
            json.append(decimal.toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            json.append(Double.isFinite(number) ? Cells.text(value) : "null");
        } else if (value instanceof Number) {
            json.append(value);
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                value(json, list.get(i));
            }
            json.append(']');
        } else {
            string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
