package io.northstar.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at LF (a CR before it is dropped) and decodes each line as
 * UTF-8 on its own, so one badly encoded line is reported as such instead of being silently
 * patched with replacement characters or failing the whole file. A leading UTF-8 BOM is skipped.
 */
final class Utf8LineReader implements Closeable {

    /** One physical line. {@code validUtf8} is false when the bytes were not UTF-8. */
    record Line(long number, String text, boolean validUtf8) {
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[256];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean eof;

    Utf8LineReader(InputStream in) {
        this(in, 1);
    }

    /** Reads from the middle of a file: {@code in} starts at a line start, line {@code firstLine}. */
    Utf8LineReader(InputStream in, long firstLine) {
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be at least 1, was " + firstLine);
        }
        this.in = in;
        this.lineNumber = firstLine - 1;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    Line next() throws IOException {
        int length = 0;
        boolean sawAnything = false;
        while (true) {
            if (position == limit && !fill()) {
                break;
            }
            sawAnything = true;
            int start = position;
            int newline = -1;
            for (int i = start; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            length = append(length, start, end - start);
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                return decode(length);
            }
        }
        return sawAnything && length > 0 ? decode(length) : null;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int read = in.readNBytes(buffer, 0, buffer.length);
        if (read <= 0) {
            eof = true;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private int append(int length, int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        return length + count;
    }

    private Line decode(int length) {
        lineNumber++;
        int start = 0;
        if (lineNumber == 1 && length >= 3 && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2]) {
            start = 3;
        }
        int end = length;
        if (end > start && line[end - 1] == '\r') {
            end--;
        }
        if (isAscii(start, end)) {
            return new Line(lineNumber, new String(line, start, end - start, StandardCharsets.ISO_8859_1), true);
        }
        try {
            CharBuffer chars = strict.reset().decode(ByteBuffer.wrap(line, start, end - start));
            return new Line(lineNumber, chars.toString(), true);
        } catch (CharacterCodingException e) {
            return new Line(lineNumber, new String(line, start, end - start, StandardCharsets.UTF_8), false);
        }
    }

    private boolean isAscii(int start, int end) {
        for (int i = start; i < end; i++) {
            if (line[i] < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
