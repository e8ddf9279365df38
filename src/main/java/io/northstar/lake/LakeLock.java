package io.northstar.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer at a time per lake: {@code <lake>/_lock} names the run that holds it (run id, what
 * it runs, host, process id, since when). A second run is refused with the holder's name; a lock
 * left by a process that died on this host (killed, out of memory) is taken over, since that
 * process can no longer be writing.
 */
public final class LakeLock implements AutoCloseable {
    static final String LOCK = "_lock";

    private final FileSystem fs;
    private final Path file;
    private final String runId;
    private final Optional<Holder> tookOver;

    private LakeLock(FileSystem fs, Path file, String runId, Optional<Holder> tookOver) {
        this.fs = fs;
        this.file = file;
        this.runId = runId;
        this.tookOver = tookOver;
    }

    /** What a run holds the lock for: written into the lock, so that a run that dies is known by it. */
    public record Purpose(String command, String job, LocalDate asOf) {
        public Purpose {
            requireNonNull(command, "command is null");
            requireNonNull(job, "job is null");
            requireNonNull(asOf, "asOf is null");
        }

        String what() {
            return command + " of job " + job + " for as_of " + asOf;
        }
    }

    /**
     * What a lock file says about its holder; {@code purpose} is empty in a lock written by an
     * older release or half written.
     */
    public record Holder(String runId, String what, String host, long pid, Instant since, Optional<Purpose> purpose) {
        public Holder {
            requireNonNull(runId, "runId is null");
            requireNonNull(purpose, "purpose is null");
        }

        /** Whether the holder was a process of this host that no longer runs. */
        boolean isDeadOnThisHost() {
            return host.equals(thisHost()) && pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }

        @Override
        public String toString() {
            return "run " + runId + " (" + what + ") on " + host + ", process " + pid + ", since " + since;
        }
    }

    /**
     * Takes the lake's lock for a run.
     *
     * @param what what the run does, for the refusal message: command, job and as_of
     * @throws LakeBusyException when a live run holds it
     */
    public static LakeLock acquire(Lake lake, String runId, Purpose purpose) {
        FileSystem fs = lake.fileSystem();
        Path file = new Path(lake.root(), LOCK);
        Holder me = new Holder(runId, purpose.what(), thisHost(), ProcessHandle.current().pid(), Instant.now(),
                Optional.of(purpose));
        Optional<Holder> dead = Optional.empty();
        for (int attempt = 0; attempt < 2; attempt++) {
            if (create(fs, file, me)) {
                return new LakeLock(fs, file, runId, dead);
            }
            Optional<Holder> holder = read(fs, file);
            if (holder.isPresent() && !holder.get().isDeadOnThisHost()) {
                throw new LakeBusyException("lake " + lake.root() + " is locked by " + holder.get()
                        + "; try again when it has finished (a lock left by a process on another host that died"
                        + " must be removed by hand: " + file + ")");
            }
            dead = holder;
            delete(fs, file);
        }
        throw new LakeBusyException("lake " + lake.root() + ": another run took the lock at the same moment");
    }

    /** The run whose lock this one took over because its process had died, if any. */
    public Optional<Holder> tookOver() {
        return tookOver;
    }

    /** Releases the lock if this run still holds it. */
    @Override
    public void close() {
        if (read(fs, file).map(holder -> holder.runId().equals(runId)).orElse(false)) {
            delete(fs, file);
        }
    }

    /** Creates the file only if it does not exist, atomically (O_EXCL on a local disk). */
    private static boolean create(FileSystem fs, Path file, Holder me) {
        byte[] content = text(me).getBytes(StandardCharsets.UTF_8);
        try {
            fs.mkdirs(file.getParent());
            if (fs instanceof LocalFileSystem local) {
                // Hadoop's local create checks and creates in two steps; the JDK's is atomic
                java.nio.file.Path path = local.pathToFile(file).toPath();
                Files.write(path, content, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return true;
            }
            SmallFiles.write(fs, file, content, false);
            return true;
        } catch (FileAlreadyExistsException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (exists(fs, file)) {
                return false;
            }
            throw new LakeException("cannot create the lake lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(Holder holder) {
        Properties properties = new Properties();
        properties.setProperty("runId", holder.runId());
        properties.setProperty("what", holder.what());
        properties.setProperty("host", holder.host());
        properties.setProperty("pid", Long.toString(holder.pid()));
        properties.setProperty("since", holder.since().toString());
        holder.purpose().ifPresent(purpose -> {
            properties.setProperty("command", purpose.command());
            properties.setProperty("job", purpose.job());
            properties.setProperty("asOf", purpose.asOf().toString());
        });
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    static Optional<Holder> read(FileSystem fs, Path file) {
        try (InputStream in = fs.open(file)) {
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            Optional<Purpose> purpose = properties.containsKey("asOf")
                    ? Optional.of(new Purpose(properties.getProperty("command", "?"), properties.getProperty("job", "?"),
                            LocalDate.parse(properties.getProperty("asOf"))))
                    : Optional.empty();
            return Optional.of(new Holder(properties.getProperty("runId", "?"), properties.getProperty("what", "?"),
                    properties.getProperty("host", "?"), Long.parseLong(properties.getProperty("pid", "-1")),
                    Instant.parse(properties.getProperty("since", Instant.EPOCH.toString())), purpose));
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // a lock half written by a process killed at that instant: treat it as that process's
            return Optional.of(new Holder("?", "unreadable lock", thisHost(), -1, Instant.EPOCH, Optional.empty()));
        }
    }

    private static boolean exists(FileSystem fs, Path file) {
        try {
            return fs.exists(file);
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(FileSystem fs, Path file) {
        try {
            fs.delete(file, false);
        } catch (IOException e) {
            throw new LakeException("cannot remove the lake lock " + file + ": " + e.getMessage(), e);
        }
    }

    static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
