package io.northstar.publish;

import static java.util.Objects.requireNonNull;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.jdbc.JdbcFailure;

/** The publish.jdbc database could not be written (exit 4), and whether copying again can help. */
public final class PublishException extends NorthstarException {
    private static final long serialVersionUID = 1L;
    private final JdbcFailure kind;

    PublishException(JdbcFailure kind, String message) {
        super(ExitCode.SOURCE, message);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public JdbcFailure kind() {
        return kind;
    }

    /** What to do next, given the command that copies the snapshot again. */
    public String nextStep(String publishCommand) {
        return switch (kind) {
            case TRANSIENT -> "retry the copy with: " + publishCommand;
            case CONFIGURATION -> "fix the job file's publish.jdbc section, then copy it with: " + publishCommand;
            case REJECTED -> "copying it again will not help: the database rejects a value of the snapshot";
        };
    }
}
