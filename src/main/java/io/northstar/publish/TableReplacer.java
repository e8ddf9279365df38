package io.northstar.publish;

import static java.util.Objects.requireNonNull;

import io.northstar.jdbc.JdbcConnections;
import io.northstar.jdbc.Retry;
import io.northstar.job.PublishTarget;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Replaces one as_of's rows of a published table in one transaction: delete them, insert the
 * snapshot's rows, commit. Readers see the old rows or the new ones, never a mix; a task that
 * Spark retries simply does it again. Runs where the rows are (an executor, on a cluster).
 */
final class TableReplacer implements MapPartitionsFunction<Row, Long> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 1_000;

    private final PublishTarget target;
    private final SqlTable table;
    private final LocalDate asOf;

    TableReplacer(PublishTarget target, SqlTable table, LocalDate asOf) {
        this.target = requireNonNull(target, "target is null");
        this.table = requireNonNull(table, "table is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
    }

    /** Spark's entry point: one partition holds the whole table, so this is called once. */
    @Override
    public Iterator<Long> call(Iterator<Row> rows) throws Exception {
        return List.of(replace(rows)).iterator();
    }

    /** Replaces the rows and returns how many were inserted. */
    long replace(Iterator<Row> rows) throws SQLException, Retry.ExhaustedException {
        try (Connection connection = new Retry(target.retries(), target.retryBackoff())
                .run(() -> JdbcConnections.open(target.url(), target.user(), target.passwordValue()))) {
            connection.setAutoCommit(false);
            try {
                long inserted = replace(connection, rows);
                connection.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        }
    }

    private long replace(Connection connection, Iterator<Row> rows) throws SQLException {
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

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
