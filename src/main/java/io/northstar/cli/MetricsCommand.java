package io.northstar.cli;

import io.northstar.job.Job;
import io.northstar.job.JobFileReader;
import io.northstar.run.JobRunner;
import io.northstar.run.Progress;
import io.northstar.run.RunManifest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code northstar metrics}: recompute the metrics of a published snapshot without ingesting. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Recompute the metric tables of a published snapshot from its conformed data, without"
                + " re-ingesting, and replace that snapshot's metrics.")
final class MetricsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--job", required = true, paramLabel = "FILE", description = "The job file (.yaml, .yml or .json).")
    Path jobFile;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd",
            description = "The snapshot (default: the job's asOf, else today).")
    LocalDate asOf;

    @Option(names = "--lake", paramLabel = "DIR", description = "The lake folder or URI (default: the job's lake).")
    String lake;

    @Override
    public Integer call() {
        logging.apply();
        Job job = JobFileReader.read(jobFile).withOverrides(asOf, lake);
        Clock clock = Clock.systemDefaultZone();
        LocalDate snapshot = job.asOf().orElseGet(() -> LocalDate.now(clock));
        Progress progress = new Progress(spec.commandLine().getOut());
        RunManifest manifest = JobRunner.inOwnSession(job, progress, clock,
                runner -> runner.recomputeMetrics(job, snapshot));
        progress.message("recomputed the metrics of snapshot as_of " + manifest.asOf() + " (run " + manifest.runId()
                + ") in " + job.lake());
        return 0;
    }
}
