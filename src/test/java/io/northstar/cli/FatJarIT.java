package io.northstar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.contract.Datasets;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, launched as a user would: {@code java -jar target/northstar.jar ...}. */
class FatJarIT {

    @TempDir
    Path folder;

    private record Result(int exitCode, String out, String err) {
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("northstar.jar", "target/northstar.jar");
        assertThat(Path.of(jar)).as("run `mvn package` first").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar));
        command.addAll(List.of(args));
        File out = folder.resolve("out.txt").toFile();
        File err = folder.resolve("err.txt").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("northstar did not finish within 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void runsTheSampleJobIntoALakeWithAManifest() throws Exception {
        Path lake = folder.resolve("lake");
        Path reports = folder.resolve("reports");
        Result result = launch("run", "--job", "jobs/sample.yaml", "--lake", lake.toString(), "--reports",
                reports.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("ingest", "publish", "published snapshot as_of 2026-10-31");
        assertThat(result.err()).as("Spark's INFO log is off by default").doesNotContain(" INFO ");
        for (String dataset : Datasets.names()) {
            Path partition = lake.resolve("conformed").resolve(dataset).resolve("as_of=2026-10-31");
            try (Stream<Path> files = Files.list(partition)) {
                assertThat(files.filter(f -> f.toString().endsWith(".parquet"))).as(dataset).isNotEmpty();
            }
            assertThat(lake.resolve("quarantine").resolve(dataset).resolve("as_of=2026-10-31")).isDirectory();
        }
        for (String table : List.of("kpi_status", "kpi_trend", "kpi_smart", "objective_scorecard", "alignment")) {
            assertThat(lake.resolve("metrics").resolve(table).resolve("as_of=2026-10-31")).as(table).isDirectory();
        }
        assertThat(result.out()).contains("metrics", "kpi_status 40", "report", "executive-scorecard.pdf");
        assertThat(reports.resolve("2026-10-31/executive-scorecard.pdf")).isRegularFile();
        try (Stream<Path> manifests = Files.list(lake.resolve("_runs"))) {
            List<Path> files = manifests.toList();
            assertThat(files).hasSize(1);
            String manifest = Files.readString(files.get(0));
            assertThat(manifest).contains("\"outcome\" : \"succeeded\"", "\"job\" : \"sample\"");
        }
    }

    @Test
    void aBrokenJobFileExitsWithTwoAndNoStackTrace() throws Exception {
        Path job = Files.writeString(folder.resolve("broken.yaml"), "name: x\nlake: lake\nsource: {}\n");
        Result result = launch("run", "--job", job.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("source: unknown key").doesNotContain("\tat ");
    }
}
