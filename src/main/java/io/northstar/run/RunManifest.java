package io.northstar.run;

import static java.util.Objects.requireNonNull;

import io.northstar.ingest.DatasetOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The record of one run attempt, written to {@code <lake>/_runs/<run_id>.json} whatever the
 * outcome (SPEC.md §3). Holds no credentials: sources are described, never spelled out.
 *
 * @param command what ran: {@code run} (ingest to publish) or {@code metrics} (recompute)
 * @param outcome {@code succeeded} or {@code failed}
 * @param error the message of the failure, null on success
 * @param stageMillis each stage that ran, in order, with its duration
 * @param outputs the partition folders published, empty when nothing was
 */
public record RunManifest(
        String runId,
        String command,
        String job,
        String jobFile,
        LocalDate asOf,
        Instant start,
        Instant end,
        long durationMillis,
        String outcome,
        int exitCode,
        String error,
        String sparkMaster,
        List<DatasetOutcome> datasets,
        Map<String, Long> stageMillis,
        List<String> outputs) {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public RunManifest {
        requireNonNull(runId, "runId is null");
        requireNonNull(command, "command is null");
        requireNonNull(job, "job is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(outcome, "outcome is null");
        datasets = List.copyOf(datasets);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
        outputs = List.copyOf(outputs);
    }

    public boolean succeeded() {
        return SUCCEEDED.equals(outcome);
    }
}
