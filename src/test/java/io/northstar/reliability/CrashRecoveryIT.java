package io.northstar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.testing.TestingCli;
import io.northstar.testing.TestingCli.Result;
import io.northstar.testing.TestingCli.Started;
import io.northstar.testing.TestingSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI in processes of its own, killed with SIGKILL in the middle of each stage: what
 * was published before stays intact and readable, by Northstar and by an independent Parquet
 * reader (DuckDB); the next run cleans up and publishes normally, and a second run started
 * while it holds the lake is refused. One sequence, since every run costs a JVM and a Spark;
 * the snapshot published before is a copy of the packaged jar's run that the other integration
 * tests share ({@link TestingSample#packagedRun()}).
 */
class CrashRecoveryIT {
    private static final String AS_OF = "2026-10-31";
    private static final int KILLED_BY_SIGKILL = 128 + 9;

    @TempDir
    Path folder;

    private TestingCli cli;
    private Path lake;
    private Path reports;

    @BeforeEach
    void setUp() {
        cli = new TestingCli(folder.resolve("console"));
        lake = folder.resolve("lake");
        reports = folder.resolve("reports");
    }

    /** Where a run is, told by what it has written so far. */
    private enum Stage {
        INGEST(paths -> staged(paths.lake(), "conformed")),
        METRICS(paths -> staged(paths.lake(), "metrics")),
        REPORT(paths -> firstChild(paths.reports().resolve(AS_OF), ".staging-"));

        private final Function<Paths, Optional<Path>> marker;

        Stage(Function<Paths, Optional<Path>> marker) {
            this.marker = marker;
        }

        private static Optional<Path> staged(Path lake, String zone) {
            return firstChild(lake.resolve("_staging"), "").map(run -> run.resolve(zone)).filter(Files::exists);
        }
    }

    private record Paths(Path lake, Path reports) {
    }

    private String[] runCommand() {
        return new String[] {"run", "--job", "jobs/sample.yaml", "--lake", lake.toString(), "--reports",
                reports.toString()};
    }

    @Test
    void aRunKilledDuringIngestMetricsOrReportsLeavesTheLastSnapshotIntactAndTheNextRunPublishesAlone()
            throws Exception {
        TestingSample.PackagedRun first = TestingSample.packagedRun();
        assertThat(first.result().exitCode()).as(first.result().err()).isZero();
        // the run's lake and PDFs, as a backup restored here would bring them back
        TestingSample.copy(first.lake(), lake);
        TestingSample.copy(first.reports(), reports);
        Map<String, String> published = digests();
        Map<String, Long> rows = rowCountsByDuckDb();
        assertThat(rows).containsEntry("metrics/kpi_status", 40L).containsEntry("conformed/budget_lines", 12_000L);

        for (Stage stage : Stage.values()) {
            Started run = cli.start(Map.of(), runCommand());
            Path marker = await(stage, run);
            run.process().destroyForcibly();
            assertThat(run.process().waitFor(1, TimeUnit.MINUTES)).isTrue();

            assertThat(run.process().exitValue()).as("killed while %s was at %s", stage, marker)
                    .isEqualTo(KILLED_BY_SIGKILL);
            assertThat(digests()).as("published files after a kill during %s", stage).isEqualTo(published);
            assertThat(rowCountsByDuckDb()).as("rows DuckDB reads after a kill during %s", stage).isEqualTo(rows);
        }
        Result query = cli.run("query", "--lake", lake.toString(), "--format", "csv",
                "SELECT count(*) AS n FROM budget_lines");
        assertThat(query.exitCode()).as(query.err()).isZero();
        assertThat(query.out()).isEqualToIgnoringNewLines("n12000");

        Started nextRun = cli.start(Map.of(), runCommand());
        awaitLockHeldBy(nextRun);
        Result meanwhile = cli.run(runCommand());
        Result next = nextRun.await();

        assertThat(meanwhile.exitCode()).as("a second run while the next one holds the lake").isEqualTo(5);
        assertThat(meanwhile.err()).contains("is locked by run", "(run of job sample for as_of " + AS_OF + ")",
                "process " + nextRun.process().pid()).doesNotContain("\tat ");
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.out()).contains("removed what interrupted runs left", "published snapshot as_of " + AS_OF);
        assertThat(lake.resolve("_staging")).doesNotExist();
        assertThat(lake.resolve("_lock")).doesNotExist();
        assertThat(firstChild(reports.resolve(AS_OF), ".staging-")).isEmpty();
        assertThat(rowCountsByDuckDb()).isEqualTo(rows);
        assertThat(folders(digests())).as("the same partitions and PDFs, written anew").isEqualTo(folders(published));
        try (Stream<Path> manifests = Files.list(lake.resolve("_runs"))) {
            // each killed run is recorded by the run that took its lock over: the next killed one, then the next
            List<String> all = manifests.map(CrashRecoveryIT::read).toList();
            assertThat(all).as("first, three killed, the refused one, next").hasSize(6)
                    .filteredOn(m -> m.contains("\"outcome\" : \"succeeded\"")).hasSize(2);
            assertThat(all).filteredOn(m -> m.contains("\"outcome\" : \"killed\"")).hasSize(3)
                    .allSatisfy(m -> assertThat(m).contains("\"exitCode\" : -1", "stopped without finishing",
                            "\"asOf\" : \"" + AS_OF + "\""));
        }
        assertThat(next.out()).contains("had died holding the lake's lock: recorded as killed in its manifest");
    }

    /** Waits until the lake's lock names the run's process (a killed run's lock may be there before). */
    private void awaitLockHeldBy(Started run) throws InterruptedException, IOException {
        Path lock = lake.resolve("_lock");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!(Files.exists(lock) && read(lock).contains("pid=" + run.process().pid()))) {
            assertThat(run.process().isAlive()).as("the run ended before taking the lock").isTrue();
            assertThat(System.nanoTime()).as("waiting for the run to take the lock").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Waits until the run reaches the stage; fails if it ends first. */
    private Path await(Stage stage, Started run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            Optional<Path> marker = stage.marker.apply(new Paths(lake, reports));
            if (marker.isPresent()) {
                return marker.get();
            }
            assertThat(run.process().isAlive()).as("the run ended before reaching " + stage).isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("the run did not reach " + stage + " within 3 minutes");
    }

    private static Optional<Path> firstChild(Path folder, String prefix) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(child -> child.getFileName().toString().startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty(); // the folder went away while listing: not there yet
        }
    }

    /**
     * A digest of every file a reader can see: the lake's zones and manifests-free folders, and
     * the final PDFs (not the hidden folders runs render into).
     */
    private Map<String, String> digests() throws IOException {
        Map<String, String> digests = new TreeMap<>();
        for (Path root : new Path[] {lake, reports}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String relative = folder.relativize(file).toString();
                    if (!relative.matches("lake/(_staging|_runs|_trash|_lock).*") && !relative.contains("/.")) {
                        digests.put(relative, sha256(file));
                    }
                }
            }
        }
        return digests;
    }

    /** The partition folders and PDFs of a digest map: Parquet file names change with every run. */
    private static Set<String> folders(Map<String, String> digests) {
        Set<String> folders = new TreeSet<>();
        digests.keySet().forEach(file -> folders.add(file.endsWith(".pdf") ? file
                : file.substring(0, file.lastIndexOf('/'))));
        return folders;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of each published table as DuckDB reads the Parquet files: zone/table to count. */
    private Map<String, Long> rowCountsByDuckDb() throws IOException, SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            for (String zone : new String[] {"conformed", "quarantine", "metrics"}) {
                try (Stream<Path> tables = Files.list(lake.resolve(zone))) {
                    for (Path table : tables.sorted().toList()) {
                        Path partition = table.resolve("as_of=" + AS_OF);
                        try (ResultSet result = statement.executeQuery(
                                "SELECT count(*) FROM read_parquet('" + partition + "/*.parquet')")) {
                            result.next();
                            counts.put(zone + "/" + table.getFileName(), result.getLong(1));
                        }
                    }
                }
            }
        }
        return counts;
    }
}
