package io.northstar.cli;

import io.northstar.job.Job;
import io.northstar.run.JobRunner;
import io.northstar.run.RunManifest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code northstar report}: render the PDF scorecards of a published snapshot. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the executive scorecard PDF of a published snapshot into <reports>/<as_of>/.")
final class ReportCommand extends JobCommand {

    @Override
    RunManifest execute(JobRunner runner, Job job, LocalDate asOf) {
        return runner.renderReports(job, asOf);
    }

    /** Beyond this many PDFs the last line names their folder, not each file. */
    static final int LISTED = 10;

    @Override
    String done(RunManifest manifest, Job job) {
        return rendered(manifest.outputs());
    }

    /**
     * One line for the PDFs: each path when there are few; with a business unit per PDF there
     * can be hundreds, and a line naming them all helps nobody.
     */
    static String rendered(List<String> pdfs) {
        if (pdfs.size() <= LISTED) {
            return "rendered " + String.join(", ", pdfs);
        }
        Path first = Path.of(pdfs.get(0));
        return "rendered " + pdfs.size() + " PDFs into " + first.getParent() + ": " + first.getFileName() + ", "
                + Path.of(pdfs.get(1)).getFileName() + " and " + (pdfs.size() - 2) + " more";
    }
}
