package io.northstar.lake;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;

/** The lake could not be written or read (permissions, a full disk, a broken filesystem). */
public final class LakeException extends NorthstarException {
    private static final long serialVersionUID = 1L;

    /** Exit 7 when the cause is a full or read-only disk (LakeFailures), 1 otherwise. */
    public LakeException(String message, Throwable cause) {
        super(LakeFailures.cannotWrite(cause, "").isPresent() ? ExitCode.CANNOT_WRITE : ExitCode.INTERNAL, message,
                cause);
    }
}
