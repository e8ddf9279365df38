package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;

import io.northstar.metrics.StatusRule;
import org.apache.spark.sql.Column;

/** The Spark form of a {@link StatusRule}, from the rule's own list of statuses. */
public final class StatusColumns {
    private StatusColumns() {
    }

    /** Whether the status column holds one of the rule's statuses: true or false, false for null, as {@link StatusRule#test}. */
    public static Column matches(StatusRule rule, Column status) {
        return coalesce(status.isin(rule.statuses().toArray()), lit(false));
    }
}
