package io.northstar.job;

import static java.util.Objects.requireNonNull;

/** A credential that must never be printed: toString masks it. */
public record Secret(String value) implements java.io.Serializable {
    public Secret {
        requireNonNull(value, "value is null");
    }

    @Override
    public String toString() {
        return "****";
    }
}
