package io.northstar.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.northstar.contract.ColumnWarning;
import io.northstar.ingest.DatasetOutcome;
import io.northstar.lake.Lake;
import io.northstar.lake.LakeException;
import io.northstar.lake.SmallFiles;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writes and reads run manifests in the lake's {@code _runs/} folder, as indented JSON. */
public final class ManifestStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .addMixIn(DatasetOutcome.class, DatasetOutcomeJson.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final ObjectMapper READER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Lake lake;
    private final FileSystem fs;

    public ManifestStore(Lake lake) {
        this.lake = lake;
        this.fs = lake.fileSystem();
    }

    /** Adds the derived counts to each dataset's entry, so a reader of the JSON need not add up. */
    private interface DatasetOutcomeJson {
        @JsonProperty("quarantined")
        long quarantined();

        @JsonProperty("rejectRatio")
        double rejectRatio();

        @JsonProperty("passesGate")
        boolean passesGate();

        @JsonIgnore
        Map<String, Long> quarantinedByReasonSorted();

        @JsonIgnore
        java.util.List<ColumnWarning.Notice> columnNotices();
    }

    /** The store of a lake given by its location alone, for commands that start no Spark session. */
    public static ManifestStore of(String lake) {
        return new ManifestStore(new Lake(lake, new org.apache.hadoop.conf.Configuration()));
    }

    /**
     * The newest manifest of a successful {@code run} for this as_of: the run that ingested the
     * snapshot, whose data-quality counts the reports show. Empty when there is none.
     */
    public java.util.Optional<RunManifest> latestIngest(java.time.LocalDate asOf) {
        return all().stream()
                .filter(manifest -> manifest.succeeded() && "run".equals(manifest.command())
                        && asOf.equals(manifest.asOf()))
                .findFirst();
    }

    /** Every manifest of the lake, newest first (run ids begin with their start time). */
    public java.util.List<RunManifest> all() {
        java.util.List<RunManifest> manifests = new java.util.ArrayList<>();
        for (Path file : files()) {
            try (java.io.InputStream in = fs.open(file)) {
                manifests.add(READER.readValue(in, RunManifest.class));
            } catch (IOException e) {
                throw new LakeException("lake " + lake.root() + ": cannot read run manifest " + file + ": "
                        + e.getMessage(), e);
            }
        }
        return manifests;
    }

    /** The manifest file of one run as written, or empty when the lake has no such run. */
    public java.util.Optional<String> json(String runId) {
        Path file = new Path(lake.runsFolder(), runId + ".json");
        try {
            if (!RunIds.isWellFormed(runId) || !fs.exists(file)) {
                return java.util.Optional.empty();
            }
            try (java.io.InputStream in = fs.open(file)) {
                return java.util.Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new LakeException("lake " + lake.root() + ": cannot read run manifest " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private java.util.List<Path> files() {
        Path folder = lake.runsFolder();
        try {
            java.util.List<Path> files = new java.util.ArrayList<>();
            if (fs.exists(folder)) {
                for (org.apache.hadoop.fs.FileStatus status : fs.listStatus(folder)) {
                    String name = status.getPath().getName();
                    if (name.endsWith(".json") && !name.startsWith(".")) {
                        files.add(status.getPath());
                    }
                }
            }
            files.sort(java.util.Comparator.comparing(Path::getName).reversed());
            return files;
        } catch (IOException e) {
            throw new LakeException("lake " + lake.root() + ": cannot list run manifests in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /** Writes next to the final name first, so a reader never sees half a manifest. */
    public String write(RunManifest manifest) {
        Path folder = lake.runsFolder();
        try {
            return SmallFiles.writeWhole(fs, folder, manifest.runId() + ".json", JSON.writeValueAsBytes(manifest))
                    .toString();
        } catch (IOException e) {
            throw new LakeException("lake " + lake.root() + ": cannot write run manifest " + new Path(folder,
                    manifest.runId() + ".json") + ": " + e.getMessage(), e);
        }
    }
}
