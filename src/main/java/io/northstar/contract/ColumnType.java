package io.northstar.contract;

/** The value types of SPEC.md §1. */
public enum ColumnType {
    /** {@code [A-Za-z0-9][A-Za-z0-9_.-]{0,63}}, stored as a string. */
    ID,
    /** Free text, trimmed. */
    TEXT,
    /** ISO {@code yyyy-MM-dd}. */
    DATE,
    /** {@code yyyy-MM}, stored as that string. */
    PERIOD,
    /** decimal(18,2), rounded half-up to cents. */
    MONEY,
    /** A finite double. */
    NUM,
    /** A 32-bit integer. */
    INT,
    /** One of a fixed set of lower-case values, matched case-insensitively. */
    ENUM,
    /** true or false; the text true/false, yes/no or 1/0, case-insensitively (a JDBC BOOLEAN reads as true/false). */
    BOOL,
    /**
     * An e-mail address as an RFC 5322 addr-spec (local-part@domain, no display name, no
     * comments), stored as the trimmed string: what an SMTP server takes in RCPT TO.
     */
    EMAIL
}
