package io.northstar.job;

import static java.util.Objects.requireNonNull;

import io.northstar.jdbc.JdbcUrls;

/** Where one dataset comes from. */
public sealed interface SourceSpec permits SourceSpec.Csv, SourceSpec.Jdbc {

    /** A description safe to log and to write into the manifest (never a credential). */
    String describe();

    /** A CSV file, or a folder whose {@code *.csv} files share one header. */
    record Csv(String path) implements SourceSpec {
        public Csv {
            requireNonNull(path, "path is null");
        }

        @Override
        public String describe() {
            return path;
        }
    }

    /**
     * A table or query of a database. Exactly one of {@code table} and {@code query} is set;
     * the partitioning fields are null when the read is not partitioned. User-info in the URL
     * is moved into {@code user} and {@code password} (see {@link JdbcUrls.Login}).
     */
    record Jdbc(
            String url,
            String user,
            Secret password,
            String table,
            String query,
            Integer fetchSize,
            String partitionColumn,
            Long lowerBound,
            Long upperBound,
            Integer numPartitions,
            int retries,
            java.time.Duration retryBackoff) implements SourceSpec {

        public Jdbc {
            requireNonNull(url, "url is null");
            JdbcUrls.Login login = JdbcUrls.Login.of(url, user, password == null ? null : password.value());
            url = login.url();
            user = login.user();
            password = Secret.ofNullable(login.password());
            if ((table == null) == (query == null)) {
                throw new IllegalArgumentException("exactly one of table and query is set");
            }
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be >= 0");
            }
            requireNonNull(retryBackoff, "retryBackoff is null");
        }

        @Override
        public String describe() {
            return JdbcUrls.withoutCredentials(url) + " " + (table != null ? "table " + table : "query");
        }
    }
}
