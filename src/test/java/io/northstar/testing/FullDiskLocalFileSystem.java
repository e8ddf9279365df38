package io.northstar.testing;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local filesystem, except that writing a file of one name fails the way Hadoop's local
 * filesystem reports a full disk: an {@link FSError} wrapping "No space left on device". Install it
 * as {@code fs.file.impl} for one test, with {@link #failWriting(String)} naming the file.
 */
public final class FullDiskLocalFileSystem extends LocalFileSystem {
    private static volatile String failing = "";

    /** Writing a file of this name fails from now on; an empty name fails nothing. */
    public static void failWriting(String name) {
        failing = name;
    }

    @Override
    public FSDataOutputStream create(Path file, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        if (!file.getName().equals(failing)) {
            return super.create(file, permission, overwrite, bufferSize, replication, blockSize, progress);
        }
        super.create(file, permission, overwrite, bufferSize, replication, blockSize, progress).close();
        return new FSDataOutputStream(new OutputStream() {
            @Override
            public void write(int b) {
                throw diskFull();
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                throw diskFull();
            }
        }, null);
    }

    /** Hadoop's FSError has no public constructor: it is made only by Hadoop's own local streams. */
    private static FSError diskFull() {
        try {
            var constructor = FSError.class.getDeclaredConstructor(Throwable.class);
            constructor.setAccessible(true);
            return constructor.newInstance(new IOException("No space left on device"));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
