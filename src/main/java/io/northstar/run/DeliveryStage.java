package io.northstar.run;

import static org.apache.spark.sql.functions.col;

import io.northstar.checksum.Sha256;
import io.northstar.contract.Datasets;
import io.northstar.delivery.DeliveryLog;
import io.northstar.delivery.DeliveryPlan;
import io.northstar.delivery.Mailer;
import io.northstar.delivery.PackMessage;
import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.job.Delivery;
import io.northstar.job.Job;
import io.northstar.lake.Lake;
import io.northstar.lake.Zone;
import io.northstar.report.PackFiles;
import io.northstar.lake.SnapshotPaths;
import io.northstar.report.data.ReportDataLoader;
import io.northstar.report.data.TopFindings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Mails a published snapshot's PDFs to the recipients (SPEC.md §6): plans who is due from the
 * recipients dataset, the PDFs in the reports folder and the delivery log, sends one message per
 * recipient and logs every attempt. Reads the snapshot with Spark; the mail and the log need none.
 */
final class DeliveryStage {
    private final SparkSession spark;
    private final Job job;
    private final Lake lake;
    private final LocalDate asOf;
    /** The snapshot's metric tables and verdicts, once looked up (a stage serves one snapshot). */
    private List<String> metricTables;
    private Map<String, String> verdicts;

    DeliveryStage(SparkSession spark, Job job, Lake lake, LocalDate asOf) {
        this.spark = spark;
        this.job = job;
        this.lake = lake;
        this.asOf = asOf;
    }

    /** What one delivery did: its plan and, unless it was a dry run, each message's outcome. */
    record Outcome(DeliveryPlan.Plan plan, List<Mailer.Outcome> outcomes, Optional<String> log) {
        Outcome {
            outcomes = List.copyOf(outcomes);
        }

        List<Mailer.Outcome> failed() {
            return outcomes.stream().filter(outcome -> !outcome.sent()).toList();
        }

        String summary() {
            long restated = plan.messages().stream().filter(DeliveryPlan.Message::restated).count();
            if (plan.messages().isEmpty()) {
                return "no message due, " + plan.skipped().size() + (plan.skipped().size() == 1 ? " recipient"
                        : " recipients") + " with nothing due";
            }
            return (outcomes.size() - failed().size()) + " of " + plan.messages().size() + " messages sent"
                    + (restated > 0 ? " (" + restated + " restated)" : "") + ", " + failed().size() + " failed, "
                    + plan.skipped().size() + (plan.skipped().size() == 1 ? " recipient" : " recipients")
                    + " with nothing due";
        }

        /**
         * The error of a run whose deliveries failed: who, and why (the recipients that failed
         * for the same reason, a server that is down say, named together), and how to retry.
         */
        NorthstarException failure(String published, String retry) {
            Map<String, List<String>> byReason = new LinkedHashMap<>();
            failed().forEach(failed -> byReason.computeIfAbsent(failed.reply(), reason -> new ArrayList<>())
                    .add(failed.to()));
            StringBuilder who = new StringBuilder();
            byReason.forEach((reason, recipients) -> who.append(who.length() == 0 ? "" : "; ").append("to ")
                    .append(String.join(", ", recipients)).append(": ").append(reason));
            return new NorthstarException(ExitCode.DELIVERY_FAILED, published + ", but " + failed().size() + " of "
                    + plan.messages().size() + " deliveries failed, " + who + ". Retry them with: " + retry);
        }
    }

    /** Who is due which PDFs; {@code resend} sends to every active recipient again. */
    DeliveryPlan.Plan plan(boolean resend) {
        return DeliveryPlan.of(recipients(), packs(), new DeliveryLog(lake).history(asOf), resend);
    }

