package io.northstar.cli;

import io.northstar.job.Job;
import io.northstar.run.JobRunner;
import io.northstar.run.RunManifest;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code northstar run}: ingest, check, compute and publish one snapshot. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a job: ingest every source into the lake, check data quality, compute the metrics and"
                + " publish the snapshot.")
final class RunCommand extends JobCommand {

    @Option(names = "--no-reports", description = "Publish the lake snapshot without rendering the PDFs (render"
            + " them later with `northstar report`); PDFs of an earlier run for the same as_of stay as they were.")
    boolean noReports;

    @Option(names = "--deliver", negatable = true, description = "Mail the PDFs once published (--deliver), or"
            + " not (--no-deliver), whatever the job's delivery.when says.")
    Boolean deliver;

    @Override
    RunManifest execute(JobRunner runner, Job job, LocalDate asOf) {
        JobRunner.Deliveries deliveries = deliver == null ? JobRunner.Deliveries.AS_THE_JOB_SAYS
                : deliver ? JobRunner.Deliveries.ALWAYS : JobRunner.Deliveries.NEVER;
        return runner.run(job, asOf, noReports ? JobRunner.Reports.SKIP : JobRunner.Reports.RENDER, deliveries);
    }

    @Override
    String done(RunManifest manifest, Job job) {
        String published = "published snapshot as_of " + manifest.asOf() + " (run " + manifest.runId() + ") in "
                + job.lake();
        // a new user's first question after a run: where are the PDFs?
        return noReports ? published : published + "; PDFs in "
                + java.nio.file.Path.of(job.reportsLocation()).resolve(manifest.asOf().toString()).toAbsolutePath();
    }
}
