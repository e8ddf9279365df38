package io.northstar.error;

import static java.util.Objects.requireNonNull;

/**
 * A failure the user can act on: it carries the exit code and a message that is printed
 * without a stack trace. Anything else that escapes a command is a bug (exit 1).
 */
public class NorthstarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public NorthstarException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public NorthstarException(ExitCode exitCode, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.exitCode = requireNonNull(exitCode, "exitCode is null");
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