    /** Plans, sends and logs; the log is written whatever the server said. */
    Outcome deliver(Delivery delivery, String runId, boolean resend, Clock clock) {
        DeliveryPlan.Plan plan = plan(resend);
        if (plan.messages().isEmpty()) {
            return new Outcome(plan, List.of(), Optional.empty());
        }
        Path folder = reportsFolder();
        Map<String, Long> sizes = new HashMap<>();
        plan.messages().forEach(message -> message.files().forEach(file -> sizes.computeIfAbsent(file.name(),
                name -> size(folder.resolve(name)))));
        PackMessage.Files files = new PackMessage.Files(folder, sizes, delivery.maxAttachmentMb() * 1024L * 1024L);
        PackMessage.Briefing briefing = briefing();
        PackMessage.Sender sender = new PackMessage.Sender(job.name(), runId);
        List<Mailer.Email> emails = plan.messages().stream()
                .map(message -> PackMessage.compose(message, briefing, files, sender)).toList();
        List<Mailer.Outcome> outcomes = new Mailer(delivery.smtp()).send(emails);

        List<DeliveryLog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            DeliveryPlan.Message message = plan.messages().get(i);
            Mailer.Outcome outcome = outcomes.get(i);
            for (DeliveryPlan.PackFile file : message.files()) {
                entries.add(new DeliveryLog.Entry(runId, asOf, clock.instant(), message.to().audience(),
                        message.to().email(), file.name(), file.sha256(), outcome.sent() ? DeliveryLog.Outcome.SENT
                        : DeliveryLog.Outcome.FAILED, files.attached(file.name()), outcome.reply()));
            }
        }
        return new Outcome(plan, outcomes, Optional.of(new DeliveryLog(lake).write(runId, asOf, entries)));
    }

    /** How many critical findings the published snapshot has; empty without a findings table. */
    Optional<Long> criticalFindings() {
        return metric("findings").map(findings -> findings.filter(col("severity").equalTo("critical")).count());
    }

    private List<DeliveryPlan.Recipient> recipients() {
        if (!lake.tablesWithPartition(Zone.CONFORMED, asOf).contains(Datasets.RECIPIENTS)) {
            return List.of();
        }
        // the address list is read into the driver, which is where the mail is sent from: it is people, not facts
        return spark.read().parquet(lake.partition(Zone.CONFORMED, Datasets.RECIPIENTS, asOf).toString())
                .select("audience", "email", "name", "active").orderBy("audience", "email").collectAsList().stream()
                .map(row -> new DeliveryPlan.Recipient(row.getString(0), row.getString(1), row.getString(2),
                        row.isNullAt(3) || row.getBoolean(3)))
                .toList();
    }

    /** The PDFs of each audience that are in the reports folder, with their fingerprints. */
    private Map<String, List<DeliveryPlan.PackFile>> packs() {
        Path folder = reportsFolder();
        Map<String, List<DeliveryPlan.PackFile>> packs = new LinkedHashMap<>();
        packs.put(Datasets.BOARD_AUDIENCE, existing(folder, PackFiles.BOARD));
        PackFiles.businessUnits(new TreeSet<>(verdicts().keySet().stream()
                .filter(audience -> !audience.equals(Datasets.BOARD_AUDIENCE)).toList()))
                .forEach((unit, file) -> packs.put(unit, existing(folder, List.of(file))));
        return packs;
    }

    private static List<DeliveryPlan.PackFile> existing(Path folder, List<String> names) {
        return names.stream().filter(name -> Files.isRegularFile(folder.resolve(name)))
                .map(name -> new DeliveryPlan.PackFile(name, Sha256.of(folder.resolve(name)))).toList();
    }

    private PackMessage.Briefing briefing() {
        List<PackMessage.Finding> findings = new ArrayList<>();
        long total = 0;
        Optional<Dataset<Row>> table = metric("findings");
        if (table.isPresent()) {
            for (Row row : TopFindings.select(table.get(), job.report().topFindings(), "severity", "message", "owner")
                    .collectAsList()) {
                findings.add(new PackMessage.Finding(row.getAs("severity"), row.getAs("message"),
                        List.of(row.schema().fieldNames()).contains("owner") ? row.getAs("owner") : null));
                total = row.<Number>getAs(TopFindings.TOTAL).longValue();
            }
        }
        return new PackMessage.Briefing(job.organisation(), asOf, verdicts(), decisions(), findings, total);
    }

    /** The decisions each audience's PDF lists, as the renderer lists them. */
    private Map<String, List<PackMessage.Decision>> decisions() {
        Map<String, List<PackMessage.Decision>> decisions = new HashMap<>();
        new ReportDataLoader(spark, SnapshotPaths.published(lake, asOf), asOf, job)
                .decisionsByAudience(Datasets.BOARD_AUDIENCE)
                .forEach((audience, rows) -> decisions.put(audience, rows.stream().map(row -> new PackMessage.Decision(
                        text(row.get("decision")), text(row.get("about")), text(row.get("asked_by")),
                        text(row.get("due")))).filter(decision -> decision.decision() != null).toList()));
        return decisions;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * briefing's verdict of each audience, the portfolio's being the board's; read once, as both
     * the plan (which units have a PDF) and the messages need it.
     */
    private Map<String, String> verdicts() {
        if (verdicts == null) {
            Map<String, String> read = new HashMap<>();
            metric("briefing").ifPresent(briefing -> briefing.select("business_unit", "verdict").collectAsList()
                    .forEach(row -> read.put(row.isNullAt(0) ? Datasets.BOARD_AUDIENCE : row.getString(0),
                            row.getString(1))));
            verdicts = java.util.Collections.unmodifiableMap(read); // a verdict may be null
        }
        return verdicts;
    }

    private Optional<Dataset<Row>> metric(String table) {
        if (metricTables == null) {
            metricTables = List.copyOf(lake.tablesWithPartition(Zone.METRICS, asOf));
        }
        return metricTables.contains(table)
                ? Optional.of(spark.read().parquet(lake.partition(Zone.METRICS, table, asOf).toString()))
                : Optional.empty();
    }

    Path reportsFolder() {
        return Path.of(job.reportsLocation()).resolve(asOf.toString());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
