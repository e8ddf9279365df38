package io.northstar.lake;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;

/** Another run holds the lake's lock. */
public final class LakeBusyException extends NorthstarException {
    private static final long serialVersionUID = 1L;

    public LakeBusyException(String message) {
        super(ExitCode.LAKE_BUSY, message);
    }
}
