package io.northstar.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.contract.Datasets;
import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.sample.SampleGenerator;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSample;
import io.northstar.testing.TestingTmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake on a 4 MB tmpfs: the sample fits (a copy of the shared run of {@link TestingSample},
 * its lake and PDFs), ten times the sample does not. The run that fills the disk fails with
 * exit 7 and a message saying so, removes what it staged, and the snapshot published before is
 * untouched. Mounting needs root: elsewhere the test is skipped, with a message.
 */
class DiskFullTest {
    @TempDir
    Path folder;

    private TestingTmpfs tmpfs;
    private Path small;

    @BeforeEach
    void mountASmallFilesystem() throws Exception {
        tmpfs = TestingTmpfs.mount(folder.resolve("small"), "4m");
        small = tmpfs.folder();
    }

    @AfterEach
    void unmount() throws Exception {
        if (tmpfs != null) {
            tmpfs.close();
        }
    }

    @Test
    void aRunThatFillsTheDiskExitsSevenAndLeavesThePreviousSnapshotAsItWas() throws IOException {
        TestingJob job = new TestingJob(small);
        TestingSample.Run sample = TestingSample.oneSnapshot();
        TestingSample.copy(sample.job().lake(), job.lake());
        TestingSample.copy(sample.folder().resolve("reports"), small.resolve("reports"));
        List<String> published = job.lakeFiles("metrics");
        List<String> conformed = job.lakeFiles("conformed");
        TestingJob bigger = jobOver(generate(10));

        assertThatThrownBy(bigger::run).isInstanceOfSatisfying(NorthstarException.class, failure -> {
            assertThat(failure.exitCode()).isEqualTo(ExitCode.CANNOT_WRITE);
            assertThat(failure.getMessage()).contains("No space left on device", "previous snapshot stands");
        });

        assertThat(job.lakeFiles("metrics")).isEqualTo(published);
        assertThat(job.lakeFiles("conformed")).isEqualTo(conformed);
        assertThat(job.conformed("budget_lines").count()).isEqualTo(12_000);
        assertThat(job.table("metrics", "kpi_status", TestingJob.AS_OF).count()).isEqualTo(40);
        assertThat(small.resolve("lake/_staging")).doesNotExist();
        assertThat(job.manifests()).last().satisfies(manifest -> assertThat(Files.readString(manifest))
                .contains("\"outcome\" : \"failed\"", "\"exitCode\" : 7"));
    }

    /** A job on the small filesystem reading CSV files outside it. */
    private TestingJob jobOver(Path data) {
        TestingJob job = new TestingJob(small);
        Datasets.names().forEach(dataset -> job.source(dataset, data.resolve(dataset + ".csv").toString()));
        return job;
    }

    private Path generate(int scale) {
        Path data = folder.resolve("data-" + scale);
        SampleGenerator.generate(data, new SampleGenerator.Options(scale, 42, 0, SampleGenerator.Options.DEFAULT_AS_OF));
        return data;
    }
}
