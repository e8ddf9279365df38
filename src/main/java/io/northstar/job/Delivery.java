package io.northstar.job;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code delivery} section of a job file (SPEC.md §6): when the packs are mailed after a
 * run publishes, through which SMTP server, and where a chat webhook hears the outcome.
 *
 * @param maxAttachmentMb a larger PDF is not attached; the message names its path instead
 * @param chat the {@code notify} key: a chat webhook that hears the outcome, if any
 */
public record Delivery(When when, Smtp smtp, int maxAttachmentMb, Optional<Notify> chat) {

    public static final int DEFAULT_MAX_ATTACHMENT_MB = 10;

    public Delivery {
        requireNonNull(when, "when is null");
        requireNonNull(smtp, "smtp is null");
        if (maxAttachmentMb < 1) {
            throw new IllegalArgumentException("maxAttachmentMb must be at least 1");
        }
        requireNonNull(chat, "chat is null");
    }

    /** When a run delivers; {@code --deliver} and {@code --no-deliver} override it. */
    public enum When {
        ALWAYS, ON_CRITICAL, NEVER;

        /** The job file's word for it: always, on_critical, never. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Whether a run whose snapshot has this many critical findings delivers; null when the
         * snapshot has no findings table, which on_critical reads as none.
         */
        public boolean delivers(Long criticalFindings) {
            return switch (this) {
                case ALWAYS -> true;
                case ON_CRITICAL -> criticalFindings != null && criticalFindings > 0;
                case NEVER -> false;
            };
        }
    }

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which must succeed (submission, port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        SSL,
        /** No encryption: only to a server on this machine (a relay or a test server). */
        NONE;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the webhook hears about. */
    public enum Event {
        SUCCESS, FAILURE, CRITICAL;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The SMTP server and the sender.
     *
     * @param user null for a server that takes mail without authentication
     * @param password never printed (a {@link Secret})
     * @param from the From header, "Name <address>" or a bare address
     */
    public record Smtp(String host, int port, Security security, String user, Secret password, String from) {
        public Smtp {
            requireNonNull(host, "host is null");
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port must be in 1..65535");
            }
            requireNonNull(security, "security is null");
            requireNonNull(from, "from is null");
            if (security == Security.NONE && !isLoopback(host)) {
                throw new IllegalArgumentException("security none is refused for " + host
                        + ": mail and password would cross the network in clear; use starttls or ssl, or a relay on"
                        + " this machine (localhost)");
            }
        }

        /** The default port of a security: 587 for STARTTLS submission, 465 for SSL, 25 for none. */
        public static int defaultPort(Security security) {
            return switch (security) {
                case STARTTLS -> 587;
                case SSL -> 465;
                case NONE -> 25;
            };
        }

        /** Where mail goes, safe to log: host, port and security, never the credentials. */
        public String describe() {
            return host + ":" + port + " (" + security.word() + ")";
        }

        static boolean isLoopback(String host) {
            if (host.equalsIgnoreCase("localhost")) {
                return true;
            }
            try {
                // a literal address only: a name is not resolved, so DNS cannot make it "loopback"
                return host.matches("[0-9.]+|\\[?[0-9A-Fa-f:]+\\]?")
                        && InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }

    /**
     * A chat incoming webhook (Slack or Teams JSON) that hears of the run's outcome.
     *
     * @param webhook its URL, a secret: it is the credential
     */
    public record Notify(Secret webhook, Set<Event> on) {
        public Notify {
            requireNonNull(webhook, "webhook is null");
            on = Set.copyOf(on);
        }
    }
}
