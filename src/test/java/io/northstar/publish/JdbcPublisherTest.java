package io.northstar.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.jdbc.Dialect;
import io.northstar.jdbc.JdbcConnections;
import io.northstar.job.PublishTarget;
import io.northstar.job.Secret;
import io.northstar.lake.Lake;
import io.northstar.lake.Zone;
import io.northstar.testing.TestingDatabases;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSample;
import io.northstar.testing.TestingSpark;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The publish.jdbc target on H2, PostgreSQL and MariaDB: every metric table of a snapshot lands
 * with the lake's exact values, keyed by as_of; a re-publish replaces only its own as_of.
 */
class JdbcPublisherTest {
    private static final LocalDate LATEST = TestingJob.AS_OF;
    private static final LocalDate EARLIER = TestingSample.PREVIOUS;
    private static final String SCHEMA = "northstar_bi";

    @TempDir
    static Path folder;

    private static TestingJob job;

    @BeforeAll
    static void twoPublishedSnapshots() {
        job = TestingSample.twoSnapshots().job();
    }

    /** A fresh, empty schema on the named database. */
    private static PublishTarget target(String database) throws SQLException {
        return switch (database) {
            case "h2" -> new PublishTarget("jdbc:h2:" + folder.resolve("bi-" + System.nanoTime()), "sa", null, SCHEMA,
                    "", 0, Duration.ofMillis(10));
            case "postgresql" -> fresh(new PublishTarget(TestingDatabases.postgres(), "postgres", null, SCHEMA, "", 0,
                    Duration.ofMillis(10)), "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            case "mariadb" -> fresh(new PublishTarget(TestingDatabases.mariadb(), "root", null, SCHEMA, "", 0,
                    Duration.ofMillis(10)), "DROP DATABASE IF EXISTS " + SCHEMA);
            default -> throw new IllegalArgumentException(database);
        };
    }

    private static PublishTarget fresh(PublishTarget target, String drop) throws SQLException {
        try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
            statement.execute(drop);
        }
        return target;
    }

    private static Connection connect(PublishTarget target) throws SQLException {
        return JdbcConnections.open(target.url(), target.user(), target.passwordValue());
    }

    private static Lake lake() {
        return new Lake(job.lake().toString(), TestingSpark.session().sparkContext().hadoopConfiguration());
    }

    private static Map<String, Long> publish(PublishTarget target, LocalDate asOf) {
        return new JdbcPublisher(TestingSpark.session(), target).publish(lake(), asOf);
    }

    private static List<String> metricTables(LocalDate asOf) {
        return new Lake(job.lake().toString(), TestingSpark.session().sparkContext().hadoopConfiguration())
                .tablesWithPartition(io.northstar.lake.Zone.METRICS, asOf);
    }

    /** Every metric table of the snapshot is in the database with exactly the lake's values, once. */
    private static void assertDatabaseHolds(PublishTarget target, LocalDate asOf) throws SQLException {
        List<String> tables = metricTables(asOf);
        assertThat(tables).contains("kpi_status", "budget_variance", "objective_scorecard", "risk_heatmap", "findings");
        try (Connection connection = connect(target)) {
            for (String table : tables) {
                List<Row> lake = job.table("metrics", table, asOf).collectAsList();
                List<String> expected = lake.stream().map(JdbcPublisherTest::lakeText).sorted().toList();
                assertThat(databaseRows(connection, target, table, asOf, lake.isEmpty() ? null : lake.get(0)))
                        .as(table + " as_of " + asOf).isEqualTo(expected);
            }
        }
    }

    private static List<String> databaseRows(Connection connection, PublishTarget target, String table,
            LocalDate asOf, Row sample) throws SQLException {
        Dialect dialect = Dialect.of(target.url());
        List<String> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM "
                + dialect.qualified(target.schema(), table) + " WHERE " + dialect.quote("as_of") + " = ?")) {
            select.setDate(1, java.sql.Date.valueOf(asOf));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(databaseText(result, sample));
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    /** A lake row as text: doubles exactly, decimals plainly, lists joined with commas. */
    private static String lakeText(Row row) {
        StringJoiner text = new StringJoiner("|");
        StructField[] fields = row.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            DataType type = fields[i].dataType();
            Object value = row.get(i);
            if (value == null) {
                text.add("null");
            } else if (type instanceof ArrayType) {
                text.add(String.join(",", row.<String>getList(i)));
            } else if (type instanceof DecimalType) {
                text.add(((BigDecimal) value).toPlainString());
            } else {
                text.add(value.toString());
            }
        }
        return text.toString();
    }

    /** A database row as text, read by the lake's types so that both sides print alike. */
    private static String databaseText(ResultSet result, Row sample) throws SQLException {
        StringJoiner text = new StringJoiner("|");
        StructField[] fields = sample.schema().fields();
        for (StructField field : fields) {
            String name = field.name();
            DataType type = field.dataType();
            Object value;
            if (type.equals(DataTypes.DoubleType)) {
                value = result.getDouble(name);
            } else if (type.equals(DataTypes.BooleanType)) {
                value = result.getBoolean(name);
            } else if (type.equals(DataTypes.IntegerType)) {
                value = result.getInt(name);
            } else if (type.equals(DataTypes.LongType)) {
                value = result.getLong(name);
            } else if (type instanceof DecimalType) {
                BigDecimal decimal = result.getBigDecimal(name);
                value = decimal == null ? null : decimal.toPlainString();
            } else if (type.equals(DataTypes.DateType)) {
                java.sql.Date date = result.getDate(name);
                value = date == null ? null : date.toLocalDate();
            } else {
                value = result.getString(name);
            }
            text.add(result.wasNull() || value == null ? "null" : value.toString());
        }
        return text.toString();
    }

    private static long count(PublishTarget target, String table, LocalDate asOf) throws SQLException {
        Dialect dialect = Dialect.of(target.url());
        try (Connection connection = connect(target); PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + dialect.qualified(target.schema(), table) + " WHERE "
                        + dialect.quote("as_of") + " = ?")) {
            select.setDate(1, java.sql.Date.valueOf(asOf));
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * Every table of the target's schema: its columns, then its rows sorted, each as text.
     * Equal before and after means the database is as it was: no table, column or row differs.
     */
    private static Map<String, List<String>> contents(PublishTarget target) throws SQLException {
        Dialect dialect = Dialect.of(target.url());
        boolean catalogs = dialect == Dialect.MARIADB;
        Map<String, List<String>> contents = new TreeMap<>();
        try (Connection connection = connect(target)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = connection.getMetaData().getTables(catalogs ? SCHEMA : null, catalogs ? null : SCHEMA,
                    "%", null)) {
                while (result.next()) {
                    if (result.getString("TABLE_TYPE").endsWith("TABLE")) {
                        tables.add(result.getString("TABLE_NAME"));
                    }
                }
            }
            for (String table : tables) {
                List<String> lines = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SELECT * FROM " + dialect.qualified(SCHEMA, table))) {
                    int count = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringJoiner row = new StringJoiner("|");
                        for (int c = 1; c <= count; c++) {
                            row.add(String.valueOf(result.getString(c)));
                        }
                        lines.add(row.toString());
                    }
                    lines.sort(null);
                    StringJoiner columns = new StringJoiner(",", "columns ", "");
                    for (int c = 1; c <= count; c++) {
                        columns.add(result.getMetaData().getColumnName(c));
                    }
                    lines.add(0, columns.toString());
                }
                contents.put(table, lines);
            }
        }
        return contents;
    }

    /**
     * A lake whose snapshot differs from the sample's in every metric table (only its first row
     * is left), adds a table and a kpi_status column the database has never seen, and holds in
     * findings a value the database rejects: a NUL byte in a text (PostgreSQL), a text longer
     * than TEXT's 65,535 bytes (MariaDB), a word in the INTEGER column sort_order (H2, which
     * stores any text).
     */
    private static Lake snapshotTheDatabaseRejects(Path root, String database) {
        SparkSession spark = TestingSpark.session();
        Lake source = lake();
        Lake doctored = new Lake(root.toString(), spark.sparkContext().hadoopConfiguration());
        Column rejected = functions.lit(switch (database) {
            case "postgresql" -> "a\0b";
            case "mariadb" -> "x".repeat(70_000);
            default -> "first";
        });
        for (String table : metricTables(LATEST)) {
            Dataset<Row> rows = spark.read().parquet(source.partition(Zone.METRICS, table, LATEST).toString()).limit(1);
            if (table.equals("findings")) {
                rows = rows.withColumn(database.equals("h2") ? "sort_order" : "message", rejected);
            }
            if (table.equals("kpi_status")) {
                rows = rows.withColumn("added_later", functions.lit(1));
            }
            rows.write().parquet(doctored.partition(Zone.METRICS, table, LATEST).toString());
        }
        spark.range(3).selectExpr("id", "DATE'" + LATEST + "' AS as_of")
                .write().parquet(doctored.partition(Zone.METRICS, "aaa_new_table", LATEST).toString());
        assertThat(doctored.tablesWithPartition(Zone.METRICS, LATEST)).contains("findings", "aaa_new_table")
                .hasSize(metricTables(LATEST).size() + 1);
        return doctored;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void publishingTheSameAsOfTwiceLeavesOneCopyWithTheLakesExactValues(String database) throws SQLException {
        PublishTarget target = target(database);
        Map<String, Long> first = publish(target, LATEST);
        Map<String, Long> second = publish(target, LATEST);

        assertThat(second).isEqualTo(first).containsOnlyKeys(metricTables(LATEST));
        assertThat(first.get("kpi_status")).isEqualTo(40L);
        assertDatabaseHolds(target, LATEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void publishingTwoAsOfDatesKeepsBothAndReplacingOneLeavesTheOther(String database) throws SQLException {
        PublishTarget target = target(database);
        publish(target, LATEST);
        publish(target, EARLIER);
        publish(target, LATEST);

        assertDatabaseHolds(target, LATEST);
        assertDatabaseHolds(target, EARLIER);
    }

    @Test
    void aTableFromAnOlderReleaseGainsTheNewColumnsAndKeepsItsRows() throws SQLException {
        PublishTarget target = target("h2");
        try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA \"" + SCHEMA + "\"");
            statement.execute("CREATE TABLE \"" + SCHEMA + "\".\"risk_heatmap\" (\"likelihood\" INTEGER,"
                    + " \"impact\" INTEGER, \"as_of\" DATE)");
            statement.execute("INSERT INTO \"" + SCHEMA + "\".\"risk_heatmap\" VALUES (1, 1, DATE '2026-06-30')");
        }
        publish(target, LATEST);

        assertThat(count(target, "risk_heatmap", LocalDate.of(2026, 6, 30))).isEqualTo(1);
        assertThat(count(target, "risk_heatmap", LATEST)).isEqualTo(25);
        assertDatabaseHolds(target, LATEST);
    }

    @Test
    void aTablePrefixKeepsSeveralJobsApartInOneSchema() throws SQLException {
        PublishTarget plain = target("h2");
        PublishTarget prefixed = new PublishTarget(plain.url(), plain.user(), null, SCHEMA, "emea_", 0,
                Duration.ofMillis(10));
        assertThat(publish(prefixed, LATEST)).containsKey("emea_kpi_status").doesNotContainKey("kpi_status");
        assertThat(count(prefixed, "emea_kpi_status", LATEST)).isEqualTo(40);
    }

    @Test
    void anUnreachableDatabaseIsRetriedThenExitsWithFourNamingTheHostWithoutThePassword() {
        PublishTarget target = new PublishTarget("jdbc:postgresql://127.0.0.1:9/bi?password=Sup3rS3cret", "bi",
                new Secret("Sup3rS3cret"), SCHEMA, "", 2, Duration.ofMillis(10));
        assertThatThrownBy(() -> publish(target, LATEST))
                .isInstanceOfSatisfying(NorthstarException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.SOURCE))
                .hasMessageContaining("publish.jdbc")
                .hasMessageContaining("127.0.0.1:9")
                .hasMessageContaining("after 3 attempts")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Sup3rS3cret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void aPublishThatFailsAtOneTableLeavesEveryTableAsItWasAndSaysARetryWillNotHelp(String database)
            throws SQLException {
        PublishTarget target = target(database);
        publish(target, EARLIER);
        publish(target, LATEST);
        Map<String, List<String>> before = contents(target);
        assertThat(before).containsKeys("kpi_status", "findings", "alignment").doesNotContainKey("aaa_new_table");
        Lake rejected = snapshotTheDatabaseRejects(folder.resolve("rejected-" + database), database);

        assertThatThrownBy(() -> new JdbcPublisher(TestingSpark.session(), target).publish(rejected, LATEST))
                .isInstanceOfSatisfying(PublishException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.SOURCE);
                    assertThat(e.kind()).isEqualTo(io.northstar.jdbc.JdbcFailure.REJECTED);
                    assertThat(e.nextStep("northstar publish")).contains("will not help")
                            .doesNotContain("northstar publish");
                })
                .hasMessageContaining("table findings: ")
                .hasMessageContaining("the database rejected a value: not retried")
                .hasMessageContaining("after 1 attempt;")
                .hasMessageContaining("the database's tables are as they were");
        assertThat(contents(target)).isEqualTo(before);
    }

    @Test
    void aWrongPasswordIsNotRetriedAndTheMessageSaysItIsTheConfiguration() throws SQLException {
        String url = TestingDatabases.mariadb();
        PublishTarget target = new PublishTarget(url, "root", new Secret("Wr0ng-Passw0rd"), SCHEMA, "", 3,
                Duration.ofMillis(10));
        assertThatThrownBy(() -> publish(target, LATEST))
                .isInstanceOfSatisfying(PublishException.class,
                        e -> assertThat(e.kind()).isEqualTo(io.northstar.jdbc.JdbcFailure.CONFIGURATION))
                .hasMessageContaining("publish.jdbc: cannot connect to " + url)
                .hasMessageContaining("after 1 attempt: ")
                .hasMessageContaining("Access denied")
                .hasMessageContaining("a configuration error")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Wr0ng-Passw0rd"));
    }

    @Test
    void aUrlWithUserInfoConnectsWithItsUserAndPasswordAndShowsNeither() throws SQLException {
        String password = "Hunter2-userinfo@x";
        String url = TestingDatabases.mariadbUserWithPassword("northstar_pw", password)
                .replace("//", "//northstar_pw:" + password.replace("@", "%40") + "@");
        PublishTarget target = fresh(new PublishTarget(url, null, null, SCHEMA, "", 0, Duration.ofMillis(10)),
                "DROP DATABASE IF EXISTS " + SCHEMA);
        assertThat(target.user()).isEqualTo("northstar_pw");
        assertThat(target.passwordValue()).isEqualTo(password);
        assertThat(target.describe()).doesNotContain("Hunter2", "northstar_pw");
        assertThat(target.toString()).doesNotContain("Hunter2");

        assertThat(publish(target, LATEST)).containsEntry("kpi_status", 40L);
        assertDatabaseHolds(target, LATEST);
    }
}
