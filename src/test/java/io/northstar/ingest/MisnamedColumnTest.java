package io.northstar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.cli.Main;
import io.northstar.contract.ColumnWarning;
import io.northstar.contract.Datasets;
import io.northstar.run.ManifestStore;
import io.northstar.run.RunManifest;
import io.northstar.testing.TestingJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kpis source whose {@code target} column was renamed {@code target_value} still runs (SPEC.md
 * §1 lets an optional column be absent), but says so everywhere an operator or an executive
 * looks: the dataset's outcome, the run's console, the manifest, {@code validate} and the
 * findings, also after {@code metrics} recomputes the snapshot without ingesting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MisnamedColumnTest {
    private static final String WARNING = "The kpis data has a column target_value that the data contract does not"
            + " know, likely its target misnamed: it is ignored, and every row is read with target blank";

    private TestingJob job;
    private RunManifest manifest;

    @BeforeAll
    void runWithTargetRenamed(@TempDir Path folder) {
        job = new TestingJob(folder)
                .csv("kpis",
                        "kpi_id,name,objective_id,unit,direction,frequency,baseline,baseline_date,target_value,"
                                + "target_date,tolerance,owner,lower_bound,upper_bound",
                        "K1,Uptime,,%,higher_is_better,monthly,90,2026-01-31,99,2026-12-31,,Ann,,",
                        "K2,Incidents,,count,lower_is_better,monthly,10,2026-01-31,2,2026-12-31,,Bo,0,")
                .csv("kpi_observations", "kpi_id,period_end,value", "K1,2026-10-31,99.5", "K2,2026-10-31,1");
        manifest = job.runWithoutReports();
    }

    private DatasetOutcome kpis(RunManifest run) {
        return run.datasets().stream().filter(outcome -> outcome.dataset().equals(Datasets.KPIS)).findFirst()
                .orElseThrow();
    }

    @Test
    void theRunSucceedsButEveryKpiIsReadWithoutItsTarget() {
        assertThat(manifest.succeeded()).isTrue();
        assertThat(job.table("metrics", "kpi_status", TestingJob.AS_OF).select("status").collectAsList())
                .extracting(row -> row.getString(0)).containsOnly("no_target");
    }

    @Test
    void theDatasetOutcomeNamesTheColumnAndWhatItLikelyIs() {
        assertThat(kpis(manifest).columnWarnings())
                .containsExactly(ColumnWarning.unrecognised("target_value", "target"));
        assertThat(kpis(manifest).extraColumns()).containsExactly("target_value");
        assertThat(manifest.datasets()).filteredOn(outcome -> outcome.dataset().equals(Datasets.KPI_OBSERVATIONS))
                .allSatisfy(outcome -> assertThat(outcome.columnWarnings()).isEmpty());
    }

    @Test
    void theRunsConsoleWarnsUnderTheDatasetsLine() {
        List<String> lines = job.progressOutput().lines().toList();
        int kpisLine = lines.indexOf(lines.stream().filter(line -> line.startsWith("  kpis ")).findFirst()
                .orElseThrow());
        assertThat(lines.get(kpisLine + 1)).isEqualTo("    warning column_unrecognised: " + WARNING);
    }

    @Test
    void theManifestRecordsTheWarningAndReadsItBack() throws IOException {
        String json = Files.readString(job.lake().resolve("_runs").resolve(manifest.runId() + ".json"));
        assertThat(json).contains("\"columnWarnings\"", "\"code\" : \"column_unrecognised\"",
                "\"column\" : \"target_value\"", "\"likely\" : \"target\"");
        RunManifest read = ManifestStore.of(job.lake().toString()).latestIngest(TestingJob.AS_OF).orElseThrow();
        assertThat(kpis(read).columnWarnings()).isEqualTo(kpis(manifest).columnWarnings());
    }

    @Test
    void validateShowsTheWarningAndStillPasses() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"validate", "--job", job.jobFile().toString(), "--as-of", "2026-10-31"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("kpis: 1 column warning\n  column_unrecognised: " + WARNING + "\n");
    }

    @Test
    void theFindingsCarryTheWarningAlsoWhenMetricsAreRecomputedWithoutIngesting() {
        assertThat(columnFindings()).containsExactly("warning column_unrecognised dataset kpis " + WARNING);
        RunManifest recomputed = job.runner().recomputeMetrics(job.job(), TestingJob.AS_OF);
        assertThat(recomputed.succeeded()).isTrue();
        assertThat(columnFindings()).as("from the manifest of the run that ingested the snapshot")
                .containsExactly("warning column_unrecognised dataset kpis " + WARNING);
    }

    private List<String> columnFindings() {
        return job.table("metrics", "findings", TestingJob.AS_OF).filter("code like 'column_%'").collectAsList()
                .stream().map(row -> row.getAs("severity") + " " + row.getAs("code") + " " + row.getAs("entity_type")
                        + " " + row.getAs("entity_id") + " " + row.getAs("message")).toList();
    }

    @Test
    void aDatabaseTableWithoutTheColumnWarnsItIsMissingAndANulInANameIsBadTypeAtItsRow(@TempDir Path own)
            throws Exception {
        String url = "jdbc:h2:" + own.resolve("h2/kpis");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE KPIS (KPI_ID VARCHAR(20), NAME VARCHAR(40), OBJECTIVE_ID VARCHAR(20),"
                    + " UNIT VARCHAR(10), DIRECTION VARCHAR(20), FREQUENCY VARCHAR(10), BASELINE DOUBLE,"
                    + " BASELINE_DATE DATE, TARGET_DATE DATE, TOLERANCE DOUBLE, OWNER VARCHAR(20), LOWER_BOUND DOUBLE,"
                    + " UPPER_BOUND DOUBLE)");
            statement.execute("INSERT INTO KPIS VALUES"
                    + " ('K1', 'Uptime', NULL, '%', 'higher_is_better', NULL, 90, NULL, DATE '2026-12-31', NULL, 'Ann',"
                    + " NULL, NULL),"
                    + " ('K2', 'Inci' || CHAR(0) || 'dents', NULL, NULL, 'lower_is_better', NULL, 10, NULL, NULL,"
                    + " NULL, 'Bo', 0, NULL)");
        }
        TestingJob fromDatabase = new TestingJob(own.resolve("job")).yaml("quality: { maxRejectRatio: 1.0 }\n")
                .jdbc(Datasets.KPIS, url, "KPIS", "user: sa");

        DatasetOutcome outcome = fromDatabase.runWithoutReports().datasets().get(0);

        assertThat(outcome.columnWarnings()).containsExactly(ColumnWarning.missing("target"));
        assertThat(outcome.quarantinedByReason()).containsExactly(java.util.Map.entry("bad_type", 1L));
        Row quarantined = fromDatabase.quarantine(Datasets.KPIS).first();
        assertThat(quarantined.<Long>getAs("line")).isEqualTo(2L);
        assertThat((String) quarantined.getAs("detail"))
                .isEqualTo("name: contains a NUL character (U+0000) at position 5, which a database cannot store");
    }
}
