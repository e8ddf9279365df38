package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.northstar.job.Settings;
import io.northstar.metrics.StatusRule;
import io.northstar.metrics.portfolio.Priority;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * priority (SPEC.md §2.10): proposed, approved and active projects ranked by value, urgency
 * and alignment per unit of effort. {@code outranks_funded} marks an unfunded project ranked
 * above at least one funded one (a priority inversion).
 */
final class PriorityTable {
    static final String NAME = "priority";

    private static final UserDefinedFunction QUICK_WIN = functions.udf(
            (UDF2<Integer, Integer, Boolean>) Priority::quickWin, DataTypes.BooleanType);

    private PriorityTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context) {
        Optional<Dataset<Row>> projects = PortfolioLinks.projectsWithAlignment(context.tables());
        if (projects.isEmpty()) {
            return Optional.empty();
        }
        Settings.Priority weights = context.job().priority();
        double value = weights.valueWeight();
        double urgency = weights.urgencyWeight();
        double alignment = weights.alignmentWeight();
        UserDefinedFunction score = functions.udf((UDF4<Integer, Integer, Integer, Double, Double>) (v, u, e, a)
                -> Priority.score(new Settings.Priority(value, urgency, alignment), v, u, e, a), DataTypes.DoubleType);
        Dataset<Row> candidates = projects.get().filter(col("status").isin("proposed", "approved", "active"))
                .withColumn("alignment", coalesce(col("alignment"), lit(0.0)))
                .withColumn("priority_score", score.apply(col("strategic_value"), col("urgency"), col("effort"),
                        col("alignment")))
                .withColumn("quick_win", QUICK_WIN.apply(col("strategic_value"), col("effort")))
                .withColumn("funded", StatusColumns.matches(StatusRule.FUNDED, col("status")))
                .withColumn("rank", row_number().over(Window.orderBy(col("priority_score").desc(),
                        col("project_id"))));
        return Optional.of(candidates
                .withColumn("_lowest_funded", max(when(col("funded"), col("rank"))).over(Window.partitionBy()))
                .withColumn("outranks_funded", col("funded").equalTo(false)
                        .and(coalesce(col("rank").lt(col("_lowest_funded")), lit(false))))
                .select("rank", "project_id", "name", "business_unit", "category", "status", "strategic_value",
                        "urgency", "effort", "alignment", "priority_score", "quick_win", "funded", "outranks_funded")
                .orderBy("rank"));
    }
}
