package io.northstar.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.jdbc.JdbcConnections;
import io.northstar.testing.TestingDatabases;
import io.northstar.testing.TestingJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publish.jdbc stage as part of a run, and the publish command that repeats it. */
class PublishToDatabaseTest {
    private static final String PASSWORD = "Sup3rS3cret-publish";

    @TempDir
    Path folder;

    private TestingJob job(String publish) {
        return new TestingJob(folder).yaml("publish:\n  jdbc: " + publish + "\n")
                .csv("kpis", "kpi_id,name,direction", "K1,Uptime,higher_is_better", "K2,Incidents,lower_is_better")
                .csv("kpi_observations", "kpi_id,period_end,value", "K1,2026-09-30,99.1", "K1,2026-10-31,99.5",
                        "K2,2026-10-31,4");
    }

    private long kpiStatusRows() throws SQLException {
        try (Connection connection = JdbcConnections.open("jdbc:h2:" + folder.resolve("bi"), "sa", null);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM \"bi\".\"kpi_status\"")) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void aRunCopiesItsMetricTablesAfterPublishingAndThePublishCommandRepeatsIt() throws SQLException {
        TestingJob job = job("{ url: \"jdbc:h2:./bi\", user: sa, schema: bi }");
        RunManifest run = job.run();

        assertThat(run.stageMillis()).containsKeys("publish", "publish.jdbc");
        assertThat(job.progressOutput()).contains("publish.jdbc", "rows in 10 tables to jdbc:h2:");
        assertThat(kpiStatusRows()).isEqualTo(2);

        RunManifest again = job.runner().publishToDatabase(job.job(), TestingJob.AS_OF);
        assertThat(again.command()).isEqualTo("publish");
        assertThat(again.stageMillis()).containsOnlyKeys("publish.jdbc");
        assertThat(kpiStatusRows()).isEqualTo(2);
    }

    @Test
    void theMetricsCommandCopiesTheRecomputedTablesToo() throws SQLException {
        TestingJob job = job("{ url: \"jdbc:h2:./bi\", user: sa, schema: bi }");
        job.run();
        RunManifest metrics = job.runner().recomputeMetrics(job.job(), TestingJob.AS_OF);
        assertThat(metrics.stageMillis()).containsKeys("metrics", "publish", "publish.jdbc");
        assertThat(kpiStatusRows()).isEqualTo(2);
    }

    @Test
    void aDatabaseThatIsDownFailsWithFourButKeepsTheLakeSnapshotAndNeverWritesThePassword() throws IOException {
        TestingJob job = job("{ url: \"jdbc:postgresql://127.0.0.1:9/bi\", user: bi, password: " + PASSWORD
                + ", retries: 1, retryBackoff: 10ms }");
        assertThatThrownBy(job::run)
                .isInstanceOfSatisfying(NorthstarException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.SOURCE))
                .hasMessageContaining("publish.jdbc: cannot connect to jdbc:postgresql://127.0.0.1:9/bi on 127.0.0.1:9 after 2")
                .hasMessageContaining("the lake snapshot as_of 2026-10-31 is published")
                .hasMessageContaining("northstar publish --job")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));

        assertThat(job.conformed("kpis").count()).isEqualTo(2);
        String manifest = Files.readString(job.manifests().get(0));
        assertThat(manifest).contains("\"outcome\" : \"failed\"", "\"exitCode\" : 4", "as_of=2026-10-31");
        assertThat(job.progressOutput()).doesNotContain(PASSWORD);
        for (Path file : job.allFiles()) {
            if (!file.getFileName().toString().equals("job.yaml")) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(PASSWORD);
            }
        }
    }

    /** Every file the run wrote (not the job file, which holds the password) and every progress line. */
    private static void assertNowhere(TestingJob job, String password) throws IOException {
        assertThat(job.progressOutput()).doesNotContain(password);
        for (Path file : job.allFiles()) {
            if (!file.getFileName().toString().equals("job.yaml")) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(password);
            }
        }
    }

    @Test
    void aMariadbUrlWithUserAndPasswordInItPublishesAndThePasswordIsInNoFileNoLineAndNoManifest() throws IOException {
        String url = TestingDatabases.mariadbUserWithPassword("northstar_pw", PASSWORD)
                .replace("//", "//northstar_pw:" + PASSWORD + "@");
        TestingJob job = job("{ url: \"" + url + "\", schema: northstar_pw_bi }");
        RunManifest run = job.run();

        assertThat(run.stageMillis()).containsKey("publish.jdbc");
        assertThat(job.progressOutput()).contains("rows in 10 tables to jdbc:mariadb://127.0.0.1:3306/northstar_test");
        assertThat(Files.readString(job.manifests().get(0))).contains("\"outcome\" : \"succeeded\"");
        assertNowhere(job, PASSWORD);
    }

    @Test
    void aWrongPasswordInTheUrlIsNotRetriedAndTheMessageSaysToFixTheJobFile() throws IOException {
        String url = TestingDatabases.mariadbUserWithPassword("northstar_pw", PASSWORD)
                .replace("//", "//northstar_pw:" + PASSWORD + "-wrong@");
        TestingJob job = job("{ url: \"" + url + "\", schema: northstar_pw_bi, retries: 3, retryBackoff: 10ms }");
        assertThatThrownBy(job::run)
                .isInstanceOfSatisfying(NorthstarException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.SOURCE))
                .hasMessageContaining("cannot connect to jdbc:mariadb://127.0.0.1:3306/northstar_test schema"
                        + " northstar_pw_bi on 127.0.0.1:3306 after 1 attempt: ")
                .hasMessageContaining("Access denied for user 'northstar_pw'")
                .hasMessageContaining("fix the job file's publish.jdbc section, then copy it with: northstar publish")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD, "retry the copy"));
        assertThat(Files.readString(job.manifests().get(0))).contains("\"exitCode\" : 4");
        assertNowhere(job, PASSWORD);
    }

    @Test
    void aValueTheDatabaseRejectsLeavesItsTablesAsTheyWereAndIsNotOfferedARetry() throws IOException, SQLException {
        TestingJob job = job("{ url: \"jdbc:h2:./bi\", user: sa, schema: bi }");
        job.run();
        // kpi_status's published partition with a word for each latest_value: H2's DOUBLE PRECISION refuses it
        Path partition = job.lake().resolve("metrics/kpi_status/as_of=" + TestingJob.AS_OF);
        Path words = folder.resolve("words");
        job.table("metrics", "kpi_status", TestingJob.AS_OF).withColumn("latest_value", functions.lit("many"))
                .write().parquet(words.toString());
        LocalFolders.delete(partition);
        Files.move(words, partition);

        assertThatThrownBy(() -> job.runner().publishToDatabase(job.job(), TestingJob.AS_OF))
                .isInstanceOfSatisfying(NorthstarException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.SOURCE))
                .hasMessageContaining("table kpi_status: ")
                .hasMessageContaining("the database rejected a value: not retried")
                .hasMessageContaining("the database's tables are as they were")
                .hasMessageContaining("copying it again will not help")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("retry the copy"));
        assertThat(kpiStatusRows()).isEqualTo(2);
    }

    @Test
    void thePublishCommandNeedsAPublishSection() {
        TestingJob job = new TestingJob(folder).csv("kpis", "kpi_id,name,direction", "K1,Uptime,higher_is_better");
        job.run();
        assertThatThrownBy(() -> job.runner().publishToDatabase(job.job(), TestingJob.AS_OF))
                .isInstanceOfSatisfying(NorthstarException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("has no publish.jdbc section");
    }
}
