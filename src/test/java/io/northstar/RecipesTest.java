package io.northstar;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.contract.Datasets;
import io.northstar.job.Job;
import io.northstar.job.JobFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ready-made job files and scheduling recipes under jobs/ stay valid. */
class RecipesTest {
    private static final Path JOBS = Path.of("jobs");

    @TempDir
    Path folder;

    private record Result(int exitCode, String out, String err) {
    }

    private Result launch(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(folder.resolve("out.txt").toFile())
                .redirectError(folder.resolve("err.txt").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), Files.readString(folder.resolve("out.txt")),
                Files.readString(folder.resolve("err.txt")));
    }

    private static List<Path> files(String glob) throws IOException {
        try (Stream<Path> files = Files.walk(JOBS)) {
            return files.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName()))
                    .sorted().toList();
        }
    }

    @Test
    void everyJobFileReads() throws IOException {
        JobFileReader reader = new JobFileReader(Map.of("NORTHSTAR_WAREHOUSE_PASSWORD", "w",
                "NORTHSTAR_BI_PASSWORD", "b", "NORTHSTAR_SMTP_USER", "u", "NORTHSTAR_SMTP_PASSWORD", "p",
                "NORTHSTAR_CHAT_WEBHOOK", "https://chat.example/hook"));
        List<Path> jobFiles = files("*.yaml");
        assertThat(jobFiles).extracting(p -> p.getFileName().toString())
                .contains("sample.yaml", "sample-jdbc.yaml", "nightly.yaml");
        for (Path file : jobFiles) {
            Job job = reader.readFile(file);
            assertThat(job.sources()).as(file.toString()).hasSize(Datasets.names().size());
        }
        Job nightly = reader.readFile(JOBS.resolve("nightly.yaml"));
        assertThat(nightly.asOf()).as("a nightly run reports on its own day").isEmpty();
        assertThat(nightly.publish()).isPresent();
        assertThat(nightly.delivery()).as("the nightly run mails the packs").hasValueSatisfying(delivery -> {
            assertThat(delivery.smtp().security()).isEqualTo(io.northstar.job.Delivery.Security.STARTTLS);
            assertThat(delivery.chat()).isPresent();
        });
    }

    @Test
    void theShellScriptsParse() throws Exception {
        for (Path script : files("*.sh")) {
            assertThat(launch(Map.of(), "bash", "-n", script.toString()).exitCode()).as(script.toString()).isZero();
            assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
        }
    }

    /** A stand-in for java that prints a line and exits with the code it is told. */
    private Path fakeJava(int exitCode) throws IOException {
        Path fake = folder.resolve("java-" + exitCode);
        Files.writeString(fake, "#!/usr/bin/env bash\necho \"northstar: pretend run $*\"\nexit " + exitCode + "\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
    }

    @Test
    void theNightlyWrapperPassesAGateFailureOnLoudlyAndIsSilentOnSuccess() throws Exception {
        Path logs = folder.resolve("logs");
        Result failed = launch(Map.of("JAVA", fakeJava(3).toString(), "NORTHSTAR_LOGS", logs.toString()),
                "jobs/run-nightly.sh");
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.err()).contains("northstar nightly FAILED with exit 3 (data-quality gate failed",
                "pretend run @" + Path.of("jobs/jvm.options").toAbsolutePath() + " -jar", "northstar.jar run --job");
        assertThat(failed.out()).isEmpty();

        Result succeeded = launch(Map.of("JAVA", fakeJava(0).toString(), "NORTHSTAR_LOGS", logs.toString()),
                "jobs/run-nightly.sh");
        assertThat(succeeded.exitCode()).isZero();
        assertThat(succeeded.out() + succeeded.err()).as("cron mails any output: success must print none").isEmpty();
        try (Stream<Path> files = Files.list(logs)) {
            String log = Files.readString(files.findFirst().orElseThrow(), StandardCharsets.UTF_8);
            assertThat(log).contains("northstar run --job", "jobs/nightly.yaml").hasLineCount(4);
        }
    }

    @Test
    void theSystemdPairRunsTheWrapperOnceANight() throws IOException {
        String service = Files.readString(JOBS.resolve("systemd/northstar-nightly.service"));
        assertThat(service).contains("Type=oneshot", "ExecStart=/opt/northstar/jobs/run-nightly.sh", "OnFailure=");
        assertThat(Files.readString(JOBS.resolve("systemd/northstar-nightly.timer"))).contains("OnCalendar=*-*-* 02:30");
        assertThat(Files.readString(JOBS.resolve("cron/northstar.cron"))).contains("run-nightly.sh", "MAILTO=");
    }

    @Test
    void theAirflowDagIsValidPython() throws Exception {
        Result python;
        try {
            python = launch(Map.of("PYTHONDONTWRITEBYTECODE", "1"), "python3", "-c",
                    "import ast, sys; ast.parse(open(sys.argv[1]).read())", "jobs/airflow/northstar_nightly.py");
        } catch (IOException e) {
            Assumptions.abort("python3 is not installed: " + e.getMessage());
            return;
        }
        assertThat(python.exitCode()).as(python.err()).isZero();
        assertThat(Files.readString(JOBS.resolve("airflow/northstar_nightly.py")))
                .contains("SparkSubmitOperator", "io.northstar.cli.Main", "\"run\", \"--job\"");
    }
}
