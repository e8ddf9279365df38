package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.metrics.StatusRule;
import io.northstar.testing.TestingSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** A status rule's column says what its predicate says, for every status and for null. */
class StatusColumnsTest {

    @Test
    void theColumnAgreesWithThePredicateNullIncluded() {
        List<String> statuses = new ArrayList<>(Arrays.asList("proposed", "approved", "active", "on_hold", "completed",
                "cancelled", "open", "mitigating", "accepted", "closed", null));
        Dataset<Row> rows = TestingSpark.session().createDataset(statuses, Encoders.STRING()).toDF("status");

        for (StatusRule rule : List.of(StatusRule.ACTIVE_PORTFOLIO, StatusRule.FUNDED, StatusRule.OPEN_RISK)) {
            List<Row> matched = rows.select(col("status"), StatusColumns.matches(rule, col("status")).as("matches"))
                    .collectAsList();
            assertThat(matched).hasSize(statuses.size());
            for (Row row : matched) {
                assertThat(row.isNullAt(1)).as(rule.name() + " of " + row.get(0) + " is never null").isFalse();
                assertThat(row.getBoolean(1)).as(rule.name() + " of " + row.get(0))
                        .isEqualTo(rule.test(row.getString(0)));
            }
        }
    }
}
