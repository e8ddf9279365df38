package io.northstar.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.testing.TestingJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRunnerTest {

    @TempDir
    Path folder;

    private TestingJob cleanJob() {
        return new TestingJob(folder)
                .csv("kpis", "kpi_id,name,direction", "K1,Uptime,higher_is_better", "K2,Incidents,lower_is_better")
                .csv("kpi_observations", "kpi_id,period_end,value", "K1,2026-09-30,99.1", "K1,2026-10-31,99.5",
                        "K2,2026-10-31,4");
    }

    private static void assertFailsWith(Runnable run, ExitCode code, String... fragments) {
        var thrown = assertThatThrownBy(run::run).isInstanceOfSatisfying(NorthstarException.class,
                e -> assertThat(e.exitCode()).isEqualTo(code));
        for (String fragment : fragments) {
            thrown.hasMessageContaining(fragment);
        }
    }

    @Test
    void publishesASnapshotAndAManifestThatAddsUp() throws IOException {
        TestingJob job = cleanJob();
        RunManifest manifest = job.run();
        assertThat(manifest.succeeded()).isTrue();
        assertThat(manifest.exitCode()).isZero();
        assertThat(manifest.stageMillis()).containsOnlyKeys("ingest", "metrics", "report", "publish");
        assertThat(manifest.command()).isEqualTo("run");
        // conformed and quarantine for two datasets; kpi_status, kpi_trend, kpi_smart, kpi_history, recent_moves,
        // swot (derived from the KPIs), changes (empty: the first snapshot), review_summary, commentary_status (the
        // KPIs that need a word) and findings; the scorecard and the review pack
        assertThat(manifest.outputs()).hasSize(16);
        assertThat(job.conformed("kpi_observations").count()).isEqualTo(3);
        assertThat(job.quarantine("kpi_observations").count()).isZero();
        assertThat(job.manifests()).hasSize(1);
        String json = Files.readString(job.manifests().get(0));
        assertThat(json).contains("\"outcome\" : \"succeeded\"", "\"rowsRead\" : 3", "\"asOf\" : \"2026-10-31\"");
        assertThat(job.lake().resolve("_staging")).doesNotExist();
        assertThat(job.progressOutput()).contains("kpi_observations", "ingest", "publish");
    }

    @Test
    void aRerunForTheSameAsOfReplacesTheSnapshotWhole() {
        // the lake's snapshot is what is replaced: these runs render no PDFs
        TestingJob job = cleanJob();
        RunManifest first = job.runWithoutReports();
        job.runWithoutReports(LocalDate.of(2026, 9, 30));
        RunManifest again = job.runWithoutReports();
        assertThat(again.datasets()).isEqualTo(first.datasets());
        assertThat(job.conformed("kpi_observations").count()).as("no duplicate rows").isEqualTo(3);
        assertThat(job.lakeFiles("conformed").stream().filter(f -> f.startsWith("kpi_observations/as_of=2026-10-31")))
                .as("one file, the second run's").hasSize(1);

        job.without("kpi_observations").runWithoutReports();
        assertThat(job.lake().resolve("conformed/kpi_observations/as_of=2026-10-31"))
                .as("a dataset the re-run does not have leaves the snapshot").doesNotExist();
        assertThat(job.lake().resolve("conformed/kpi_observations/as_of=2026-09-30"))
                .as("other as_of dates stay").exists();
    }

    @Test
    void theQualityGateStopsTheRunAndKeepsThePreviousSnapshot() throws IOException {
        TestingJob job = cleanJob();
        job.runWithoutReports();
        List<String> before = job.lakeFiles("conformed");

        job.csv("kpi_observations", "kpi_id,period_end,value", "K1,2026-09-30,99.1", "K1,2026-10-31,n/a",
                "K2,2026-10-31,4");
        assertFailsWith(job::run, ExitCode.DATA_QUALITY, "data-quality gate failed",
                "kpi_observations quarantined 1 of 3 rows (33.3%, at most 5.0% allowed)");

        assertThat(job.lakeFiles("conformed")).isEqualTo(before);
        assertThat(job.conformed("kpi_observations").count()).isEqualTo(3);
        assertThat(job.lake().resolve("_staging")).doesNotExist();
        List<Path> manifests = job.manifests();
        assertThat(manifests).hasSize(2);
        String failed = Files.readString(manifests.get(1));
        assertThat(failed).contains("\"outcome\" : \"failed\"", "\"exitCode\" : 3", "\"bad_type\" : 1",
                "\"outputs\" : [ ]");
    }

    @Test
    void aDatasetOverrideRaisesItsOwnGateOnly() {
        TestingJob job = cleanJob().yaml("quality: { overrides: { kpi_observations: 0.5 } }\n");
        job.csv("kpi_observations", "kpi_id,period_end,value", "K1,2026-09-30,99.1", "K1,2026-10-31,n/a",
                "K2,2026-10-31,4");
        assertThat(job.runWithoutReports().succeeded()).isTrue();
    }

    @Test
    void aMissingSourceFileExitsWithFourNamingTheDataset() {
        TestingJob job = cleanJob().source("risks", "data/risks.csv");
        assertFailsWith(job::run, ExitCode.SOURCE, "dataset risks: cannot read", "risks.csv: file not found");
        assertThat(job.lake().resolve("conformed")).doesNotExist();
        assertThat(job.manifests()).hasSize(1);
    }

    @Test
    void aMissingRequiredColumnExitsWithThreeNamingFileAndColumn() {
        TestingJob job = cleanJob().csv("kpis", "kpi_id,name", "K1,Uptime");
        assertFailsWith(job::run, ExitCode.DATA_QUALITY, "dataset kpis", "kpis.csv", "missing required column direction");
    }

    @Test
    void anEmptyFileHasNoHeaderAndFailsClearly() {
        TestingJob job = cleanJob().csv("risks", "");
        assertFailsWith(job::run, ExitCode.DATA_QUALITY, "dataset risks", "the file is empty");
    }

    @Test
    void aHeaderOnlyFileIsAnEmptyDataset() {
        TestingJob job = cleanJob().csv("risks", "risk_id,title,category,likelihood,impact,status");
        RunManifest manifest = job.run();
        assertThat(manifest.datasets().get(2).dataset()).isEqualTo("risks");
        assertThat(manifest.datasets().get(2).rowsRead()).isZero();
        assertThat(job.conformed("risks").count()).isZero();
    }

    @Test
    void aRunWhileAnotherHoldsTheLakeIsRefusedWithFiveAndLeavesTheSnapshotAlone() {
        TestingJob job = cleanJob();
        job.runWithoutReports();
        List<String> before = job.lakeFiles("conformed");
        io.northstar.lake.Lake lake = new io.northstar.lake.Lake(job.lake().toString(),
                new org.apache.hadoop.conf.Configuration());
        try (io.northstar.lake.LakeLock held = io.northstar.lake.LakeLock.acquire(lake, "20261122T020000Z-abcdef01",
                new io.northstar.lake.LakeLock.Purpose("run", "nightly", TestingJob.AS_OF))) {
            assertFailsWith(job::run, ExitCode.LAKE_BUSY, "is locked by run 20261122T020000Z-abcdef01");
        }
        assertThat(job.lakeFiles("conformed")).isEqualTo(before);
        assertThat(job.runWithoutReports().succeeded()).isTrue();
        assertThat(job.lake().resolve("_lock")).doesNotExist();
    }

    @Test
    void aRunThatDiedHoldingTheLockIsRecordedAsKilledByTheNextRun() throws Exception {
        TestingJob job = cleanJob();
        job.runWithoutReports();
        String dead = "20261122T020000Z-dead0002";
        io.northstar.lake.Lake lake = new io.northstar.lake.Lake(job.lake().toString(),
                new org.apache.hadoop.conf.Configuration());
        // what a killed process leaves: its lock, naming a process that is gone, and its staging
        io.northstar.lake.LakeLock.acquire(lake, dead, new io.northstar.lake.LakeLock.Purpose("run", "test",
                TestingJob.AS_OF));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path lock = job.lake().resolve("_lock");
        Files.writeString(lock, Files.readString(lock).replaceAll("pid=\\d+", "pid=" + gone.pid()));
        TestingJob.write(job.lake().resolve("_staging/" + dead + "/conformed/kpis/as_of=2026-10-31/part-0"), "x");

        RunManifest next = job.runWithoutReports();

        assertThat(next.recovered()).anySatisfy(line -> assertThat(line).contains("run " + dead,
                "process " + gone.pid(), "had died holding the lake's lock: recorded as killed in its manifest"));
        assertThat(Files.readString(job.lake().resolve("_runs/" + dead + ".json"))).contains(
                "\"outcome\" : \"killed\"", "\"exitCode\" : -1", "\"asOf\" : \"2026-10-31\"",
                "\"job\" : \"test\"", "found it at", "removed what it had staged; nothing of it was published",
                "found by run " + next.runId());
        assertThat(Files.readString(job.lake().resolve("_runs/" + next.runId() + ".json")))
                .contains("\"recovered\"", "recorded as killed");
    }
}
