package io.northstar.delivery;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.northstar.lake.Lake;
import io.northstar.lake.LakeException;
import io.northstar.lake.SmallFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lake's delivery log (SPEC.md §6), {@code _deliveries/as_of=<date>/<run>.jsonl}: one JSON
 * line per file per recipient per attempt, written by the run that attempted it, so what was
 * sent survives the process and decides what the next run sends. JSON lines, so Spark, DuckDB
 * or jq read it as a table.
 */
public final class DeliveryLog {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What one attempt did: sent (the server accepted it) or failed. */
    public enum Outcome {
        SENT, FAILED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One file to one recipient in one attempt.
     *
     * @param attached false when the file was too large and the message named its path instead
     * @param reply the server's reply, or why the attempt failed (never a password)
     */
    public record Entry(String run, LocalDate asOf, Instant at, String audience, String recipient, String file,
            String sha256, Outcome outcome, boolean attached, String reply) {
        public Entry {
            requireNonNull(run, "run is null");
            requireNonNull(asOf, "asOf is null");
            requireNonNull(at, "at is null");
            requireNonNull(audience, "audience is null");
            requireNonNull(recipient, "recipient is null");
            requireNonNull(file, "file is null");
            requireNonNull(sha256, "sha256 is null");
            requireNonNull(outcome, "outcome is null");
            requireNonNull(reply, "reply is null");
        }
    }

    private final Lake lake;
    private final FileSystem fs;

    public DeliveryLog(Lake lake) {
        this.lake = requireNonNull(lake, "lake is null");
        this.fs = lake.fileSystem();
    }

    /** Every attempt logged for the as_of, oldest run first (run ids begin with their start time). */
    public List<Entry> entries(LocalDate asOf) {
        Path folder = lake.deliveriesFolder(asOf);
        List<Entry> entries = new ArrayList<>();
        try {
            if (!fs.exists(folder)) {
                return entries;
            }
            List<FileStatus> files = new ArrayList<>(List.of(fs.listStatus(folder, path -> path.getName()
                    .endsWith(".jsonl") && !path.getName().startsWith("."))));
            files.sort(Comparator.comparing(status -> status.getPath().getName()));
            for (FileStatus file : files) {
                try (InputStream in = fs.open(file.getPath());
                        MappingIterator<Entry> lines = JSON.readerFor(Entry.class).readValues(in)) {
                    lines.forEachRemaining(entries::add);
                }
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            throw new LakeException("lake " + lake.root() + ": cannot read the delivery log in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * What the plan needs of the log for the as_of: every file that reached a recipient, and the
     * files whose latest attempt to a recipient failed.
     */
    public DeliveryPlan.Log history(LocalDate asOf) {
        List<Entry> entries = entries(asOf);
        Set<DeliveryPlan.Delivered> sent = entries.stream().filter(entry -> entry.outcome() == Outcome.SENT)
                .map(DeliveryLog::delivered).collect(Collectors.toUnmodifiableSet());
        // entries are in the order of the attempts: the last one per recipient and file wins
        Map<List<String>, Entry> latest = new LinkedHashMap<>();
        entries.forEach(entry -> latest.put(List.of(entry.recipient(), entry.file()), entry));
        Set<DeliveryPlan.Delivered> lastFailed = latest.values().stream()
                .filter(entry -> entry.outcome() == Outcome.FAILED).map(DeliveryLog::delivered)
                .collect(Collectors.toUnmodifiableSet());
        return new DeliveryPlan.Log(sent, lastFailed);
    }

    private static DeliveryPlan.Delivered delivered(Entry entry) {
        return new DeliveryPlan.Delivered(entry.recipient(), entry.file(), entry.sha256());
    }

    /** Writes one run's attempts as its own file, whole or not at all; returns where. */
    public String write(String run, LocalDate asOf, List<Entry> entries) {
        Path folder = lake.deliveriesFolder(asOf);
        try {
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            for (Entry entry : entries) {
                lines.write(JSON.writeValueAsBytes(entry));
                lines.write('\n');
            }
            return SmallFiles.writeWhole(fs, folder, run + ".jsonl", lines.toByteArray()).toString();
        } catch (IOException e) {
            throw new LakeException("lake " + lake.root() + ": cannot write the delivery log of run " + run + " in "
                    + folder + ": " + e.getMessage(), e);
        }
    }
}
