package io.northstar.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.testing.TestingSample;
import io.northstar.testing.TestingSpark;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample job submitted with spark-submit to a real standalone cluster (a Master, a Worker and
 * two executors, all separate JVMs) computes exactly what local mode computes: every conformed
 * and metric table, the Monte Carlo included, and the figures in the PDFs.
 */
class ClusterIT {
    private static final String AS_OF = "as_of=2026-10-31";

    @TempDir
    Path folder;

    private record Result(int exitCode, String output) {
    }

    private Result launch(List<String> command, Map<String, String> environment, String name)
            throws IOException, InterruptedException {
        File log = folder.resolve(name + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                throw new AssertionError(name + " did not finish within 10 minutes");
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    private static Path jar(String property, String fallback) {
        Path jar = Path.of(System.getProperty(property, fallback));
        assertThat(jar).as("run `mvn package` first").exists();
        return jar;
    }

    private static List<Path> sparkJars() throws IOException {
        Path classpath = Path.of(System.getProperty("spark.cluster.classpath", "target/spark-cluster-classpath.txt"));
        assertThat(classpath).as("written by the dependency plugin before the integration tests").exists();
        return Arrays.stream(Files.readString(classpath).strip().split(File.pathSeparator)).map(Path::of).toList();
    }

    private static List<String> tableRows(Path lake, String zone, String table) {
        var rows = TestingSpark.session().read().parquet(lake.resolve(zone).resolve(table).resolve(AS_OF).toString());
        return rows.drop("run_id").collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static List<String> tables(Path lake, String zone) throws IOException {
        try (Stream<Path> tables = Files.list(lake.resolve(zone))) {
            return tables.map(table -> table.getFileName().toString()).sorted().toList();
        }
    }

    /** The text of a PDF without what differs between any two runs: the run id, times and the master. */
    private static String figures(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).lines()
                    .filter(line -> !line.matches(".*(\\d{8}T\\d{6}Z-[0-9a-f]{8}|local\\[|spark://|\\d{2}:\\d{2}:\\d{2}|"
                            + "\\d+\\.\\d s\\b).*"))
                    .reduce("", (text, line) -> text + line + "\n");
        }
    }

    @Test
    void theSampleJobOnAStandaloneClusterComputesExactlyWhatLocalModeComputes() throws Exception {
        // the same job run by the packaged jar in local mode, shared with the other integration tests
        TestingSample.PackagedRun localRun = TestingSample.packagedRun();
        assertThat(localRun.result().exitCode()).as(localRun.result().err()).isZero();
        Path localLake = localRun.lake();
        Path localReports = localRun.reports();
        Path remote = folder.resolve("cluster");

        List<ProcessHandle> clusterProcesses = new ArrayList<>();
        try (StandaloneCluster cluster = StandaloneCluster.start(folder.resolve("spark"), sparkJars(), 2, "3g")) {
            // shuffle partitions as README tells operators to set them (2 to 3 times the executor
            // cores; local mode has 8): Spark's default of 200 made the run about three times as long
            List<String> submit = cluster.java("org.apache.spark.deploy.SparkSubmit", "--master", cluster.masterUrl(),
                    "--deploy-mode", "client", "--class", "io.northstar.cli.Main", "--name", "northstar-cluster-it",
                    "--conf", "spark.executor.cores=1", "--conf", "spark.cores.max=2", "--executor-memory", "1g",
                    "--conf", "spark.sql.shuffle.partitions=4",
                    jar("northstar.spark.jar", "target/northstar-spark.jar").toString(),
                    "run", "--job", "jobs/sample.yaml", "--lake", remote.resolve("lake").toString(),
                    "--reports", remote.resolve("reports").toString());
            Result clusterRun = launch(submit, cluster.environment(), "cluster-run");
            clusterProcesses.addAll(cluster.handles());

            assertThat(clusterRun.exitCode()).as(clusterRun.output()).isZero();
            assertThat(clusterRun.output()).contains("run ", "published snapshot as_of 2026-10-31")
                    .doesNotContain(" INFO ");
            String manifest;
            try (Stream<Path> manifests = Files.list(remote.resolve("lake/_runs"))) {
                manifest = Files.readString(manifests.filter(p -> p.toString().endsWith(".json")).findFirst()
                        .orElseThrow());
            }
            assertThat(manifest).contains("\"sparkMaster\" : \"" + cluster.masterUrl() + "\"",
                    "\"outcome\" : \"succeeded\"");
            try (Stream<Path> executors = Files.walk(folder.resolve("spark/work"), 2)) {
                assertThat(executors.filter(p -> p.getParent().getFileName().toString().startsWith("app-")))
                        .as("the Worker ran two executors of one core").hasSize(2);
            }
        }
        assertThat(clusterProcesses).isNotEmpty().allSatisfy(process -> assertThat(process.isAlive())
                .as("cluster process " + process.pid() + " stopped").isFalse());

        for (String zone : List.of("conformed", "quarantine", "metrics")) {
            assertThat(tables(remote.resolve("lake"), zone)).isEqualTo(tables(localLake, zone));
            for (String table : tables(localLake, zone)) {
                assertThat(tableRows(remote.resolve("lake"), zone, table)).as(zone + "/" + table)
                        .isEqualTo(tableRows(localLake, zone, table));
            }
        }
        assertThat(tableRows(remote.resolve("lake"), "metrics", "risk_simulation")).hasSize(8);
        try (Stream<Path> pdfs = Files.list(localReports.resolve("2026-10-31"))) {
            for (Path pdf : pdfs.toList()) {
                assertThat(figures(remote.resolve("reports/2026-10-31").resolve(pdf.getFileName())))
                        .as(pdf.getFileName().toString()).isEqualTo(figures(pdf)).contains("Halvorsen & Pike");
            }
        }
    }
}
