package io.northstar.run;

import static java.util.Objects.requireNonNull;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.ingest.DatasetIngestor;
import io.northstar.ingest.DatasetOutcome;
import io.northstar.job.Job;
import io.northstar.lake.Lake;
import io.northstar.lake.Staging;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a job's stages in order (ingest, quality gate, publish) into a staging area, publishes
 * only when every stage succeeded, and writes the run manifest whatever happened.
 */
public final class JobRunner {
    private final SparkSession spark;
    private final Progress progress;
    private final Clock clock;

    public JobRunner(SparkSession spark, Progress progress, Clock clock) {
        this.spark = requireNonNull(spark, "spark is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Runs the job in a Spark session built from its {@code spark:} settings, stopped afterwards. */
    public static RunManifest runInOwnSession(Job job, LocalDate asOf, Progress progress, Clock clock) {
        SparkSession spark = SparkSessions.create(job.spark(), "northstar " + job.name());
        try {
            return new JobRunner(spark, progress, clock).run(job, asOf);
        } finally {
            spark.stop();
        }
    }

    /**
     * Runs the job for one as_of and returns its manifest.
     *
     * @throws NorthstarException after writing a failed manifest, when a stage fails
     */
    public RunManifest run(Job job, LocalDate asOf) {
        Attempt attempt = new Attempt(job, asOf, RunIds.next(clock), clock.instant());
        progress.message("run " + attempt.runId + ": job " + job.name() + ", as_of " + asOf + ", lake "
                + attempt.lake.root());
        try {
            List<DatasetOutcome> outcomes = attempt.stage("ingest",
                    () -> new DatasetIngestor(spark, attempt.runId).ingest(job, attempt.staging, progress::dataset),
                    JobRunner::ingestSummary);
            attempt.outcomes.addAll(outcomes);
            QualityGate.check(outcomes);
            List<String> outputs = attempt.stage("publish", attempt.staging::publish,
                    published -> published.size() + " partitions published for as_of " + asOf);
            RunManifest manifest = attempt.manifest(RunManifest.SUCCEEDED, ExitCode.OK, null, outputs);
            attempt.manifests.write(manifest);
            return manifest;
        } catch (NorthstarException e) {
            throw attempt.fail(e, e.exitCode(), e.getMessage());
        } catch (RuntimeException e) {
            throw attempt.fail(e, ExitCode.INTERNAL, e.toString());
        }
    }

    private static String ingestSummary(List<DatasetOutcome> outcomes) {
        long read = outcomes.stream().mapToLong(DatasetOutcome::rowsRead).sum();
        long kept = outcomes.stream().mapToLong(DatasetOutcome::kept).sum();
        long quarantined = outcomes.stream().mapToLong(DatasetOutcome::quarantined).sum();
        return String.format(Locale.ROOT, "%d datasets, %,d rows read, %,d kept, %,d quarantined", outcomes.size(),
                read, kept, quarantined);
    }

    /** The state of one attempt: its id, staging area, timings and what ingestion found. */
    private final class Attempt {
        final Job job;
        final LocalDate asOf;
        final String runId;
        final Instant start;
        final Lake lake;
        final ManifestStore manifests;
        final Staging staging;
        final Map<String, Long> stageMillis = new LinkedHashMap<>();
        final List<DatasetOutcome> outcomes = new ArrayList<>();

        Attempt(Job job, LocalDate asOf, String runId, Instant start) {
            this.job = job;
            this.asOf = asOf;
            this.runId = runId;
            this.start = start;
            this.lake = new Lake(job.lake(), spark.sparkContext().hadoopConfiguration());
            this.manifests = new ManifestStore(lake);
            this.staging = lake.stage(runId, asOf);
        }

        <T> T stage(String name, Supplier<T> work, Function<T, String> summary) {
            Instant begin = clock.instant();
            T result = work.get();
            Duration took = Duration.between(begin, clock.instant());
            stageMillis.put(name, took.toMillis());
            progress.stage(name, took, summary.apply(result));
            return result;
        }

        RunManifest manifest(String outcome, ExitCode exitCode, String error, List<String> outputs) {
            Instant end = clock.instant();
            return new RunManifest(runId, job.name(), job.file(), asOf, start, end,
                    Duration.between(start, end).toMillis(), outcome, exitCode.code(), error,
                    spark.sparkContext().master(), outcomes, stageMillis, outputs);
        }

        /** Leaves nothing staged, records the failure, and returns the exception to throw. */
        RuntimeException fail(RuntimeException failure, ExitCode exitCode, String message) {
            try {
                staging.discard();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            try {
                manifests.write(manifest(RunManifest.FAILED, exitCode, message, List.of()));
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            return failure;
        }
    }
}
