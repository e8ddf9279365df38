package io.northstar.run;

import static java.util.Objects.requireNonNull;

import io.northstar.contract.ColumnWarning;
import io.northstar.delivery.ChatNotifier;
import io.northstar.delivery.DeliveryPlan;
import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.error.Unchecked;
import io.northstar.ingest.DatasetIngestor;
import io.northstar.ingest.DatasetOutcome;
import io.northstar.job.Delivery;
import io.northstar.job.Job;
import io.northstar.lake.Lake;
import io.northstar.lake.LakeFailures;
import io.northstar.lake.LakeLock;
import io.northstar.lake.SnapshotPaths;
import io.northstar.lake.Staging;
import io.northstar.lake.Zone;
import io.northstar.metrics.spark.MetricsContext;
import io.northstar.metrics.spark.MetricsStage;
import io.northstar.metrics.spark.SnapshotTables;
import io.northstar.publish.JdbcPublisher;
import io.northstar.publish.PublishException;
import io.northstar.report.data.ReportDataLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a job's stages in order (ingest, quality gate, metrics, report, publish) into a staging
 * area, publishes only when every stage succeeded, and writes the run manifest whatever happened.
 */
public final class JobRunner {
    static final String RUN = "run";
    static final String METRICS = "metrics";
    static final String REPORT = "report";
    static final String PUBLISH = "publish";
    static final String PUBLISH_JDBC_STAGE = "publish.jdbc";
    static final String DELIVER = "deliver";

    private final SparkSession spark;
    private final Progress progress;
    private final Clock clock;

