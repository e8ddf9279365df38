package io.northstar.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.testing.FullDiskLocalFileSystem;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up exactly when a run writes its publish journal, or the marker that all old
 * partitions are aside: Hadoop's local filesystem reports that as an Error, not an exception. The
 * run still exits 7 with a failed manifest; at the journal nothing was moved, so it leaves nothing
 * behind; at the marker the publish had begun, so its journal stays and the next run completes it.
 */
class DiskFullWhilePublishingTest {
    @TempDir
    Path folder;

    private Configuration hadoop;
    private String impl;
    private String cache;
    private TestingJob job;

    @BeforeEach
    void aPublishedSnapshotOnAFilesystemThatCanFill() {
        job = new TestingJob(folder.resolve("job"))
                .csv("kpis", "kpi_id,name,direction,target", "K1,Uptime,higher_is_better,99.9")
                .csv("kpi_observations", "kpi_id,period_end,value", "K1,2026-10-31,99.5");
        job.runWithoutReports();
        hadoop = TestingSpark.session().sparkContext().hadoopConfiguration();
        impl = hadoop.get("fs.file.impl");
        cache = hadoop.get("fs.file.impl.disable.cache");
        hadoop.set("fs.file.impl", FullDiskLocalFileSystem.class.getName());
        hadoop.setBoolean("fs.file.impl.disable.cache", true);
    }

    @AfterEach
    void restore() {
        FullDiskLocalFileSystem.failWriting("");
        restore("fs.file.impl", impl);
        restore("fs.file.impl.disable.cache", cache);
    }

    private void restore(String key, String value) {
        if (value == null) {
            hadoop.unset(key);
        } else {
            hadoop.set(key, value);
        }
    }

    private List<String> publishedFiles() {
        return Stream.of("conformed", "quarantine", "metrics").flatMap(zone -> job.lakeFiles(zone).stream()).toList();
    }

    /** A run with its PDFs, so that their staging folder is there to be left behind too. */
    private void failsWithSevenAndAFailedManifest() {
        assertThatThrownBy(job::run).isInstanceOfSatisfying(NorthstarException.class, failure -> {
            assertThat(failure.exitCode()).isEqualTo(ExitCode.CANNOT_WRITE);
            assertThat(failure.getMessage()).contains("No space left on device");
        });
        assertThat(job.manifests()).hasSize(2).last().satisfies(manifest -> assertThat(Files.readString(manifest))
                .contains("\"outcome\" : \"failed\"", "\"exitCode\" : 7"));
    }

    @Test
    void fullAtTheJournalItExitsSevenAndLeavesNothingBehind() throws Exception {
        List<String> before = publishedFiles();
        FullDiskLocalFileSystem.failWriting("_publish");

        failsWithSevenAndAFailedManifest();

        assertThat(publishedFiles()).isEqualTo(before);
        assertThat(job.lake().resolve("_staging")).doesNotExist();
        try (Stream<Path> reports = Files.walk(job.folder().resolve("reports"))) {
            assertThat(reports.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.startsWith(".staging"));
        }
    }

    @Test
    void fullOnceTheOldPartitionsAreAsideTheNextRunCompletesThePublish() {
        FullDiskLocalFileSystem.failWriting("_publish-in");

        failsWithSevenAndAFailedManifest();

        assertThat(job.lake().resolve("_staging")).as("the journal stays for the next run").exists();
        FullDiskLocalFileSystem.failWriting("");
        job.runWithoutReports();
        assertThat(job.progressOutput()).contains("completed the publish of run");
        assertThat(job.lake().resolve("_staging")).doesNotExist();
        assertThat(job.table("metrics", "kpi_status", TestingJob.AS_OF).count()).isEqualTo(1);
    }
}
