package io.northstar.cli;

import io.northstar.job.Job;
import io.northstar.run.JobRunner;
import io.northstar.run.Progress;
import io.northstar.run.RunManifest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that reads a job file and runs work on a Spark session of its own: the shared
 * options, progress output and closing line; subclasses say what the work is.
 */
abstract class JobCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    JobOptions options;

    /** The work, on a runner whose session the command owns. */
    abstract RunManifest execute(JobRunner runner, Job job, LocalDate asOf);

    /** The last line printed on success. */
    abstract String done(RunManifest manifest, Job job);

    @Override
    public Integer call() {
        logging.apply();
        Job job = options.job();
        Clock clock = Clock.systemDefaultZone();
        LocalDate asOf = JobOptions.asOf(job, clock);
        Progress progress = new Progress(spec.commandLine().getOut());
        RunManifest manifest = JobRunner.inOwnSession(job, progress, clock, runner -> execute(runner, job, asOf));
        progress.message(done(manifest, job));
        return 0;
    }
}
