package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.northstar.metrics.review.Changes;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * review_summary (SPEC.md §2.12): the counts the review pack states, in one row: the changes
 * since the previous snapshot (all, worse, better), the size of each SWOT quadrant, and the
 * business cases. A count whose table the snapshot lacks is null.
 */
final class ReviewSummaryTable {
    static final String NAME = "review_summary";

    private ReviewSummaryTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context, MetricInputs inputs) {
        Optional<Dataset<Row>> changes = inputs.get(ChangesTable.NAME);
        Optional<Dataset<Row>> swot = inputs.get(SwotTable.NAME);
        Optional<Dataset<Row>> cases = inputs.get(BusinessCaseTable.NAME);
        Optional<Dataset<Row>> moves = inputs.get(RecentMovesTable.NAME);
        if (changes.isEmpty() && swot.isEmpty() && cases.isEmpty() && moves.isEmpty()) {
            return Optional.empty();
        }
        Dataset<Row> row = context.spark().range(1).select(lit(1).as("_one"));
        row = row.crossJoin(changes.map(table -> table.agg(count(lit(1)).as("changes"),
                ExecutiveSummaryTable.countOf("direction", Changes.WORSE, "changes_worse"),
                ExecutiveSummaryTable.countOf("direction", Changes.BETTER, "changes_better"))).orElse(nulls(context, "changes",
                "changes_worse", "changes_better")));
        row = row.crossJoin(swot.map(table -> table.agg(ExecutiveSummaryTable.countOf("type", "strength", "swot_strengths"),
                ExecutiveSummaryTable.countOf("type", "weakness", "swot_weaknesses"), ExecutiveSummaryTable.countOf("type", "opportunity", "swot_opportunities"),
                ExecutiveSummaryTable.countOf("type", "threat", "swot_threats"))).orElse(nulls(context, "swot_strengths", "swot_weaknesses",
                "swot_opportunities", "swot_threats")));
        row = row.crossJoin(moves.map(table -> table.agg(count(lit(1)).as("recent_moves"),
                ExecutiveSummaryTable.countOf("direction", Changes.WORSE, "recent_moves_worse"),
                ExecutiveSummaryTable.countOf("direction", Changes.BETTER, "recent_moves_better")))
                .orElse(nulls(context, "recent_moves", "recent_moves_worse", "recent_moves_better")));
        row = row.crossJoin(cases.map(table -> table.agg(count(lit(1)).as("business_cases")))
                .orElse(nulls(context, "business_cases")));
        return Optional.of(row.drop("_one"));
    }

    private static Dataset<Row> nulls(MetricsContext context, String... names) {
        Column[] columns = java.util.Arrays.stream(names).map(name -> lit(null).cast("bigint").as(name))
                .toArray(Column[]::new);
        return context.spark().range(1).select(columns);
    }
}
