package io.northstar.cli;

import io.northstar.delivery.DeliveryPlan;
import io.northstar.job.Job;
import io.northstar.run.JobRunner;
import io.northstar.run.Progress;
import io.northstar.run.RunManifest;
import io.northstar.run.SparkSessions;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code northstar deliver}: mail a published snapshot's PDFs to whoever is due them. */
@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = "Mail the PDFs of a published snapshot through the job's delivery.smtp server: the board"
                + " its two packs, each business unit its scorecard, one message per recipient. Sends to the"
                + " recipients that have not received these PDFs, those whose PDF changed since (saying the"
                + " figures were restated) and those a delivery failed for; every attempt goes to the lake's"
                + " delivery log. Exits 8 when some deliveries failed.")
final class DeliverCommand extends JobCommand {

    @Option(names = "--dry-run", description = "Print who would get which PDF, and why not; send and log nothing.")
    boolean dryRun;

    @Option(names = "--resend", description = "Send to every active recipient again, whatever the log says.")
    boolean resend;

    @Override
    public Integer call() {
        if (!dryRun) {
            return super.call();
        }
        logging.apply();
        Job job = options.job();
        Clock clock = Clock.systemDefaultZone();
        LocalDate asOf = JobOptions.asOf(job, clock);
        PrintWriter out = spec.commandLine().getOut();
        DeliveryPlan.Plan plan = SparkSessions.use(job.spark(), "northstar deliver --dry-run " + job.name(),
                spark -> new JobRunner(spark, new Progress(out), clock).planDelivery(job, asOf, resend));
        out.println("deliver --dry-run: job " + job.name() + ", as_of " + asOf + ", through "
                + job.delivery().orElseThrow().smtp().describe() + "; nothing is sent");
        plan.lines().forEach(line -> out.println("  " + line));
        out.println(plan.messages().size() + (plan.messages().size() == 1 ? " message" : " messages") + " due, "
                + plan.skipped().size() + (plan.skipped().size() == 1 ? " recipient" : " recipients")
                + " with nothing due");
        out.flush();
        return 0;
    }

    @Override
    RunManifest execute(JobRunner runner, Job job, LocalDate asOf) {
        return runner.deliver(job, asOf, resend);
    }

    @Override
    String done(RunManifest manifest, Job job) {
        return "deliver as_of " + manifest.asOf() + " (run " + manifest.runId() + "): " + (manifest.outputs().isEmpty()
                ? "nothing was due" : "every message sent; delivery log " + manifest.outputs().get(0));
    }
}
