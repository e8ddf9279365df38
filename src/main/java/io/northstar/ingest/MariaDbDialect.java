package io.northstar.ingest;

import java.util.Locale;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;

/**
 * Spark knows MySQL's dialect only by jdbc:mysql: URLs; with a jdbc:mariadb: URL it would quote
 * column names in double quotes, which MariaDB reads as strings. This dialect quotes them with
 * backticks.
 */
final class MariaDbDialect extends JdbcDialect {
    private static final long serialVersionUID = 1L;
    private static boolean registered;

    /** Registers the dialect once per JVM. */
    static synchronized void register() {
        if (!registered) {
            JdbcDialects.registerDialect(new MariaDbDialect());
            registered = true;
        }
    }

    @Override
    public boolean canHandle(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:mariadb:");
    }

    @Override
    public String quoteIdentifier(String column) {
        return "`" + column.replace("`", "``") + "`";
    }
}
