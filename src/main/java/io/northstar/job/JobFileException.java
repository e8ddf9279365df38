package io.northstar.job;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;

/** A job file that cannot be used, with the file, the key path and what was expected. */
public final class JobFileException extends NorthstarException {
    private static final long serialVersionUID = 1L;

    public JobFileException(String file, String keyPath, String problem) {
        super(ExitCode.USAGE, "job file " + file + (keyPath.isEmpty() ? "" : ": " + keyPath) + ": " + problem);
    }
}
