package io.northstar.job;

import static java.util.Objects.requireNonNull;

/** A credential that must never be printed: toString masks it. */
public record Secret(String value) implements java.io.Serializable {
    public Secret {
        requireNonNull(value, "value is null");
    }

    /** The secret, or null for no text. */
    public static Secret ofNullable(String value) {
        return value == null ? null : new Secret(value);
    }

    @Override
    public String toString() {
        return "****";
    }
}
