package io.northstar.cli;

import io.northstar.job.Job;
import io.northstar.run.JobRunner;
import io.northstar.run.RunManifest;
import java.time.LocalDate;
import picocli.CommandLine.Command;

/** {@code northstar report}: render the PDF scorecards of a published snapshot. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the executive scorecard PDF of a published snapshot into <reports>/<as_of>/.")
final class ReportCommand extends JobCommand {

    @Override
    RunManifest execute(JobRunner runner, Job job, LocalDate asOf) {
        return runner.renderReports(job, asOf);
    }

    @Override
    String done(RunManifest manifest, Job job) {
        return "rendered " + String.join(", ", manifest.outputs());
    }
}
