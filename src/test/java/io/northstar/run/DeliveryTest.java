package io.northstar.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.northstar.checksum.Sha256;
import io.northstar.delivery.DeliveryLog;
import io.northstar.delivery.DeliveryPlan;
import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.job.Job;
import io.northstar.lake.Lake;
import io.northstar.report.PackFiles;
import io.northstar.testing.RefusingGreenMail;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSample;
import io.northstar.testing.TestingSpark;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample delivered end to end (SPEC.md §6) through a real SMTP server on 127.0.0.1
 * (GreenMail) and a chat webhook on a JDK HttpServer: one published snapshot, then what re-runs,
 * a server that is down, a changed PDF and --resend make of it. The steps build on each other,
 * as a nightly schedule's do, so they run in order on one lake.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryTest {
    private static final String PASSWORD = "s3cret-smtp-pw";
    private static final String HOOK_PATH = "/hooks/T0KEN-9f8e7d6c";
    private static final String REFUSED_IN_RUN = "a.costa@halvorsen-pike.example";

    private RefusingGreenMail mail;
    private HttpServer chat;
    private final List<String> chatPosts = new CopyOnWriteArrayList<>();
    private Map<String, String> environment;
    private TestingJob job;
    /** What the first run threw, the server having refused {@link #REFUSED_IN_RUN}. */
    private NorthstarException runFailure;
    private Path reports;
    /** The active recipients by address, with their audience, as the sample's recipients dataset has them. */
    private final Map<String, String> audienceOf = new TreeMap<>();
    private final Map<String, Set<String>> filesOf = new HashMap<>();

    @BeforeAll
    void publishTheSampleAndDeliverItWithOneRecipientRefused(@TempDir Path folder) throws IOException {
        mail = new RefusingGreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.withConfiguration(GreenMailConfiguration.aConfig().withUser("packs", PASSWORD));
        mail.start();
        chat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        chat.createContext("/hooks/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                chatPosts.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        chat.start();
        environment = Map.of("SMTP_PASSWORD", PASSWORD, "CHAT_WEBHOOK_URL",
                "http://127.0.0.1:" + chat.getAddress().getPort() + HOOK_PATH);

        job = TestingJob.sample(folder).yaml(yaml(mail.getSmtp().getPort()));
        mail.refuse(REFUSED_IN_RUN);
        try {
            job.runner().run(job.job(environment), TestingJob.AS_OF);
        } catch (NorthstarException e) {
            runFailure = e;
        }
        mail.acceptEveryone();
        reports = job.folder().resolve("reports").resolve(TestingJob.AS_OF.toString());

        List<String> units = new ArrayList<>(new TreeSet<>(job.table("metrics", "briefing", TestingJob.AS_OF)
                .filter("business_unit is not null").select("business_unit").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList()));
        Map<String, String> unitFiles = PackFiles.businessUnits(units);
        for (Row row : job.conformed("recipients").filter("active is null or active").collectAsList()) {
            String audience = row.getAs("audience");
            audienceOf.put(row.getAs("email"), audience);
            filesOf.put(row.getAs("email"), audience.equals("board") ? Set.copyOf(PackFiles.BOARD)
                    : Set.of(unitFiles.get(audience)));
        }
    }

    @AfterAll
    void stopServers() {
        mail.stop();
        chat.stop(0);
    }

    private static String yaml(int port) {
        return TestingSample.YAML + """
                delivery:
                  when: on_critical
                  smtp: { host: 127.0.0.1, port: %d, security: none, user: packs, password: "${SMTP_PASSWORD}",
                          from: "IT Strategy Office <it-strategy@halvorsen-pike.example>" }
                  maxAttachmentMb: 1
                  notify: { webhook: "${CHAT_WEBHOOK_URL}", on: [failure, critical] }
                """.formatted(port);
    }

    private Job jobWithServerDown() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        return job.yaml(yaml(closed)).job(environment);
    }

    private Job jobWithServerUp() {
        return job.yaml(yaml(mail.getSmtp().getPort())).job(environment);
    }

    /** What the server holds, by mailbox (not in order of arrival). */
    private List<MimeMessage> received() {
        return List.of(mail.getReceivedMessages());
    }

    private static String to(MimeMessage message) throws Exception {
        assertThat(message.getAllRecipients()).as("one recipient per message, no exposed list").hasSize(1);
        return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
    }

    private String verdict(String audience) {
        String filter = audience.equals("board") ? "business_unit is null" : "business_unit = '" + audience + "'";
        return job.table("metrics", "briefing", TestingJob.AS_OF).filter(filter).first().getAs("verdict");
    }

    @Test
    @Order(1)
    void aRecipientRefusedDuringTheRunLeavesTheSnapshotPublishedAndTheRunExitsEightNamingIt() {
        assertThat(runFailure).as("the run's exit").isNotNull();
        assertThat(runFailure.exitCode()).isEqualTo(ExitCode.DELIVERY_FAILED);
        assertThat(runFailure.getMessage()).startsWith("published snapshot as_of " + TestingJob.AS_OF + ", but 1 of "
                + audienceOf.size() + " deliveries failed, to " + REFUSED_IN_RUN + ": ").contains(RefusingGreenMail.REPLY,
                "Retry them with: northstar deliver --job ");
        assertThat(job.lakeTables("conformed")).contains("recipients", "projects");
        assertThat(reports.resolve("executive-scorecard.pdf")).exists();
        assertThat(received()).hasSize(audienceOf.size() - 1);
    }

    @Test
    @Order(2)
    void deliverThenSendsToTheRefusedRecipientAlone() throws Exception {
        job.runner().deliver(jobWithServerUp(), TestingJob.AS_OF, false);
        assertThat(received()).hasSize(audienceOf.size());
        List<String> costa = new ArrayList<>();
        for (MimeMessage message : received()) {
            if (to(message).equals(REFUSED_IN_RUN)) {
                costa.add(message.getSubject());
            }
        }
        assertThat(costa).singleElement().asString().startsWith("IT scorecard as of " + TestingJob.AS_OF);
    }

    @Test
    @Order(3)
    void everyActiveRecipientGetsOneMessageWithExactlyItsAudiencesPdfsAsPublished() throws Exception {
        List<MimeMessage> received = received();
        assertThat(received).hasSize(audienceOf.size());
        assertThat(audienceOf).containsValue("board").doesNotContainKey("t.brandt@halvorsen-pike.example");
        Set<String> addressed = new TreeSet<>();
        for (MimeMessage message : received) {
            String to = to(message);
            addressed.add(to);
            String audience = audienceOf.get(to);
            assertThat(message.getSubject()).as(to).isEqualTo((audience.equals("board") ? "" : audience + " ")
                    + "IT scorecard as of " + TestingJob.AS_OF + ": " + verdict(audience));
            Map<String, byte[]> attachments = attachments(message);
            assertThat(attachments.keySet()).as(to).isEqualTo(filesOf.get(to));
            for (Map.Entry<String, byte[]> attachment : attachments.entrySet()) {
                assertThat(attachment.getValue()).as("byte-identical to the published " + attachment.getKey())
                        .isEqualTo(Files.readAllBytes(reports.resolve(attachment.getKey())));
            }
        }
        assertThat(addressed).isEqualTo(audienceOf.keySet());
    }

    @Test
    @Order(4)
    void theBoardsMessageOpensWithTheVerdictAndListsTheTopFindingsInTextAndHtml() throws Exception {
        MimeMessage board = null;
        for (MimeMessage message : received()) {
            if (to(message).equals("m.halvorsen@halvorsen-pike.example")) {
                board = message;
            }
        }
        assertThat(board).isNotNull();
        String text = body(board, "text/plain");
        String html = body(board, "text/html");
        String firstFinding = job.table("metrics", "findings", TestingJob.AS_OF).orderBy("sort_order").first()
                .getAs("message");
        assertThat(text).contains(verdict("board"), "What needs attention: the first ", "Critical: " + firstFinding,
                "Decisions needed, soonest first:", "- Board to approve EUR 350,000", "Attached:",
                "executive-scorecard.pdf", "review-pack.pdf");
        assertThat(html).contains("<h2>Halvorsen &amp; Pike Logistics · IT scorecard as of " + TestingJob.AS_OF
                + "</h2>", "<li>Critical: ").doesNotContain("Halvorsen & Pike");
    }

    @Test
    @Order(5)
    void everyAttemptIsLoggedInTheLakeWithTheFilesFingerprintAndTheServersReply() {
        List<DeliveryLog.Entry> entries = log();
        assertThat(entries).filteredOn(entry -> entry.outcome() == DeliveryLog.Outcome.FAILED)
                .extracting(DeliveryLog.Entry::recipient).containsExactly(REFUSED_IN_RUN, REFUSED_IN_RUN);
        List<DeliveryLog.Entry> sent = entries.stream().filter(entry -> entry.outcome() == DeliveryLog.Outcome.SENT)
                .toList();
        assertThat(sent).hasSize(filesOf.values().stream().mapToInt(Set::size).sum());
        assertThat(sent).allSatisfy(entry -> {
            assertThat(entry.sha256()).isEqualTo(Sha256.of(reports.resolve(entry.file())));
            assertThat(entry.reply()).startsWith("250");
            assertThat(entry.attached()).isTrue();
            assertThat(entry.audience()).isEqualTo(audienceOf.get(entry.recipient()));
        });
        assertThat(job.lakeFiles("_deliveries")).hasSize(2).allSatisfy(file -> assertThat(file).endsWith(".jsonl"));
    }

    @Test
    @Order(6)
    void theChatHearsOfTheRunsFailureAndOfTheCriticalFindingsOfTheDeliveryThatSucceeded() {
        assertThat(chatPosts).hasSize(2);
        assertThat(chatPosts.get(0)).contains("\"command\":\"run\"", "\"outcome\":\"failed\"", "\"exit_code\":8",
                "\"failed_recipients\":[\"" + REFUSED_IN_RUN + "\"]");
        assertThat(chatPosts.get(1)).contains("\"command\":\"deliver\"", "\"outcome\":\"succeeded\"",
                "\"exit_code\":0", "\"critical_findings\":").doesNotContain("\"critical_findings\":0");
    }

    @Test
    @Order(7)
    void aReRunOfTheSameDataMakesTheSamePdfsAndSendsNothing() {
        job.runner().run(jobWithServerUp(), TestingJob.AS_OF);
        assertThat(received()).hasSize(audienceOf.size());
        assertThat(log()).allSatisfy(entry -> assertThat(entry.sha256())
                .isEqualTo(Sha256.of(reports.resolve(entry.file()))));
    }

    @Test
    @Order(8)
    void aServerThatIsDownLeavesTheSnapshotPublishedAndExitsEightNamingWhoFailedAndWhy() throws Exception {
        // the Freight scorecard changes and outgrows the attachment limit: only its two readers are due
        Path freight = reports.resolve(filesOf.get("freight.director@halvorsen-pike.example").iterator().next());
        Files.write(freight, ("%" + "x".repeat(1_100_000) + "\n").getBytes(StandardCharsets.US_ASCII),
                StandardOpenOption.APPEND);
        int before = chatPosts.size();

        assertThatThrownBy(() -> job.runner().deliver(jobWithServerDown(), TestingJob.AS_OF, false))
                .isInstanceOfSatisfying(NorthstarException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.DELIVERY_FAILED);
                    assertThat(e.getMessage()).contains("stays published", "2 of 2 deliveries failed, to"
                            + " freight.controller@halvorsen-pike.example, freight.director@halvorsen-pike.example:"
                            + " cannot deliver through 127.0.0.1:", "Connection refused",
                            "Retry them with: northstar deliver --job ")
                            .doesNotContain(PASSWORD);
                });
        assertThat(job.lakeTables("conformed")).contains("recipients", "projects");
        assertThat(log()).filteredOn(entry -> entry.outcome() == DeliveryLog.Outcome.FAILED
                && entry.audience().equals("Freight")).hasSize(2)
                .allSatisfy(entry -> assertThat(entry.attached()).isFalse());
        assertThat(chatPosts.subList(before, chatPosts.size())).singleElement().asString()
                .contains("\"outcome\":\"failed\"", "\"exit_code\":8", "freight.director@halvorsen-pike.example");
    }

    @Test
    @Order(9)
    void deliverThenSendsToExactlyThoseItFailedForSayingRestatedWithTheTooLargePdfsPath() throws Exception {
        mail.purgeEmailFromAllMailboxes();
        job.runner().deliver(jobWithServerUp(), TestingJob.AS_OF, false);

        List<MimeMessage> retried = received();
        assertThat(retried).hasSize(2);
        for (MimeMessage message : retried) {
            assertThat(to(message)).startsWith("freight.");
            assertThat(message.getSubject()).startsWith("Restated \u2014 Freight IT scorecard");
            assertThat(attachments(message)).as("over maxAttachmentMb: not attached").isEmpty();
            assertThat(body(message, "text/plain")).contains("Too large to attach (over 1 MB)",
                    "business-unit-freight.pdf (1.2 MB)", "Restated: the data for " + TestingJob.AS_OF);
        }
    }

    @Test
    @Order(10)
    void resendSendsEveryoneAgainARefusedRecipientIsNamedAndDeliverThenRetriesOnlyItAndNothingIsDue()
            throws Exception {
        mail.purgeEmailFromAllMailboxes();
        mail.refuse("r.pike@halvorsen-pike.example");
        assertThatThrownBy(() -> job.runner().deliver(jobWithServerUp(), TestingJob.AS_OF, true))
                .isInstanceOfSatisfying(NorthstarException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.DELIVERY_FAILED);
                    assertThat(e.getMessage()).contains("1 of " + audienceOf.size() + " deliveries failed, to"
                            + " r.pike@halvorsen-pike.example: ", RefusingGreenMail.REPLY);
                });
        assertThat(received()).hasSize(audienceOf.size() - 1);

        mail.acceptEveryone();
        mail.purgeEmailFromAllMailboxes();
        job.runner().deliver(jobWithServerUp(), TestingJob.AS_OF, false);
        assertThat(received()).singleElement().satisfies(message -> {
            assertThat(to(message)).isEqualTo("r.pike@halvorsen-pike.example");
            assertThat(message.getSubject()).startsWith("IT scorecard as of ");
        });

        DeliveryPlan.Plan plan = job.runner().planDelivery(jobWithServerUp(), TestingJob.AS_OF, false);
        assertThat(plan.messages()).isEmpty();
        assertThat(plan.lines()).contains("nothing to t.brandt@halvorsen-pike.example (board): inactive");
        assertThat(job.runner().planDelivery(jobWithServerUp(), TestingJob.AS_OF, true).messages())
                .hasSize(audienceOf.size());
    }

    @Test
    @Order(11)
    void neitherThePasswordNorTheWebhookAppearsInTheOutputTheManifestsOrTheLog() throws IOException {
        List<String> texts = new ArrayList<>(List.of(job.progressOutput()));
        try (Stream<Path> files = Files.walk(job.lake())) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json") || path.toString()
                    .endsWith(".jsonl")).toList()) {
                texts.add(Files.readString(file));
            }
        }
        assertThat(texts).hasSizeGreaterThan(5).allSatisfy(text -> assertThat(text)
                .doesNotContain(PASSWORD, "T0KEN-9f8e7d6c"));
    }

    @Test
    void deliverOnTheCommandLineWithoutADeliverySectionIsAUsageError() {
        Job plain = TestingSample.oneSnapshot().job().job();
        assertThatThrownBy(() -> job.runner().run(plain, TestingJob.AS_OF, JobRunner.Reports.RENDER,
                JobRunner.Deliveries.ALWAYS)).isInstanceOfSatisfying(NorthstarException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("has no delivery section");
                });
    }

    private List<DeliveryLog.Entry> log() {
        return new DeliveryLog(new Lake(job.lake().toString(), TestingSpark.session().sparkContext()
                .hadoopConfiguration())).entries(TestingJob.AS_OF);
    }

    private static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        for (Part part : parts(message)) {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    files.put(part.getFileName(), in.readAllBytes());
                }
            }
        }
        return files;
    }

    private static List<Part> parts(Part part) throws Exception {
        List<Part> parts = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                parts.addAll(parts(child));
            }
        } else {
            parts.add(part);
        }
        return parts;
    }

    private static String body(MimeMessage message, String type) throws Exception {
        for (Part part : parts(message)) {
            if (isType(part, type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
