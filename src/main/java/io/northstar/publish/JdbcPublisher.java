package io.northstar.publish;

import static java.util.Objects.requireNonNull;

import io.northstar.error.NorthstarException;
import io.northstar.jdbc.Dialect;
import io.northstar.jdbc.JdbcConnections;
import io.northstar.jdbc.JdbcUrls;
import io.northstar.jdbc.Retry;
import io.northstar.job.PublishTarget;
import io.northstar.lake.Lake;
import io.northstar.lake.LakeFailures;
import io.northstar.lake.Zone;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Copies every metric table of a published snapshot into the {@code publish.jdbc} database,
 * for BI tools, all or nothing: the tables are created (or widened), then each table's rows for
 * the as_of are replaced, every table in one transaction on one connection, committed once.
 * Other as_of dates stay. When anything fails, the transaction is rolled back, and on
 * databases that commit CREATE and ALTER TABLE at once (MariaDB, H2) the tables and columns
 * this publish added are dropped again, so the target is left as it was.
 *
 * <p>The tables keep their identity (no staging tables renamed into place), so the grants,
 * views and indexes that BI users put on them survive a publish.
 */
public final class JdbcPublisher {
    private final SparkSession spark;
    private final PublishTarget target;
    private final Dialect dialect;

    public JdbcPublisher(SparkSession spark, PublishTarget target) {
        this.spark = requireNonNull(spark, "spark is null");
        this.target = requireNonNull(target, "target is null");
        this.dialect = Dialect.of(target.url());
    }

    /**
     * Publishes the snapshot's metric tables; returns the rows written per table, in name order.
     * A transient failure (the connection refused or cut) is retried as the job says: the
     * whole copy again, which is safe since a failed attempt changed nothing.
     *
     * @throws PublishException exit 4 naming the database, the table and whether a retry can help
     */
    public Map<String, Long> publish(Lake lake, LocalDate asOf) {
        Map<SqlTable, Dataset<Row>> tables = new LinkedHashMap<>();
        for (String lakeTable : lake.tablesWithPartition(Zone.METRICS, asOf)) {
            Dataset<Row> rows = spark.read().parquet(lake.partition(Zone.METRICS, lakeTable, asOf).toString());
            tables.put(SqlTable.of(target, lakeTable, rows.schema()), rows);
        }
        try {
            return new Retry(target.retries(), target.retryBackoff()).run(() -> new Attempt().copy(tables, asOf));
        } catch (Retry.FailedException e) {
            throw failure(e);
        }
    }

    private PublishException failure(Retry.FailedException e) {
        String where = e.getCause() instanceof StepFailure step ? step.step : "";
        String message = JdbcUrls.redact(e.rootMessage(), target.url(), target.passwordValue());
        if (where.isEmpty()) {
            return new PublishException(e.kind(), "publish.jdbc: cannot connect to " + target.describe() + " on "
                    + JdbcUrls.host(target.url()) + " after " + e.attempts() + ": " + message + e.advice());
        }
        return new PublishException(e.kind(), "publish.jdbc " + target.describe() + " on " + JdbcUrls.host(target.url())
                + ": " + where + ": " + message + e.advice() + " (after " + e.attempts() + "; the database's tables"
                + " are as they were before)");
    }

    /** A failure and the step it happened in ({@code table findings}; empty while connecting). */
    private static final class StepFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String step;

