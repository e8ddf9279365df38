package io.northstar.contract;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of the row checks for one row: either its parsed values (one per contract
 * column, in contract order, defaults applied) or the first quarantine reason it met.
 */
public final class ConformResult {
    private final Object[] values;
    private final QuarantineReason reason;
    private final String detail;

    private ConformResult(Object[] values, QuarantineReason reason, String detail) {
        this.values = values;
        this.reason = reason;
        this.detail = detail;
    }

    static ConformResult accepted(Object[] values) {
        return new ConformResult(requireNonNull(values, "values is null"), null, null);
    }

    public static ConformResult rejected(QuarantineReason reason, String detail) {
        return new ConformResult(null, requireNonNull(reason, "reason is null"), requireNonNull(detail, "detail is null"));
    }

    public boolean isAccepted() {
        return values != null;
    }

    /** The parsed values; owned by the caller from here on (not copied: this is the hot path). */
    public Object[] values() {
        if (values == null) {
            throw new IllegalStateException("a rejected row has no values");
        }
        return values;
    }

    public QuarantineReason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return isAccepted() ? "accepted" : reason.code() + ": " + detail;
    }
}
