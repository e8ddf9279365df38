package io.northstar.publish;

import static java.util.Objects.requireNonNull;

import io.northstar.jdbc.Dialect;
import io.northstar.job.PublishTarget;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.apache.spark.sql.types.StructType;

/**
 * A metric table as the publish database holds it, and the SQL that keeps it: created on first
 * publish with an index on as_of, widened when a newer Northstar adds a column, and replaced
 * one as_of at a time; dropped again (table or column) when the publish that added it fails on
 * a database whose CREATE and ALTER TABLE cannot be rolled back.
 *
 * @param name the table's name in the database: the prefix, then the lake's table name
 */
record SqlTable(Dialect dialect, String schema, String name, List<SqlColumn> columns) implements Serializable {

    static final String AS_OF = "as_of";

    SqlTable {
        requireNonNull(dialect, "dialect is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        if (!SqlColumn.names(columns).contains(AS_OF)) {
            throw new IllegalArgumentException("table " + name + " has no " + AS_OF + " column");
        }
    }

    /** The database table for a lake table of the given schema. */
    static SqlTable of(PublishTarget target, String lakeTable, StructType schema) {
        Dialect dialect = Dialect.of(target.url());
        return new SqlTable(dialect, target.schema(), target.tablePrefix() + lakeTable, Arrays.stream(schema.fields())
                .map(field -> SqlColumn.of(dialect, lakeTable, field)).toList());
    }

    String qualifiedName() {
        return dialect.qualified(schema, name);
    }

    /** Selects no row: fails when the table does not exist, else tells its columns. */
    String probe() {
        return "SELECT * FROM " + qualifiedName() + " WHERE 1 = 0";
    }

    String create() {
        StringJoiner definitions = new StringJoiner(", ");
        columns.forEach(column -> definitions.add(definition(column)));
        return "CREATE TABLE " + qualifiedName() + " (" + definitions + ")" + dialect.tableOptions();
    }

    String createIndex() {
        return "CREATE INDEX " + dialect.quote(name + "_" + AS_OF) + " ON " + qualifiedName() + " ("
                + dialect.quote(AS_OF) + ")";
    }

    String addColumn(SqlColumn column) {
        return "ALTER TABLE " + qualifiedName() + " ADD " + definition(column);
    }

    String drop() {
        return "DROP TABLE " + qualifiedName();
    }

    String dropColumn(SqlColumn column) {
        return "ALTER TABLE " + qualifiedName() + " DROP COLUMN " + dialect.quote(column.name());
    }

    String deleteAsOf() {
        return "DELETE FROM " + qualifiedName() + " WHERE " + dialect.quote(AS_OF) + " = ?";
    }

    String insert() {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        for (SqlColumn column : columns) {
            names.add(dialect.quote(column.name()));
            marks.add("?");
        }
        return "INSERT INTO " + qualifiedName() + " (" + names + ") VALUES (" + marks + ")";
    }

    private String definition(SqlColumn column) {
        return dialect.quote(column.name()) + " " + column.sqlType();
    }
}
