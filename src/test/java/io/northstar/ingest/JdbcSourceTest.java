package io.northstar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.contract.Datasets;
import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.jdbc.SampleLoader;
import io.northstar.run.RunManifest;
import io.northstar.sample.SampleGenerator;
import io.northstar.testing.TestingJob;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JDBC sources conform exactly like CSV (SPEC.md §1.1); an unreachable one exits 4. */
class JdbcSourceTest {

    @TempDir
    Path folder;

    private static List<String> rows(TestingJob job, String dataset) {
        return job.conformed(dataset).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void anH2DatabaseYieldsTheSameConformedRowsAsTheCsvFiles() {
        Path data = folder.resolve("csv/data");
        SampleGenerator.generate(data, new SampleGenerator.Options(1, 42, 0, SampleGenerator.Options.DEFAULT_AS_OF));
        String url = "jdbc:h2:" + folder.resolve("h2/northstar");
        new SampleLoader(url, "sa", "").load(data);

        TestingJob csv = new TestingJob(folder.resolve("csv"));
        TestingJob jdbc = new TestingJob(folder.resolve("jdbc"));
        for (String dataset : List.of(Datasets.OBJECTIVES, Datasets.KPIS, Datasets.KPI_OBSERVATIONS, Datasets.RISKS,
                Datasets.BUDGET_LINES)) {
            csv.source(dataset, "data/" + dataset + ".csv");
            // H2 keeps the loader's quoted lower-case names only when they are quoted again
            jdbc.jdbc(dataset, url, "'\"" + dataset + "\"'", "user: sa");
        }
        RunManifest fromCsv = csv.run();
        RunManifest fromJdbc = jdbc.run();
        for (String dataset : List.of(Datasets.OBJECTIVES, Datasets.KPIS, Datasets.KPI_OBSERVATIONS, Datasets.RISKS,
                Datasets.BUDGET_LINES)) {
            assertThat(rows(jdbc, dataset)).as(dataset).isEqualTo(rows(csv, dataset)).isNotEmpty();
        }
        assertThat(fromJdbc.datasets().get(0).source()).startsWith("jdbc:h2:").contains("table");
        assertThat(fromJdbc.datasets().stream().mapToLong(DatasetOutcome::quarantined).sum()).isZero();
        assertThat(fromCsv.datasets()).hasSize(5);
    }

    /** Loads the sample into a server database, then reads three datasets from it and from CSV. */
    private void assertServerEqualsCsv(String url, String user, String partitioned) {
        Path data = folder.resolve("csv/data");
        SampleGenerator.generate(data, new SampleGenerator.Options(1, 42, 0, SampleGenerator.Options.DEFAULT_AS_OF));
        new SampleLoader(url, user, "").load(data);
        TestingJob csv = new TestingJob(folder.resolve("csv"));
        TestingJob jdbc = new TestingJob(folder.resolve("jdbc"));
        List<String> datasets = List.of(Datasets.KPIS, Datasets.RISKS, Datasets.BUDGET_LINES);
        for (String dataset : datasets) {
            csv.source(dataset, "data/" + dataset + ".csv");
            jdbc.jdbc(dataset, url, dataset, "user: " + user + (dataset.equals(Datasets.BUDGET_LINES) ? partitioned : ""));
        }
        csv.run();
        jdbc.run();
        for (String dataset : datasets) {
            assertThat(rows(jdbc, dataset)).as(dataset).isEqualTo(rows(csv, dataset)).isNotEmpty();
        }
    }

    @Test
    void postgresqlWithAPartitionedReadYieldsTheSameRowsAsCsv() {
        assertServerEqualsCsv(io.northstar.testing.TestingDatabases.postgres(), "postgres",
                ", partitionColumn: plan, numPartitions: 3");
    }

    @Test
    void mariadbYieldsTheSameRowsAsCsv() {
        assertServerEqualsCsv(io.northstar.testing.TestingDatabases.mariadb(), "root",
                ", partitionColumn: plan, numPartitions: 2, lowerBound: 0, upperBound: 100000");
    }

    @Test
    void aValueOfTheWrongTypeInTheDatabaseIsQuarantinedNeverCast() throws Exception {
        String url = "jdbc:h2:" + folder.resolve("h2/typed");
        try (var connection = java.sql.DriverManager.getConnection(url, "sa", "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE OBS (KPI_ID VARCHAR(20), PERIOD_END VARCHAR(20), \"value\" VARCHAR(20),"
                    + " NOTE BOOLEAN)");
            statement.execute("INSERT INTO OBS VALUES ('K1', '2026-09-30', '12.5', TRUE), ('K1', '2026-10-31', 'n/a', NULL),"
                    + " ('K2', '31.10.2026', '3', NULL), ('K3', '2026-10-31', '1e3', NULL)");
        }
        TestingJob job = new TestingJob(folder.resolve("typed")).yaml("quality: { maxRejectRatio: 1.0 }\n")
                .jdbc(Datasets.KPI_OBSERVATIONS, url, "OBS", "user: sa");
        RunManifest manifest = job.run();
        DatasetOutcome outcome = manifest.datasets().get(0);
        assertThat(outcome.rowsRead()).isEqualTo(4);
        assertThat(outcome.kept()).isEqualTo(2);
        assertThat(outcome.quarantinedByReason()).containsEntry("bad_type", 2L);
        assertThat(outcome.extraColumns()).containsExactly("note");
        List<Row> quarantined = job.quarantine(Datasets.KPI_OBSERVATIONS).orderBy("line").collectAsList();
        assertThat(quarantined).extracting(row -> row.<Long>getAs("line")).containsExactly(2L, 3L);
        assertThat((String) quarantined.get(0).getAs("detail")).isEqualTo("value: 'n/a' is not a finite number");
        assertThat((String) quarantined.get(0).getAs("raw")).isEqualTo("K1,2026-10-31,n/a,");
        assertThat(job.conformed(Datasets.KPI_OBSERVATIONS).filter("kpi_id = 'K3'").first().<Double>getAs("value"))
                .isEqualTo(1000.0);
    }

    @Test
    void anUnreachableHostIsRetriedThenExitsWithFourWithoutThePassword() {
        TestingJob job = new TestingJob(folder).jdbc(Datasets.KPIS, "jdbc:postgresql://127.0.0.1:9/nothing", "kpis",
                "user: analyst, password: Sup3rS3cret, retries: 2, retryBackoff: 10ms");
        assertThatThrownBy(job::run)
                .isInstanceOfSatisfying(NorthstarException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.SOURCE))
                .hasMessageContaining("dataset kpis")
                .hasMessageContaining("127.0.0.1:9")
                .hasMessageContaining("after 3 attempts")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Sup3rS3cret"));
        assertThat(job.lake().resolve("conformed")).doesNotExist();
    }
}
