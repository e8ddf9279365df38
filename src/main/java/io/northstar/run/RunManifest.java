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
 * @param end null for a run found killed (it never ended itself)
 * @param outcome {@code succeeded}, {@code failed}, or {@code killed}: written by the next run for
 *     a process that died without writing its own (SIGKILL, out of memory, a lost machine), with
 *     exit code -1 since none was seen
 * @param error the message of the failure, null on success
 * @param stageMillis each stage that ran, in order, with its duration
 * @param outputs the partition folders published, empty when nothing was
 * @param recovered what this run found of runs that had died and what it did about it (completed
 *     a cut-short publish, removed staging, recorded a killed run); for a killed run, who found it
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
        List<String> outputs,
        List<String> recovered) {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String KILLED = "killed";
    /** The exit code of a killed run's manifest: the process's own was never seen. */
    public static final int NO_EXIT_CODE = -1;

    public RunManifest {
        requireNonNull(runId, "runId is null");
        requireNonNull(command, "command is null");
        requireNonNull(job, "job is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(outcome, "outcome is null");
        datasets = List.copyOf(datasets);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
        outputs = List.copyOf(outputs);
        // manifests written before this field existed have none
        recovered = recovered == null ? List.of() : List.copyOf(recovered);
    }

    public boolean succeeded() {
        return SUCCEEDED.equals(outcome);
    }
}
