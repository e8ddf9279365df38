package io.northstar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.contract.Datasets;
import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.jdbc.SampleLoader;
import io.northstar.lake.Lake;
import io.northstar.lake.Staging;
import io.northstar.lake.Zone;
import io.northstar.run.RunManifest;
import io.northstar.testing.TestingDatabases;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSample;
import io.northstar.testing.TestingSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDBC sources conform exactly like CSV (SPEC.md §1.1); an unreachable one exits 4. The sample
 * is loaded into each database and read from there: every database's conformed rows equal the
 * CSV run's, and one whole run (PostgreSQL, read in partitions) computes every metric table of
 * the CSV run too.
 */
class JdbcSourceTest {

    @TempDir
    Path folder;

    private static TestingSample.Run csv;

    /** The sample read from its CSV files: what every database must reproduce. */
    @BeforeAll
    static void csvBaseline() {
        csv = TestingSample.oneSnapshot();
    }

    private static List<String> rows(Dataset<Row> table, String... dropped) {
        return table.drop(dropped).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static List<String> rows(TestingJob job, String zone, String table, String... dropped) {
        return rows(job.table(zone, table, TestingJob.AS_OF), dropped);
    }

    /** Loads the sample into the database; a job with the CSV run's settings reading every dataset from there. */
    private TestingJob jobOverTheDatabase(String url, String user, String budgetOptions) {
        new SampleLoader(url, user, "").load(csv.data());
        TestingJob jdbc = new TestingJob(folder.resolve("jdbc")).yaml(TestingSample.YAML);
        for (String dataset : Datasets.names()) {
            jdbc.jdbc(dataset, url, dataset, "user: " + user
                    + (dataset.equals(Datasets.BUDGET_LINES) ? budgetOptions : ""));
        }
        return jdbc;
    }

    /**
     * Every dataset came from the database, counted like CSV, with no row quarantined, and its
     * conformed rows and column types equal the CSV run's.
     */
    private static void assertConformedEqualsCsv(String url, List<DatasetOutcome> outcomes,
            Function<String, Dataset<Row>> conformed, Function<String, Dataset<Row>> quarantine) {
        assertThat(outcomes).extracting(DatasetOutcome::dataset).isEqualTo(Datasets.names());
        assertThat(outcomes.get(0).source()).startsWith(url.substring(0, 10)).contains("table");
        for (DatasetOutcome outcome : outcomes) {
            assertThat(outcome.rowsRead()).as(outcome.dataset())
                    .isEqualTo(outcome.kept() + outcome.deduplicated() + outcome.quarantined());
            assertThat(outcome.quarantined()).as(outcome.dataset()).isZero();
        }
        for (String dataset : Datasets.names()) {
            Dataset<Row> expected = csv.job().conformed(dataset);
            assertThat(conformed.apply(dataset).schema().simpleString()).as(dataset)
                    .isEqualTo(expected.schema().simpleString());
            assertThat(rows(conformed.apply(dataset))).as(dataset).isEqualTo(rows(expected)).isNotEmpty();
            assertThat(quarantine.apply(dataset).count()).as(dataset).isZero();
        }
    }

    /**
     * Ingests the sample from the database into a staging area of its own (the stage where a
     * source is read, checked and conformed; what follows reads only the conformed rows) and
     * checks that it conforms exactly the CSV run's rows.
     */
    private void assertIngestEqualsCsv(String url, String user, String budgetOptions) {
        TestingJob jdbc = jobOverTheDatabase(url, user, budgetOptions);
        Staging staging = new Lake(jdbc.lake().toString(), TestingSpark.session().sparkContext().hadoopConfiguration())
                .stage("jdbc", TestingJob.AS_OF);
        List<DatasetOutcome> outcomes = new DatasetIngestor(TestingSpark.session(), "jdbc")
                .ingest(jdbc.job(), staging, outcome -> { });
        assertConformedEqualsCsv(url, outcomes,
                dataset -> TestingSpark.session().read().parquet(staging.partition(Zone.CONFORMED, dataset)),
                dataset -> TestingSpark.session().read().parquet(staging.partition(Zone.QUARANTINE, dataset)));
    }

    /**
     * Runs the job on every dataset from the database and checks that conformed rows,
     * quarantine and every metric table equal the CSV run's.
     */
    private void assertRunEqualsCsv(String url, String user, String budgetOptions) {
        TestingJob jdbc = jobOverTheDatabase(url, user, budgetOptions);
        RunManifest fromJdbc = jdbc.runWithoutReports();

        assertConformedEqualsCsv(url, fromJdbc.datasets(), jdbc::conformed, jdbc::quarantine);
        for (String table : jdbc.lakeTables("metrics")) {
            assertThat(rows(jdbc, "metrics", table, "run_id")).as(table)
                    .isEqualTo(rows(csv.job(), "metrics", table, "run_id"));
        }
        assertThat(jdbc.lakeTables("metrics")).isEqualTo(csv.job().lakeTables("metrics")).hasSize(30);
    }

    @Test
    void anH2DatabaseYieldsTheSameConformedRowsAsTheCsvFiles() {
        // lower-case names unquoted, as on PostgreSQL: the loader's tables are named in lower case
        assertIngestEqualsCsv("jdbc:h2:" + folder.resolve("h2/northstar") + ";DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    @Test
    void postgresqlWithAPartitionedReadYieldsTheSameRowsAndMetricsAsCsv() {
        assertRunEqualsCsv(TestingDatabases.postgres(), "postgres", ", partitionColumn: plan, numPartitions: 3");
    }

    @Test
    void mariadbWithAPartitionedReadYieldsTheSameConformedRowsAsCsv() {
        assertIngestEqualsCsv(TestingDatabases.mariadb(), "root",
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
        RunManifest manifest = job.runWithoutReports();
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

    /** A job reading kpis and kpi_observations from the URL; their conformed rows equal the CSV run's. */
    private TestingJob assertTwoDatasetsEqualCsv(String url, String options) {
        TestingJob job = new TestingJob(folder.resolve("two"));
        for (String dataset : List.of(Datasets.KPIS, Datasets.KPI_OBSERVATIONS)) {
            job.jdbc(dataset, url, dataset, options);
        }
        job.runWithoutReports();
        for (String dataset : List.of(Datasets.KPIS, Datasets.KPI_OBSERVATIONS)) {
            assertThat(rows(job, "conformed", dataset)).as(dataset).isEqualTo(rows(csv.job(), "conformed", dataset))
                    .isNotEmpty();
        }
        return job;
    }

    @Test
    void aPostgresqlUrlWithUserAndPasswordInItReadsAndThePasswordIsInNoFileAndNoLine() {
        // the server trusts local connections, so any password is accepted, and must still never show
        String password = "Sup3rS3cret-userinfo";
        String url = TestingDatabases.postgres().replace("//", "//postgres:" + password + "@");
        new SampleLoader(url, null, null).load(csv.data());
        TestingJob job = assertTwoDatasetsEqualCsv(url, "retries: 0");

        assertThat(job.progressOutput()).doesNotContain(password);
        for (Path file : job.allFiles()) {
            if (!file.getFileName().toString().equals("job.yaml")) {
                assertThat(file).as(file.toString()).content(java.nio.charset.StandardCharsets.ISO_8859_1)
                        .doesNotContain(password);
            }
        }
    }

    @Test
    void aMysqlUrlIsReadThroughTheMariadbDriver() {
        String url = TestingDatabases.mariadb().replace("jdbc:mariadb:", "jdbc:mysql:");
        new SampleLoader(url, "root", "").load(csv.data());
        TestingJob job = assertTwoDatasetsEqualCsv(url, "user: root, retries: 0");
        assertThat(job.manifests()).hasSize(1);
    }

    @Test
    void aWrongPasswordExitsWithFourAtOnceWithoutRetries() {
        String url = TestingDatabases.mariadbUserWithPassword("northstar_pw", "Sup3rS3cret-right");
        TestingJob job = new TestingJob(folder).jdbc(Datasets.KPIS, url, "kpis",
                "user: northstar_pw, password: Sup3rS3cret-wrong, retries: 3, retryBackoff: 10ms");
        assertThatThrownBy(job::run)
                .isInstanceOfSatisfying(NorthstarException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.SOURCE))
                .hasMessageContaining("dataset kpis: cannot read " + url + " table kpis on 127.0.0.1:3306 after 1 attempt: ")
                .hasMessageContaining("Access denied")
                .hasMessageContaining("a configuration error")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Sup3rS3cret"));
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
        assertThat(job.lake().resolve("metrics")).doesNotExist();
        assertThat(job.manifests()).hasSize(1);
        assertThat(job.progressOutput()).doesNotContain("Sup3rS3cret");
        for (Path file : job.allFiles()) {
            if (!file.getFileName().toString().equals("job.yaml")) {
                assertThat(file).as(file.toString()).content().doesNotContain("Sup3rS3cret");
            }
        }
    }
}
