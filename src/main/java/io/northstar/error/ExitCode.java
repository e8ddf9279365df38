package io.northstar.error;

/**
 * The process exit codes of every Northstar command, in one place so that schedulers,
 * scripts and the {@code --help} text agree.
 */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL(1, "internal error (a bug: the log has the stack trace)"),
    USAGE(2, "usage error or invalid job file"),
    DATA_QUALITY(3, "data-quality gate failed, or a source breaks the contract (missing column)"),
    SOURCE(4, "a source could not be read, or the publish.jdbc database could not be written"),
    LAKE_BUSY(5, "another run holds the lake's lock (the message names it); nothing was done"),
    LAKE_DAMAGED(6, "a file in the lake cannot be read (the message names it): restore it or run that as_of again"),
    CANNOT_WRITE(7, "the lake or reports folder could not be written (no space left, no permission);"
            + " the previous snapshot stands"),
    DELIVERY_FAILED(8, "the snapshot is published, but some deliveries failed (the message names the recipients and"
            + " why); `northstar deliver` retries them");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The exit-code table as shown at the end of {@code --help}. */
    public static String table() {
        StringBuilder text = new StringBuilder();
        for (ExitCode exitCode : values()) {
            text.append(String.format("  %d  %s%n", exitCode.code, exitCode.meaning));
        }
        return text.toString();
    }
}
