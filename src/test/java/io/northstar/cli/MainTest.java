package io.northstar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without Spark: help, version, usage errors and job-file errors. */
class MainTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("run", "Exit codes:", "0  success", "2  usage error or invalid job file",
                "3  data-quality gate failed", "4  a source could not be read");
    }

    @Test
    void runHelpShowsItsOptionsAndTheExitCodes() {
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString()).contains("--job=FILE", "--as-of=yyyy-MM-dd", "--lake=DIR", "-v", "Exit codes:");
    }

    @Test
    void metricsHelpExplainsTheRecompute() {
        assertThat(run("metrics", "--help")).isZero();
        assertThat(out.toString()).contains("without", "re-ingesting", "--job=FILE", "--as-of");
    }

    @Test
    void reportHelpSaysWhereThePdfsGo() {
        assertThat(run("report", "--help")).isZero();
        assertThat(out.toString()).contains("executive scorecard", "--reports=DIR");
    }

    @Test
    void versionNamesNorthstarAndSpark() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("northstar", "Spark 4.");
    }

    @Test
    void aMissingOptionIsAUsageError() {
        assertThat(run("run")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--job=FILE'");
    }

    @Test
    void aBadDateIsAUsageError() {
        assertThat(run("run", "--job", "x.yaml", "--as-of", "31/10/2026")).isEqualTo(2);
        assertThat(err.toString()).contains("--as-of");
    }

    @Test
    void aBrokenJobFileExitsWithTwoAndNamesTheKey() throws IOException {
        Path job = Files.writeString(folder.resolve("job.yaml"), "name: x\nlake: l\nsources: { kpis: { path: k } }\n");
        assertThat(run("run", "--job", job.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("job file " + job, "sources.kpis.format: required key is missing")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void generateWritesTheSampleAndRejectsBadArguments() throws IOException {
        assertThat(run("generate", "--out", folder.resolve("data").toString())).isZero();
        assertThat(out.toString()).contains("budget_lines", "12,000 rows", "wrote 15,485 rows");
        assertThat(folder.resolve("data/risks.csv")).exists();

        assertThat(run("generate")).isEqualTo(2);
        assertThat(err.toString()).contains("give --out, --jdbc or both");
        assertThat(run("generate", "--out", "x", "--dirty-rate", "1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("dirty rate must be in [0, 1)");
        assertThat(run("generate", "--out", "x", "--scale", "0")).isEqualTo(2);
        assertThat(run("generate", "--jdbc", "jdbc:h2:./x", "--dirty-rate", "0.1")).isEqualTo(2);
        assertThat(err.toString()).contains("typed database columns cannot hold");
        assertThat(run("generate", "--jdbc", "jdbc:oracle:thin:@x")).isEqualTo(2);
        assertThat(err.toString()).contains("unsupported database");
        assertThat(run("generate", "--jdbc", "jdbc:h2:./x", "--password-env", "NORTHSTAR_UNSET_VARIABLE"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("NORTHSTAR_UNSET_VARIABLE is not set");
    }

    @Test
    void generateNeverShowsThePasswordOfItsJdbcUrl() {
        // a closed port: the load fails with the driver's message
        assertThat(run("generate", "--jdbc",
                "jdbc:mysql://root:Hunter2-cli@127.0.0.1:9/db?password=Hunter2-cli&connectTimeout=2000")).isEqualTo(4);
        assertThat(err.toString()).contains("database jdbc:mysql://127.0.0.1:9/db: ");
        assertThat(run("generate", "--jdbc", "jdbc:mariadb://root:Hunter2-cli@127.0.0.1:33o6/db")).isEqualTo(2);
        assertThat(err.toString()).contains("Incorrect port value : 33o6");
        assertThat(err.toString() + out).doesNotContain("Hunter2");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
    }
}
