package io.northstar.delivery;

import static java.util.Objects.requireNonNull;

import io.northstar.contract.Datasets;
import io.northstar.report.DisplayText;
import io.northstar.report.PackFiles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The e-mail that carries an audience's PDFs (SPEC.md §6): the subject with the as_of and the
 * verdict its PDF opens with, the body with that verdict and, for the board, the findings page
 * 1 lists, in plain text and HTML. Every sentence about the figures is a value of the briefing
 * or findings table; the message adds no figure of its own.
 */
public final class PackMessage {

    /** A finding as page 1 lists it. */
    public record Finding(String severity, String message, String owner) {
        public Finding {
            requireNonNull(severity, "severity is null");
            requireNonNull(message, "message is null");
        }
    }

    /** A decision as the PDF's decisions list has it; {@code due} may say it is overdue. */
    public record Decision(String decision, String about, String askedBy, String due) {
        public Decision {
            requireNonNull(decision, "decision is null");
        }

        String line() {
            List<String> details = new ArrayList<>();
            if (about != null) {
                details.add("about " + DisplayText.clean(about));
            }
            if (askedBy != null) {
                details.add("asked by " + DisplayText.clean(askedBy));
            }
            if (due != null) {
                details.add("by " + due.replace(" overdue", ", overdue"));
            }
            return DisplayText.sentence(decision) + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")");
        }
    }

    /**
     * What the messages of one snapshot say about it.
     *
     * @param verdicts the verdict each audience's PDF opens with: the board's under {@code board}
     * @param decisions the decisions each audience's PDF lists, the board's under {@code board}
     * @param findings the findings page 1 of the executive scorecard lists, in its order
     * @param findingsTotal how many findings the snapshot has in all
     */
    public record Briefing(String organisation, LocalDate asOf, Map<String, String> verdicts,
            Map<String, List<Decision>> decisions, List<Finding> findings, long findingsTotal) {
        public Briefing {
            requireNonNull(organisation, "organisation is null");
            requireNonNull(asOf, "asOf is null");
            verdicts = Map.copyOf(verdicts);
            decisions = Map.copyOf(decisions);
            findings = List.copyOf(findings);
        }

        Optional<String> verdict(String audience) {
            return Optional.ofNullable(verdicts.get(audience)).map(DisplayText::clean).filter(text -> !text.isEmpty());
        }
    }

    /** Where the message says it comes from: the job and the run that sent it. */
    public record Sender(String job, String run) {
        public Sender {
            requireNonNull(job, "job is null");
            requireNonNull(run, "run is null");
        }
    }

    /**
     * Which of a message's PDFs travel attached and which by their path, too large to attach.
     *
     * @param folder the snapshot's reports folder, where the PDFs are
     * @param sizes each PDF's size in bytes
     * @param maxBytes the largest PDF attached
     */
    public record Files(Path folder, Map<String, Long> sizes, long maxBytes) {
        public Files {
            requireNonNull(folder, "folder is null");
            sizes = Map.copyOf(sizes);
        }

        public boolean attached(String file) {
            return sizes.getOrDefault(file, 0L) <= maxBytes;
        }
    }

    private PackMessage() {
    }

    /** The e-mail for one planned message. */
    public static Mailer.Email compose(DeliveryPlan.Message message, Briefing briefing, Files files, Sender sender) {
        String audience = message.to().audience();
        boolean board = audience.equals(Datasets.BOARD_AUDIENCE);
        // the From line names the office and the organisation: the subject keeps its room for the verdict
        String scorecard = (board ? "" : DisplayText.clean(audience) + " ") + "IT scorecard as of " + briefing.asOf();
        Optional<String> verdict = briefing.verdict(audience);
        String subject = (message.restated() ? "Restated \u2014 " : "") + scorecard + verdict.map(text -> ": " + text)
                .orElse("");
        List<Decision> decisions = briefing.decisions().getOrDefault(audience, List.of());

        List<String> attached = new ArrayList<>();
        List<String> linked = new ArrayList<>();
        for (DeliveryPlan.PackFile file : message.files()) {
            (files.attached(file.name()) ? attached : linked).add(file.name());
        }
        List<Finding> findings = board ? briefing.findings() : List.of();

        Body text = new Body(false);
        Body html = new Body(true);
        for (Body body : List.of(text, html)) {
            body.heading(briefing.organisation() + " · " + scorecard);
            if (message.restated()) {
                body.paragraph("Restated: the data for " + briefing.asOf() + " changed after the earlier copy was"
                        + " sent, and the " + (message.files().size() == 1 ? "PDF was" : "PDFs were") + " produced"
                        + " again. Please use " + (message.files().size() == 1 ? "this PDF" : "these PDFs")
                        + " and discard the earlier copy.");
            }
            verdict.ifPresent(body::paragraph);
            if (!decisions.isEmpty()) {
                body.list("Decisions needed, soonest first:", decisions.stream().map(Decision::line).toList());
            }
            if (!findings.isEmpty()) {
                body.list("What needs attention: the first " + findings.size() + " of " + briefing.findingsTotal()
                        + " findings, as page 1 of the scorecard lists them:",
                        findings.stream().map(PackMessage::finding).toList());
            }
            if (!attached.isEmpty()) {
                body.list("Attached:", attached.stream().map(PackMessage::described).toList());
            }
            if (!linked.isEmpty()) {
                body.list("Too large to attach (over " + files.maxBytes() / (1024 * 1024) + " MB), in the"
                        + " reports folder:", linked.stream().map(file -> file + " ("
                        + megabytes(files.sizes().get(file)) + "): " + files.folder().resolve(file).toAbsolutePath())
                        .toList());
            }
            body.footer("Sent to you (" + message.to().email() + ") " + (board ? "as a member of the board"
                    : "for " + DisplayText.clean(audience)) + ". Questions: reply to this message. Reference: "
                    + sender.job() + " " + sender.run() + ".");
        }
        List<Path> attachments = attached.stream().map(file -> files.folder().resolve(file)).toList();
        return new Mailer.Email(message.to().email(), message.to().name(), subject, text.toString(), html.toString(),
                attachments);
    }

    private static String finding(Finding finding) {
        String severity = finding.severity().isEmpty() ? "" : finding.severity().substring(0, 1)
                .toUpperCase(Locale.ROOT) + finding.severity().substring(1);
        String owner = DisplayText.clean(finding.owner());
        return severity + ": " + DisplayText.sentence(finding.message()) + (owner.isEmpty() ? "" : " (owner: " + owner
                + ")");
    }

    /** A PDF's name and what it holds, for the reader who has not seen one before. */
    private static String described(String file) {
        if (file.equals(PackFiles.BOARD.get(0))) {
            return file + ": the scorecard; its first page is the summary above";
        }
        if (file.equals(PackFiles.BOARD.get(1))) {
            return file + ": the strategy review: what moved since the last review, strengths and threats,"
                    + " investment cases and the infrastructure refresh backlog";
        }
        return file + ": the unit's scorecard: budget, projects, risks and KPIs";
    }

    private static String megabytes(Long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", (bytes == null ? 0 : bytes) / (1024.0 * 1024.0));
    }

    /** A message body being written, as plain text or as HTML with every value escaped. */
    private static final class Body {
        private final boolean html;
        private final StringBuilder out = new StringBuilder();

        Body(boolean html) {
            this.html = html;
            if (html) {
                out.append("<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif\">\n");
            }
        }

        void heading(String text) {
            out.append(html ? "<h2>" + escape(text) + "</h2>\n" : text + "\n\n");
        }

        void paragraph(String text) {
            out.append(html ? "<p>" + escape(text) + "</p>\n" : text + "\n\n");
        }

        /** A line that introduces the items, and the items. */
        void list(String intro, List<String> items) {
            if (html) {
                out.append("<p>").append(escape(intro)).append("</p>\n<ul>\n");
                items.forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
                out.append("</ul>\n");
            } else {
                out.append(intro).append('\n');
                items.forEach(item -> out.append("- ").append(item).append('\n'));
                out.append('\n');
            }
        }

        void footer(String text) {
            out.append(html ? "<p style=\"color: #666; font-size: smaller\">" + escape(text) + "</p>\n"
                    + "</body></html>\n" : "--\n" + text + "\n");
        }

        @Override
        public String toString() {
            return out.toString();
        }

        static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                    .replace("'", "&#39;");
        }
    }
}
