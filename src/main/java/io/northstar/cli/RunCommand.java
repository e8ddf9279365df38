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

/** {@code northstar run}: ingest, check and publish one snapshot. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a job: ingest every source into the lake, check data quality, compute the metrics and"
                + " publish the snapshot.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--job", required = true, paramLabel = "FILE", description = "The job file (.yaml, .yml or .json).")
    Path jobFile;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd",
            description = "The business date to report on (default: the job's asOf, else today).")
    LocalDate asOf;

    @Option(names = "--lake", paramLabel = "DIR", description = "The lake folder or URI (default: the job's lake).")
    String lake;

    @Override
    public Integer call() {
        logging.apply();
        Job job = JobFileReader.read(jobFile).withOverrides(asOf, lake);
        Clock clock = Clock.systemDefaultZone();
        LocalDate runDate = job.asOf().orElseGet(() -> LocalDate.now(clock));
        Progress progress = new Progress(spec.commandLine().getOut());
        RunManifest manifest = JobRunner.inOwnSession(job, progress, clock, runner -> runner.run(job, runDate));
        progress.message("published snapshot as_of " + manifest.asOf() + " (run " + manifest.runId() + ") in "
                + job.lake());
        return 0;
    }
}
