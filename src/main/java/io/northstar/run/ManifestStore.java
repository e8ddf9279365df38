package io.northstar.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.northstar.ingest.DatasetOutcome;
import io.northstar.lake.Lake;
import io.northstar.lake.LakeException;
import java.io.IOException;
import java.io.OutputStream;
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
    }

    /**
     * The newest manifest of a successful {@code run} for this as_of: the run that ingested the
     * snapshot, whose data-quality counts the reports show. Empty when there is none.
     */
    public java.util.Optional<RunManifest> latestIngest(java.time.LocalDate asOf) {
        Path folder = lake.runsFolder();
        try {
            if (!fs.exists(folder)) {
                return java.util.Optional.empty();
            }
            java.util.List<Path> files = new java.util.ArrayList<>();
            for (org.apache.hadoop.fs.FileStatus status : fs.listStatus(folder)) {
                String name = status.getPath().getName();
                if (name.endsWith(".json") && !name.startsWith(".")) {
                    files.add(status.getPath());
                }
            }
            files.sort(java.util.Comparator.comparing(Path::getName).reversed());
            for (Path file : files) {
                RunManifest manifest;
                try (java.io.InputStream in = fs.open(file)) {
                    manifest = READER.readValue(in, RunManifest.class);
                }
                if (manifest.succeeded() && "run".equals(manifest.command()) && asOf.equals(manifest.asOf())) {
                    return java.util.Optional.of(manifest);
                }
            }
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new LakeException("lake " + lake.root() + ": cannot read run manifests: " + e.getMessage(), e);
        }
    }

    /** Writes next to the final name first, so a reader never sees half a manifest. */
    public String write(RunManifest manifest) {
        Path folder = lake.runsFolder();
        Path target = new Path(folder, manifest.runId() + ".json");
        Path temporary = new Path(folder, "." + manifest.runId() + ".json.tmp");
        try {
            fs.mkdirs(folder);
            try (OutputStream out = fs.create(temporary, true)) {
                JSON.writeValue(out, manifest);
            }
            if (!fs.rename(temporary, target)) {
                throw new IOException("cannot rename " + temporary + " to " + target);
            }
            return target.toString();
        } catch (IOException e) {
            throw new LakeException("lake " + lake.root() + ": cannot write run manifest " + target + ": "
                    + e.getMessage(), e);
        }
    }
}
