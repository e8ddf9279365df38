package io.northstar.jdbc;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What a failed database call means for trying again, from the SQLState of the first
 * SQLException among its causes (Spark wraps the driver's). Only a failure a retry may cure is
 * retried: a refused or cut connection, a server restarting, a deadlock.
 */
public enum JdbcFailure {
    /** A connection refused or cut, a server shutting down, a deadlock: worth another attempt. */
    TRANSIENT(""),
    /** No driver for the URL, a bad URL, wrong credentials, an unknown database, table or column. */
    CONFIGURATION("a configuration error (driver, URL, user, password, database, table or query):"
            + " not retried, fix the job file"),
    /** A value the database will not store, or a statement it will not run, whatever the attempt. */
    REJECTED("the database rejected a value: not retried, the same data would be rejected again");

    private final String advice;

    JdbcFailure(String advice) {
        this.advice = advice;
    }

    /** Said after the database's message: empty for a transient failure. */
    public String advice() {
        return advice;
    }

    public boolean isTransient() {
        return this == TRANSIENT;
    }

    /** The kind of the failure; anything not known to be final counts as transient, as before. */
    public static JdbcFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return of(sql);
            }
            if (cause instanceof IOException) {
                return TRANSIENT;
            }
        }
        return TRANSIENT;
    }

    private static JdbcFailure of(SQLException failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        // DriverManager says so with 08001, the class of a refused connection
        if (message.startsWith("no suitable driver")) {
            return CONFIGURATION;
        }
        String state = failure.getSQLState();
        if (state == null || state.length() < 2) {
            return TRANSIENT;
        }
        String sqlClass = state.substring(0, 2);
        return switch (sqlClass) {
            // 28 invalid authorization, 3D unknown database (PostgreSQL), 42 syntax or access rule
            // (MariaDB's unknown database 1049 too), 0A feature not supported
            case "28", "3D", "42", "0A" -> CONFIGURATION;
            // 22 data exception (a NUL byte, a value too long), 23 integrity constraint
            case "22", "23" -> REJECTED;
            default -> TRANSIENT;
        };
    }
}