        StepFailure(String step, Exception cause) {
            super(step + ": " + cause.getMessage(), cause);
            this.step = step;
        }
    }

    /** One attempt at the copy, on one connection. */
    private final class Attempt {
        /** Statements that take back this attempt's CREATE and ALTER TABLE, latest first. */
        private final List<String> undo = new ArrayList<>();
        private String step = "the transaction";

        Map<String, Long> copy(Map<SqlTable, Dataset<Row>> tables, LocalDate asOf) throws StepFailure {
            Connection connection;
            try {
                connection = JdbcConnections.open(target.url(), target.user(), target.passwordValue());
            } catch (SQLException e) {
                throw new StepFailure("", e);
            }
            try (connection) {
                return copy(connection, tables, asOf);
            } catch (NorthstarException e) {
                throw e;
            } catch (SQLException | RuntimeException e) {
                throw new StepFailure(step, e);
            }
        }

        private Map<String, Long> copy(Connection connection, Map<SqlTable, Dataset<Row>> tables, LocalDate asOf)
                throws SQLException {
            try {
                // on PostgreSQL the tables' creation is part of the one transaction; elsewhere it
                // must come before any row is touched, since each CREATE commits what is open
                connection.setAutoCommit(!dialect.transactionalDdl());
                if (target.schema() != null) {
                    step = "schema " + target.schema();
                    execute(connection, "CREATE SCHEMA IF NOT EXISTS " + dialect.quote(target.schema()));
                }
                for (SqlTable table : tables.keySet()) {
                    step = "table " + table.name();
                    prepare(connection, table);
                }
                connection.setAutoCommit(false);
                Map<String, Long> written = new LinkedHashMap<>();
                for (Map.Entry<SqlTable, Dataset<Row>> entry : tables.entrySet()) {
                    SqlTable table = entry.getKey();
                    step = "table " + table.name();
                    written.put(table.name(), new TableReplacer(table, asOf).replace(connection, lakeRows(entry.getValue())));
                }
                step = "commit";
                connection.commit();
                return Collections.unmodifiableMap(written);
            } catch (SQLException | RuntimeException e) {
                takeBack(connection, e);
                throw e;
            }
        }

        /** Creates the table with its as_of index when missing, and adds the columns it lacks. */
        private void prepare(Connection connection, SqlTable table) throws SQLException {
            Set<String> existing = columns(connection, table);
            if (existing == null) {
                execute(connection, table.create());
                undo.add(0, table.drop());
                execute(connection, table.createIndex());
                return;
            }
            for (SqlColumn column : table.columns()) {
                if (!existing.contains(column.name().toLowerCase(Locale.ROOT))) {
                    execute(connection, table.addColumn(column));
                    undo.add(0, table.dropColumn(column));
                }
            }
        }

        /** Rolls back, then drops what CREATE and ALTER TABLE had committed on their own. */
        private void takeBack(Connection connection, Exception failure) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                if (!dialect.transactionalDdl()) {
                    connection.setAutoCommit(true);
                    for (String statement : undo) {
                        execute(connection, statement);
                    }
                }
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The table's column names in lower case, or null when it does not exist yet. */
    private Set<String> columns(Connection connection, SqlTable table) throws SQLException {
        // a failed probe would abort PostgreSQL's transaction: ask the metadata instead
        if (!exists(connection, table)) {
            return null;
        }
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(table.probe())) {
            ResultSetMetaData metadata = result.getMetaData();
            Set<String> names = new TreeSet<>();
            for (int c = 1; c <= metadata.getColumnCount(); c++) {
                names.add(metadata.getColumnName(c).toLowerCase(Locale.ROOT));
            }
            return names;
        }
    }

    private boolean exists(Connection connection, SqlTable table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        // MariaDB calls its databases catalogs; PostgreSQL and H2 have schemas
        boolean catalogs = dialect == Dialect.MARIADB;
        String schema = table.schema() != null ? table.schema() : catalogs ? connection.getCatalog() : connection.getSchema();
        String escape = metadata.getSearchStringEscape();
        // a pattern: the _ of kpi_status would match any character
        String name = escape == null ? table.name() : table.name().replace("_", escape + "_");
        try (ResultSet tables = metadata.getTables(catalogs ? schema : null, catalogs ? null : schema, name, null)) {
            return tables.next();
        }
    }

    /** The rows of a lake table; a damaged file is the lake's fault (exit 6), never retried. */
    private static Iterator<Row> lakeRows(Dataset<Row> rows) {
        Iterator<Row> iterator = rows.toLocalIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return iterator.hasNext();
                } catch (RuntimeException e) {
                    throw LakeFailures.damagedFile(e).map(RuntimeException.class::cast).orElseThrow(() -> e);
                }
            }

            @Override
            public Row next() {
                return iterator.next();
            }
        };
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
