package io.northstar.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.northstar.job.Delivery;
import io.northstar.job.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat webhook, posted to a JDK HttpServer on 127.0.0.1. */
class ChatNotifierTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    private HttpServer server;
    private final List<String> posts = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                posts.add(exchange.getRequestHeaders().getFirst("Content-Type") + "\n"
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private ChatNotifier notifier(Set<Delivery.Event> on) {
        return notifier("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/T0KEN", on);
    }

    private static ChatNotifier notifier(String url, Set<Delivery.Event> on) {
        return new ChatNotifier(new Delivery.Notify(new Secret(url), on));
    }

    private static ChatNotifier.Notice notice(int exitCode, String error, Long critical, List<String> failed) {
        return new ChatNotifier.Notice("nightly", AS_OF, "20261031T020000Z-abc", "run", exitCode, error, critical,
                failed);
    }

    @Test
    void aFailedRunPostsItsOutcomeAsSlackAndTeamsTextWithTheFactsAsFields() throws Exception {
        ChatNotifier.Notice failed = notice(8, "published snapshot as_of 2026-10-31, but 1 of 9 deliveries failed",
                3L, List.of("cfo@example.com"));
        assertThat(notifier(Set.of(Delivery.Event.FAILURE)).send(failed)).isEmpty();

        assertThat(posts).singleElement().asString().startsWith("application/json");
        JsonNode json = new ObjectMapper().readTree(posts.get(0).substring(posts.get(0).indexOf('\n') + 1));
        assertThat(json.get("text").asText()).isEqualTo("Northstar run of job nightly, as_of 2026-10-31: failed"
                + " (exit 8); 3 critical findings; delivery failed for cfo@example.com.\npublished snapshot as_of"
                + " 2026-10-31, but 1 of 9 deliveries failed");
        JsonNode facts = json.get("northstar");
        assertThat(facts.get("outcome").asText()).isEqualTo("failed");
        assertThat(facts.get("exit_code").asInt()).isEqualTo(8);
        assertThat(facts.get("critical_findings").asLong()).isEqualTo(3);
        assertThat(facts.get("failed_recipients").get(0).asText()).isEqualTo("cfo@example.com");
    }

    @Test
    void aSuccessIsPostedOnlyWhenAskedForOrWhenItHasCriticalFindingsAndCriticalIsAskedFor() {
        Set<Delivery.Event> failureAndCritical = Set.of(Delivery.Event.FAILURE, Delivery.Event.CRITICAL);
        assertThat(notifier(failureAndCritical).send(notice(0, null, 0L, List.of()))).isEmpty();
        assertThat(notifier(failureAndCritical).send(notice(0, null, null, List.of()))).isEmpty();
        assertThat(posts).isEmpty();

        assertThat(notifier(failureAndCritical).send(notice(0, null, 2L, List.of()))).isEmpty();
        assertThat(notifier(Set.of(Delivery.Event.SUCCESS)).send(notice(0, null, 0L, List.of()))).isEmpty();
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1)).contains("succeeded; 0 critical findings.");
    }

    @Test
    void aWebhookThatRefusesOrCannotBeReachedIsAWarningThatNeverShowsTheUrl() throws IOException {
        status = 404;
        assertThat(notifier(Set.of(Delivery.Event.FAILURE)).send(notice(3, "gate", null, List.of())))
                .contains("the chat webhook answered HTTP 404");

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/hooks/S3CRET-T0KEN";
        assertThat(notifier(url, Set.of(Delivery.Event.FAILURE)).send(notice(3, "gate", null, List.of())))
                .hasValueSatisfying(warning -> assertThat(warning).startsWith("the chat webhook could not be reached")
                        .doesNotContain("S3CRET-T0KEN"));
    }
}
