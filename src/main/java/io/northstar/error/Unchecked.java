package io.northstar.error;

/**
 * Spark's Scala code throws checked exceptions (SparkException) that Java signatures do not
 * declare. Code that catches {@code Exception} to inspect such a failure rethrows it through
 * this, unchanged and without wrapping, so that callers and messages see the original.
 */
public final class Unchecked {
    private Unchecked() {
    }

    /** Throws the failure as it is; declared to return so callers can write {@code throw Unchecked.rethrow(e)}. */
    public static RuntimeException rethrow(Throwable failure) {
        throw Unchecked.<RuntimeException>sneaky(failure);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable failure) throws T {
        throw (T) failure;
    }
}
