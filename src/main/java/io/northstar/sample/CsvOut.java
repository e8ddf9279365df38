package io.northstar.sample;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes RFC 4180 CSV with LF line ends, quoting only the fields that need it. */
final class CsvOut implements Closeable {
    private final BufferedWriter out;

    CsvOut(Path file, List<String> header) {
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        row(header.toArray());
    }

    /** One row; a null field is written empty. */
    void row(Object... fields) {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(fields[i] == null ? "" : fields[i].toString()));
        }
        raw(line.toString());
    }

    /** A line exactly as given (used to write a malformed row on purpose). */
    void raw(String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String field) {
        return io.northstar.source.CsvText.quote(field);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
