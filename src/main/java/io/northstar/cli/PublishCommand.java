package io.northstar.cli;

import io.northstar.job.Job;
import io.northstar.run.JobRunner;
import io.northstar.run.RunManifest;
import java.time.LocalDate;
import picocli.CommandLine.Command;

/** {@code northstar publish}: copy a published snapshot's metric tables to the job's database again. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Copy the metric tables of a published snapshot to the job's publish.jdbc database,"
                + " replacing that as_of's rows there (run and metrics do this too; use it after the database"
                + " was unreachable).")
final class PublishCommand extends JobCommand {

    @Override
    RunManifest execute(JobRunner runner, Job job, LocalDate asOf) {
        return runner.publishToDatabase(job, asOf);
    }

    @Override
    String done(RunManifest manifest, Job job) {
        return "published the metric tables of snapshot as_of " + manifest.asOf() + " to "
                + job.publish().orElseThrow().describe();
    }
}
