package io.northstar.jdbc;

import static java.util.Objects.requireNonNull;

import io.northstar.error.NorthstarException;
import java.time.Duration;

/**
 * Retries work that talks to a database: up to {@code retries} more attempts after the first,
 * waiting backoff, 2 × backoff, 4 × backoff… between them, since a server that is restarting
 * needs longer the more often it has refused.
 */
public record Retry(int retries, Duration backoff) {

    public Retry {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0");
        }
        requireNonNull(backoff, "backoff is null");
    }

    /** Work that may fail with any exception (Spark rethrows the driver's SQLException unchecked). */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** Thrown when every attempt failed; its cause is the last failure. */
    public static final class ExhaustedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int attempts;

        ExhaustedException(int attempts, Exception last) {
            super(attempts + " attempt" + (attempts == 1 ? "" : "s") + " failed", last);
            this.attempts = attempts;
        }

        /** "3 attempts", for messages. */
        public String attempts() {
            return attempts + " attempt" + (attempts == 1 ? "" : "s");
        }

        /** The innermost cause's message: what the database or the network said. */
        public String rootMessage() {
            Throwable root = getCause();
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
    }

    public <T> T run(Work<T> work) throws ExhaustedException {
        Exception last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            try {
                return work.run();
            } catch (NorthstarException e) {
                // already a final answer (a full lake, say): trying again cannot change it
                throw e;
            } catch (Exception e) {
                last = e;
                if (attempt < retries) {
                    sleep(backoff.toMillis() << attempt);
                }
            }
        }
        throw new ExhaustedException(retries + 1, last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
