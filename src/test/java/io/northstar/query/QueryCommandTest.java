package io.northstar.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.cli.Main;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code northstar query} over a lake with two published snapshots, through the real command line
 * in this JVM (the command borrows the tests' Spark session instead of starting one).
 */
class QueryCommandTest {
    private static final LocalDate EARLIER = LocalDate.of(2026, 9, 30);

    @TempDir
    static Path shared;

    @TempDir
    Path folder;

    private static TestingJob job;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void twoSnapshots() {
        TestingSpark.session();
        job = new TestingJob(shared)
                .csv("kpis", "kpi_id,name,direction,target", "K1,Uptime,higher_is_better,99.9",
                        "K2,\"Incidents, major\",lower_is_better,2")
                .csv("kpi_observations", "kpi_id,period_end,value", "K1,2026-09-30,99.1", "K1,2026-10-31,99.5",
                        "K2,2026-09-30,5", "K2,2026-10-31,4", "K2,2026-10-31,x")
                .csv("swot", "type,statement", "strength,A stable platform team");
        job.yaml("quality: { maxRejectRatio: 0.5 }\n");
        job.runWithoutReports(EARLIER);
        job.runWithoutReports(TestingJob.AS_OF);
    }

    private int query(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "query";
        full[1] = "--lake";
        full[2] = job.lake().toString();
        System.arraycopy(args, 0, full, 3, args.length);
        return Main.execute(full, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void csvOfTheLatestSnapshotByDefault() {
        assertThat(query("--format", "csv", "SELECT kpi_id, name, latest_value, status FROM kpi_status ORDER BY kpi_id"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("""
                kpi_id,name,latest_value,status
                K1,Uptime,99.5,amber
                K2,"Incidents, major",4,red
                """);
    }

    @Test
    void jsonLinesForPipes() {
        assertThat(query("--format", "json", "SELECT kpi_id, latest_period, gap IS NULL AS no_gap FROM kpi_status"
                + " WHERE kpi_id = 'K1'")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("{\"kpi_id\":\"K1\",\"latest_period\":\"2026-10-31\",\"no_gap\":false}\n");
    }

    @Test
    void aTableForPeopleWithTheRowCount() {
        assertThat(query("--format", "table", "SELECT kpi_id, latest_value FROM kpi_status ORDER BY kpi_id"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("""
                kpi_id  latest_value
                ------  ------------
                K1              99.5
                K2                 4
                (2 rows)
                """);
    }

    @Test
    void anEarlierSnapshotAndTheHistoryOfAll() {
        assertThat(query("--as-of", "2026-09-30", "--format", "csv", "SELECT latest_value FROM kpi_status"
                + " WHERE kpi_id = 'K1'")).isZero();
        assertThat(query("--format", "csv", "SELECT as_of, latest_value FROM kpi_status_history WHERE kpi_id = 'K1'"
                + " ORDER BY as_of")).isZero();
        assertThat(out.toString()).isEqualTo("""
                latest_value
                99.1
                as_of,latest_value
                2026-09-30,99.1
                2026-10-31,99.5
                """);
    }

    @Test
    void conformedTablesAndTheQuarantineAreViewsToo() {
        assertThat(query("--format", "csv", "SELECT (SELECT count(*) FROM kpi_observations) AS kept,"
                + " (SELECT first(reason) FROM kpi_observations_quarantine) AS reason,"
                + " (SELECT count(DISTINCT as_of) FROM kpis_history) AS snapshots")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("kept,reason,snapshots\n4,bad_type,2\n");
    }

    @Test
    void parquetGoesToANewFolderAndCsvToAFile() throws IOException {
        Path parquet = folder.resolve("status.parquet");
        assertThat(query("--out", parquet.toString(), "SELECT * FROM kpi_status")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("wrote 2 rows to");
        assertThat(TestingSpark.session().read().parquet(parquet.toString()).count()).isEqualTo(2);
        assertThat(query("--out", parquet.toString(), "SELECT * FROM kpi_status")).isEqualTo(2);
        assertThat(err.toString()).contains("already exists");

        Path csv = folder.resolve("out/kpis.csv");
        assertThat(query("--out", csv.toString(), "--limit", "1", "SELECT kpi_id FROM kpis ORDER BY kpi_id")).isZero();
        assertThat(Files.readString(csv)).isEqualTo("kpi_id\nK1\n");
    }

    @Test
    void aQueryFromAFile() throws IOException {
        Path sql = Files.writeString(folder.resolve("q.sql"), "-- how many KPIs\nSELECT count(*) AS n FROM kpis\n");
        assertThat(query("--format", "csv", "--file", sql.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("n\n2\n");
    }

    @Test
    void badSqlExitsWithTwoAndSparksMessageWithoutAStackTrace() {
        assertThat(query("SELEC nothing")).isEqualTo(2);
        assertThat(err.toString()).contains("northstar: query failed:", "PARSE_SYNTAX_ERROR").doesNotContain("\tat ");
        assertThat(query("SELECT * FROM no_such_table")).isEqualTo(2);
        assertThat(err.toString()).contains("no_such_table is not a view of this snapshot").doesNotContain("\tat ")
                .doesNotContain("UnresolvedRelation");
        assertThat(query("--format", "csv", "SELECT 1 / 0")).isEqualTo(2);
        assertThat(err.toString()).contains("DIVIDE_BY_ZERO");
    }

    @Test
    void aSnapshotTheLakeDoesNotHaveIsNamedWithTheOnesItHas() {
        assertThat(query("--as-of", "2020-01-31", "SELECT 1")).isEqualTo(2);
        assertThat(err.toString()).contains("no snapshot as_of 2020-01-31", "2026-09-30, 2026-10-31");
    }

    @Test
    void theListShowsEveryViewWithItsColumns() {
        assertThat(query("--list")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("snapshot as_of 2026-10-31 (published: 2026-09-30, 2026-10-31)",
                "conformed\n  kpi_observations", "kpi_id string,", "metrics\n", "kpi_status ", "findings",
                "quarantine\n  kpi_observations_quarantine", "_history");
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void exactlyOneQueryIsNeeded() {
        assertThat(query()).isEqualTo(2);
        assertThat(err.toString()).contains("give exactly one of");
        assertThat(query("--format", "parquet", "SELECT 1")).isEqualTo(2);
        assertThat(err.toString()).contains("--format parquet needs --out");
    }

    @Test
    void onlyTheViewsASqlNamesAreOpened() {
        assertThat(LakeQuery.mentions("select * from KPI_STATUS s join kpis k using (kpi_id)", "kpi_status")).isTrue();
        assertThat(LakeQuery.mentions("select * from kpi_status_history", "kpi_status")).isFalse();
        assertThat(LakeQuery.mentions("select * from kpi_status_history", "kpi_status_history")).isTrue();
        assertThat(LakeQuery.mentions("select * from my_kpis", "kpis")).isFalse();
    }

    /** The lake's files with their sizes and modification times, to show a refused query changed none. */
    private static java.util.Map<String, String> lakeFiles() throws IOException {
        try (var files = Files.walk(job.lake())) {
            return files.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toMap(Path::toString,
                    file -> file.toFile().length() + "@" + file.toFile().lastModified()));
        }
    }

    @Test
    void statementsThatWriteOrDeleteAreRefusedAndChangeNothing() throws IOException {
        Path victim = Files.createDirectories(folder.resolve("some/dir"));
        Files.writeString(victim.resolve("keep.txt"), "keep");
        Path created = folder.resolve("x");
        java.util.Map<String, String> before = lakeFiles();
        for (String sql : List.of(
                "INSERT OVERWRITE DIRECTORY 'file:" + job.lake() + "/conformed/kpis/as_of=2026-10-31' USING parquet"
                        + " SELECT * FROM kpis WHERE 1=0",
                "INSERT OVERWRITE DIRECTORY '" + victim + "' USING parquet SELECT * FROM kpis",
                "CREATE TABLE evil USING parquet LOCATION '" + created + "' AS SELECT * FROM kpis",
                "DROP VIEW kpis",
                "SET spark.sql.runSQLOnFiles=true")) {
            StringWriter refusal = new StringWriter();
            int code = Main.execute(new String[] {"query", "--lake", job.lake().toString(), sql},
                    new PrintWriter(out, true), new PrintWriter(refusal, true));
            assertThat(code).as(sql).isEqualTo(2);
            assertThat(refusal.toString()).as(sql).contains("query refused: northstar query only reads the lake's"
                    + " views").doesNotContain("\tat ");
        }
        assertThat(lakeFiles()).isEqualTo(before);
        assertThat(victim.resolve("keep.txt")).hasContent("keep");
        assertThat(created).doesNotExist();
        assertThat(query("--format", "csv", "SELECT count(*) AS n FROM kpis")).as(err.toString()).isZero();
        assertThat(out.toString()).endsWith("n\n2\n");
    }

    @Test
    void filesTheEnvironmentAndJavaAreOutOfReach() throws IOException {
        Path secret = Files.writeString(folder.resolve("job.yaml"), "password: hunter2-secret\n");
        for (String sql : List.of(
                "SELECT * FROM text.`" + secret + "`",
                "SELECT * FROM csv.`" + secret + "`",
                "SELECT * FROM text.`/etc/shadow`",
                "SELECT java_method('java.lang.System', 'getenv', 'PATH')",
                "SELECT reflect('java.lang.System', 'getProperty', 'user.home')",
                "SELECT * FROM IDENTIFIER('text.`" + secret + "`')")) {
            StringWriter refusal = new StringWriter();
            int code = Main.execute(new String[] {"query", "--lake", job.lake().toString(), "--format", "csv", sql},
                    new PrintWriter(out, true), new PrintWriter(refusal, true));
            assertThat(code).as(sql).isEqualTo(2);
            assertThat(refusal.toString()).as(sql).startsWith("northstar: query refused:");
        }
        assertThat(out.toString()).doesNotContain("hunter2", "root:", System.getenv("PATH"),
                System.getProperty("user.home"));
    }

    @Test
    void outputInsideTheLakeIsRefusedSoNoFakeSnapshotAppears() throws IOException {
        Path fake = job.lake().resolve("conformed/kpis/as_of=2099-12-31");
        assertThat(query("--format", "parquet", "--out", fake.toString(), "SELECT * FROM kpis")).isEqualTo(2);
        assertThat(err.toString()).contains("is inside the lake");
        assertThat(query("--out", job.lake().resolve("metrics/x/as_of=2099-12-31/x.csv").toString(),
                "SELECT * FROM kpis")).isEqualTo(2);
        Path link = Files.createSymbolicLink(folder.resolve("link"), job.lake());
        assertThat(query("--format", "parquet", "--out", link.resolve("conformed/kpis/as_of=2099-12-31").toString(),
                "SELECT * FROM kpis")).isEqualTo(2);
        Files.delete(link);
        assertThat(job.lake().resolve("conformed/kpis/as_of=2099-12-31")).doesNotExist();
        assertThat(job.lake().resolve("metrics/x")).doesNotExist();
        assertThat(query("--list")).isZero();
        assertThat(out.toString()).contains("published: 2026-09-30, 2026-10-31)").doesNotContain("2099");
    }

    @Test
    void aDatasetAndAMetricTableOfTheSameNameAreBothViews() {
        assertThat(query("--format", "csv", "SELECT (SELECT count(*) FROM swot_input) AS listed,"
                + " (SELECT count(*) FROM swot WHERE statement = 'A stable platform team') AS in_metric,"
                + " (SELECT count(DISTINCT as_of) FROM swot_input_history) AS snapshots")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("listed,in_metric,snapshots\n1,1,2\n");
        assertThat(query("--list")).isZero();
        assertThat(out.toString()).contains("conformed\n", "  swot_input ", "metrics\n", "  swot ");
    }
}