    public JobRunner(SparkSession spark, Progress progress, Clock clock) {
        this.spark = requireNonNull(spark, "spark is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What a command does with a runner, given a session that it does not own. */
    @FunctionalInterface
    public interface Work {
        RunManifest run(JobRunner runner);
    }

    /** Runs work in a Spark session built from the job's {@code spark:} settings (see {@link SparkSessions#use}). */
    public static RunManifest inOwnSession(Job job, Progress progress, Clock clock, Work work) {
        return SparkSessions.use(job.spark(), "northstar " + job.name(),
                spark -> work.run(new JobRunner(spark, progress, clock)));
    }

    /**
     * Ingests, checks, computes the metrics of and publishes one snapshot; returns its manifest.
     *
     * @throws NorthstarException after writing a failed manifest, when a stage fails
     */
    public RunManifest run(Job job, LocalDate asOf) {
        return run(job, asOf, Reports.RENDER);
    }

    /** Whether a run renders the PDFs; skipped, they can be rendered later by {@link #renderReports}. */
    public enum Reports {
        RENDER, SKIP
    }

    /** As {@link #run(Job, LocalDate)}, rendering the PDFs only when {@code reports} says so. */
    public RunManifest run(Job job, LocalDate asOf, Reports reports) {
        return run(job, asOf, reports, Deliveries.AS_THE_JOB_SAYS);
    }

    /** Whether a run mails the packs once published: as the job's {@code delivery.when} says, or as overridden. */
    public enum Deliveries {
        AS_THE_JOB_SAYS, ALWAYS, NEVER
    }

    /**
     * As {@link #run(Job, LocalDate, Reports)}, and then delivers the PDFs as {@code deliveries}
     * says; a failed delivery leaves the snapshot published and exits 8.
     */
    public RunManifest run(Job job, LocalDate asOf, Reports reports, Deliveries deliveries) {
        if (deliveries == Deliveries.ALWAYS) {
            requireDelivery(job);
        }
        Attempt attempt = new Attempt(RUN, job, asOf);
        return attempt.execute(() -> {
            // a metric table reading one that nothing produces fails now, not after the ingest
            MetricsStage.checkCatalogue();
            List<DatasetOutcome> outcomes = attempt.stage("ingest",
                    () -> new DatasetIngestor(spark, attempt.runId).ingest(job, attempt.staging, progress::dataset),
                    JobRunner::ingestSummary);
            attempt.outcomes.addAll(outcomes);
            QualityGate.check(outcomes);
            Map<String, String> conformed = new LinkedHashMap<>();
            Map<String, Long> quarantined = new LinkedHashMap<>();
            for (DatasetOutcome outcome : outcomes) {
                conformed.put(outcome.dataset(), attempt.staging.partition(Zone.CONFORMED, outcome.dataset()));
                quarantined.put(outcome.dataset(), outcome.quarantined());
            }
            attempt.metrics(conformed, quarantined, columnNotices(outcomes));
            Path staged = ReportStage.stagingFolder(attempt.reportsFolder(), attempt.runId);
            if (reports == Reports.SKIP) {
                progress.message("report: skipped; render the PDFs of this snapshot with: northstar report --job "
                        + job.file() + " --as-of " + asOf + (ReportStage.holdsPdfs(attempt.reportsFolder())
                        ? " (the PDFs in " + attempt.reportsFolder() + " are an earlier run's until then)" : ""));
            }
            List<Path> pdfs = reports == Reports.SKIP ? List.of()
                    : attempt.stage("report", () -> ReportStage.render(spark, job, asOf,
                            SnapshotPaths.staged(attempt.lake, attempt.staging), attempt.previousAsOf(),
                            Optional.of(attempt.runInfo()), staged),
                            JobRunner::reportSummary);
            List<String> movedPdfs = new ArrayList<>();
            List<String> outputs = new ArrayList<>(attempt.stage("publish",
                    () -> attempt.staging.publish(EnumSet.allOf(Zone.class),
                            () -> movedPdfs.addAll(ReportStage.moveInto(pdfs, attempt.reportsFolder()))),
                    published -> published.size() + " partitions published for as_of " + asOf));
            outputs.addAll(movedPdfs);
            attempt.published.addAll(outputs);
            Optional<DeliveryStage.Outcome> delivered = attempt.deliverAfterPublish(deliveries, reports);
            delivered.flatMap(DeliveryStage.Outcome::log).ifPresent(outputs::add);
            attempt.publishToDatabase();
            if (delivered.isPresent() && !delivered.get().failed().isEmpty()) {
                throw delivered.get().failure("published snapshot as_of " + asOf,
                        "northstar deliver --job " + job.file() + " --as-of " + asOf);
            }
            return outputs;
        });
    }

    /**
     * Mails the PDFs of a published snapshot to whoever is due them (SPEC.md §6): recipients
     * that have not received them, those whose PDF changed since, and those a delivery failed
     * for; everyone active with {@code resend}.
     */
    public RunManifest deliver(Job job, LocalDate asOf, boolean resend) {
        Delivery delivery = requireDelivery(job);
        Attempt attempt = new Attempt(DELIVER, job, asOf);
        return attempt.execute(() -> {
            attempt.requirePublished();
            DeliveryStage stage = new DeliveryStage(spark, job, attempt.lake, asOf);
            attempt.criticalFindings = stage.criticalFindings().orElse(null);
            DeliveryStage.Outcome outcome = attempt.deliver(stage, delivery, resend);
            if (!outcome.failed().isEmpty()) {
                throw outcome.failure("the snapshot as_of " + asOf + " stays published",
                        "northstar deliver --job " + job.file() + " --as-of " + asOf);
            }
            return outcome.log().stream().toList();
        });
    }

    /** Who {@link #deliver} would mail which PDFs, without sending, locking or logging anything. */
    public DeliveryPlan.Plan planDelivery(Job job, LocalDate asOf, boolean resend) {
        requireDelivery(job);
        Lake lake = new Lake(job.lake(), spark.sparkContext().hadoopConfiguration());
        if (lake.tablesWithPartition(Zone.CONFORMED, asOf).isEmpty()) {
            throw new NorthstarException(ExitCode.USAGE, "lake " + lake.root() + " has no published snapshot for"
                    + " as_of " + asOf + ": there is nothing to deliver");
        }
        return new DeliveryStage(spark, job, lake, asOf).plan(resend);
    }

    private static Delivery requireDelivery(Job job) {
        return job.delivery().orElseThrow(() -> new NorthstarException(ExitCode.USAGE, "job file " + job.file()
                + " has no delivery section: there is no SMTP server to deliver through (see SPEC.md §6)"));
    }

    /**
     * Copies the metric tables of a published snapshot to the job's {@code publish.jdbc}
     * database again, say after the database was down during the nightly run.
     */
    public RunManifest publishToDatabase(Job job, LocalDate asOf) {
        Attempt attempt = new Attempt(PUBLISH, job, asOf);
        return attempt.execute(() -> {
            if (job.publish().isEmpty()) {
                throw new NorthstarException(ExitCode.USAGE, "job file " + job.file()
                        + " has no publish.jdbc section: there is no database to publish to");
            }
            attempt.requirePublished();
            attempt.publishToDatabase();
            return List.of();
        });
    }

    /** Renders the reports of a published snapshot into {@code <reports>/<as_of>/}. */
    public RunManifest renderReports(Job job, LocalDate asOf) {
        Attempt attempt = new Attempt(REPORT, job, asOf);
        return attempt.execute(() -> {
            attempt.requirePublished();
            Optional<ReportDataLoader.RunInfo> ingest = attempt.manifests.latestIngest(asOf)
                    .map(manifest -> new ReportDataLoader.RunInfo(manifest.datasets()));
            List<Path> pdfs = attempt.stage("report", () -> ReportStage.render(spark, job, asOf,
                    SnapshotPaths.published(attempt.lake, asOf), attempt.previousAsOf(), ingest,
                    attempt.reportsFolder()),
                    JobRunner::reportSummary);
            return pdfs.stream().map(Path::toString).toList();
        });
    }

    private static String reportSummary(List<Path> pdfs) {
        long units = pdfs.stream().filter(pdf -> pdf.getFileName().toString().startsWith("business-unit-")).count();
        return pdfs.size() + " PDFs: executive-scorecard.pdf, review-pack.pdf and " + units
                + " business-unit scorecards";
    }

    /**
     * Recomputes the metrics of an already published snapshot from its conformed zone, without
     * ingesting, and replaces only that snapshot's metrics.
     */
    public RunManifest recomputeMetrics(Job job, LocalDate asOf) {
        Attempt attempt = new Attempt(METRICS, job, asOf);
        return attempt.execute(() -> {
            MetricsStage.checkCatalogue();
            List<String> datasets = attempt.requirePublished();
            Map<String, String> conformed = new LinkedHashMap<>();
            Map<String, Long> quarantined = new LinkedHashMap<>();
            for (String dataset : datasets) {
                conformed.put(dataset, attempt.lake.partition(Zone.CONFORMED, dataset, asOf).toString());
                quarantined.put(dataset, attempt.lake.tablesWithPartition(Zone.QUARANTINE, asOf).contains(dataset)
                        ? spark.read().parquet(attempt.lake.partition(Zone.QUARANTINE, dataset, asOf).toString()).count()
                        : 0L);
            }
            // the warnings are the ingest's that made the snapshot: its columns are what they were then
            attempt.metrics(conformed, quarantined, columnNotices(attempt.manifests.latestIngest(asOf)
                    .map(RunManifest::datasets).orElse(List.of())));
            List<String> outputs = attempt.stage("publish", () -> attempt.staging.publish(EnumSet.of(Zone.METRICS), () -> { }),
                    published -> published.size() + " metric partitions replaced for as_of " + asOf);
            attempt.published.addAll(outputs);
            attempt.publishToDatabase();
            return outputs;
        });
    }

    private static Map<String, List<ColumnWarning.Notice>> columnNotices(List<DatasetOutcome> outcomes) {
        Map<String, List<ColumnWarning.Notice>> notices = new LinkedHashMap<>();
        outcomes.forEach(outcome -> notices.put(outcome.dataset(), outcome.columnNotices()));
        return notices;
    }

    private static String ingestSummary(List<DatasetOutcome> outcomes) {
        long read = outcomes.stream().mapToLong(DatasetOutcome::rowsRead).sum();
        long kept = outcomes.stream().mapToLong(DatasetOutcome::kept).sum();
        long quarantined = outcomes.stream().mapToLong(DatasetOutcome::quarantined).sum();
        return String.format(Locale.ROOT, "%d datasets, %,d rows read, %,d kept, %,d quarantined", outcomes.size(),
                read, kept, quarantined);
    }

    private static String metricsSummary(Map<String, Long> tables) {
        StringBuilder summary = new StringBuilder(tables.size() + " tables");
        tables.forEach((table, rows) -> summary.append(", ").append(table).append(' ').append(rows));
        return summary.toString();
    }

    /** The state of one attempt: its id, staging area, timings and what ingestion found. */
    private final class Attempt {
        final String command;
        final Job job;
        final LocalDate asOf;
        final String runId;
        final Instant start;
        final Lake lake;
        final ManifestStore manifests;
        final Staging staging;
        final Map<String, Long> stageMillis = new LinkedHashMap<>();
        final List<DatasetOutcome> outcomes = new ArrayList<>();
        /** What is already published, so that a later failure's manifest still lists it. */
        final List<String> published = new ArrayList<>();
        /** What this attempt found of dead runs and did about it, for its manifest. */
        final List<String> recovered = new ArrayList<>();
        /** The snapshot's critical findings once counted, for the chat; null before. */
        Long criticalFindings;
        /** The recipients a delivery failed for, for the chat. */
        final List<String> failedRecipients = new ArrayList<>();

        Attempt(String command, Job job, LocalDate asOf) {
            this.command = command;
            this.job = job;
            this.asOf = asOf;
            this.runId = RunIds.next(clock);
            this.start = clock.instant();
            this.lake = new Lake(job.lake(), spark.sparkContext().hadoopConfiguration());
            this.manifests = new ManifestStore(lake);
            this.staging = lake.stage(runId, asOf);
        }

        /** Runs the stages, which return the published partitions, and records the outcome. */
        RunManifest execute(Supplier<List<String>> stages) {
            progress.message(command + " " + runId + ": job " + job.name() + ", as_of " + asOf + ", lake " + lake.root());
            TaskProgressListener listener = new TaskProgressListener(progress);
            spark.sparkContext().addSparkListener(listener);
            LakeLock lock = null;
            try {
                lock = LakeLock.acquire(lake, runId, new LakeLock.Purpose(command, job.name(), asOf));
                List<Staging.Resumed> completed = removeWhatDeadRunsLeft();
                lock.tookOver().ifPresent(dead -> recordKilled(dead, completed));
                List<String> outputs = stages.get();
                RunManifest manifest = manifest(RunManifest.SUCCEEDED, ExitCode.OK, null, outputs);
                manifests.write(manifest);
                tellChat(manifest);
                return manifest;
            } catch (NorthstarException e) {
                throw fail(e, e.exitCode(), e.getMessage());
            } catch (Exception | org.apache.hadoop.fs.FSError e) {
                // Spark's checked exceptions too, undeclared; FSError is how Hadoop's local
                // filesystem reports a failed write, a full disk included
                Optional<NorthstarException> known = LakeFailures.damagedFile(e).or(() -> LakeFailures.cannotWrite(e,
                        "lake " + lake.root() + " or reports folder " + reportsFolder()));
                if (known.isPresent()) {
                    throw fail(known.get(), known.get().exitCode(), known.get().getMessage());
                }
                throw fail(e, ExitCode.INTERNAL, e.toString());
            } finally {
                if (lock != null) {
                    lock.close();
                }
                spark.sparkContext().removeSparkListener(listener);
                progress.close();
            }
        }

        /**
         * What dead runs left, dealt with while holding the lock (so no other run is writing):
         * a publish that was cut short is completed, with its PDFs, since everything it
         * publishes was already written; the staging folders of runs killed before publishing
         * are removed.
         */
        List<Staging.Resumed> removeWhatDeadRunsLeft() {
            Map<String, List<String>> pdfs = new LinkedHashMap<>();
            List<Staging.Resumed> completed = lake.resumeInterruptedPublishes((run, runAsOf) -> pdfs.put(run,
                    ReportStage.moveStagedInto(Path.of(job.reportsLocation()).resolve(runAsOf.toString()), run)));
            for (Staging.Resumed resumed : completed) {
                recovered("completed the publish of run " + resumed.runId() + " (as_of " + resumed.asOf()
                        + "), interrupted when its process died or failed: " + resumed.published().size()
                        + " partitions, " + pdfs.getOrDefault(resumed.runId(), List.of()).size() + " PDFs");
            }
            List<String> removed = new ArrayList<>(lake.removeAbandonedStaging(runId));
            removed.addAll(ReportStage.removeStagingOfEveryAsOf(Path.of(job.reportsLocation()),
                    run -> !run.equals(runId)));
            if (!removed.isEmpty()) {
                recovered("removed what interrupted runs left: " + String.join(", ", removed));
            }
            return completed;
        }

        private void recovered(String what) {
            progress.message(what);
            recovered.add(what);
        }

        /**
         * Writes the manifest a run could not write because its process died holding the lock,
         * from what its lock says; unless it has one (it died after writing it).
         */
        void recordKilled(LakeLock.Holder dead, List<Staging.Resumed> completed) {
            String found = "run " + dead.runId() + " (" + dead.what() + ", process " + dead.pid() + " on "
                    + dead.host() + ", since " + dead.since() + ") had died holding the lake's lock";
            if (dead.purpose().isEmpty() || !RunIds.isWellFormed(dead.runId())
                    || manifests.json(dead.runId()).isPresent()) {
                recovered(found);
                return;
            }
            LakeLock.Purpose purpose = dead.purpose().get();
            List<String> itsOutputs = completed.stream().filter(resumed -> resumed.runId().equals(dead.runId()))
                    .flatMap(resumed -> resumed.published().stream()).toList();
            String error = "the process (" + dead.pid() + " on " + dead.host() + ") stopped without finishing:"
                    + " killed, out of memory or its machine lost; run " + runId + " found it at " + clock.instant()
                    + (itsOutputs.isEmpty() ? " and removed what it had staged; nothing of it was published"
                    : " and completed its publish, which had begun");
            manifests.write(new RunManifest(dead.runId(), purpose.command(), purpose.job(), null, purpose.asOf(),
                    dead.since(), null, 0, RunManifest.KILLED, RunManifest.NO_EXIT_CODE, error, null, List.of(),
                    Map.of(), itsOutputs, List.of("found by run " + runId)));
            recovered(found + ": recorded as killed in its manifest");
        }

        /** The datasets of the published snapshot; fails with a clear message when there is none. */
        List<String> requirePublished() {
            List<String> datasets = lake.tablesWithPartition(Zone.CONFORMED, asOf);
            if (datasets.isEmpty()) {
                throw new NorthstarException(ExitCode.USAGE, "lake " + lake.root() + " has no published snapshot for"
                        + " as_of " + asOf + (lake.snapshots(Zone.CONFORMED).isEmpty()
                        ? " (it has none at all: run the job first)"
                        : " (it has " + lake.snapshots(Zone.CONFORMED) + ")"));
            }
            return datasets;
        }

        Path reportsFolder() {
            return Path.of(job.reportsLocation()).resolve(asOf.toString());
        }

        ReportDataLoader.RunInfo runInfo() {
            return new ReportDataLoader.RunInfo(outcomes);
        }

        void metrics(Map<String, String> conformed, Map<String, Long> quarantined,
                Map<String, List<ColumnWarning.Notice>> columnNotices) {
            stage("metrics", () -> MetricsStage.run(new MetricsContext(spark, SnapshotTables.read(spark, conformed),
                    asOf, runId, job, quarantined, columnNotices, previousSnapshot()), staging),
                    JobRunner::metricsSummary);
        }

        /** The latest published snapshot before this as_of, which the changes table compares with. */
        private Optional<MetricsContext.PreviousSnapshot> previousSnapshot() {
            return previousAsOf().map(previous -> new MetricsContext.PreviousSnapshot(previous,
                    SnapshotPaths.published(lake, previous)));
        }

        Optional<LocalDate> previousAsOf() {
            SortedSet<LocalDate> earlier = lake.snapshots(Zone.METRICS).headSet(asOf);
            return earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.last());
        }

        /**
         * Copies the published metric tables to the job's database, if it names one. The lake is
         * the record: when the copy fails, the snapshot stays published and the message says
         * how to retry the copy alone, or why that would not help.
         */
        void publishToDatabase() {
            job.publish().ifPresent(target -> {
                try {
                    stage(PUBLISH_JDBC_STAGE, () -> new JdbcPublisher(spark, target).publish(lake, asOf),
                            tables -> String.format(Locale.ROOT, "%,d rows in %d tables to %s",
                                    tables.values().stream().mapToLong(Long::longValue).sum(), tables.size(),
                                    target.describe()));
                } catch (NorthstarException e) {
                    String command = "northstar publish --job " + job.file() + " --as-of " + asOf;
                    throw new NorthstarException(e.exitCode(), e.getMessage() + " (the lake snapshot as_of " + asOf
                            + " is published; " + (e instanceof PublishException publish ? publish.nextStep(command)
                                    : "retry the copy with: " + command) + ")");
                }
            });
        }

        /**
         * Delivers after a run published, when the job's {@code delivery.when} (or the command
         * line) asks for it; empty when nothing was attempted, and the log says why.
         */
        Optional<DeliveryStage.Outcome> deliverAfterPublish(Deliveries deliveries, Reports reports) {
            if (job.delivery().isEmpty()) {
                return Optional.empty();
            }
            Delivery delivery = job.delivery().get();
            DeliveryStage stage = new DeliveryStage(spark, job, lake, asOf);
            criticalFindings = stage.criticalFindings().orElse(null);
            String retry = "; send them with: northstar deliver --job " + job.file() + " --as-of " + asOf;
            if (deliveries == Deliveries.NEVER) {
                progress.message("deliver: not sent (--no-deliver)" + retry);
                return Optional.empty();
            }
            if (reports == Reports.SKIP) {
                progress.message("deliver: not sent, no PDFs were rendered (--no-reports)");
                return Optional.empty();
            }
            if (deliveries == Deliveries.AS_THE_JOB_SAYS && !delivery.when().delivers(criticalFindings)) {
                progress.message("deliver: not sent (delivery.when: " + delivery.when().word()
                        + (delivery.when() == Delivery.When.ON_CRITICAL ? ", and the snapshot has no critical finding)"
                        : ")") + retry);
                return Optional.empty();
            }
            return Optional.of(deliver(stage, delivery, false));
        }

        DeliveryStage.Outcome deliver(DeliveryStage stage, Delivery delivery, boolean resend) {
            DeliveryStage.Outcome outcome = stage(DELIVER, () -> stage.deliver(delivery, runId, resend, clock),
                    DeliveryStage.Outcome::summary);
            outcome.failed().forEach(failed -> failedRecipients.add(failed.to()));
            return outcome;
        }

        /** Tells the job's chat webhook how the attempt ended, if it asks to hear of it; never fails the attempt. */
        void tellChat(RunManifest manifest) {
            job.delivery().flatMap(Delivery::chat).ifPresent(chat -> {
                ChatNotifier.Notice notice = new ChatNotifier.Notice(job.name(), asOf, runId, command,
                        manifest.exitCode(), manifest.error(), criticalFindings, failedRecipients);
                new ChatNotifier(chat).send(notice).ifPresent(warning -> progress.message("warning: " + warning));
            });
        }

        <T> T stage(String name, Supplier<T> work, Function<T, String> summary) {
            Instant begin = clock.instant();
            progress.begin(name);
            T result;
            try {
                result = work.get();
            } finally {
                progress.end();
            }
            Duration took = Duration.between(begin, clock.instant());
            stageMillis.put(name, took.toMillis());
            progress.stage(name, took, summary.apply(result));
            return result;
        }

        RunManifest manifest(String outcome, ExitCode exitCode, String error, List<String> outputs) {
            Instant end = clock.instant();
            return new RunManifest(runId, command, job.name(), job.file(), asOf, start, end,
                    Duration.between(start, end).toMillis(), outcome, exitCode.code(), error,
                    spark.sparkContext().master(), outcomes, stageMillis, outputs, recovered);
        }

        /** Leaves nothing staged, records the failure, and returns the exception to throw. */
        RuntimeException fail(Throwable failure, ExitCode exitCode, String message) {
            try {
                // a publish cut short by an error stays journalled: the next run completes it
                if (!staging.publishStarted()) {
                    staging.discard();
                    ReportStage.removeStaging(reportsFolder(), runId::equals);
                }
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            RunManifest manifest = manifest(RunManifest.FAILED, exitCode, message, published);
            try {
                manifests.write(manifest);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            tellChat(manifest);
            return failure instanceof RuntimeException unchecked ? unchecked : Unchecked.rethrow(failure);
        }
    }
}
