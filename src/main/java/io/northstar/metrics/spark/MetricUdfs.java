package io.northstar.metrics.spark;

import io.northstar.format.Amounts;
import io.northstar.metrics.alignment.AlignmentMath;
import io.northstar.metrics.objective.ObjectiveScores;
import io.northstar.metrics.risk.RiskMath;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The plain-Java formulas as Spark functions, so a formula lives in one place and the Spark
 * code only aggregates. They run on small per-entity rows, never per input row of a big table.
 */
final class MetricUdfs {
    private static final UserDefinedFunction KPI_SCORE = functions.udf(
            (UDF1<String, Double>) ObjectiveScores::kpiScore, DataTypes.DoubleType);
    private static final UserDefinedFunction WEIGHTED_MEAN = functions.udf(
            (UDF2<Double, Double, Double>) (sum, weights) -> sum == null || weights == null ? null
                    : ObjectiveScores.weightedMean(sum, weights), DataTypes.DoubleType);
    private static final UserDefinedFunction OBJECTIVE_STATUS = functions.udf(
            (UDF1<Double, String>) ObjectiveScores::statusOf, DataTypes.StringType);
    private static final UserDefinedFunction PROJECT_ALIGNMENT = functions.udf(
            (UDF1<Double, Double>) sum -> sum == null ? 0.0 : AlignmentMath.projectAlignment(sum),
            DataTypes.DoubleType);
    private static final UserDefinedFunction SHARE = functions.udf(
            (UDF2<Double, Double, Double>) (numerator, denominator) -> numerator == null || denominator == null
                    ? null : AlignmentMath.share(numerator, denominator), DataTypes.DoubleType);
    private static final UserDefinedFunction MONEY = functions.udf(
            (UDF2<String, Double, String>) Amounts::money, DataTypes.StringType);
    private static final UserDefinedFunction EMV = functions.udf(
            (UDF5<Integer, Double, Double, Double, Double, Double>) RiskMath::emv, DataTypes.DoubleType);

    private MetricUdfs() {
    }

    /**
     * Σ of a double column that is the same whatever the partitioning: floating-point addition
     * is not associative, so the values are summed as decimal(38,10) and turned back to double.
     */
    /** "EUR 8.76M": an amount with its currency in a sentence, as every page abbreviates it ({@link Amounts#money}). */
    static Column money(String currency, Column amount) {
        return MONEY.apply(functions.lit(currency), amount.cast("double"));
    }

    static Column exactSum(Column values) {
        return functions.sum(values.cast("decimal(38,10)")).cast("double");
    }

    static Column kpiScore(Column status) {
        return KPI_SCORE.apply(status);
    }

    static Column weightedMean(Column weightedSum, Column weights) {
        return WEIGHTED_MEAN.apply(weightedSum.cast("double"), weights.cast("double"));
    }

    static Column objectiveStatus(Column score) {
        return OBJECTIVE_STATUS.apply(score);
    }

    /** min(1, Σ contribution); a project without contributions has alignment 0. */
    static Column projectAlignment(Column contributionSum) {
        return PROJECT_ALIGNMENT.apply(contributionSum.cast("double"));
    }

    static Column share(Column numerator, Column denominator) {
        return SHARE.apply(numerator.cast("double"), denominator.cast("double"));
    }

    /** p × PERT mean from likelihood, probability and the three cost columns (money as double). */
    static Column emv(Column likelihood, Column probability, Column low, Column mostLikely, Column high) {
        return EMV.apply(likelihood, probability, low.cast("double"), mostLikely.cast("double"), high.cast("double"));
    }
}
