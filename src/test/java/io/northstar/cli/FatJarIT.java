package io.northstar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.contract.Datasets;
import io.northstar.testing.TestingCli;
import io.northstar.testing.TestingCli.Result;
import io.northstar.testing.TestingSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, launched as a user would: {@code java -jar target/northstar.jar ...}. */
class FatJarIT {

    @TempDir
    Path folder;

    private Result launch(String... args) throws IOException, InterruptedException {
        return new TestingCli(folder.resolve("console")).run(args);
    }

    private Result launch(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return new TestingCli(folder.resolve("console")).run(environment, args);
    }

    @Test
    void runsTheSampleJobIntoALakeWithAManifest() throws Exception {
        TestingSample.PackagedRun run = TestingSample.packagedRun();
        Path lake = run.lake();
        Path reports = run.reports();
        Result result = run.result();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("ingest", "publish", "published snapshot as_of 2026-10-31");
        assertThat(result.out().strip().lines().reduce((first, second) -> second)).as("the last line says where the PDFs are")
                .hasValueSatisfying(last -> assertThat(last).endsWith("; PDFs in " + reports.resolve("2026-10-31")));
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
    void theJarOpensWhatSparkReachesIntoSoASpilledCacheBlockCanBeSerialised() throws Exception {
        String jar = TestingCli.jar();
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar)) {
            String opens = file.getManifest().getMainAttributes().getValue("Add-Opens");
            assertThat(opens).as("Add-Opens of " + jar).isNotNull();
            assertThat(opens.split(" ")).contains("java.base/java.nio", "java.base/java.lang.invoke",
                    "java.base/sun.nio.ch");
        }
    }

    @Test
    void aBrokenJobFileExitsWithTwoAndNoStackTrace() throws Exception {
        Path job = Files.writeString(folder.resolve("broken.yaml"), "name: x\nlake: lake\nsource: {}\n");
        Result result = launch("run", "--job", job.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("source: unknown key").doesNotContain("\tat ");
    }

    private static long count(String url, String password, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", password);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void theJdbcSampleReadsAnEmbeddedH2DatabaseThatGenerateCreatesAndPublishesBackIntoIt() throws Exception {
        String url = "jdbc:h2:./target/sample-h2/northstar;DATABASE_TO_LOWER=TRUE";
        deleteFolder(Path.of("target/sample-h2"));
        Result generated = launch("generate", "--jdbc", url, "--user", "sa");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        for (String dataset : Datasets.names()) {
            assertThat(count(url, "", "SELECT COUNT(*) FROM " + dataset)).as(dataset + " after: " + generated.out())
                    .isPositive();
        }
        Result run = launch("run", "--job", "jobs/sample-jdbc.yaml", "--lake", folder.resolve("lake").toString(),
                "--reports", folder.resolve("reports").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("15,485 rows read, 15,485 kept", "publish.jdbc", "in 30 tables");
        assertThat(count(url, "", "SELECT COUNT(*) FROM northstar.kpi_status WHERE as_of = DATE '2026-10-31'"))
                .isEqualTo(40);
        assertThat(folder.resolve("reports/2026-10-31/executive-scorecard.pdf")).isRegularFile();
    }

    /** Every byte a run wrote (lake, manifests, reports, the published tables) and everything it printed. */
    private String everythingWritten(List<Result> results) throws IOException {
        StringBuilder text = new StringBuilder();
        results.forEach(result -> text.append(result.out()).append(result.err()));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    @Test
    void aPasswordFromTheEnvironmentAppearsInNoFileNoLogAndNoConsoleOutput() throws Exception {
        String password = "Pw-7c1e9a-Secret";
        String smtpPassword = "Smtp-4b2d8f-Secret";
        String webhookToken = "T0ken-a93c51";
        Map<String, String> environment = Map.of("NORTHSTAR_DB_PASSWORD", password, "NORTHSTAR_SMTP_PASSWORD",
                smtpPassword, "NORTHSTAR_CHAT_WEBHOOK", "http://127.0.0.1:9/hooks/" + webhookToken);
        String url = "jdbc:h2:" + folder.resolve("h2/secured") + ";DATABASE_TO_LOWER=TRUE";
        List<Result> results = new ArrayList<>();
        results.add(launch(environment, "generate", "--jdbc", url, "--user", "sa", "--password-env",
                "NORTHSTAR_DB_PASSWORD"));
        StringBuilder job = new StringBuilder("name: secured\nasOf: 2026-10-31\nlake: lake\nreports: reports\n"
                + "sources:\n");
        for (String dataset : Datasets.names()) {
            job.append("  ").append(dataset).append(": { format: jdbc, url: \"").append(url)
                    .append("\", user: sa, password: \"${NORTHSTAR_DB_PASSWORD}\", table: ").append(dataset)
                    .append(" }\n");
        }
        String publish = "publish: { jdbc: { url: \"%s\", user: sa, password: \"${NORTHSTAR_DB_PASSWORD}\","
                + " schema: bi, retries: 1, retryBackoff: 10ms } }\n";
        Path good = Files.writeString(folder.resolve("secured.yaml"), job + publish.formatted(url));
        Path downTarget = Files.writeString(folder.resolve("down.yaml"),
                job + publish.formatted("jdbc:postgresql://127.0.0.1:9/bi"));
        Path downSource = Files.writeString(folder.resolve("nosource.yaml"), job.toString()
                .replace(url, "jdbc:postgresql://127.0.0.1:9/itdata").replace("password:", "retries: 0, password:"));

        results.add(launch(environment, "run", "-v", "--job", good.toString()));
        // the good run's snapshot copied again, to a database that is down
        results.add(launch(environment, "publish", "-v", "--job", downTarget.toString()));
        results.add(launch(environment, "run", "-v", "--job", downSource.toString()));
        // the good run's PDFs mailed through a server that is down, the chat webhook down too
        Path delivering = Files.writeString(folder.resolve("delivering.yaml"), job + publish.formatted(url)
                + "delivery:\n  smtp: { host: 127.0.0.1, port: 9, security: none, user: packs,"
                + " password: \"${NORTHSTAR_SMTP_PASSWORD}\", from: it@example.com }\n"
                + "  notify: { webhook: \"${NORTHSTAR_CHAT_WEBHOOK}\", on: [failure] }\n");
        results.add(launch(environment, "deliver", "-v", "--dry-run", "--job", delivering.toString()));
        results.add(launch(environment, "deliver", "-v", "--job", delivering.toString()));

        assertThat(results).extracting(Result::exitCode).containsExactly(0, 0, 4, 4, 0, 8);
        assertThat(results.get(1).out()).contains("publish.jdbc");
        assertThat(results.get(2).err()).contains("publish.jdbc: cannot connect");
        assertThat(results.get(3).err()).contains("dataset objectives: cannot read");
        assertThat(results.get(4).out()).contains("send to ", "(board): executive-scorecard.pdf, review-pack.pdf");
        assertThat(results.get(5).err()).contains("deliveries failed", "cannot deliver through 127.0.0.1:9 (none)");
        assertThat(results.get(5).out()).contains("warning: the chat webhook could not be reached");
        assertThat(count(url, password, "SELECT COUNT(*) FROM bi.kpi_status")).isEqualTo(40);
        assertThat(everythingWritten(results)).doesNotContain(password, smtpPassword, webhookToken);
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
