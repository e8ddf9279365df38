package io.northstar.contract;

/** A cell that does not parse as its column's type; carries the sentence for the quarantine detail. */
final class BadValueException extends Exception {
    private static final long serialVersionUID = 1L;

    BadValueException(String message) {
        // no stack trace: these are data, raised once per bad cell
        super(message, null, false, false);
    }
}
