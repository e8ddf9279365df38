package io.northstar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** jobs/jvm.options is the one place README's JVM options are written; everything reads it. */
class JvmOptionsTest {
    private static final Path OPTIONS = Path.of("jobs", "jvm.options");

    private static List<String> options() throws IOException {
        return Files.readAllLines(OPTIONS).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    @Test
    void theOptionsFileHoldsTheJitOptionsReadmeExplains() throws IOException {
        assertThat(options()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=256m");
        assertThat(Files.readString(Path.of("README.md")))
                .contains("java @jobs/jvm.options -jar target/northstar.jar run --job jobs/sample.yaml")
                .contains("`-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m`");
    }

    @Test
    void theTestsRunWithTheOptionsOfTheFile() throws IOException {
        // the pom's argLine names the file; a path or quoting mistake would drop the options silently
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(options());
    }
}
