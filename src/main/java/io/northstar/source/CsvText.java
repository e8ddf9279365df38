package io.northstar.source;

/** RFC 4180 quoting of one field, shared by everything that writes CSV text. */
public final class CsvText {
    private CsvText() {
    }

    /** The field as it stands in a CSV line: quoted only when it holds a comma, quote or line break. */
    public static String quote(String field) {
        boolean needs = false;
        for (int i = 0; i < field.length() && !needs; i++) {
            char c = field.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /** The fields as one CSV line; a null field is empty. */
    public static String line(java.util.List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(fields.get(i) == null ? "" : fields.get(i)));
        }
        return line.toString();
    }
}
