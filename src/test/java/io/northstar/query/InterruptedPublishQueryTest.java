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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publish cut short by a killed process, as it leaves the lake at each point between its
 * renames (built by hand: the renames take milliseconds), is never seen by {@code query}: it reads
 * the snapshot as it was before that publish began, until a run completes it.
 */
class InterruptedPublishQueryTest {
    private static final String DEAD_RUN = "20261206T010000Z-dead0001";
    private static final LocalDate NEXT = LocalDate.of(2026, 11, 30);

    @TempDir
    static Path shared;

    private static TestingJob job;
    private static Path published;

    @TempDir
    Path folder;

    private Path lake;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void onePublishedSnapshot() {
        TestingSpark.session();
        job = new TestingJob(shared.resolve("job"))
                .csv("kpis", "kpi_id,name,direction,target", "K1,Uptime,higher_is_better,99.9",
                        "K2,Incidents,lower_is_better,2")
                .csv("kpi_observations", "kpi_id,period_end,value", "K1,2026-10-31,99.5", "K2,2026-10-31,4");
        job.runWithoutReports(TestingJob.AS_OF);
        published = job.lake();
    }

    /** A copy of the published lake for each test, which then cuts a publish short in it. */
    @BeforeEach
    void copyOfTheLake() throws IOException {
        lake = folder.resolve("lake");
        try (Stream<Path> files = Files.walk(published)) {
            for (Path file : files.toList()) {
                Path copy = lake.resolve(published.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    private Path staging() {
        return lake.resolve("_staging").resolve(DEAD_RUN);
    }

    /** The journal a publish writes before it moves the first partition. */
    private void journal(LocalDate asOf) throws IOException {
        Files.createDirectories(staging());
        Files.writeString(staging().resolve("_publish"), asOf + "\nCONFORMED,QUARANTINE,METRICS");
    }

    private void moveAside(String zoneAndTable, LocalDate asOf) throws IOException {
        Path partition = lake.resolve(zoneAndTable).resolve("as_of=" + asOf);
        Path aside = lake.resolve("_trash").resolve(DEAD_RUN).resolve(zoneAndTable).resolve("as_of=" + asOf);
        Files.createDirectories(aside.getParent());
        Files.move(partition, aside);
    }

    /** A new partition moved in, different from the old in a way a query shows: each row three times. */
    private void movedIn(String zoneAndTable, LocalDate asOf) {
        var old = TestingSpark.session().read().parquet(published.resolve(zoneAndTable)
                .resolve("as_of=" + TestingJob.AS_OF).toString());
        old.union(old).union(old).write().parquet(lake.resolve(zoneAndTable).resolve("as_of=" + asOf).toString());
    }

    private int query(String... args) {
        String[] full = Stream.concat(Stream.of("query", "--lake", lake.toString(), "--format", "csv"),
                Stream.of(args)).toArray(String[]::new);
        return Main.execute(full, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void readsTheSnapshotAsItWas() {
        assertThat(query("SELECT (SELECT count(*) FROM kpis) AS kpis, (SELECT count(*) FROM kpi_status) AS status,"
                + " (SELECT count(*) FROM kpis_history) AS history,"
                + " (SELECT count(*) FROM kpi_status_history) AS status_history")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("kpis,status,history,status_history\n2,2,2,2\n");
    }

    @Test
    void cutWhileMovingTheOldPartitionsAsideTheQueryReadsThemWhereTheyAre() throws IOException {
        journal(TestingJob.AS_OF);
        moveAside("conformed/kpis", TestingJob.AS_OF);
        moveAside("metrics/kpi_status", TestingJob.AS_OF);

        readsTheSnapshotAsItWas();
        assertThat(query("--list")).isZero();
        assertThat(out.toString()).contains("snapshot as_of 2026-10-31 (published: 2026-10-31)", "  kpis ",
                "  kpi_status ");
    }

    @Test
    void cutWhileMovingTheNewPartitionsInTheQueryReadsTheOldOnes() throws IOException {
        journal(TestingJob.AS_OF);
        for (String zone : List.of("conformed", "quarantine", "metrics")) {
            for (String table : job.lakeTables(zone)) {
                moveAside(zone + "/" + table, TestingJob.AS_OF);
            }
        }
        Files.writeString(staging().resolve("_publish-in"), "");
        movedIn("conformed/kpis", TestingJob.AS_OF);
        movedIn("metrics/kpi_status", TestingJob.AS_OF);

        readsTheSnapshotAsItWas();
    }

    @Test
    void aFirstPublishOfAnAsOfCutShortIsNotASnapshotYet() throws IOException {
        journal(NEXT);
        Files.writeString(staging().resolve("_publish-in"), "");
        movedIn("conformed/kpis", NEXT);
        movedIn("metrics/kpi_status", NEXT);

        assertThat(query("--list")).isZero();
        assertThat(out.toString()).contains("snapshot as_of 2026-10-31 (published: 2026-10-31)");
        out.getBuffer().setLength(0);
        readsTheSnapshotAsItWas();
        assertThat(query("--as-of", NEXT.toString(), "SELECT 1")).isEqualTo(2);
        assertThat(err.toString()).contains("no snapshot as_of 2026-11-30");
    }

    @Test
    void theNextRunCompletesThePublishAndQueriesThenSeeIt() throws IOException {
        journal(TestingJob.AS_OF);
        moveAside("conformed/kpis", TestingJob.AS_OF);
        // the staged partitions a dead run had written, here the same tables again
        for (String table : List.of("conformed/kpis", "conformed/kpi_observations")) {
            Path from = published.resolve(table).resolve("as_of=" + TestingJob.AS_OF);
            Path to = staging().resolve(table).resolve("as_of=" + TestingJob.AS_OF);
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
        new io.northstar.lake.Lake(lake.toString(), new org.apache.hadoop.conf.Configuration())
                .resumeInterruptedPublishes();

        assertThat(query("SELECT count(*) AS n FROM kpis")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("n\n2\n");
        assertThat(lake.resolve("_trash").resolve(DEAD_RUN)).doesNotExist();
    }
}
