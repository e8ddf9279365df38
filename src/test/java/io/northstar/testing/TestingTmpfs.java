package io.northstar.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test, to fill a disk for real. Mounting needs root: elsewhere the
 * test that asks for one is skipped, with a message.
 */
public final class TestingTmpfs implements AutoCloseable {
    private final Path folder;

    private TestingTmpfs(Path folder) {
        this.folder = folder;
    }

    /** Mounts a tmpfs of the size ({@code 4m}, {@code 16m}) on a new folder; skips the test when it cannot. */
    public static TestingTmpfs mount(Path folder, String size) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        int mounted = command("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString());
        Assumptions.assumeTrue(mounted == 0, "skipped: mounting a tmpfs needs root (mount exited " + mounted + ")");
        return new TestingTmpfs(folder);
    }

    public Path folder() {
        return folder;
    }

    /** Bytes still free on it. */
    public long free() throws IOException {
        return Files.getFileStore(folder).getUsableSpace();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        command("umount", "-l", folder.toString());
    }

    private static int command(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(1, TimeUnit.MINUTES) ? process.exitValue() : -1;
    }
}
