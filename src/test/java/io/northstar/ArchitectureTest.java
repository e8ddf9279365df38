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
    void onlyTheJobReaderAndManifestStoreImportJackson() throws IOException {
        assertThat(packagesImporting("import com.fasterxml.jackson")).isSubsetOf(Set.of("job", "run"));
    }

    @Test
    void theContractTheCsvReaderAndTheMathArePlainJava() throws IOException {
        for (String pkg : List.of("contract", "source", "error", "sample", "output", "metrics/kpi", "metrics/objective",
                "metrics/alignment", "metrics/risk", "metrics/finance", "concurrent")) {
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
