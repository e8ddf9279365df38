package io.northstar.cli;

import io.northstar.job.Job;
import io.northstar.run.JobRunner;
import io.northstar.run.RunManifest;
import java.time.LocalDate;
import picocli.CommandLine.Command;

/** {@code northstar metrics}: recompute the metrics of a published snapshot without ingesting. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Recompute the metric tables of a published snapshot from its conformed data, without"
                + " re-ingesting, and replace that snapshot's metrics.")
final class MetricsCommand extends JobCommand {

    @Override
    RunManifest execute(JobRunner runner, Job job, LocalDate asOf) {
        return runner.recomputeMetrics(job, asOf);
    }

    @Override
    String done(RunManifest manifest, Job job) {
        return "recomputed the metrics of snapshot as_of " + manifest.asOf() + " (run " + manifest.runId() + ") in "
                + job.lake();
    }
}
