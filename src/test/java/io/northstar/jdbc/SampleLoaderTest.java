package io.northstar.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.sample.Ledger;
import io.northstar.sample.SampleGenerator;
import io.northstar.testing.TestingDatabases;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --jdbc}: the generated data in H2, PostgreSQL and MariaDB, value for value. */
class SampleLoaderTest {

    @TempDir
    Path folder;

    private List<Ledger> generate() {
        return SampleGenerator.generate(folder.resolve("csv"),
                new SampleGenerator.Options(1, 42, 0, SampleGenerator.Options.DEFAULT_AS_OF));
    }

    private void assertLoaded(String url, String user) throws SQLException, IOException {
        List<Ledger> ledgers = generate();
        List<Long> counts = new SampleLoader(url, user, "").load(folder.resolve("csv"));
        assertThat(counts).isEqualTo(ledgers.stream().map(Ledger::rows).toList());

        // loading twice replaces the tables
        new SampleLoader(url, user, "").load(folder.resolve("csv"));
        Dialect dialect = Dialect.of(url);
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SELECT COUNT(*) FROM " + dialect.quote("budget_lines")))
                    .isEqualTo("12000");
            assertThat(new BigDecimal(single(statement, "SELECT SUM(" + dialect.quote("actual") + ") FROM "
                    + dialect.quote("budget_lines")))).isEqualByComparingTo(csvSum("budget_lines.csv", 8));
            assertThat(single(statement, "SELECT COUNT(*) FROM " + dialect.quote("kpis") + " WHERE "
                    + dialect.quote("target") + " IS NULL")).isEqualTo("2");
            assertThat(single(statement, "SELECT " + dialect.quote("value") + " FROM "
                    + dialect.quote("kpi_observations") + " WHERE " + dialect.quote("kpi_id") + " = 'K-01' AND "
                    + dialect.quote("period_end") + " = DATE '2026-10-31'")).startsWith("3");
        }
    }

    private BigDecimal csvSum(String file, int column) throws IOException {
        BigDecimal sum = BigDecimal.ZERO;
        for (String line : Files.readAllLines(folder.resolve("csv").resolve(file)).subList(1, 12_001)) {
            sum = sum.add(new BigDecimal(line.split(",")[column]));
        }
        return sum;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    @Test
    void loadsIntoAnEmbeddedH2File() throws Exception {
        assertLoaded("jdbc:h2:" + folder.resolve("h2/northstar"), "");
    }

    @Test
    void loadsIntoPostgresql() throws Exception {
        assertLoaded(TestingDatabases.postgres(), "postgres");
    }

    @Test
    void loadsIntoMariadb() throws Exception {
        assertLoaded(TestingDatabases.mariadb(), "root");
    }

    @Test
    void namesTheDatabaseWithoutCredentials() {
        assertThat(JdbcUrls.withoutCredentials("jdbc:postgresql://bob:s3cret@db:5432/x?password=s3cret"))
                .isEqualTo("jdbc:postgresql://db:5432/x");
        assertThat(JdbcUrls.withoutCredentials("jdbc:h2:./data/x;PASSWORD=s3cret")).isEqualTo("jdbc:h2:./data/x");
        assertThat(JdbcUrls.host("jdbc:mariadb://db.example:3306/x")).isEqualTo("db.example:3306");
    }
}
