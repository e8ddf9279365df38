package io.northstar.lake;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes the lake's small bookkeeping files (journals, manifests, the lock) through Hadoop. On a
 * local disk Hadoop reports a failed write, a full disk included, as {@link FSError}, an Error that
 * no {@code catch (Exception)} sees: the run then died with a stack trace and left its staging
 * behind. Here it is the IOException it wraps, which the run turns into exit 7.
 */
public final class SmallFiles {
    private SmallFiles() {
    }

    /** Writes the file whole; {@code overwrite} false fails when it exists. */
    public static void write(FileSystem fs, Path file, byte[] content, boolean overwrite) throws IOException {
        try (OutputStream out = fs.create(file, overwrite)) {
            out.write(content);
        } catch (FSError e) {
            throw asIOException(e);
        }
    }

    /**
     * Writes {@code folder/name} under a temporary name first and renames it, so that a reader
     * never sees half a file; creates the folder. Returns the file.
     */
    public static Path writeWhole(FileSystem fs, Path folder, String name, byte[] content) throws IOException {
        Path target = new Path(folder, name);
        Path temporary = new Path(folder, "." + name + ".tmp");
        fs.mkdirs(folder);
        write(fs, temporary, content, true);
        if (!fs.rename(temporary, target)) {
            throw new IOException("cannot rename " + temporary + " to " + target);
        }
        return target;
    }

    /** The IOException a Hadoop {@link FSError} carries (its cause is the disk's own answer). */
    public static IOException asIOException(FSError error) {
        return error.getCause() instanceof IOException io ? io : new IOException(error.getMessage(), error);
    }
}
