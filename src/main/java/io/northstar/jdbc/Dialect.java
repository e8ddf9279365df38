package io.northstar.jdbc;

import io.northstar.contract.Column;
import java.util.Locale;

/**
 * What differs between the databases Northstar talks to: identifier quotes, column types and
 * whether CREATE and ALTER TABLE can be rolled back.
 */
public enum Dialect {
    POSTGRESQL('"', "TEXT", "DOUBLE PRECISION", "", true),
    // InnoDB, whatever the server's default engine: the tables must be replaced in one transaction
    MARIADB('`', "TEXT", "DOUBLE", " ENGINE=InnoDB", false),
    H2('"', "CHARACTER VARYING", "DOUBLE PRECISION", "", false);

    private final char quote;
    private final String textType;
    private final String doubleType;
    private final String tableOptions;
    private final boolean transactionalDdl;

    Dialect(char quote, String textType, String doubleType, String tableOptions, boolean transactionalDdl) {
        this.quote = quote;
        this.textType = textType;
        this.doubleType = doubleType;
        this.tableOptions = tableOptions;
        this.transactionalDdl = transactionalDdl;
    }

    public static Dialect of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database " + JdbcUrls.withoutCredentials(url)
                + " (expected jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: or jdbc:h2:)");
    }

    /** Quotes an identifier, so names such as {@code value} or {@code period} are never keywords. */
    public String quote(String identifier) {
        return quote + identifier + quote;
    }

    /** A table name in a schema (none when null), both quoted. */
    public String qualified(String schema, String table) {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    /** The type of free text of any length. */
    public String textType() {
        return textType;
    }

    /** The type of a 64-bit floating-point number. */
    public String doubleType() {
        return doubleType;
    }

    /** What follows the column list of a CREATE TABLE (the storage engine, on MariaDB). */
    public String tableOptions() {
        return tableOptions;
    }

    /**
     * Whether CREATE TABLE and ALTER TABLE are part of the transaction (PostgreSQL). MariaDB and
     * H2 commit the open transaction before each of them instead.
     */
    public boolean transactionalDdl() {
        return transactionalDdl;
    }

    /** The column type that holds a contract column's values without loss. */
    public String columnType(Column column) {
        return switch (column.type()) {
            case ID, ENUM, PERIOD -> "VARCHAR(64)";
            case TEXT -> textType;
            // RFC 5321: a path holds at most 254 octets
            case EMAIL -> "VARCHAR(254)";
            case DATE -> "DATE";
            case MONEY -> "DECIMAL(18,2)";
            case NUM -> doubleType;
            case INT -> "INTEGER";
            case BOOL -> "BOOLEAN";
        };
    }
}
