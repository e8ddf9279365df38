package io.northstar.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An I/O failure while an executor reads a source, kept apart from failures while writing the
 * lake so the run can exit with "a source could not be read".
 */
final class SourceReadException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    SourceReadException(String location, IOException cause) {
        super("reading " + location + ": " + cause.getMessage(), cause);
    }
}
