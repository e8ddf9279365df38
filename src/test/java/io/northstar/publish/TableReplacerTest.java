package io.northstar.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.jdbc.Dialect;
import io.northstar.jdbc.JdbcConnections;
import io.northstar.job.PublishTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One as_of's rows of a table replaced, on an embedded H2 database. */
class TableReplacerTest {
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 30);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 31);
    private static final StructType SCHEMA = new StructType()
            .add("code", DataTypes.StringType)
            .add("ids", DataTypes.createArrayType(DataTypes.StringType))
            .add("as_of", DataTypes.DateType);

    @TempDir
    Path folder;

    private PublishTarget target() {
        return new PublishTarget("jdbc:h2:" + folder.resolve("bi"), "sa", null, null, "", 0, Duration.ZERO);
    }

    private SqlTable table() throws SQLException {
        SqlTable table = SqlTable.of(target(), "findings", SCHEMA);
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute(table.create());
        }
        return table;
    }

    private Connection connection() throws SQLException {
        return JdbcConnections.open(target().url(), "sa", null);
    }

    /** Replaces in a transaction of its own, as the publisher does for all tables at once. */
    private long replace(SqlTable table, LocalDate asOf, List<Row> rows) throws SQLException {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            long inserted = new TableReplacer(table, asOf).replace(connection, rows.iterator());
            connection.commit();
            return inserted;
        }
    }

    private static Row row(String code, List<String> ids, LocalDate asOf) {
        return new GenericRowWithSchema(new Object[] {code, ids == null ? null
                : scala.jdk.javaapi.CollectionConverters.asScala(ids).toSeq(), asOf}, SCHEMA);
    }

    private List<String> rows() throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT \"code\", \"ids\", \"as_of\" FROM \"findings\" ORDER BY \"as_of\", \"code\"")) {
            List<String> rows = new java.util.ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getDate(3));
            }
            return rows;
        }
    }

    @Test
    void replacesOnlyItsOwnAsOfAndJoinsListsWithCommas() throws Exception {
        SqlTable table = table();
        replace(table, JUNE, List.of(row("a", List.of("S1", "S2"), JUNE)));
        replace(table, JULY, List.of(row("b", null, JULY), row("c", List.of(), JULY)));
        long inserted = replace(table, JULY, List.of(row("d", List.of("S9"), JULY)));

        assertThat(inserted).isEqualTo(1);
        assertThat(rows()).containsExactly("a S1,S2 2026-06-30", "d S9 2026-07-31");
    }

    @Test
    void anEmptySnapshotTableRemovesTheOldRowsOfItsAsOf() throws Exception {
        SqlTable table = table();
        replace(table, JULY, List.of(row("a", List.of(), JULY)));
        long inserted = replace(table, JULY, Collections.emptyList());

        assertThat(inserted).isZero();
        assertThat(rows()).isEmpty();
    }

    @Test
    void theSqlQuotesEveryNameForTheTargetDatabase() {
        SqlTable maria = SqlTable.of(new PublishTarget("jdbc:mariadb://db/x", null, null, "bi", "p_", 0,
                Duration.ZERO), "risk_heatmap", new StructType().add("count", DataTypes.LongType)
                .add("as_of", DataTypes.DateType));
        assertThat(maria.create()).isEqualTo("CREATE TABLE `bi`.`p_risk_heatmap` (`count` BIGINT, `as_of` DATE)"
                + " ENGINE=InnoDB");
        assertThat(maria.drop()).isEqualTo("DROP TABLE `bi`.`p_risk_heatmap`");
        assertThat(maria.dropColumn(maria.columns().get(0))).isEqualTo("ALTER TABLE `bi`.`p_risk_heatmap` DROP COLUMN `count`");
        assertThat(maria.deleteAsOf()).isEqualTo("DELETE FROM `bi`.`p_risk_heatmap` WHERE `as_of` = ?");
        assertThat(maria.insert()).isEqualTo("INSERT INTO `bi`.`p_risk_heatmap` (`count`, `as_of`) VALUES (?, ?)");
        assertThat(Dialect.of("jdbc:postgresql://db/x").qualified(null, "kpi_status")).isEqualTo("\"kpi_status\"");
    }
}
