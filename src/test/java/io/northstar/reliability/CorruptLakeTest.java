package io.northstar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.cli.Main;
import io.northstar.error.ExitCode;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet file of the published snapshot cut short (a full disk, a copy interrupted): the
 * commands that read it stop with exit 6 and a message naming the file, not a stack trace.
 */
class CorruptLakeTest {
    @TempDir
    Path folder;

    private TestingJob job;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void publishASnapshot() {
        TestingSpark.session();
        job = new TestingJob(folder)
                .csv("kpis", "kpi_id,name,direction,target", "K1,Uptime,higher_is_better,99.9",
                        "K2,Incidents,lower_is_better,2")
                .csv("kpi_observations", "kpi_id,period_end,value", "K1,2026-09-30,99.1", "K1,2026-10-31,99.5",
                        "K2,2026-09-30,5", "K2,2026-10-31,4");
        job.run();
    }

    private int northstar(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aQueryOfATruncatedMetricFileExitsSixNamingTheFile() throws IOException {
        Path damaged = truncate("metrics/kpi_status");

        int exit = northstar("query", "--lake", job.lake().toString(), "SELECT count(*) FROM kpi_status");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.LAKE_DAMAGED.code());
        assertThat(err.toString()).contains("lake file", damaged.getFileName().toString(), "is damaged")
                .doesNotContain("\tat ");
    }

    @Test
    void recomputingMetricsFromATruncatedConformedFileExitsSixNamingTheFileAndKeepsTheSnapshot() throws IOException {
        Path damaged = truncate("conformed/kpi_observations");
        var before = job.lakeFiles("metrics");

        int exit = northstar("metrics", "--job", job.jobFile().toString(), "--as-of", TestingJob.AS_OF.toString());

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.LAKE_DAMAGED.code());
        assertThat(err.toString()).contains("lake file", damaged.getFileName().toString()).doesNotContain("\tat ");
        assertThat(job.lakeFiles("metrics")).isEqualTo(before);
        assertThat(job.manifests()).last().satisfies(manifest -> assertThat(Files.readString(manifest))
                .contains("\"outcome\" : \"failed\"", "\"exitCode\" : 6", damaged.getFileName().toString()));
    }

    /** Cuts the table's first Parquet file of the snapshot to half its length; returns it. */
    private Path truncate(String table) throws IOException {
        Path partition = job.lake().resolve(table).resolve("as_of=" + TestingJob.AS_OF);
        try (Stream<Path> files = Files.list(partition)) {
            Path file = files.filter(f -> f.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            return file;
        }
    }
}
