package io.northstar.lake;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises, in a failure's chain of causes, the lake's own faults, and turns them into a
 * message and exit code instead of a stack trace: a Parquet file that cannot be read
 * (truncated by a full disk, overwritten, half copied) and a folder that cannot be written
 * (no space left, no permission). Spark reports these under a few error conditions whose
 * names, like the Parquet library's and the operating system's messages, are matched as text:
 * the classes differ between Spark versions, and the lake package stays free of Spark.
 */
public final class LakeFailures {
    private static final List<String> SIGNS = List.of("FAILED_READ_FILE", "CANNOT_READ_FILE_FOOTER",
            "is not a Parquet file", "ParquetDecodingException", "Can not read value at");
    private static final Pattern PARQUET_FILE = Pattern.compile("((?:file|hdfs|s3a|abfss?|gs):\\S+?\\.parquet|/\\S+?\\.parquet)");

    private static final List<String> CANNOT_WRITE = List.of("No space left on device", "Disk quota exceeded",
            "Read-only file system", "Permission denied");

    private LakeFailures() {
    }

    /** The failure as exit 6 naming the damaged file, or empty when it is something else. */
    public static Optional<NorthstarException> damagedFile(Throwable failure) {
        boolean damaged = false;
        String file = null;
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String text = cause.getClass().getName() + ": " + cause.getMessage();
            damaged |= SIGNS.stream().anyMatch(text::contains);
            if (file == null && cause.getMessage() != null) {
                Matcher matcher = PARQUET_FILE.matcher(cause.getMessage());
                if (matcher.find()) {
                    file = matcher.group(1);
                }
            }
            root = cause;
        }
        if (!damaged || file == null) {
            return Optional.empty();
        }
        String why = firstLine(root.getMessage()).replace(file + " ", "");
        return Optional.of(new NorthstarException(ExitCode.LAKE_DAMAGED, "lake file " + file + " cannot be read ("
                + why + "): the file is damaged; restore it from a backup, or run the job again for that as_of to"
                + " write the snapshot anew", failure));
    }

    /**
     * The failure as exit 7 when a write ran out of space or permission, or empty when it is
     * something else.
     *
     * @param where what was being written, for the message (the lake, the reports folder)
     */
    public static Optional<NorthstarException> cannotWrite(Throwable failure, String where) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && CANNOT_WRITE.stream().anyMatch(message::contains)) {
                return Optional.of(new NorthstarException(ExitCode.CANNOT_WRITE, where + " could not be written ("
                        + firstLine(message) + "); nothing of this run was published and the previous snapshot"
                        + " stands: free space or fix permissions, then run again", failure));
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
