package io.northstar.delivery;

import static java.util.Objects.requireNonNull;

import io.northstar.job.Delivery;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Sends e-mails through the job's SMTP server with Jakarta Mail (Eclipse Angus): one connection
 * for all of a run's messages, one message per recipient, and an outcome per message with the
 * server's reply, so one refused address does not stop the others. STARTTLS is required when
 * asked for (never a silent fall-back to clear text); the password only reaches the server.
 */
public final class Mailer {
    /** How long a dead or silent server may hold a run: connect, read and write each. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Delivery.Smtp smtp;
    private final Properties extra;

    public Mailer(Delivery.Smtp smtp) {
        this(smtp, new Properties());
    }

    /** @param extra session properties added last (a test trusts its server's self-signed certificate) */
    Mailer(Delivery.Smtp smtp, Properties extra) {
        this.smtp = requireNonNull(smtp, "smtp is null");
        this.extra = (Properties) extra.clone();
    }

    /** An e-mail to one recipient: plain text and HTML bodies, and the PDFs to attach. */
    public record Email(String to, String name, String subject, String text, String html, List<Path> attachments) {
        public Email {
            requireNonNull(to, "to is null");
            requireNonNull(subject, "subject is null");
            requireNonNull(text, "text is null");
            requireNonNull(html, "html is null");
            attachments = List.copyOf(attachments);
        }
    }

    /** What became of one e-mail: sent with the server's reply, or failed and why. */
    public record Outcome(String to, boolean sent, String reply) {
        public Outcome {
            requireNonNull(to, "to is null");
            requireNonNull(reply, "reply is null");
        }
    }

    /** Sends each e-mail; a server that cannot be reached fails them all, with the reason. */
    public List<Outcome> send(List<Email> emails) {
        List<Outcome> outcomes = new ArrayList<>();
        if (emails.isEmpty()) {
            return outcomes;
        }
        Session session = Session.getInstance(properties());
        String protocol = smtp.security() == Delivery.Security.SSL ? "smtps" : "smtp";
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(smtp.host(), smtp.port(), smtp.user(),
                    smtp.password() == null ? null : smtp.password().value());
            for (Email email : emails) {
                outcomes.add(sendOne(session, transport, email));
            }
        } catch (MessagingException e) {
            String reason = "cannot deliver through " + smtp.describe() + ": " + reason(e);
            for (Email email : emails.subList(outcomes.size(), emails.size())) {
                outcomes.add(new Outcome(email.to(), false, reason));
            }
        }
        return outcomes;
    }

    private Outcome sendOne(Session session, Transport transport, Email email) throws MessagingException {
        MimeMessage message;
        try {
            message = message(session, email);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new Outcome(email.to(), false, "cannot build the message: " + reason(e));
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            return new Outcome(email.to(), true, lastReply(transport, "sent"));
        } catch (jakarta.mail.SendFailedException e) {
            // the server refused this recipient; the connection stays usable for the others
            return new Outcome(email.to(), false, reason(e));
        }
    }

    private MimeMessage message(Session session, Email email) throws MessagingException,
            UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(smtp.from(), true));
        message.setRecipient(Message.RecipientType.TO, email.name() == null ? new InternetAddress(email.to(), true)
                : new InternetAddress(email.to(), email.name(), StandardCharsets.UTF_8.name()));
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        MimeMultipart bodies = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        bodies.addBodyPart(text);
        bodies.addBodyPart(html);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(bodies);
        mixed.addBodyPart(body);
        for (Path pdf : email.attachments()) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new FileDataSource(pdf.toFile())));
            attachment.setFileName(pdf.getFileName().toString());
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(attachment);
        }
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    private Properties properties() {
        String prefix = smtp.security() == Delivery.Security.SSL ? "mail.smtps." : "mail.smtp.";
        Properties properties = new Properties();
        properties.put(prefix + "host", smtp.host());
        properties.put(prefix + "port", String.valueOf(smtp.port()));
        properties.put(prefix + "auth", String.valueOf(smtp.user() != null));
        properties.put(prefix + "connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        properties.put(prefix + "timeout", String.valueOf(TIMEOUT.toMillis()));
        properties.put(prefix + "writetimeout", String.valueOf(TIMEOUT.toMillis()));
        if (smtp.security() == Delivery.Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (smtp.security() != Delivery.Security.NONE) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        properties.putAll(extra);
        return properties;
    }

    private static String lastReply(Transport transport, String otherwise) {
        String reply = transport instanceof org.eclipse.angus.mail.smtp.SMTPTransport smtpTransport
                ? smtpTransport.getLastServerResponse() : null;
        return reply == null || reply.isBlank() ? otherwise : reply.strip();
    }

    /** The exception's message and its causes', on one line: what the server or the network said. */
    static String reason(Exception e) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = e; cause != null && reason.length() < 500; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (reason.indexOf(message.strip()) < 0) {
                reason.append(reason.length() == 0 ? "" : ": ").append(message.strip().replaceAll("\\s+", " "));
            }
        }
        return reason.toString();
    }
}
