package io.northstar.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFileReaderTest {

    /** The minimal example of SPEC.md §5, word for word. */
    private static final String SPEC_EXAMPLE = """
            name: nightly                  # required
            asOf: 2026-10-31               # optional; --as-of overrides; default today
            lake: ../lake                  # required; --lake overrides
            reports: ../out/reports        # optional; default <lake>/../reports
            fiscalYearStartMonth: 7        # optional; default 1
            currency: EUR                  # optional; default USD
            quality:
              maxRejectRatio: 0.05         # optional; per dataset: overrides: { kpis: 0.2 }
            sources:                       # a map from dataset name to its source
              objectives: { format: csv, path: data/objectives.csv }
              budget_lines:
                format: jdbc
                url: jdbc:postgresql://127.0.0.1:5432/itdata
                user: ${PGUSER}
                password: ${PGPASSWORD}
                table: budget_lines        # or query: "select ..."
            spark:
              master: local[*]             # optional
              conf: { spark.sql.shuffle.partitions: "8" }
            """;

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path jobs = Files.createDirectories(folder.resolve("jobs"));
        return Files.writeString(jobs.resolve(name), text);
    }

    private Job read(String name, String text) throws IOException {
        return new JobFileReader(Map.of("PGUSER", "analyst", "PGPASSWORD", "s3cret")).readFile(write(name, text));
    }

    private void assertFails(String text, String... fragments) throws IOException {
        Path file = write("bad.yaml", text);
        var thrown = assertThatThrownBy(() -> new JobFileReader(Map.of()).readFile(file))
                .isInstanceOfSatisfying(JobFileException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining(file.toString());
        for (String fragment : fragments) {
            thrown.hasMessageContaining(fragment);
        }
    }

    @Test
    void readsTheSpecExample() throws IOException {
        Job job = read("nightly.yaml", SPEC_EXAMPLE);
        assertThat(job.name()).isEqualTo("nightly");
        assertThat(job.asOf()).contains(LocalDate.of(2026, 10, 31));
        assertThat(job.lake()).isEqualTo(folder.resolve("lake").toString());
        assertThat(job.reportsLocation()).isEqualTo(folder.resolve("out/reports").toString());
        assertThat(job.fiscalYearStartMonth()).isEqualTo(7);
        assertThat(job.currency()).isEqualTo("EUR");
        assertThat(job.sources().get("objectives"))
                .isEqualTo(new SourceSpec.Csv(folder.resolve("jobs/data/objectives.csv").toString()));
        SourceSpec.Jdbc jdbc = (SourceSpec.Jdbc) job.sources().get("budget_lines");
        assertThat(jdbc.user()).isEqualTo("analyst");
        assertThat(jdbc.password().value()).isEqualTo("s3cret");
        assertThat(jdbc.table()).isEqualTo("budget_lines");
        assertThat(job.spark().conf()).containsEntry("spark.sql.shuffle.partitions", "8");
    }

    @Test
    void neverPrintsAPassword() throws IOException {
        Job job = read("nightly.yaml", SPEC_EXAMPLE);
        assertThat(job.toString()).doesNotContain("s3cret");
        assertThat(job.sources().get("budget_lines").describe()).doesNotContain("s3cret").doesNotContain("analyst");
    }

    @Test
    void readsTheSameJobFromJson() throws IOException {
        Job job = read("nightly.json", """
                {"name": "nightly", "lake": "/data/lake",
                 "sources": {"kpis": {"format": "csv", "path": "kpis.csv"}}}
                """);
        assertThat(job.lake()).isEqualTo("/data/lake");
        assertThat(job.sources()).containsOnlyKeys("kpis");
    }

    @Test
    void pinsEveryDefault() throws IOException {
        Job job = read("minimal.yaml", """
                name: minimal
                lake: lake
                sources:
                  kpis: { format: csv, path: kpis.csv }
                """);
        assertThat(job.asOf()).isEmpty();
        assertThat(job.reports()).isEmpty();
        assertThat(job.reportsLocation()).isEqualTo(folder.resolve("jobs/reports").toString());
        assertThat(job.fiscalYearStartMonth()).isEqualTo(1);
        assertThat(job.currency()).isEqualTo("USD");
        assertThat(job.quality().maxRejectRatio()).isEqualTo(0.05);
        assertThat(job.quality().overrides()).isEmpty();
        assertThat(job.spark().master()).isEqualTo("local[*]");
        assertThat(job.spark().conf()).isEmpty();
        assertThat(job.trend()).isEqualTo(new Settings.Trend(12, 0.10, 0.80));
        assertThat(job.risk()).isEqualTo(new Settings.Risk(20_000, 42));
        assertThat(job.priority()).isEqualTo(new Settings.Priority(0.4, 0.3, 0.3));
        assertThat(job.finance()).isEqualTo(new Settings.Finance(0.08));
        assertThat(job.commentary()).isEqualTo(new Settings.Commentary(45));
        assertThat(job.report()).isEqualTo(new Settings.Report(null, Settings.PageSize.A4, 6));
        assertThat(job.organisation()).isEqualTo("minimal");
        assertThat(job.publish()).isEmpty();
    }

    @Test
    void readsTheDeliverySectionWithItsDefaultsAndTheSecretsFromTheEnvironment() throws IOException {
        Path file = write("d.yaml", "name: d\nlake: l\nsources: { kpis: { format: csv, path: k } }\n"
                + "delivery:\n  smtp: { host: smtp.example.com, user: \"${PGUSER}\", password: \"${PGPASSWORD}\","
                + " from: \"IT <it@example.com>\" }\n  notify: { webhook: \"https://chat.example/${PGPASSWORD}\" }\n");
        Job job = new JobFileReader(Map.of("PGUSER", "analyst", "PGPASSWORD", "s3cret")).readFile(file);
        Delivery delivery = job.delivery().orElseThrow();
        assertThat(delivery.when()).isEqualTo(Delivery.When.ALWAYS);
        assertThat(delivery.maxAttachmentMb()).isEqualTo(10);
        assertThat(delivery.smtp().describe()).isEqualTo("smtp.example.com:587 (starttls)");
        assertThat(delivery.smtp().password().value()).isEqualTo("s3cret");
        assertThat(delivery.toString()).doesNotContain("s3cret");
        assertThat(delivery.chat().orElseThrow().on()).containsExactlyInAnyOrder(Delivery.Event.FAILURE,
                Delivery.Event.CRITICAL);
        Job ssl = read("s.yaml", "name: s\nlake: l\nsources: { kpis: { format: csv, path: k } }\n"
                + "delivery: { when: on_critical, maxAttachmentMb: 2, smtp: { host: 127.0.0.1, security: none,"
                + " from: a@b.c }, notify: { webhook: \"http://127.0.0.1:9/hook\", on: [success] } }\n");
        assertThat(ssl.delivery().orElseThrow().when()).isEqualTo(Delivery.When.ON_CRITICAL);
        assertThat(ssl.delivery().orElseThrow().smtp().port()).isEqualTo(25);
        assertThat(read("m.yaml", "name: m\nlake: l\nsources: { kpis: { format: csv, path: k } }\n").delivery())
                .isEmpty();
    }

    @Test
    void aBrokenDeliverySectionNamesTheKeyAndWhatWasExpectedAndNeverTheWebhook() throws IOException {
        String head = "name: d\nlake: l\nsources: { kpis: { format: csv, path: k } }\n";
        assertFails(head + "delivery: { when: daily, smtp: { host: h, from: a@b.c } }\n",
                "delivery.when: expected one of always, on_critical, never, got 'daily'");
        assertFails(head + "delivery: { when: always }\n", "delivery.smtp: required key is missing");
        assertFails(head + "delivery: { smtp: { host: h } }\n", "delivery.smtp.from: required key is missing");
        assertFails(head + "delivery: { smtp: { host: mail.example.com, security: none, from: a@b.c } }\n",
                "delivery.smtp.security: security none is refused for mail.example.com");
        assertFails(head + "delivery: { smtp: { host: h, port: 99999, from: a@b.c } }\n",
                "delivery.smtp.port: expected an integer in 1..65535");
        assertFails(head + "delivery: { smtp: { host: h, from: a@b.c }, notify: { on: [failure] } }\n",
                "delivery.notify.webhook: required key is missing");
        Path file = write("w.yaml", head + "delivery: { smtp: { host: h, from: a@b.c },"
                + " notify: { webhook: \"hooks.example/T0KEN\" } }\n");
        assertThatThrownBy(() -> new JobFileReader(Map.of()).readFile(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("delivery.notify.webhook: expected an http:// or https:// URL")
                .hasMessageNotContaining("T0KEN");
        assertFails(head + "delivery: { smtp: { host: h, from: a@b.c }, notify: { webhook: \"https://x\","
                + " on: [always] } }\n", "delivery.notify.on[0]: expected one of success, failure, critical");
    }

    @Test
    void readsTheCommentaryMaxAgeAndNamesABadValueWithItsKeyAndExpectation() throws IOException {
        Job job = read("c.yaml", "name: c\nlake: l\nsources: { kpis: { format: csv, path: k } }\n"
                + "commentary: { maxAgeDays: 30 }\n");
        assertThat(job.commentary()).isEqualTo(new Settings.Commentary(30));
        String head = "name: c\nlake: l\nsources: { kpis: { format: csv, path: k } }\n";
        assertFails(head + "commentary: { maxAgeDays: -1 }\n", "commentary.maxAgeDays: expected an integer in 0..3660,"
                + " got -1");
        assertFails(head + "commentary: { maxAgeDays: soon }\n", "commentary.maxAgeDays: expected an integer,"
                + " got 'soon'");
        assertFails(head + "commentary: { maxAge: 45 }\n", "commentary.maxAge: unknown key");
    }

    @Test
    void readsThePublishSectionWithItsPasswordFromTheEnvironment() throws IOException {
        Job job = read("p.yaml", """
                name: p
                lake: lake
                sources: { kpis: { format: csv, path: k.csv } }
                publish:
                  jdbc:
                    url: jdbc:postgresql://bi.example.com:5432/analytics
                    user: ${PGUSER}
                    password: ${PGPASSWORD}
                    schema: northstar
                    tablePrefix: emea_
                """);
        PublishTarget target = job.publish().orElseThrow();
        assertThat(target.user()).isEqualTo("analyst");
        assertThat(target.passwordValue()).isEqualTo("s3cret");
        assertThat(target.schema()).isEqualTo("northstar");
        assertThat(target.tablePrefix()).isEqualTo("emea_");
        assertThat(target.retries()).isEqualTo(3);
        assertThat(target.retryBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(job.toString()).doesNotContain("s3cret");
        assertThat(target.describe()).isEqualTo("jdbc:postgresql://bi.example.com:5432/analytics schema northstar");
    }

    @Test
    void aBrokenPublishSectionIsNamed() throws IOException {
        String head = "name: p\nlake: l\nsources: { kpis: { format: csv, path: k } }\n";
        assertFails(head + "publish: { }\n", "publish.jdbc: required key is missing");
        assertFails(head + "publish: { jdbc: { url: \"jdbc:h2:mem:x\", schema: \"bi; drop table x\" } }\n",
                "publish.jdbc.schema: expected a plain SQL name", "'bi; drop table x'");
        assertFails(head + "publish: { jdbc: { url: \"jdbc:h2:mem:x\", table: kpis } }\n",
                "publish.jdbc.table: unknown key");
        assertFails(head + "publish: { jdbc: { url: \"postgres://x\" } }\n",
                "publish.jdbc.url: expected a JDBC URL starting with jdbc:");
    }

    @Test
    void aUrlNoRunCouldUseFailsAtValidationNamingTheKeyWithoutItsPassword() throws IOException {
        String head = "name: p\nlake: l\nsources: { kpis: { format: csv, path: k } }\n";
        assertFails(head + "publish: { jdbc: { url: \"jdbc:oracle:thin:scott/Tiger-0@//db:1521/x\" } }\n",
                "publish.jdbc.url: unsupported database jdbc:oracle:thin://db:1521/x",
                "expected jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: or jdbc:h2:");
        assertFails(head + "publish: { jdbc: { url: \"jdbc:mariadb://root:Tiger-0@db:33o6/x\" } }\n",
                "publish.jdbc.url: the database driver cannot use jdbc:mariadb://db:33o6/x: Incorrect port value : 33o6");
        assertFails("name: p\nlake: l\nsources: { kpis: { format: jdbc, table: kpis,"
                + " url: \"jdbc:postgresql://db:port/x?password=Tiger-0\" } }\n",
                "sources.kpis.url: the database driver cannot use jdbc:postgresql://db:port/x: No suitable driver");
        for (String url : List.of("jdbc:oracle:thin:scott/Tiger-0@//db:1521/x", "jdbc:mariadb://root:Tiger-0@db:33o6/x",
                "jdbc:postgresql://db:port/x?password=Tiger-0")) {
            Path file = write("bad.yaml", head + "publish: { jdbc: { url: \"" + url + "\" } }\n");
            assertThatThrownBy(() -> new JobFileReader(Map.of()).readFile(file))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Tiger-0"));
        }
    }

    @Test
    void userInfoInAUrlBecomesTheUserAndPasswordAndAMysqlUrlIsGivenToTheMariadbDriver() throws IOException {
        Job job = read("job.yaml", """
                name: p
                lake: l
                sources:
                  kpis: { format: jdbc, url: "jdbc:mysql://etl:p%40ss@db.example.com:3306/it", table: kpis }
                publish: { jdbc: { url: "jdbc:postgresql://bi:${PGPASSWORD}@bi.example.com/analytics" } }
                """);
        SourceSpec.Jdbc source = (SourceSpec.Jdbc) job.sources().get("kpis");
        assertThat(source.url()).isEqualTo("jdbc:mysql://db.example.com:3306/it?permitMysqlScheme");
        assertThat(source.user()).isEqualTo("etl");
        assertThat(source.password().value()).isEqualTo("p@ss");
        assertThat(source.describe()).isEqualTo("jdbc:mysql://db.example.com:3306/it table kpis");
        PublishTarget target = job.publish().orElseThrow();
        assertThat(target.url()).isEqualTo("jdbc:postgresql://bi.example.com/analytics");
        assertThat(target.user()).isEqualTo("bi");
        assertThat(target.passwordValue()).isEqualTo("s3cret");
        assertThat(job.toString()).doesNotContain("s3cret", "p@ss", "p%40ss");
    }

    @Test
    void anH2FileGivenByARelativePathLivesBesideTheJobFile() throws IOException {
        Job job = read("h.yaml", """
                name: h
                lake: lake
                sources:
                  kpis: { format: jdbc, url: "jdbc:h2:./db", table: kpis }
                  risks: { format: jdbc, url: "jdbc:h2:file:../h2/x;DATABASE_TO_LOWER=TRUE", table: risks }
                  objectives: { format: jdbc, url: "jdbc:h2:mem:x", table: objectives }
                publish: { jdbc: { url: "jdbc:h2:../h2/x;DATABASE_TO_LOWER=TRUE" } }
                """);
        assertThat(((SourceSpec.Jdbc) job.sources().get("kpis")).url()).isEqualTo("jdbc:h2:" + folder.resolve("jobs/db"));
        assertThat(((SourceSpec.Jdbc) job.sources().get("risks")).url())
                .isEqualTo("jdbc:h2:file:" + folder.resolve("h2/x") + ";DATABASE_TO_LOWER=TRUE");
        assertThat(((SourceSpec.Jdbc) job.sources().get("objectives")).url()).isEqualTo("jdbc:h2:mem:x");
        assertThat(job.publish().orElseThrow().url()).isEqualTo("jdbc:h2:" + folder.resolve("h2/x")
                + ";DATABASE_TO_LOWER=TRUE");
    }

    @Test
    void readsTheReportSection() throws IOException {
        Job job = read("r.yaml", "name: r\nlake: l\nreport: { organisation: Acme AG, pageSize: letter, topFindings: 5 }\n"
                + "sources: { kpis: { format: csv, path: k.csv } }\n");
        assertThat(job.organisation()).isEqualTo("Acme AG");
        assertThat(job.report().pageSize()).isEqualTo(Settings.PageSize.LETTER);
        assertThat(job.report().topFindings()).isEqualTo(5);
        assertFails("name: r\nlake: l\nreport: { pageSize: A3 }\nsources: { kpis: { format: csv, path: k } }\n",
                "report.pageSize: expected A4 or Letter, got 'A3'");
    }

    @Test
    void jdbcSourcesDefaultTheirRetries() throws IOException {
        Job job = read("j.yaml", """
                name: j
                lake: lake
                sources:
                  kpis: { format: jdbc, url: "jdbc:h2:./db", query: "select * from kpis", retryBackoff: 500ms }
                """);
        SourceSpec.Jdbc jdbc = (SourceSpec.Jdbc) job.sources().get("kpis");
        assertThat(jdbc.retries()).isEqualTo(3);
        assertThat(jdbc.retryBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(jdbc.password()).isNull();
    }

    @Test
    void qualityOverridesApplyPerDataset() throws IOException {
        Job job = read("q.yaml", """
                name: q
                lake: lake
                quality: { maxRejectRatio: 0.1, overrides: { kpis: 0.2 } }
                sources: { kpis: { format: csv, path: kpis.csv } }
                """);
        assertThat(job.quality().maxRejectRatioFor("kpis")).isEqualTo(0.2);
        assertThat(job.quality().maxRejectRatioFor("risks")).isEqualTo(0.1);
    }

    @Test
    void keepsUrisAndAbsolutePathsAsTheyAre() throws IOException {
        Job job = read("u.yaml", """
                name: u
                lake: hdfs://namenode:8020/northstar/lake
                sources: { kpis: { format: csv, path: /data/kpis.csv } }
                """);
        assertThat(job.lake()).isEqualTo("hdfs://namenode:8020/northstar/lake");
        assertThat(job.sources().get("kpis")).isEqualTo(new SourceSpec.Csv("/data/kpis.csv"));
    }

    @Test
    void overridesFromTheCommandLineWin() throws IOException {
        Job job = read("nightly.yaml", SPEC_EXAMPLE).withOverrides(LocalDate.of(2026, 1, 31), "/tmp/other-lake");
        assertThat(job.asOf()).contains(LocalDate.of(2026, 1, 31));
        assertThat(job.lake()).isEqualTo("/tmp/other-lake");
    }

    @Test
    void anUnknownKeyIsNamedWithItsPath() throws IOException {
        assertFails("""
                name: x
                lake: lake
                sources:
                  kpis: { format: csv, pth: kpis.csv }
                """, "sources.kpis.pth: unknown key (expected one of:", "path");
        assertFails("name: x\nlake: lake\nlakes: other\nsources: { kpis: { format: csv, path: k.csv } }\n",
                "lakes: unknown key");
    }

    @Test
    void aMissingRequiredKeyIsNamed() throws IOException {
        assertFails("name: x\nsources: { kpis: { format: csv, path: k.csv } }\n", "lake: required key is missing");
        assertFails("name: x\nlake: lake\nsources: { kpis: { format: csv } }\n",
                "sources.kpis.path: required key is missing");
    }

    @Test
    void aBadValueSaysWhatWasExpected() throws IOException {
        assertFails("name: x\nlake: l\nasOf: yesterday\nsources: { kpis: { format: csv, path: k.csv } }\n",
                "asOf: expected a date yyyy-MM-dd, got 'yesterday'");
        assertFails("name: x\nlake: l\nfiscalYearStartMonth: 13\nsources: { kpis: { format: csv, path: k.csv } }\n",
                "fiscalYearStartMonth: expected an integer in 1..12, got 13");
        assertFails("name: x\nlake: l\nquality: { maxRejectRatio: 2 }\nsources: { kpis: { format: csv, path: k } }\n",
                "quality.maxRejectRatio: expected a number in [0.0, 1.0], got 2.0");
        assertFails("name: x\nlake: l\nsources: { kpis: { format: xml, path: k.csv } }\n",
                "sources.kpis.format: expected csv or jdbc, got 'xml'");
        assertFails("name: x\nlake: l\nsources: { kpi: { format: csv, path: k.csv } }\n",
                "sources.kpi: unknown dataset (expected one of: objectives, kpis");
        assertFails("name: x\nlake: l\nsources: { kpis: { format: jdbc, url: 'jdbc:h2:x' } }\n",
                "sources.kpis: expected exactly one of table and query");
    }

    @Test
    void anUnsetEnvironmentVariableIsNamed() throws IOException {
        assertFails("name: x\nlake: ${LAKE_HOME}/lake\nsources: { kpis: { format: csv, path: k.csv } }\n",
                "lake: environment variable LAKE_HOME is not set");
    }

    @Test
    void brokenSyntaxAndDuplicateKeysAreReportedWithTheirLine() throws IOException {
        assertFails("name: x\nlake: [unclosed\n", "not valid YAML");
        assertFails("name: x\nname: y\nlake: l\nsources: { kpis: { format: csv, path: k.csv } }\n",
                "Duplicate field 'name'");
    }

    @Test
    void aMissingFileOrWrongExtensionIsReported() {
        assertThatThrownBy(() -> JobFileReader.read(folder.resolve("nope.yaml"))).hasMessageContaining("file not found");
        assertThatThrownBy(() -> JobFileReader.read(folder.resolve("job.txt")))
                .hasMessageContaining("expected a .yaml, .yml or .json file");
    }
}
