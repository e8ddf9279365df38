package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.northstar.contract.Datasets;
import io.northstar.metrics.StatusRule;
import io.northstar.metrics.finance.BusinessCase;
import io.northstar.metrics.finance.BusinessCaseMath;
import java.math.BigDecimal;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * business_case (SPEC.md §4.1): each case's NPV, IRR, payback, ROI, the yearly cost of
 * inaction (the emv of the open risks of its project or objective, each risk once) and the
 * risk-adjusted NPV, ranked by risk-adjusted NPV. {@code funded} says whether the case's
 * project is approved or active, for the SWOT's unfunded opportunities.
 */
final class BusinessCaseTable {
    static final String NAME = "business_case";

    private static final StructType FIGURES = new StructType()
            .add("npv", DataTypes.DoubleType, false)
            .add("irr", DataTypes.DoubleType)
            .add("payback_years", DataTypes.DoubleType)
            .add("roi", DataTypes.DoubleType)
            .add("risk_adjusted_npv", DataTypes.DoubleType, false);

    private BusinessCaseTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context, Optional<Dataset<Row>> riskExposure) {
        Optional<Dataset<Row>> cases = context.tables().get(Datasets.BUSINESS_CASES);
        if (cases.isEmpty()) {
            return Optional.empty();
        }
        double defaultRate = context.job().finance().discountRate();
        Dataset<Row> withRate = cases.get().withColumn("discount_rate",
                coalesce(col("discount_rate"), lit(defaultRate)));
        Dataset<Row> withInaction = withCostOfInaction(withRate, riskExposure);
        Dataset<Row> withProject = withProjectStatus(context, withInaction);
        Dataset<Row> figures = withProject.withColumn("_f", figures().apply(col("capex"), col("annual_opex"),
                col("annual_benefit"), col("years"), col("discount_rate"), col("cost_of_inaction")));
        return Optional.of(figures
                .withColumn("rank", row_number().over(Window.orderBy(col("_f.risk_adjusted_npv").desc(),
                        col("case_id")))
                        .cast("int"))
                .select(col("rank"), col("case_id"), col("title"), col("project_id"), col("project_status"),
                        col("funded"), col("objective_id"), col("capex"), col("annual_opex"), col("annual_benefit"),
                        col("years"), col("discount_rate"), col("start_year"), col("_f.npv").as("npv"),
                        col("_f.irr").as("irr"), col("_f.payback_years").as("payback_years"), col("_f.roi").as("roi"),
                        col("cost_of_inaction"), col("linked_open_risks"),
                        col("_f.risk_adjusted_npv").as("risk_adjusted_npv"))
                .orderBy("rank"));
    }

    /**
     * Joins each case to the open risks of its project and of its objective as two equality
     * joins, then counts each (case, risk) pair once: a risk naming both is not counted twice.
     */
    private static Dataset<Row> withCostOfInaction(Dataset<Row> cases, Optional<Dataset<Row>> riskExposure) {
        if (riskExposure.isEmpty()) {
            return cases.withColumn("cost_of_inaction", lit(0.0)).withColumn("linked_open_risks", lit(0));
        }
        Dataset<Row> open = riskExposure.get().filter(col("is_open"))
                .select(col("risk_id"), col("project_id").as("r_project"), col("objective_id").as("r_objective"),
                        coalesce(col("emv"), lit(0.0)).as("r_emv"));
        Dataset<Row> keys = cases.select(col("case_id").as("l_case"), col("project_id").as("l_project"),
                col("objective_id").as("l_objective"));
        Dataset<Row> byProject = keys.join(open, col("l_project").equalTo(col("r_project")))
                .select(col("l_case"), col("risk_id"), col("r_emv"));
        Dataset<Row> byObjective = keys.join(open, col("l_objective").equalTo(col("r_objective")))
                .select(col("l_case"), col("risk_id"), col("r_emv"));
        Dataset<Row> inaction = byProject.union(byObjective).distinct()
                .groupBy("l_case")
                .agg(MetricUdfs.exactSum(col("r_emv")).as("l_cost"), count(lit(1)).cast("int").as("l_risks"));
        return cases.join(inaction, col("case_id").equalTo(col("l_case")), "left")
                .withColumn("cost_of_inaction", coalesce(col("l_cost"), lit(0.0)))
                .withColumn("linked_open_risks", coalesce(col("l_risks"), lit(0)))
                .drop("l_case", "l_cost", "l_risks");
    }

    private static Dataset<Row> withProjectStatus(MetricsContext context, Dataset<Row> cases) {
        if (!context.tables().has(Datasets.PROJECTS)) {
            return cases.withColumn("project_status", lit(null).cast("string")).withColumn("funded", lit(false));
        }
        Dataset<Row> projects = context.tables().require(Datasets.PROJECTS)
                .select(col("project_id").as("p_project"), col("status").as("project_status"));
        return cases.join(projects, col("project_id").equalTo(col("p_project")), "left").drop("p_project")
                .withColumn("funded", StatusColumns.matches(StatusRule.FUNDED, col("project_status")));
    }

    private static UserDefinedFunction figures() {
        return functions.udf((UDF6<BigDecimal, BigDecimal, BigDecimal, Integer, Double, Double, Row>)
                (capex, opex, benefit, years, rate, inaction) -> {
                    BusinessCaseMath.Figures f = BusinessCaseMath.evaluate(new BusinessCase(capex.doubleValue(),
                            opex.doubleValue(), benefit.doubleValue(), years, rate), inaction);
                    return RowFactory.create(f.npv(), f.irr(), f.paybackYears(), f.roi(), f.riskAdjustedNpv());
                }, FIGURES);
    }
}
