package io.northstar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One boundary per concern: Spark stays in the packages that read, write and run (and spark/,
 * the labels on its jobs); Jackson in the job-file reader and the manifest store; the contract,
 * the CSV reader, the generator and the metric formulas are plain Java.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/io/northstar");

    @Test
    void onlyTheSparkEdgeImportsSpark() throws IOException {
        assertThat(packagesImporting("import org.apache.spark")).isSubsetOf(Set.of("ingest", "publish", "query", "run",
                "metrics/spark", "report/data", "spark"));
    }

    @Test
    void onlyTheRendererImportsJasperReports() throws IOException {
        assertThat(packagesImporting("import net.sf.jasperreports")).containsExactly("report/render");
    }

    @Test
    void onlyTheJobReaderTheManifestsAndDeliveryImportJackson() throws IOException {
        // the JSON Northstar reads and writes: job files, run manifests, the delivery log and the chat post
        assertThat(packagesImporting("import com.fasterxml.jackson")).isSubsetOf(Set.of("job", "run", "delivery"));
    }

    @Test
    void theContractTheCsvReaderAndTheMathArePlainJava() throws IOException {
        for (String pkg : List.of("contract", "source", "error", "sample", "output", "metrics/kpi", "metrics/objective",
                "metrics/alignment", "metrics/risk", "metrics/finance", "metrics/summary", "concurrent")) {
            for (Path file : javaFiles(MAIN.resolve(pkg))) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain("import org.apache.spark", "import org.apache.hadoop", "import com.fasterxml");
            }
        }
    }

    @Test
    void onlyMainExitsTheJvm() throws IOException {
        for (Path file : javaFiles(MAIN)) {
            if (!file.endsWith("cli/Main.java")) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("System.exit(");
            }
        }
    }

    /**
     * The packages depend on each other one way: a cycle (report/data once imported
     * run.RunManifest while run renders the reports) means neither can be understood or
     * tested without the other.
     */
    @Test
    void noTwoPackagesDependOnEachOther() throws IOException {
        java.util.Map<String, Set<String>> imports = new java.util.TreeMap<>();
        java.util.regex.Pattern imported = java.util.regex.Pattern.compile(
                "import (?:static )?io\\.northstar\\.([a-z]+)\\.");
        for (Path file : javaFiles(MAIN)) {
            String own = MAIN.relativize(file).getName(0).toString();
            java.util.regex.Matcher matcher = imported.matcher(Files.readString(file));
            while (matcher.find()) {
                if (!matcher.group(1).equals(own)) {
                    imports.computeIfAbsent(own, p -> new java.util.TreeSet<>()).add(matcher.group(1));
                }
            }
        }
        assertThat(imports).as("the sample has packages to check").containsKeys("report", "run", "metrics");
        for (String start : imports.keySet()) {
            assertThat(reachable(imports, start)).as("packages that " + start + " depends on, directly or not, and"
                    + " that depend on it: " + imports).doesNotContain(start);
        }
    }

    private static Set<String> reachable(java.util.Map<String, Set<String>> imports, String start) {
        Set<String> seen = new java.util.TreeSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(imports.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(imports.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    private static Set<String> packagesImporting(String prefix) throws IOException {
        Set<String> packages = new java.util.TreeSet<>();
        for (Path file : javaFiles(MAIN)) {
            if (Files.readString(file).contains(prefix)) {
                packages.add(MAIN.relativize(file.getParent()).toString());
            }
        }
        return packages;
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
