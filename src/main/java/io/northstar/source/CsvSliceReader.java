package io.northstar.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Reads the records of one {@link FileSlice}: those that start on lines
 * {@code [firstLine, endLine)}, the file's header left out. When it is done it tells the lines
 * of its first record and of the first one it left to the next slice, which is how slices are
 * checked to join up ({@link #joinUp}).
 */
public final class CsvSliceReader implements Closeable {

    /** No such record: the slice's reader reached the end of the file. */
    public static final long END_OF_FILE = Long.MAX_VALUE;

    /** Where a slice's records began and where the next slice's must begin. */
    public record Ends(long firstRecord, long nextRecord) implements Serializable {
    }

    private final CsvRecordReader reader;
    private final long endLine;
    private final long headerLine;
    private long firstRecord = END_OF_FILE;
    private Ends ends;

    /**
     * @param in the file, positioned at the start of line {@code firstLine}
     * @param endLine the next slice's first line ({@link #END_OF_FILE} for the last slice)
     * @param headerLine the line the file's header record starts on, which is never returned
     */
    public CsvSliceReader(InputStream in, long firstLine, long endLine, long headerLine) {
        this.reader = new CsvRecordReader(in, firstLine);
        this.endLine = endLine;
        this.headerLine = headerLine;
    }

    /** The slice's next record, or null when the slice is done. */
    public CsvRecord next() throws IOException {
        if (ends != null) {
            return null;
        }
        CsvRecord record = read();
        if (record != null && record.line() == headerLine && record.line() < endLine) {
            record = read();
        }
        if (record == null || record.line() >= endLine) {
            ends = new Ends(firstRecord, record == null ? END_OF_FILE : record.line());
            reader.close();
            return null;
        }
        return record;
    }

    private CsvRecord read() throws IOException {
        CsvRecord record = reader.next();
        if (record != null && firstRecord == END_OF_FILE) {
            firstRecord = record.line();
        }
        return record;
    }

    /** The slice's ends, once {@link #next} has returned null. */
    public Ends ends() {
        if (ends == null) {
            throw new IllegalStateException("the slice has not been read to its end");
        }
        return ends;
    }

    /**
     * Whether consecutive slices of one file, in order, joined up: each slice's first record is
     * the one the slice before left to it. When they did, the slices' records together are
     * exactly what one reader from the file's start returns (see {@link FileSlice}).
     */
    public static boolean joinUp(List<Ends> slices) {
        for (int i = 1; i < slices.size(); i++) {
            if (slices.get(i - 1).nextRecord() != slices.get(i).firstRecord()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
