package io.northstar.job;

import static java.util.Objects.requireNonNull;

import io.northstar.jdbc.JdbcUrls;
import java.io.Serializable;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The database that the {@code publish.jdbc} section of a job names: every metric table of a
 * published snapshot is copied into it, keyed by as_of, for BI tools.
 *
 * @param url the database; user-info in it ({@code //user:password@host}) is moved into
 *     {@code user} and {@code password}, which win when given too (see {@link JdbcUrls.Login})
 * @param schema the schema (a database on MariaDB/MySQL) holding the tables, created when
 *     missing; null for the connection's default
 * @param tablePrefix put before every table name, so several jobs can share a schema; may be empty
 */
public record PublishTarget(
        String url,
        String user,
        Secret password,
        String schema,
        String tablePrefix,
        int retries,
        Duration retryBackoff) implements Serializable {

    /** Names that need no quoting in any of the databases, so they can never smuggle in SQL. */
    public static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,40}");

    public PublishTarget {
        requireNonNull(url, "url is null");
        JdbcUrls.Login login = JdbcUrls.Login.of(url, user, password == null ? null : password.value());
        url = login.url();
        user = login.user();
        password = Secret.ofNullable(login.password());
        if (schema != null && !PLAIN_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must match " + PLAIN_NAME.pattern());
        }
        requireNonNull(tablePrefix, "tablePrefix is null");
        if (!tablePrefix.isEmpty() && !PLAIN_NAME.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must match " + PLAIN_NAME.pattern());
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0");
        }
        requireNonNull(retryBackoff, "retryBackoff is null");
    }

    /** The password's text, or null when the job gives none. */
    public String passwordValue() {
        return password == null ? null : password.value();
    }

    /** Where the tables go, safe to log and to write into the manifest (never a credential). */
    public String describe() {
        return JdbcUrls.withoutCredentials(url) + (schema == null ? "" : " schema " + schema);
    }
}
