package io.northstar.cli;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.job.Job;
import io.northstar.run.Progress;
import io.northstar.run.QualityGate;
import io.northstar.run.SparkSessions;
import io.northstar.run.ValidationReport;
import io.northstar.run.Validator;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code northstar validate}: read and check every source, publish nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the job file, read every source and check it against the data contract, and print"
                + " the quality report (per dataset the counts, and example rows per quarantine reason) without"
                + " writing to the lake. Exits 0 when the data-quality gate would pass, 3 when it would not.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    JobOptions options;

    @Override
    public Integer call() {
        logging.apply();
        Job job = options.job();
        Clock clock = Clock.systemDefaultZone();
        Progress progress = new Progress(spec.commandLine().getOut());
        progress.message("validate: job " + job.name() + ", reading and checking every source");
        ValidationReport report = SparkSessions.use(job.spark(), "northstar validate " + job.name(),
                spark -> new Validator(spark, progress, clock).validate(job, JobOptions.asOf(job, clock)));
        spec.commandLine().getOut().print(report.render());
        spec.commandLine().getOut().flush();
        if (!report.passes()) {
            throw new NorthstarException(ExitCode.DATA_QUALITY, "the data-quality gate would fail: "
                    + String.join("; ", QualityGate.failures(report.outcomes())));
        }
        return 0;
    }
}
