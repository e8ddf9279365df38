package io.northstar.delivery;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.northstar.job.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a chat channel how a run ended, through an incoming webhook (SPEC.md §6): one JSON
 * post whose {@code text} Slack and Teams show as it is, with the same facts as fields under
 * {@code northstar} for a bot. The URL is the credential, so it is never printed: a failure is
 * reported by what went wrong, not where.
 */
public final class ChatNotifier {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How a run ended, as the chat hears it.
     *
     * @param error why it failed, null when it succeeded
     * @param criticalFindings the snapshot's critical findings, null when the run ended before counting them
     * @param failedRecipients the recipients a delivery failed for
     */
    public record Notice(String job, LocalDate asOf, String run, String command, int exitCode, String error,
            Long criticalFindings, List<String> failedRecipients) {
        public Notice {
            requireNonNull(job, "job is null");
            requireNonNull(asOf, "asOf is null");
            requireNonNull(run, "run is null");
            requireNonNull(command, "command is null");
            failedRecipients = List.copyOf(failedRecipients);
        }

        boolean succeeded() {
            return exitCode == 0;
        }

        /** What the notice is about: success or failure, and critical findings when there are any. */
        Set<Delivery.Event> events() {
            Set<Delivery.Event> events = EnumSet.of(succeeded() ? Delivery.Event.SUCCESS : Delivery.Event.FAILURE);
            if (criticalFindings != null && criticalFindings > 0) {
                events.add(Delivery.Event.CRITICAL);
            }
            return events;
        }

        String text() {
            StringBuilder text = new StringBuilder("Northstar " + command + " of job " + job + ", as_of " + asOf + ": ");
            text.append(succeeded() ? "succeeded" : "failed (exit " + exitCode + ")");
            if (criticalFindings != null) {
                text.append("; ").append(criticalFindings).append(criticalFindings == 1 ? " critical finding"
                        : " critical findings");
            }
            if (!failedRecipients.isEmpty()) {
                text.append("; delivery failed for ").append(String.join(", ", failedRecipients));
            }
            if (error != null) {
                text.append(".\n").append(error);
            }
            return text.append(succeeded() && error == null ? "." : "").toString();
        }
    }

    private final Delivery.Notify notify;
    private final HttpClient client;

    public ChatNotifier(Delivery.Notify notify) {
        this.notify = requireNonNull(notify, "notify is null");
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Whether the job's {@code notify.on} asks to hear of this notice. */
    public boolean wants(Notice notice) {
        return notice.events().stream().anyMatch(notify.on()::contains);
    }

    /**
     * Posts the notice when the job asks to hear of it; a chat that cannot be reached changes
     * nothing about the run, so the answer is a warning to print, never an exception.
     *
     * @return why the post failed, if it did
     */
    public Optional<String> send(Notice notice) {
        if (!wants(notice)) {
            return Optional.empty();
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(notify.webhook().value())).timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json(notice), StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? Optional.empty()
                    : Optional.of("the chat webhook answered HTTP " + response.statusCode());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("the chat webhook could not be reached: " + withoutUrl(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the chat notification was interrupted");
        }
    }

    /** The post: Slack's and Teams' {@code text}, and the facts as fields. */
    static String json(Notice notice) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", notice.text());
        ObjectNode facts = root.putObject("northstar");
        facts.put("job", notice.job());
        facts.put("as_of", notice.asOf().toString());
        facts.put("run", notice.run());
        facts.put("command", notice.command());
        facts.put("outcome", notice.succeeded() ? "succeeded" : "failed");
        facts.put("exit_code", notice.exitCode());
        facts.put("error", notice.error());
        if (notice.criticalFindings() == null) {
            facts.putNull("critical_findings");
        } else {
            facts.put("critical_findings", notice.criticalFindings());
        }
        ArrayNode failed = facts.putArray("failed_recipients");
        notice.failedRecipients().forEach(failed::add);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private String withoutUrl(Exception e) {
        String reason = Mailer.reason(e);
        return reason.replace(notify.webhook().value(), "<webhook>");
    }
}
