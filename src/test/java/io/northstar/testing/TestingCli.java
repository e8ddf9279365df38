package io.northstar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged jar launched as a user would ({@code java -jar target/northstar.jar ...}), in a
 * process of its own, its output captured in files under a folder of the test's.
 */
public final class TestingCli {
    private static final AtomicInteger LAUNCHES = new AtomicInteger();

    private final Path folder;

    /** What a finished command left: its exit code and what it printed. */
    public record Result(int exitCode, String out, String err) {
    }

    /** A command started and not waited for. */
    public record Started(Process process, Path out, Path err) {
        public Result await() throws IOException, InterruptedException {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("northstar did not finish within 5 minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    /** @param folder where the captured output of each launch goes */
    public TestingCli(Path folder) {
        this.folder = folder;
    }

    public Result run(String... args) throws IOException, InterruptedException {
        return start(Map.of(), args).await();
    }

    public Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return start(environment, args).await();
    }

    /**
     * This JVM's java command with the heap given and README's JVM options (the argument file
     * jobs/jvm.options), so the tests launch the jar as users are told to.
     */
    public static List<String> java(String heap) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "@" + Path.of("jobs", "jvm.options").toAbsolutePath());
    }

    /** The packaged jar the tests launch: failsafe names it, else the build's default place. */
    public static String jar() {
        return System.getProperty("northstar.jar", "target/northstar.jar");
    }

    public Started start(Map<String, String> environment, String... args) throws IOException {
        String jar = jar();
        assertThat(Path.of(jar)).as("run `mvn package` first").exists();
        List<String> command = new ArrayList<>(java("-Xmx1g"));
        command.addAll(List.of("-jar", jar));
        command.addAll(List.of(args));
        Files.createDirectories(folder);
        int launch = LAUNCHES.incrementAndGet();
        Path out = folder.resolve("out-" + launch + ".txt");
        Path err = folder.resolve("err-" + launch + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        return new Started(builder.start(), out, err);
    }
}
