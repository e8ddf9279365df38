package io.northstar.jdbc;

import io.northstar.contract.Column;
import io.northstar.contract.DatasetContract;
import io.northstar.contract.Datasets;
import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.source.CsvRecord;
import io.northstar.source.CsvRecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Loads generated CSV files into a database, one table per dataset named like it, with typed
 * columns (so a JDBC source reads the same values the CSV holds). An existing table of that
 * name is replaced.
 */
public final class SampleLoader {
    private static final int BATCH = 5_000;

    private final String url;
    private final String user;
    private final String password;
    private final Dialect dialect;

    /** The database, given as a job's url, user and password are (user-info in the URL works too). */
    public SampleLoader(String url, String user, String password) {
        JdbcUrls.Login login = JdbcUrls.Login.of(url, user, password);
        this.url = login.url();
        this.user = login.user();
        this.password = login.password();
        this.dialect = Dialect.of(url);
    }

    /** Loads every {@code <dataset>.csv} of the folder; returns rows loaded per dataset. */
    public List<Long> load(Path folder) {
        List<Long> counts = new ArrayList<>();
        try (Connection connection = JdbcConnections.open(url, user, password)) {
            connection.setAutoCommit(false);
            for (DatasetContract contract : Datasets.all()) {
                Path file = folder.resolve(contract.name() + ".csv");
                if (Files.exists(file)) {
                    counts.add(loadTable(connection, contract, file));
                }
            }
            if (dialect == Dialect.H2 && !url.toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:h2:mem:")) {
                // an embedded database is otherwise closed by a JVM shutdown hook, racing the exit
                // of the generate command; shut it down here, fully written, before returning
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                }
            }
        } catch (SQLException e) {
            // without the cause: its message may hold the credentials taken out here
            throw new NorthstarException(ExitCode.SOURCE, "database " + JdbcUrls.withoutCredentials(url)
                    + ": " + JdbcUrls.redact(e.getMessage(), url, password));
        } catch (IOException e) {
            throw new NorthstarException(ExitCode.INTERNAL, "cannot read the generated files: " + e.getMessage(), e);
        }
        return counts;
    }

    private long loadTable(Connection connection, DatasetContract contract, Path file) throws SQLException, IOException {
        String table = dialect.quote(contract.name());
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner definitions = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        for (Column column : contract.columns()) {
            columns.add(dialect.quote(column.name()));
            definitions.add(dialect.quote(column.name()) + " " + dialect.columnType(column));
            marks.add("?");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("CREATE TABLE " + table + " (" + definitions + ")");
        }
        long rows = 0;
        try (InputStream in = Files.newInputStream(file);
                CsvRecordReader reader = new CsvRecordReader(in);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
            List<String> header = reader.next().fields();
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                if (record.isMalformed()) {
                    throw new IllegalStateException(file + ": line " + record.line() + " is malformed");
                }
                for (int c = 0; c < contract.columns().size(); c++) {
                    Column column = contract.columns().get(c);
                    bind(insert, c + 1, column, record.fields().get(header.indexOf(column.name())));
                }
                insert.addBatch();
                if (++rows % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        return rows;
    }

    private static void bind(PreparedStatement insert, int index, Column column, String text) throws SQLException {
        if (text.isEmpty()) {
            insert.setNull(index, switch (column.type()) {
                case DATE -> Types.DATE;
                case MONEY -> Types.DECIMAL;
                case NUM -> Types.DOUBLE;
                case INT -> Types.INTEGER;
                case BOOL -> Types.BOOLEAN;
                default -> Types.VARCHAR;
            });
            return;
        }
        switch (column.type()) {
            case DATE -> insert.setDate(index, java.sql.Date.valueOf(LocalDate.parse(text)));
            case MONEY -> insert.setBigDecimal(index, new BigDecimal(text));
            case NUM -> insert.setDouble(index, Double.parseDouble(text));
            case INT -> insert.setInt(index, Integer.parseInt(text));
            // the generated files write true or false; a database stores the flag as its own BOOLEAN
            case BOOL -> insert.setBoolean(index, Boolean.parseBoolean(text));
            default -> insert.setString(index, text);
        }
    }
}
