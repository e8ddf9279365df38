package io.northstar.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.northstar.job.Delivery;
import io.northstar.job.Secret;
import io.northstar.testing.RefusingGreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail through a real SMTP server on 127.0.0.1 (GreenMail, started here on a free port). */
class MailerTest {
    @TempDir
    Path folder;

    private GreenMail server;

    @BeforeEach
    void startServer() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("packs", "s3cret-pw"));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private Delivery.Smtp smtp(int port, String password) {
        return new Delivery.Smtp("127.0.0.1", port, Delivery.Security.NONE, "packs", new Secret(password),
                "IT Strategy Office <it-strategy@example.com>");
    }

    @Test
    void eachRecipientGetsItsOwnMessageWithTheSubjectBodiesAndThePdfAsPublished() throws Exception {
        Path pdf = Files.write(folder.resolve("business-unit-freight.pdf"), new byte[] {'%', 'P', 'D', 'F', 0, 1, 2});
        List<Mailer.Outcome> outcomes = new Mailer(smtp(server.getSmtp().getPort(), "s3cret-pw")).send(List.of(
                new Mailer.Email("ceo@example.com", "Margit Halvorsen", "IT packs as of 2026-10-31: verdict",
                        "plain body", "<p>html body</p>", List.of()),
                new Mailer.Email("freight@example.com", null, "Freight as of 2026-10-31: Frachtkosten ±1 %",
                        "plain", "<p>html</p>", List.of(pdf))));
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.sent()).as(outcome.reply()).isTrue());
        assertThat(outcomes).extracting(Mailer.Outcome::reply).allSatisfy(reply -> assertThat(reply).startsWith("250"));

        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received).hasSize(2);
        for (MimeMessage message : received) {
            assertThat(message.getAllRecipients()).as("one recipient per message, no exposed list").hasSize(1);
            assertThat(((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getAddress())
                    .isEqualTo("it-strategy@example.com");
        }
        MimeMessage freight = received[0].getAllRecipients()[0].toString().contains("freight") ? received[0]
                : received[1];
        assertThat(freight.getSubject()).isEqualTo("Freight as of 2026-10-31: Frachtkosten ±1 %");
        List<Part> parts = new ArrayList<>();
        flatten(freight, parts);
        assertThat(parts).extracting(Part::getContentType).anySatisfy(type -> assertThat(type).startsWith("text/plain"))
                .anySatisfy(type -> assertThat(type).startsWith("text/html"));
        Part attachment = parts.stream().filter(part -> "business-unit-freight.pdf".equals(fileName(part)))
                .findFirst().orElseThrow();
        try (InputStream bytes = attachment.getInputStream()) {
            assertThat(bytes.readAllBytes()).as("byte-identical to the published PDF").isEqualTo(Files.readAllBytes(pdf));
        }
    }

    @Test
    void aServerThatIsDownFailsEveryMessageWithTheReasonAndNoPassword() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        List<Mailer.Outcome> outcomes = new Mailer(smtp(closed, "s3cret-pw")).send(List.of(
                new Mailer.Email("a@example.com", null, "s", "t", "<p>h</p>", List.of()),
                new Mailer.Email("b@example.com", null, "s", "t", "<p>h</p>", List.of())));
        assertThat(outcomes).extracting(Mailer.Outcome::to).containsExactly("a@example.com", "b@example.com");
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.sent()).isFalse();
            assertThat(outcome.reply()).startsWith("cannot deliver through 127.0.0.1:" + closed + " (none)")
                    .doesNotContain("s3cret-pw");
        });
    }

    @Test
    void aRecipientTheServerRefusesFailsWithItsReplyAndTheOthersAreStillSent() {
        RefusingGreenMail refusing = new RefusingGreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
                .dynamicPort());
        refusing.start();
        try {
            refusing.refuse("gone@example.com");
            List<Mailer.Outcome> outcomes = new Mailer(new Delivery.Smtp("127.0.0.1", refusing.getSmtp().getPort(),
                    Delivery.Security.NONE, null, null, "it@example.com")).send(List.of(
                            new Mailer.Email("a@example.com", null, "s", "t", "<p>h</p>", List.of()),
                            new Mailer.Email("gone@example.com", null, "s", "t", "<p>h</p>", List.of()),
                            new Mailer.Email("b@example.com", null, "s", "t", "<p>h</p>", List.of())));
            assertThat(outcomes).extracting(Mailer.Outcome::sent).containsExactly(true, false, true);
            assertThat(outcomes.get(1).reply()).contains(RefusingGreenMail.REPLY);
            assertThat(refusing.getReceivedMessages()).hasSize(2);
        } finally {
            refusing.stop();
        }
    }

    @Test
    void aWrongPasswordIsReportedWithoutTheTextOfThePassword() {
        List<Mailer.Outcome> outcomes = new Mailer(smtp(server.getSmtp().getPort(), "wr0ng-pw")).send(List.of(
                new Mailer.Email("a@example.com", null, "s", "t", "<p>h</p>", List.of())));
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.sent()).isFalse();
            assertThat(outcome.reply()).contains("cannot deliver through").doesNotContain("wr0ng-pw");
        });
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void overSslTheMessageGoesEncryptedToAServerWhoseCertificateIsTrusted() throws Exception {
        GreenMail tls = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("packs", "s3cret-pw"));
        tls.start();
        try {
            Delivery.Smtp smtp = new Delivery.Smtp("127.0.0.1", tls.getSmtps().getPort(), Delivery.Security.SSL,
                    "packs", new Secret("s3cret-pw"), "it-strategy@example.com");
            // GreenMail's certificate is self-signed and names no host: trusted here, as a company CA would be
            Properties trust = new Properties();
            trust.put("mail.smtps.ssl.trust", "127.0.0.1");
            trust.put("mail.smtps.ssl.checkserveridentity", "false");
            List<Mailer.Outcome> outcomes = new Mailer(smtp, trust).send(List.of(
                    new Mailer.Email("cfo@example.com", null, "over TLS", "t", "<p>h</p>", List.of())));
            assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.sent()).as(outcome.reply())
                    .isTrue());
            assertThat(tls.getReceivedMessages()).singleElement().satisfies(message -> assertThat(message.getSubject())
                    .isEqualTo("over TLS"));

            List<Mailer.Outcome> untrusted = new Mailer(smtp).send(List.of(
                    new Mailer.Email("cfo@example.com", null, "untrusted", "t", "<p>h</p>", List.of())));
            assertThat(untrusted).singleElement().satisfies(outcome -> {
                assertThat(outcome.sent()).isFalse();
                assertThat(outcome.reply()).contains("cannot deliver through 127.0.0.1:" + tls.getSmtps().getPort()
                        + " (ssl)");
            });
        } finally {
            tls.stop();
        }
    }

    @Test
    void starttlsIsRequiredNeverAFallBackToClearText() {
        Delivery.Smtp smtp = new Delivery.Smtp("127.0.0.1", server.getSmtp().getPort(), Delivery.Security.STARTTLS,
                "packs", new Secret("s3cret-pw"), "it-strategy@example.com");
        List<Mailer.Outcome> outcomes = new Mailer(smtp).send(List.of(
                new Mailer.Email("cfo@example.com", null, "s", "t", "<p>h</p>", List.of())));
        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.sent()).isFalse());
        assertThat(server.getReceivedMessages()).as("nothing sent in clear").isEmpty();
    }

    private static void flatten(Part part, List<Part> parts) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                flatten(child, parts);
            }
        } else {
            parts.add(part);
        }
    }

    private static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (jakarta.mail.MessagingException e) {
            return null;
        }
    }
}
