package io.northstar.lake;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;

/** The lake could not be written or read (permissions, a full disk, a broken filesystem). */
public final class LakeException extends NorthstarException {
    private static final long serialVersionUID = 1L;

    public LakeException(String message, Throwable cause) {
        super(ExitCode.INTERNAL, message, cause);
    }
}
