package io.northstar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.run.RunManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Runs of the sample organisation made once per test JVM and shared by the test classes that
 * only read what such a run produced (its lake, manifest and PDFs): a run of the sample costs
 * about a minute, and several classes used to make the same one each.
 *
 * <p>Shared means read-only. A test that needs to change a lake runs its own job (or copies
 * {@link Run#folder()} first). Every access checks that no file under the run's folder changed
 * since the run, by content, and fails naming the file otherwise, so a test that writes into a
 * shared run fails instead of quietly changing what later classes see.
 */
public final class TestingSample {
    /** The job settings of both shared runs, as jobs/sample.yaml has them. */
    public static final String YAML = "currency: EUR\nreport: { organisation: Halvorsen & Pike Logistics }\n";
    /** The earlier snapshot of {@link #twoSnapshots()}, a month before {@link TestingJob#AS_OF}. */
    public static final LocalDate PREVIOUS = LocalDate.of(2026, 9, 30);

    private static Run oneSnapshot;
    private static Run twoSnapshots;
    private static PackagedRun packagedRun;

    private TestingSample() {
    }

    /**
     * A finished run of the job: the job (its lake, to read with {@link TestingJob#table}), the
     * manifest of its last run, and the file digests taken right after it.
     */
    public static final class Run {
        private final TestingJob job;
        private final RunManifest manifest;
        private final Map<String, Long> digests;

        private Run(TestingJob job, RunManifest manifest) {
            this.job = job;
            this.manifest = manifest;
            this.digests = digests(job.folder());
        }

        /** The job that made the run; read its tables, never run it again. */
        public TestingJob job() {
            return job;
        }

        /** The manifest of the run for {@link TestingJob#AS_OF}. */
        public RunManifest manifest() {
            return manifest;
        }

        public Path folder() {
            return job.folder();
        }

        /** The CSV files the job read. */
        public Path data() {
            return job.folder().resolve("data");
        }

        /** The folder of the PDFs for one as_of. */
        public Path reports(LocalDate asOf) {
            return job.folder().resolve("reports").resolve(asOf.toString());
        }

        private Run unchanged() {
            assertThat(digests(job.folder())).as("files of the shared sample run in " + job.folder()
                    + " (a test wrote into it; shared runs are read-only)").isEqualTo(digests);
            return this;
        }
    }

    /** The sample (scale 1, seed 42) with {@link #YAML}, run once for {@link TestingJob#AS_OF}, PDFs included. */
    public static synchronized Run oneSnapshot() {
        if (oneSnapshot == null) {
            TestingJob job = TestingJob.sample(newFolder("one-snapshot")).yaml(YAML);
            oneSnapshot = new Run(job, job.run());
        }
        return oneSnapshot.unchanged();
    }

    /**
     * The sample with {@link #YAML}, run for {@link #PREVIOUS} and then for {@link TestingJob#AS_OF}
     * into one lake, PDFs included: the second snapshot has changes to report.
     */
    public static synchronized Run twoSnapshots() {
        if (twoSnapshots == null) {
            TestingJob job = TestingJob.sample(newFolder("two-snapshots")).yaml(YAML);
            job.run(PREVIOUS);
            twoSnapshots = new Run(job, job.run());
        }
        return twoSnapshots.unchanged();
    }

    /**
     * The bundled sample job ({@code jobs/sample.yaml}) run by the packaged jar in a process of
     * its own, as README tells users to ({@link TestingCli}), into a lake and a reports folder of
     * its own: what it printed, and where it wrote. For the integration tests, which need
     * {@code mvn package} first.
     */
    public static final class PackagedRun {
        private final TestingCli.Result result;
        private final Path lake;
        private final Path reports;
        private final Map<String, Long> digests;

        private PackagedRun(TestingCli.Result result, Path lake, Path reports) {
            this.result = result;
            this.lake = lake;
            this.reports = reports;
            this.digests = digests(lake.getParent());
        }

        public TestingCli.Result result() {
            return result;
        }

        public Path lake() {
            return lake;
        }

        public Path reports() {
            return reports;
        }

        private PackagedRun unchanged() {
            assertThat(digests(lake.getParent())).as("files of the shared run of jobs/sample.yaml in "
                    + lake.getParent() + " (a test wrote into it; shared runs are read-only)").isEqualTo(digests);
            return this;
        }
    }

    /** {@code northstar run --job jobs/sample.yaml}, by the packaged jar, once per test JVM. */
    public static synchronized PackagedRun packagedRun() throws IOException, InterruptedException {
        if (packagedRun == null) {
            Path folder = newFolder("packaged-run");
            Path lake = folder.resolve("lake");
            Path reports = folder.resolve("reports");
            TestingCli.Result result = new TestingCli(folder.resolve("console")).run("run", "--job",
                    "jobs/sample.yaml", "--lake", lake.toString(), "--reports", reports.toString());
            packagedRun = new PackagedRun(result, lake, reports);
        }
        return packagedRun.unchanged();
    }

    /** Copies the files under a folder (of a shared run, say) into another, to change them there. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static Path newFolder(String name) {
        try {
            Path folder = Files.createTempDirectory("northstar-sample-" + name + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Relative path to a CRC-32 of the content, for every file under the folder. */
    private static Map<String, Long> digests(Path folder) {
        Map<String, Long> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                CRC32 crc = new CRC32();
                crc.update(Files.readAllBytes(file));
                digests.put(folder.relativize(file).toString(), crc.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digests;
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path file : all) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary folder harms nothing
        }
    }
}
