package io.northstar.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A byte range {@code [from, to)} of a large CSV file, so that several tasks can parse one
 * file. A slice owns the lines that start inside it; its first line starts after the first
 * line break at or after {@code from - 1}.
 *
 * <p>Quoted fields may span lines, so a line start is not always a record start, and the
 * reader's recovery from an unclosed quote depends on what came before. What makes slicing
 * exact anyway: a {@link CsvRecordReader} holds nothing from one record to the next but the
 * position it reads from, so two readers that return a record starting on the same line
 * return the same records from there on. A slice's task parses from its first line and
 * keeps the records that start before the next slice's first line; the one after them (the
 * first the previous task did not keep) must be the record the next task starts with. Where
 * that does not hold, a quoted field spans the boundary, and the file is read in one piece.
 */
public record FileSlice(long from, long to) implements Serializable {

    public FileSlice {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("a slice needs 0 <= from <= to, was [" + from + ", " + to + ")");
        }
    }

    /**
     * Cuts a file of {@code length} bytes into equal slices of at least {@code minBytes} each,
     * at most {@code maxSlices} of them; a file under twice {@code minBytes} is one slice.
     */
    public static List<FileSlice> plan(long length, long minBytes, int maxSlices) {
        if (length < 0 || minBytes < 1 || maxSlices < 1) {
            throw new IllegalArgumentException("cannot slice " + length + " bytes into at most " + maxSlices
                    + " slices of at least " + minBytes);
        }
        long count = Math.max(1, Math.min(maxSlices, length / minBytes));
        List<FileSlice> slices = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            slices.add(new FileSlice(length * i / count, length * (i + 1) / count));
        }
        return slices;
    }

    /**
     * Where the slice's first line starts and how many line breaks lie in {@code [from, to)}.
     * {@code in} must be positioned at byte {@code from - 1} (at 0 for the first slice).
     */
    public Start scan(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long position = from == 0 ? 0 : from - 1;
        long start = from == 0 ? 0 : -1;
        boolean skipped = false;
        long newlines = 0;
        int read;
        while ((start < 0 || position < to) && (read = in.read(buffer)) > 0) {
            for (int i = 0; i < read; i++, position++) {
                if (buffer[i] != '\n') {
                    continue;
                }
                if (start < 0) {
                    start = position + 1;
                    skipped = position >= from;
                }
                if (position >= from && position < to) {
                    newlines++;
                }
            }
        }
        return new Start(start < 0 ? position : start, newlines, skipped);
    }

    /**
     * What {@link #scan} finds: the byte the slice's first line starts at (the file's length when
     * no line starts in or after it), the line breaks inside the slice, and whether the break
     * ending the line before lies inside the slice rather than just before it.
     */
    public record Start(long startByte, long newlines, boolean newlineInSlice) implements Serializable {
    }

    /**
     * The 1-based number of each slice's first line, from the scans of all slices of one file in
     * order: the line breaks before a slice, plus the one it skipped into its own bytes.
     */
    public static long[] firstLines(List<Start> starts) {
        long[] lines = new long[starts.size()];
        long before = 0;
        for (int i = 0; i < starts.size(); i++) {
            lines[i] = 1 + before + (starts.get(i).newlineInSlice() ? 1 : 0);
            before += starts.get(i).newlines();
        }
        return lines;
    }
}
