package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.northstar.metrics.summary.Verdict;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * briefing (SPEC.md §2.12): the verdict sentence a scorecard opens with, one row per
 * executive_summary row (the portfolio and each business unit). The words come from
 * {@link Verdict}; every figure in them is a value of executive_summary, or a count of the IT
 * aims of objective_scorecard by status, also given here.
 */
final class BriefingTable {
    static final String NAME = "briefing";

    private BriefingTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context, MetricInputs inputs) {
        Optional<Dataset<Row>> summary = inputs.get(ExecutiveSummaryTable.NAME);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Dataset<Row> rows = summary.get();
        rows = rows.crossJoin(aims(context, inputs.get(ScorecardTable.NAME)));
        rows = rows.crossJoin(mostOverspentUnit(rows));
        rows = decisions(rows, inputs.get(CommentaryStatusTable.NAME), inputs.get(ProjectHealthTable.NAME));
        String currency = context.job().currency();
        UserDefinedFunction portfolio = functions.udf((UDF1<Row, String>) facts -> Verdict.portfolio(
                new Verdict.PortfolioFacts(facts.getAs("it_aims"), facts.getAs("it_aims_red"),
                        facts.getAs("it_aims_amber"), facts.getAs("budget_variance_pct"),
                        facts.getAs("most_overspent_unit"), facts.getAs("most_overspent_variance_pct"),
                        projectFacts(facts), facts.getAs("open_risk_emv"), facts.getAs("open_critical_risks"),
                        facts.getAs("decisions_needed")), currency),
                DataTypes.StringType);
        UserDefinedFunction unit = functions.udf((UDF1<Row, String>) facts -> Verdict.businessUnit(
                new Verdict.UnitFacts(facts.getAs("business_unit"), facts.getAs("budget_variance_pct"),
                        projectFacts(facts), facts.getAs("open_risk_emv"), facts.getAs("open_critical_risks"),
                        facts.getAs("decisions_needed")), currency),
                DataTypes.StringType);
        Column facts = struct(col("business_unit"), col("it_aims"), col("it_aims_red"), col("it_aims_amber"),
                col("budget_variance_pct"), col("most_overspent_unit"), col("most_overspent_variance_pct"),
                col("active_projects"), col("projects_red"), col("projects_bac").cast("double").as("projects_bac"),
                col("projects_eac").cast("double").as("projects_eac"), col("open_risk_emv"),
                col("open_critical_risks"), col("decisions_needed"));
        Column isPortfolio = col("grain").equalTo(ExecutiveSummaryTable.PORTFOLIO);
        return Optional.of(rows
                .withColumn("verdict", when(isPortfolio, portfolio.apply(facts)).otherwise(unit.apply(facts)))
                .select(col("grain"), col("business_unit"), col("verdict"), col("decisions_needed"),
                        when(isPortfolio, col("it_aims")).as("it_aims"),
                        when(isPortfolio, col("it_aims_red")).as("it_aims_red"),
                        when(isPortfolio, col("it_aims_amber")).as("it_aims_amber"),
                        when(isPortfolio, col("most_overspent_unit")).as("most_overspent_unit"),
                        when(isPortfolio, col("most_overspent_variance_pct")).as("most_overspent_variance_pct")));
    }

    private static Verdict.ProjectFacts projectFacts(Row facts) {
        return new Verdict.ProjectFacts(facts.getAs("active_projects"), facts.getAs("projects_red"),
                facts.getAs("projects_bac"), facts.getAs("projects_eac"));
    }

    /**
     * How many decisions commentary_status asks for: all of them on the portfolio row; on a unit's
     * row those about the unit itself or about one of its projects. Null without the table.
     */
    private static Dataset<Row> decisions(Dataset<Row> rows, Optional<Dataset<Row>> status,
            Optional<Dataset<Row>> health) {
        if (status.isEmpty()) {
            return rows.withColumn("decisions_needed", lit(null).cast("bigint"));
        }
        Dataset<Row> asked = status.get().filter(col("decision_needed"));
        Dataset<Row> units = asked.filter(col("entity_type").equalTo("business_unit"))
                .select(col("entity_id").as("_unit"));
        if (health.isPresent()) {
            units = units.unionByName(asked.filter(col("entity_type").equalTo("project"))
                    .join(health.get().select(col("project_id"), col("business_unit")),
                            col("entity_id").equalTo(col("project_id")))
                    .select(col("business_unit").as("_unit")));
        }
        Dataset<Row> perUnit = units.filter(col("_unit").isNotNull()).groupBy("_unit").agg(count(lit(1))
                .as("_unit_decisions"));
        Dataset<Row> total = asked.agg(count(lit(1)).as("_all_decisions"));
        return rows.crossJoin(total).join(perUnit, col("business_unit").equalTo(col("_unit")), "left")
                .withColumn("decisions_needed", when(col("grain").equalTo(ExecutiveSummaryTable.PORTFOLIO),
                        col("_all_decisions")).otherwise(functions.coalesce(col("_unit_decisions"), lit(0L))))
                .drop("_unit", "_unit_decisions", "_all_decisions");
    }

    /** How many IT aims there are and how many are red and amber; nulls without a scorecard. */
    private static Dataset<Row> aims(MetricsContext context, Optional<Dataset<Row>> scorecard) {
        if (scorecard.isEmpty()) {
            return context.spark().range(1).select(lit(null).cast("bigint").as("it_aims"),
                    lit(null).cast("bigint").as("it_aims_red"), lit(null).cast("bigint").as("it_aims_amber"));
        }
        return scorecard.get().filter(col("level").equalTo("it_aim")).agg(count(lit(1)).as("it_aims"),
                ExecutiveSummaryTable.countOf("status", "red", "it_aims_red"),
                ExecutiveSummaryTable.countOf("status", "amber", "it_aims_amber"));
    }

    /**
     * The business unit furthest over its year-to-date budget (ties: the first by name), as one
     * row; nulls when no unit has a variance.
     */
    private static Dataset<Row> mostOverspentUnit(Dataset<Row> summary) {
        Dataset<Row> ranked = summary
                .filter(col("grain").equalTo(ExecutiveSummaryTable.BUSINESS_UNIT)
                        .and(col("budget_variance_pct").isNotNull()))
                .orderBy(col("budget_variance_pct").desc(), col("business_unit"))
                .limit(1)
                .select(col("business_unit").as("most_overspent_unit"),
                        col("budget_variance_pct").as("most_overspent_variance_pct"));
        // one row whether or not a unit had a variance, so the cross join keeps every summary row
        return summary.sparkSession().range(1).join(ranked, lit(true), "left")
                .select("most_overspent_unit", "most_overspent_variance_pct");
    }
}
