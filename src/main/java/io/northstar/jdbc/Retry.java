package io.northstar.jdbc;

import static java.util.Objects.requireNonNull;

import io.northstar.error.NorthstarException;
import java.time.Duration;

/**
 * Retries work that talks to a database: up to {@code retries} more attempts after the first,
 * waiting backoff, 2 × backoff, 4 × backoff… (at most {@link #MAX_WAIT}) between them, since a
 * server that is restarting needs longer the more often it has refused. Only a transient
 * failure is tried again ({@link JdbcFailure}): a wrong password or a value the database
 * rejects fails at once.
 */
public record Retry(int retries, Duration backoff) {

    /** The longest wait between two attempts, however many retries the job allows. */
    public static final Duration MAX_WAIT = Duration.ofMinutes(5);

    public Retry {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0");
        }
        requireNonNull(backoff, "backoff is null");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must be >= 0");
        }
    }

    /** Work that may fail with any exception (Spark rethrows the driver's SQLException unchecked). */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** Thrown when the work failed for good; its cause is the last failure. */
    public static final class FailedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int attempts;
        private final JdbcFailure kind;

        FailedException(int attempts, JdbcFailure kind, Exception last) {
            super(attempts + " attempt" + (attempts == 1 ? "" : "s") + " failed", last);
            this.attempts = attempts;
            this.kind = kind;
        }

        /** "3 attempts", for messages. */
        public String attempts() {
            return attempts + " attempt" + (attempts == 1 ? "" : "s");
        }

        /** Whether the last failure was one a retry could have cured. */
        public JdbcFailure kind() {
            return kind;
        }

        /** What follows the database's message: why it was not retried, or nothing. */
        public String advice() {
            return kind.isTransient() ? "" : " (" + kind.advice() + ")";
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

    public <T> T run(Work<T> work) throws FailedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return work.run();
            } catch (NorthstarException e) {
                // already a final answer (a full lake, say): trying again cannot change it
                throw e;
            } catch (Exception e) {
                JdbcFailure kind = JdbcFailure.of(e);
                if (!kind.isTransient() || attempt == retries) {
                    throw new FailedException(attempt + 1, kind, e);
                }
                sleep(wait(attempt));
            }
        }
    }

    /** The wait after the failed attempt {@code attempt} (0 for the first): doubling, capped. */
    Duration wait(int attempt) {
        // past 2^20 × backoff the cap has long been reached, and a larger shift would overflow
        long factor = 1L << Math.min(attempt, 20);
        Duration doubled = backoff.compareTo(MAX_WAIT) >= 0 ? MAX_WAIT : backoff.multipliedBy(factor);
        return doubled.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : doubled;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
