package io.northstar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.run.RunManifest;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} and {@code runs} through the real command line, on the tests' Spark session. */
class OperatorCommandsTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void spark() {
        TestingSpark.session();
    }

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private TestingJob job(String... observations) {
        String[] lines = new String[observations.length + 1];
        lines[0] = "kpi_id,period_end,value";
        System.arraycopy(observations, 0, lines, 1, observations.length);
        return new TestingJob(folder)
                .csv("kpis", "kpi_id,name,direction", "K1,Uptime,higher_is_better", "K2,Incidents,lower_is_better")
                .csv("kpi_observations", lines);
    }

    @Test
    void validateOnCleanDataPassesAndWritesNoLake() {
        TestingJob job = job("K1,2026-09-30,99.1", "K1,2026-10-31,99.5", "K2,2026-10-31,4");
        assertThat(run("validate", "--job", job.jobFile().toString(), "--as-of", "2026-10-31")).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("validated job test for as_of 2026-10-31", "kpi_observations",
                "data-quality gate: pass").doesNotContain("FAIL");
        assertThat(out.toString().lines().filter(line -> line.startsWith("kpi_observations")).findFirst().orElseThrow())
                .matches("kpi_observations\\s+3\\s+3\\s+0\\s+0\\s+0.0%\\s+5.0%\\s+pass");
        assertThat(job.lake()).doesNotExist();
    }

    @Test
    void validateOnDirtyDataShowsExampleRowsPerReasonAndExitsWithThree() {
        TestingJob job = job("K1,2026-09-30,99.1", "K1,2026-10-31,n/a", "K9,2026-10-31,4", "K2,31.10.2026,4");
        assertThat(run("validate", "--job", job.jobFile().toString(), "--as-of", "2026-10-31")).isEqualTo(3);
        assertThat(out.toString()).contains("kpi_observations: 3 quarantined", "bad_type (2)",
                "line 3: value: 'n/a' is not a finite number", "K1,2026-10-31,n/a", "line 5: period_end:",
                "dangling_reference (1)", "K9,2026-10-31,4", "FAIL", "data-quality gate: FAIL");
        assertThat(err.toString()).contains("the data-quality gate would fail: kpi_observations quarantined 3 of 4"
                + " rows (75.0%, at most 5.0% allowed)");
        assertThat(job.lake()).doesNotExist();
    }

    @Test
    void validatePrintsWhoWouldGetWhichPack() {
        TestingJob job = job("K1,2026-10-31,99.5")
                .csv("projects", "project_id,name,business_unit,category,status,budget",
                        "P1,Shop,Retail & Online,grow,active,100", "P2,Depot,Ops,run,active,100")
                .csv("recipients", "audience,email,name,active", "board,ceo@example.com,,", "board,old@example.com,,no",
                        "Retail & Online,head@example.com,,", "Retail & Online,deputy@example.com,,");
        assertThat(run("validate", "--job", job.jobFile().toString(), "--as-of", "2026-10-31")).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("who would get what (recipients):",
                "  board: 1 recipient (1 inactive, sent nothing) -> executive-scorecard.pdf, review-pack.pdf",
                "  Retail & Online: 2 recipients -> business-unit-retail-online.pdf");
    }

    @Test
    void runsListsTheHistoryNewestFirstAndShowsOneManifestInFull() {
        TestingJob job = job("K1,2026-09-30,99.1", "K1,2026-10-31,99.5");
        RunManifest first = job.run(LocalDate.of(2026, 9, 30));
        RunManifest second = job.run();

        assertThat(run("runs", "--lake", job.lake().toString())).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("run_id").contains("command", "as_of", "outcome", "duration", "rows_read",
                "quarantined");
        assertThat(lines.get(2)).startsWith(second.runId()).contains("run", "test", "2026-10-31", "succeeded");
        assertThat(lines.get(3)).startsWith(first.runId()).contains("2026-09-30");
        assertThat(lines.get(4)).isEqualTo("(2 rows)");

        out.getBuffer().setLength(0);
        assertThat(run("runs", "--job", job.jobFile().toString(), first.runId())).isZero();
        assertThat(out.toString()).startsWith("{").contains("\"runId\" : \"" + first.runId() + "\"",
                "\"asOf\" : \"2026-09-30\"", "\"stageMillis\"");

        assertThat(run("runs", "--lake", job.lake().toString(), "20200101T000000Z-00000000")).isEqualTo(2);
        assertThat(err.toString()).contains("has no run 20200101T000000Z-00000000");
    }

    @Test
    void runWithoutReportsPublishesTheSnapshotAndReportRendersItsPdfsLater() throws Exception {
        TestingJob job = job("K1,2026-09-30,99.1", "K1,2026-10-31,99.5");
        String jobFile = job.jobFile().toString();
        Path pdfs = folder.resolve("reports/2026-10-31");

        assertThat(run("run", "--no-reports", "--job", jobFile, "--as-of", "2026-10-31")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("report: skipped", "northstar report --job " + jobFile + " --as-of 2026-10-31",
                "published snapshot as_of 2026-10-31");
        assertThat(job.conformed("kpi_observations").count()).isEqualTo(2);
        assertThat(job.lakeTables("metrics")).contains("kpi_status");
        assertThat(pdfs).doesNotExist();
        String manifest = Files.readString(job.manifests().get(0));
        assertThat(manifest).contains("\"ingest\"", "\"metrics\"", "\"publish\"").doesNotContain("\"report\"");

        assertThat(run("report", "--job", jobFile, "--as-of", "2026-10-31")).as(err.toString()).isZero();
        assertThat(pdfs.resolve("executive-scorecard.pdf")).isRegularFile();
        assertThat(out.toString()).doesNotContain("an earlier run's");

        // run again without reports: the PDFs stay, and the run says they show the earlier snapshot
        assertThat(run("run", "--no-reports", "--job", jobFile, "--as-of", "2026-10-31")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("(the PDFs in " + pdfs + " are an earlier run's until then)");
        assertThat(pdfs.resolve("executive-scorecard.pdf")).isRegularFile();
    }

    @Test
    void runsOnAnEmptyLakeSaysSo() {
        assertThat(run("runs", "--lake", folder.resolve("nothing").toString())).isZero();
        assertThat(out.toString()).contains("no runs recorded");
    }

    @Test
    void runsGroupsCountsLikeTheRunAndShowsAKilledRunWithoutExitOrDuration() {
        io.northstar.ingest.DatasetOutcome budget = new io.northstar.ingest.DatasetOutcome("budget_lines", "file:/x",
                List.of("file:/x"), 14_996, 14_990, 0, java.util.Map.of("bad_type", 6L), List.of(), List.of(), 0.05);
        java.time.Instant start = java.time.Instant.parse("2026-11-22T01:00:00Z");
        RunManifest done = new RunManifest("20261122T010000Z-00000001", "run", "sample", null, LocalDate.of(2026, 10, 31),
                start, start.plusSeconds(65), 65_000, RunManifest.SUCCEEDED, 0, null, "local[*]", List.of(budget),
                java.util.Map.of(), List.of(), List.of());
        RunManifest killed = new RunManifest("20261122T020000Z-00000002", "run", "sample", null,
                LocalDate.of(2026, 10, 31), start, null, 0, RunManifest.KILLED, RunManifest.NO_EXIT_CODE, "died",
                null, List.of(), java.util.Map.of(), List.of(), List.of("found by run x"));

        assertThat(RunsCommand.row(done)).containsExactly("20261122T010000Z-00000001", "run", "sample",
                LocalDate.of(2026, 10, 31), "succeeded", 0, "65.0 s", "14,996", "6");
        assertThat(RunsCommand.row(killed)).containsExactly("20261122T020000Z-00000002", "run", "sample",
                LocalDate.of(2026, 10, 31), "killed", null, null, null, null);
    }
}
