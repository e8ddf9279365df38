package io.northstar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.contract.Datasets;
import io.northstar.ingest.DatasetOutcome;
import io.northstar.job.Job;
import io.northstar.job.JobFileReader;
import io.northstar.run.JobRunner;
import io.northstar.run.Progress;
import io.northstar.run.RunManifest;
import io.northstar.sample.SampleGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A job folder built by a test: CSV files under {@code data/}, a job file naming them, and a
 * lake beside it. Runs go through the real {@link JobRunner} on the shared Spark session.
 */
public final class TestingJob {
    public static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    private final Path folder;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private String extraYaml = "";
    private final StringWriter progress = new StringWriter();

    public TestingJob(Path folder) {
        this.folder = folder;
    }

    /** A job over the generated sample (scale 1, seed 42), every dataset from CSV under {@code data/}. */
    public static TestingJob sample(Path folder) {
        SampleGenerator.generate(folder.resolve("data"),
                new SampleGenerator.Options(1, 42, 0, SampleGenerator.Options.DEFAULT_AS_OF));
        TestingJob job = new TestingJob(folder);
        Datasets.names().forEach(dataset -> job.source(dataset, "data/" + dataset + ".csv"));
        return job;
    }

    public Path folder() {
        return folder;
    }

    public Path lake() {
        return folder.resolve("lake");
    }

    /** Writes {@code data/<dataset>.csv} from lines and adds it to the job. */
    public TestingJob csv(String dataset, String... lines) {
        Path file = folder.resolve("data").resolve(dataset + ".csv");
        write(file, String.join("\n", lines) + "\n");
        return source(dataset, "data/" + dataset + ".csv");
    }

    /** Adds a source path (a file or folder under the job folder) without writing it. */
    public TestingJob source(String dataset, String relativePath) {
        sources.put(dataset, "{ format: csv, path: " + relativePath + " }");
        return this;
    }

    /** Adds a JDBC source; {@code options} are more YAML keys such as {@code retries: 0}. */
    public TestingJob jdbc(String dataset, String url, String table, String options) {
        sources.put(dataset, "{ format: jdbc, url: \"" + url + "\", table: " + table
                + (options.isEmpty() ? "" : ", " + options) + " }");
        return this;
    }

    public TestingJob without(String dataset) {
        sources.remove(dataset);
        return this;
    }

    public TestingJob yaml(String extra) {
        this.extraYaml = extra;
        return this;
    }

    public Path jobFile() {
        StringBuilder yaml = new StringBuilder("name: test\nlake: lake\n").append(extraYaml).append("sources:\n");
        sources.forEach((dataset, spec) -> yaml.append("  ").append(dataset).append(": ").append(spec).append('\n'));
        Path file = folder.resolve("job.yaml");
        write(file, yaml.toString());
        return file;
    }

    public Job job() {
        return JobFileReader.read(jobFile());
    }

    /** The job with {@code ${NAME}} taken from the given environment, as secrets are. */
    public Job job(java.util.Map<String, String> environment) {
        return new JobFileReader(environment).readFile(jobFile());
    }

    /** Runs the job for {@link #AS_OF}; checks that every dataset's counts add up. */
    public RunManifest run() {
        return run(AS_OF);
    }

    public RunManifest run(LocalDate asOf) {
        return checked(runner().run(job(), asOf));
    }

    /** Runs the job for {@link #AS_OF} without rendering PDFs, for tests that read only the lake. */
    public RunManifest runWithoutReports() {
        return runWithoutReports(AS_OF);
    }

    public RunManifest runWithoutReports(LocalDate asOf) {
        return checked(runner().run(job(), asOf, JobRunner.Reports.SKIP));
    }

    private static RunManifest checked(RunManifest manifest) {
        assertCountsAddUp(manifest);
        return manifest;
    }

    /** A runner on the shared session whose progress lines go to {@link #progressOutput()}. */
    public JobRunner runner() {
        return new JobRunner(TestingSpark.session(), new Progress(new PrintWriter(progress)), Clock.systemUTC());
    }

    /** Every file under the job folder (lake, reports, manifests) as text, for leak checks. */
    public List<Path> allFiles() {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String progressOutput() {
        return progress.toString();
    }

    public static void assertCountsAddUp(RunManifest manifest) {
        for (DatasetOutcome outcome : manifest.datasets()) {
            assertThat(outcome.rowsRead()).as(outcome.dataset())
                    .isEqualTo(outcome.kept() + outcome.deduplicated() + outcome.quarantined());
        }
    }

    public Dataset<Row> conformed(String dataset) {
        return table("conformed", dataset, AS_OF);
    }

    public Dataset<Row> quarantine(String dataset) {
        return table("quarantine", dataset, AS_OF);
    }

    /** Each quarantined row's reason by its source line. */
    public java.util.Map<Long, String> reasonsByLine(String dataset) {
        java.util.Map<Long, String> reasons = new java.util.TreeMap<>();
        for (Row row : quarantine(dataset).collectAsList()) {
            reasons.put(row.getAs("line"), row.getAs("reason"));
        }
        return reasons;
    }

    /** A dataset's counts in a run's manifest. */
    public static io.northstar.ingest.DatasetOutcome outcome(io.northstar.run.RunManifest manifest, String dataset) {
        return manifest.datasets().stream().filter(o -> o.dataset().equals(dataset)).findFirst().orElseThrow();
    }

    public Dataset<Row> table(String zone, String table, LocalDate asOf) {
        return TestingSpark.session().read()
                .parquet(lake().resolve(zone).resolve(table).resolve("as_of=" + asOf).toString());
    }

    /** Every manifest in the lake, oldest first. */
    public List<Path> manifests() {
        Path runs = lake().resolve("_runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runs)) {
            return new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables of a zone with a partition for {@link #AS_OF}, sorted. */
    public List<String> lakeTables(String zone) {
        Path root = lake().resolve(zone);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> tables = Files.list(root)) {
            return tables.filter(table -> Files.isDirectory(table.resolve("as_of=" + AS_OF)))
                    .map(table -> table.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the lake (relative paths), for before/after comparisons. */
    public List<String> lakeFiles(String zone) {
        Path root = lake().resolve(zone);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
