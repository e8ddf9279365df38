package io.northstar.delivery;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who gets which message for one as_of (SPEC.md §6), from the recipients, the PDFs each
 * audience receives and what the delivery log says was already delivered: one message per
 * active recipient with all of its audience's PDFs, sent when the recipient has not received
 * these files yet, sent again saying the figures were restated when a file it received before has
 * changed, and not sent when it has them all as they are (unless resent on request).
 */
public final class DeliveryPlan {

    /** A row of the recipients dataset. */
    public record Recipient(String audience, String email, String name, boolean active) {
        public Recipient {
            requireNonNull(audience, "audience is null");
            requireNonNull(email, "email is null");
        }
    }

    /** A published PDF by its file name in the snapshot's reports folder, and its SHA-256. */
    public record PackFile(String name, String sha256) {
        public PackFile {
            requireNonNull(name, "name is null");
            requireNonNull(sha256, "sha256 is null");
        }
    }

    /** A file the log says reached a recipient for this as_of. */
    public record Delivered(String email, String file, String sha256) {
        public Delivered {
            requireNonNull(email, "email is null");
            requireNonNull(file, "file is null");
            requireNonNull(sha256, "sha256 is null");
        }
    }

    /**
     * What the log says of an as_of: the files each recipient received, and those whose latest
     * attempt failed (a failed --resend of a file received before leaves it due again).
     */
    public record Log(Set<Delivered> sent, Set<Delivered> lastFailed) {
        public static final Log EMPTY = new Log(Set.of(), Set.of());

        public Log {
            sent = Set.copyOf(sent);
            lastFailed = Set.copyOf(lastFailed);
        }

        /** The recipient has this file as it is now, and the last attempt to send it did not fail. */
        boolean has(Delivered file) {
            return sent.contains(file) && !lastFailed.contains(file);
        }

        /** The recipient received this file before with other content. */
        boolean hadOther(Delivered file) {
            return sent.stream().anyMatch(earlier -> earlier.email().equals(file.email())
                    && earlier.file().equals(file.file()) && !earlier.sha256().equals(file.sha256()));
        }
    }

    /** One message to send: its recipient, its PDFs, and whether it restates figures sent before. */
    public record Message(Recipient to, List<PackFile> files, boolean restated) {
        public Message {
            requireNonNull(to, "to is null");
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("a message carries at least one PDF");
            }
        }
    }

    /** A recipient that gets nothing, and why, so {@code --dry-run} and the log can say so. */
    public record Skipped(Recipient recipient, String why) {
    }

    /** The messages due, and the recipients that get none. */
    public record Plan(List<Message> messages, List<Skipped> skipped) {
        public Plan {
            messages = List.copyOf(messages);
            skipped = List.copyOf(skipped);
        }

        /** One line per recipient, as {@code deliver --dry-run} prints them: who, which PDFs or why none. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (Message message : messages) {
                lines.add("send to " + message.to().email() + " (" + message.to().audience() + "): "
                        + String.join(", ", message.files().stream().map(PackFile::name).toList())
                        + (message.restated() ? ", saying the figures were restated" : ""));
            }
            for (Skipped skip : skipped) {
                lines.add("nothing to " + skip.recipient().email() + " (" + skip.recipient().audience() + "): "
                        + skip.why());
            }
            return lines;
        }
    }

    static final String INACTIVE = "inactive";
    static final String NO_PACK = "no PDF for this audience in the snapshot";
    static final String UP_TO_DATE = "already has these PDFs";

    private DeliveryPlan() {
    }

    /**
     * @param packs the PDFs per audience (the board, each business unit with a scorecard)
     * @param log what the delivery log records for this as_of
     * @param resend send to every active recipient, whatever the log says
     */
    public static Plan of(List<Recipient> recipients, Map<String, List<PackFile>> packs, Log log, boolean resend) {
        List<Message> messages = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Recipient recipient : recipients) {
            List<PackFile> files = packs.getOrDefault(recipient.audience(), List.of());
            if (!recipient.active()) {
                skipped.add(new Skipped(recipient, INACTIVE));
            } else if (files.isEmpty()) {
                skipped.add(new Skipped(recipient, NO_PACK));
            } else if (resend) {
                messages.add(new Message(recipient, files, false));
            } else if (files.stream().allMatch(file -> log.has(received(recipient, file)))) {
                skipped.add(new Skipped(recipient, UP_TO_DATE));
            } else {
                messages.add(new Message(recipient, files, files.stream()
                        .anyMatch(file -> log.hadOther(received(recipient, file)))));
            }
        }
        return new Plan(messages, skipped);
    }

    private static Delivered received(Recipient recipient, PackFile file) {
        return new Delivered(recipient.email(), file.name(), file.sha256());
    }
}
