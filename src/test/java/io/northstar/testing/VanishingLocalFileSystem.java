package io.northstar.testing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The local filesystem, except that a file whose name starts with {@code vanishing} can be
 * opened once (the driver reads its header) and is then gone, as if deleted between the
 * listing and the read. Install it as {@code fs.file.impl} for one test.
 */
public final class VanishingLocalFileSystem extends LocalFileSystem {
    private static final AtomicInteger OPENS = new AtomicInteger();

    public static void reset() {
        OPENS.set(0);
    }

    @Override
    public FSDataInputStream open(Path file, int bufferSize) throws IOException {
        if (file.getName().startsWith("vanishing") && OPENS.incrementAndGet() > 1) {
            throw new FileNotFoundException(file + " (No such file or directory)");
        }
        return super.open(file, bufferSize);
    }
}
