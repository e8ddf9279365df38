package io.northstar.contract;

import java.util.Locale;

/**
 * Why a row was quarantined (SPEC.md §1.1). The declaration order is the order in which the
 * checks run: a row is quarantined once, with the first reason it meets.
 */
public enum QuarantineReason {
    MALFORMED_ROW,
    MISSING_REQUIRED,
    BAD_TYPE,
    BAD_ENUM,
    OUT_OF_RANGE,
    SELF_DEPENDENCY,
    CONFLICTING_DUPLICATE,
    DANGLING_REFERENCE,
    BAD_PARENT_LEVEL,
    CONTRIBUTION_OVER_100PCT;

    /** The code written to the quarantine zone and the manifest, e.g. {@code bad_type}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
