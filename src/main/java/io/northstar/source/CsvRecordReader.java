package io.northstar.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A strict RFC 4180 reader (comma, double quotes, quoted fields may span lines) that keeps the
 * source line number and raw text of every record, which Spark's CSV reader cannot give.
 *
 * <p>It never throws on bad content: a record it cannot parse comes back malformed, and
 * reading goes on. When a quote is never closed (or a quoted field grows beyond
 * {@link #MAX_RECORD_CHARS}), only the record's first line is reported malformed and reading
 * resumes on the next line, so one stray quote does not swallow the rest of the file.
 * Fully blank lines are skipped.
 */
public final class CsvRecordReader implements Closeable {

    public static final int MAX_RECORD_CHARS = 1 << 20;

    private final Utf8LineReader lines;
    private final Deque<Utf8LineReader.Line> pushedBack = new ArrayDeque<>();

    public CsvRecordReader(InputStream in) {
        this(in, 1);
    }

    /**
     * Reads from a line start in the middle of a file, numbering lines from {@code firstLine}.
     * Records come out as a reader from the file's start would give them only when that line
     * starts a record there too: {@link FileSlice} says how a caller can tell.
     */
    public CsvRecordReader(InputStream in, long firstLine) {
        this.lines = new Utf8LineReader(in, firstLine);
    }

    /** The next record, or null at the end of the input. */
    public CsvRecord next() throws IOException {
        Utf8LineReader.Line first;
        do {
            first = nextLine();
            if (first == null) {
                return null;
            }
        } while (first.text().isEmpty());

        List<Utf8LineReader.Line> consumed = new ArrayList<>(1);
        consumed.add(first);
        FieldParser parser = new FieldParser();
        parser.feed(first.text());
        long chars = first.text().length();
        while (parser.inQuotes()) {
            Utf8LineReader.Line more = nextLine();
            if (more == null) {
                return recover(consumed, "a quoted field is never closed");
            }
            consumed.add(more);
            chars += more.text().length() + 1;
            if (chars > MAX_RECORD_CHARS) {
                return recover(consumed, "a quoted field is never closed within " + MAX_RECORD_CHARS + " characters");
            }
            parser.lineBreak();
            parser.feed(more.text());
        }
        String raw = join(consumed);
        for (Utf8LineReader.Line line : consumed) {
            if (!line.validUtf8()) {
                return malformed(first.number(), raw, "line " + line.number() + " is not valid UTF-8");
            }
        }
        if (parser.error() != null) {
            return malformed(first.number(), raw, parser.error());
        }
        return new CsvRecord(first.number(), parser.finish(), raw, null);
    }

    private Utf8LineReader.Line nextLine() throws IOException {
        return pushedBack.isEmpty() ? lines.next() : pushedBack.removeFirst();
    }

    private CsvRecord recover(List<Utf8LineReader.Line> consumed, String why) {
        for (int i = consumed.size() - 1; i >= 1; i--) {
            pushedBack.addFirst(consumed.get(i));
        }
        Utf8LineReader.Line first = consumed.get(0);
        return malformed(first.number(), first.text(), why);
    }

    private static CsvRecord malformed(long line, String raw, String why) {
        return new CsvRecord(line, List.of(), raw, why);
    }

    private static String join(List<Utf8LineReader.Line> consumed) {
        if (consumed.size() == 1) {
            return consumed.get(0).text();
        }
        StringBuilder raw = new StringBuilder();
        for (Utf8LineReader.Line line : consumed) {
            if (raw.length() > 0) {
                raw.append('\n');
            }
            raw.append(line.text());
        }
        return raw.toString();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /** The RFC 4180 state machine, fed one physical line at a time. */
    private static final class FieldParser {
        private final List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private boolean inQuotes;
        private boolean afterClosingQuote;
        private String error;

        void feed(String text) {
            if (error != null) {
                return;
            }
            int length = text.length();
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (inQuotes) {
                    if (c != '"') {
                        field.append(c);
                    } else if (i + 1 < length && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                } else if (c == ',') {
                    endField();
                } else if (afterClosingQuote) {
                    error = "unexpected character after the closing quote of field " + (fields.size() + 1);
                    return;
                } else if (c == '"') {
                    if (field.length() > 0) {
                        error = "a quote inside the unquoted field " + (fields.size() + 1);
                        return;
                    }
                    inQuotes = true;
                } else {
                    field.append(c);
                }
            }
        }

        void lineBreak() {
            field.append('\n');
        }

        boolean inQuotes() {
            return inQuotes && error == null;
        }

        String error() {
            return error;
        }

        List<String> finish() {
            endField();
            return fields;
        }

        private void endField() {
            fields.add(field.toString());
            field.setLength(0);
            afterClosingQuote = false;
        }
    }
}
