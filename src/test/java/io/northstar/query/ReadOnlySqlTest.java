package io.northstar.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.testing.TestingSpark;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code northstar query} lets through, decided on the parsed plan before anything runs. */
class ReadOnlySqlTest {
    private static final Set<String> VIEWS = Set.of("kpis", "kpi_status", "findings");

    private static void check(String sql) {
        ReadOnlySql.check(TestingSpark.session(), sql, VIEWS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM kpis",
        "select k.kpi_id, count(*) AS n FROM KPIS k JOIN kpi_status s USING (kpi_id) GROUP BY k.kpi_id"
                + " HAVING count(*) > 0 ORDER BY 1 LIMIT 5 OFFSET 1",
        "WITH red AS (SELECT * FROM kpi_status WHERE status = 'red'), n AS (SELECT count(*) c FROM red)"
                + " SELECT * FROM n",
        "SELECT * FROM VALUES (1, 'a'), (2, 'b') AS v(x, y)",
        "SELECT explode(array(1, 2))",
        "SELECT * FROM range(3)",
        "SELECT * FROM explode(array(1, 2))",
        "SELECT kpi_id, x FROM kpis LATERAL VIEW explode(array(1)) e AS x",
        "SELECT * FROM (SELECT status FROM kpi_status) PIVOT (count(*) FOR status IN ('red', 'green'))",
        "SELECT * FROM (SELECT 1 AS a, 2 AS b) UNPIVOT (v FOR k IN (a, b))",
        "SELECT status, rank() OVER (ORDER BY status), sum(gap) OVER w FROM kpi_status WINDOW w AS (PARTITION BY"
                + " status)",
        "SELECT * FROM kpis WHERE kpi_id IN (SELECT kpi_id FROM kpi_status) AND EXISTS (SELECT 1 FROM findings)",
        "SELECT (SELECT max(gap) FROM kpi_status) AS worst",
        "SELECT kpi_id FROM kpis UNION ALL SELECT kpi_id FROM kpi_status EXCEPT SELECT entity_id FROM findings"
                + " INTERSECT SELECT kpi_id FROM kpis",
        "SELECT /*+ BROADCAST(k) */ * FROM kpis k",
        "SELECT * FROM kpis TABLESAMPLE (50 PERCENT)",
        "SELECT * FROM kpis DISTRIBUTE BY kpi_id SORT BY kpi_id",
        "SELECT DISTINCT status FROM kpi_status",
        "SELECT status, count(*) FROM kpi_status GROUP BY ROLLUP (status)",
        "SELECT status, count(*) FROM kpi_status GROUP BY GROUPING SETS ((status), ())",
        "SELECT builtin.abs(-1), system.builtin.upper('a')",
        "TABLE kpis",
        "FROM kpis SELECT kpi_id",
        "SELECT * FROM kpis k, LATERAL (SELECT k.kpi_id AS again)",
        "FROM kpi_status |> WHERE status = 'red' |> SELECT kpi_id",
        "SELECT to_json(named_struct('a', 1)), regexp_replace('a1', '[0-9]', ''), date_add(current_date(), 1),"
                + " try_divide(1, 0), format_number(1234.5, 1), aes_encrypt('x', '0123456789abcdef')",
        "SELECT x -> x FROM kpis",
    })
    void aQueryOverTheViewsIsAllowed(String sql) {
        assertThatCode(() -> check(sql)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // writes and deletes (issue 24's first examples)
        "INSERT OVERWRITE DIRECTORY 'file:/tmp/lake/conformed/kpis/as_of=2026-10-31' USING parquet"
                + " SELECT * FROM kpis WHERE 1=0",
        "INSERT OVERWRITE DIRECTORY '/some/dir' USING parquet SELECT 1",
        "INSERT OVERWRITE LOCAL DIRECTORY '/some/dir' SELECT 1",
        "CREATE TABLE evil USING parquet LOCATION '/tmp/x' AS SELECT * FROM kpis",
        "INSERT INTO kpis SELECT * FROM kpis",
        "CREATE TEMPORARY VIEW t AS SELECT 1",
        "CREATE TEMPORARY VIEW t USING csv OPTIONS (path '/etc/passwd')",
        "DROP VIEW kpis",
        "DROP TABLE IF EXISTS kpis",
        "ALTER VIEW kpis AS SELECT 1",
        "CACHE TABLE kpis",
        "UNCACHE TABLE kpis",
        "REFRESH TABLE kpis",
        "LOAD DATA LOCAL INPATH '/etc/passwd' INTO TABLE kpis",
        "TRUNCATE TABLE kpis",
        // settings, code and shells
        "SET spark.sql.runSQLOnFiles=true",
        "RESET",
        "ADD JAR /tmp/evil.jar",
        "ADD FILE /tmp/evil.sh",
        "CREATE TEMPORARY FUNCTION f AS 'com.evil.F' USING JAR '/tmp/evil.jar'",
        "SELECT TRANSFORM(kpi_id) USING 'cat /etc/passwd' AS (line) FROM kpis",
        "EXECUTE IMMEDIATE 'SELECT 1'",
        "DECLARE VARIABLE v INT DEFAULT 1",
        "CALL system.some_procedure()",
        // other statements are not queries either
        "EXPLAIN SELECT * FROM kpis",
        "DESCRIBE kpis",
        "SHOW TABLES",
        "USE default",
        // reading files and catalog tables
        "SELECT * FROM text.`/etc/shadow`",
        "SELECT * FROM csv.`/work/jobs/nightly.yaml`",
        "SELECT * FROM parquet.`/tmp/lake/conformed/kpis`",
        "SELECT * FROM `json`.`/etc/passwd`",
        "SELECT * FROM spark_catalog.default.evil",
        "SELECT * FROM kpis JOIN text.`/etc/hosts` ON true",
        "SELECT (SELECT max(value) FROM text.`/etc/passwd`) AS leak",
        "SELECT * FROM kpis WHERE EXISTS (SELECT 1 FROM csv.`/etc/passwd`)",
        "WITH t AS (SELECT * FROM text.`/etc/passwd`) SELECT * FROM t",
        "SELECT * FROM IDENTIFIER('text.`/etc/shadow`')",
        "SELECT * FROM STREAM kpis",
        "SELECT * FROM some_other_view",
        "SELECT * FROM read_files('/etc')",
        // reflection, the environment and files through functions
        "SELECT java_method('java.lang.System', 'getenv', 'PUBPW')",
        "SELECT reflect('java.lang.System', 'getenv', 'PUBPW')",
        "SELECT try_reflect('java.lang.System', 'getenv', 'PUBPW')",
        "SELECT REFLECT('java.lang.System', 'getenv', 'PUBPW')",
        "SELECT builtin.java_method('java.lang.System', 'getenv', 'PUBPW')",
        "SELECT IDENTIFIER('java_method')('java.lang.System', 'getenv', 'PUBPW')",
        "SELECT kpi_id FROM kpis WHERE length(java_method('java.lang.System', 'getenv', 'PUBPW')) > 0",
        "SELECT (SELECT reflect('java.lang.System', 'getenv', 'X')) AS leak",
        "WITH t AS (SELECT reflect('java.lang.System', 'getenv', 'X') AS v) SELECT * FROM t",
        "SELECT sum(1) OVER w FROM kpis WINDOW w AS (PARTITION BY java_method('java.lang.System', 'getenv', 'X'))",
        "SELECT transform(array(1), x -> reflect('java.lang.System', 'getenv', 'X'))",
        "SELECT * FROM kpis ORDER BY reflect('java.lang.System', 'getenv', 'X')",
        "SELECT current_user()",
        "SELECT input_file_name() FROM kpis",
        "SELECT xpath_string('<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>', 'a')",
        "SELECT from_xml('<a/>', 'a INT')",
        "SELECT my_catalog.my_schema.fn(1)",
        // more than one statement
        "SELECT * FROM kpis; DROP VIEW kpis",
    })
    void anythingButReadingTheViewsIsRefusedWithExitTwo(String sql) {
        assertThatThrownBy(() -> check(sql)).isInstanceOfSatisfying(NorthstarException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).doesNotContain("\tat ");
        });
    }

    @Test
    void theReasonSaysWhatWasRefusedInPlainWords() {
        assertThatThrownBy(() -> check("INSERT OVERWRITE DIRECTORY '/d' USING parquet SELECT 1"))
                .hasMessage("query refused: northstar query only reads the lake's views;"
                        + " InsertIntoDir would change or run something");
        assertThatThrownBy(() -> check("SELECT * FROM text.`/etc/shadow`"))
                .hasMessageContaining("the path-based or qualified source text./etc/shadow is not allowed");
        assertThatThrownBy(() -> check("SELECT java_method('java.lang.System', 'getenv', 'PUBPW')"))
                .hasMessageContaining("the function java_method reaches beyond the lake's data");
        assertThatThrownBy(() -> check("SELECT * FROM no_such_table"))
                .hasMessage("query failed: no_such_table is not a view of this snapshot"
                        + " (northstar query --list shows them)");
    }

    @Test
    void theAnalysedPlanMayReadOnlyFilesOfTheLake(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws java.io.IOException {
        java.nio.file.Path lake = java.nio.file.Files.createDirectories(folder.resolve("lake"));
        java.nio.file.Path inside = java.nio.file.Files.writeString(lake.resolve("a.txt"), "a\n");
        java.nio.file.Path outside = java.nio.file.Files.writeString(folder.resolve("lake-but-not.txt"), "b\n");
        var spark = TestingSpark.session();
        String root = "file:" + lake;
        assertThatCode(() -> ReadOnlySql.checkReadsOnly(spark.read().text(inside.toString()).queryExecution()
                .analyzed(), root)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ReadOnlySql.checkReadsOnly(spark.read().text(outside.toString())
                .queryExecution().analyzed(), root)).hasMessageContaining("which is outside the lake");
        assertThatThrownBy(() -> ReadOnlySql.checkReadsOnly(spark.read().text(inside.toString())
                .crossJoin(spark.read().text(outside.toString())).queryExecution().analyzed(), root))
                .hasMessageContaining("lake-but-not.txt");
    }

    /**
     * The deny-list is only as good as the review behind it: a Spark upgrade that adds built-in
     * functions fails here, naming them, until each is looked at (added to the deny-list when it
     * reaches files, the network, the environment or code) and the reviewed list below updated.
     */
    @Test
    void everyBuiltInFunctionOfThisSparkWasReviewed() throws Exception {
        Set<String> builtins = new TreeSet<>();
        scala.jdk.javaapi.CollectionConverters.asJava(org.apache.spark.sql.catalyst.analysis.FunctionRegistry
                .builtin().listFunction()).forEach(name -> builtins.add(name.funcName().toLowerCase(Locale.ROOT)));
        Set<String> reviewed = new TreeSet<>(Arrays.asList(new String(
                ReadOnlySqlTest.class.getResourceAsStream("reviewed-spark-functions.txt").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).split("\\s+")));
        reviewed.remove("");
        Set<String> added = new TreeSet<>(builtins);
        added.removeAll(reviewed);
        assertThat(added).as("built-in functions nobody has reviewed for northstar query").isEmpty();
        assertThat(builtins).containsAll(ReadOnlySql.REFUSED_FUNCTIONS);
    }
}
