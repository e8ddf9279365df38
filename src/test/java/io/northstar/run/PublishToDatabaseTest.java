package io.northstar.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.jdbc.JdbcConnections;
import io.northstar.testing.TestingJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        assertThat(job.progressOutput()).contains("publish.jdbc", "rows in 6 tables to jdbc:h2:");
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
