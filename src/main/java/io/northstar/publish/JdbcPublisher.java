package io.northstar.publish;

import static java.util.Objects.requireNonNull;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.jdbc.JdbcConnections;
import io.northstar.jdbc.JdbcUrls;
import io.northstar.jdbc.Retry;
import io.northstar.job.PublishTarget;
import io.northstar.lake.Lake;
import io.northstar.lake.Zone;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Copies every metric table of a published snapshot into the {@code publish.jdbc} database,
 * for BI tools: the tables are created (or widened) on the driver, then each table's rows for
 * the as_of are replaced in one transaction where the rows are. Other as_of dates stay.
 */
public final class JdbcPublisher {
    private final SparkSession spark;
    private final PublishTarget target;

    public JdbcPublisher(SparkSession spark, PublishTarget target) {
        this.spark = requireNonNull(spark, "spark is null");
        this.target = requireNonNull(target, "target is null");
    }

    /**
     * Publishes the snapshot's metric tables; returns the rows written per table, in name order.
     *
     * @throws NorthstarException exit 4 naming the database and the table, when it cannot be written
     */
    public Map<String, Long> publish(Lake lake, LocalDate asOf) {
        Map<String, Long> written = new LinkedHashMap<>();
        try (Connection connection = connect()) {
            if (target.schema() != null) {
                execute(connection, "schema " + target.schema(), "CREATE SCHEMA IF NOT EXISTS "
                        + io.northstar.jdbc.Dialect.of(target.url()).quote(target.schema()));
            }
            for (String lakeTable : lake.tablesWithPartition(Zone.METRICS, asOf)) {
                Dataset<Row> rows = spark.read().parquet(lake.partition(Zone.METRICS, lakeTable, asOf).toString());
                SqlTable table = SqlTable.of(target, lakeTable, rows.schema());
                prepare(connection, table);
                written.put(table.name(), replace(table, rows, asOf));
            }
        } catch (SQLException e) {
            throw failure("", e);
        }
        return Collections.unmodifiableMap(written);
    }

    private Connection connect() {
        try {
            return new Retry(target.retries(), target.retryBackoff())
                    .run(() -> JdbcConnections.open(target.url(), target.user(), target.passwordValue()));
        } catch (Retry.ExhaustedException e) {
            throw new NorthstarException(ExitCode.SOURCE, "publish.jdbc: cannot connect to " + target.describe()
                    + " on " + JdbcUrls.host(target.url()) + " after " + e.attempts() + ": " + redacted(e.rootMessage()));
        }
    }

    /** Creates the table with its as_of index when missing, and adds the columns it lacks. */
    private void prepare(Connection connection, SqlTable table) {
        Set<String> existing = columns(connection, table);
        if (existing == null) {
            execute(connection, "table " + table.name(), table.create());
            execute(connection, "table " + table.name(), table.createIndex());
            return;
        }
        for (SqlColumn column : table.columns()) {
            if (!existing.contains(column.name().toLowerCase(Locale.ROOT))) {
                execute(connection, "table " + table.name(), table.addColumn(column));
            }
        }
    }

    /** The table's column names in lower case, or null when it does not exist yet. */
    private static Set<String> columns(Connection connection, SqlTable table) {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(table.probe())) {
            ResultSetMetaData metadata = result.getMetaData();
            Set<String> names = new TreeSet<>();
            for (int c = 1; c <= metadata.getColumnCount(); c++) {
                names.add(metadata.getColumnName(c).toLowerCase(Locale.ROOT));
            }
            return names;
        } catch (SQLException e) {
            return null;
        }
    }

    private void execute(Connection connection, String what, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(what + ": ", e);
        }
    }

    private long replace(SqlTable table, Dataset<Row> rows, LocalDate asOf) {
        TableReplacer replacer = new TableReplacer(target, table, asOf);
        try {
            if (rows.isEmpty()) {
                // an empty table has no partition to run on, yet its old rows must still go
                return replacer.replace(Collections.emptyIterator());
            }
            return rows.coalesce(1).mapPartitions(replacer, Encoders.LONG()).collectAsList().stream()
                    .mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            throw failure("table " + table.name() + ": ", e);
        }
    }

    private NorthstarException failure(String what, Exception cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new NorthstarException(ExitCode.SOURCE, "publish.jdbc " + target.describe() + " on "
                + JdbcUrls.host(target.url()) + ": " + what + redacted(message));
    }

    private String redacted(String message) {
        return JdbcUrls.redact(message, target.url(), target.passwordValue());
    }
}
