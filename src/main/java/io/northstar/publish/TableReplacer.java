package io.northstar.publish;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Replaces one as_of's rows of a published table: deletes them and inserts the snapshot's rows,
 * in the caller's transaction, which the caller commits once every table is replaced.
 */
final class TableReplacer {
    private static final int BATCH = 1_000;

    private final SqlTable table;
    private final LocalDate asOf;

    TableReplacer(SqlTable table, LocalDate asOf) {
        this.table = requireNonNull(table, "table is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
    }

    /** Replaces the rows and returns how many were inserted. */
    long replace(Connection connection, Iterator<Row> rows) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(table.deleteAsOf())) {
            delete.setDate(1, Date.valueOf(asOf));
            delete.executeUpdate();
        }
        long inserted = 0;
        try (PreparedStatement insert = connection.prepareStatement(table.insert())) {
            List<SqlColumn> columns = table.columns();
            while (rows.hasNext()) {
                Row row = rows.next();
                for (int c = 0; c < columns.size(); c++) {
                    SqlColumn column = columns.get(c);
                    column.bind(insert, c + 1, row, row.fieldIndex(column.name()));
                }
                insert.addBatch();
                if (++inserted % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return inserted;
    }
}
