package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.northstar.contract.Datasets;
import io.northstar.metrics.StatusRule;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * objective_scorecard (SPEC.md §2.4): every objective of every level with its score, rolled up
 * level by level (objective → it_aim → corporate_aim), its own KPIs' statuses, and the active
 * projects, allocated budget and open-risk exposure of it and everything below it.
 */
final class ScorecardTable {
    static final String NAME = "objective_scorecard";
    private static final String MONEY = "decimal(18,2)";

    private ScorecardTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context, Optional<Dataset<Row>> kpiStatus,
            Optional<Dataset<Row>> serviceHealth) {
        if (!context.tables().has(Datasets.OBJECTIVES)) {
            return Optional.empty();
        }
        Dataset<Row> objectives = context.tables().require(Datasets.OBJECTIVES);
        Dataset<Row> ancestry = ObjectiveTree.ancestry(objectives);
        Dataset<Row> own = ownKpis(objectives, kpiStatus);
        Dataset<Row> scores = rollUp(objectives, own);
        Dataset<Row> card = objectives.select("objective_id", "name", "level", "parent_id", "weight")
                .join(scores, "objective_id")
                .join(own, "objective_id");
        card = withProjects(context, card, ancestry);
        card = withRiskExposure(context, card, ancestry);
        card = withImpactedServices(card, serviceHealth);
        return Optional.of(card.select("objective_id", "name", "level", "parent_id", "weight", "score", "status",
                "kpi_count", "green", "amber", "red", "project_count", "allocated_budget", "open_risk_emv",
                "impacted_services"));
    }

    /** The services supporting the objective that missed their SLA or are impacted by one that did (§2.9). */
    private static Dataset<Row> withImpactedServices(Dataset<Row> card, Optional<Dataset<Row>> serviceHealth) {
        if (serviceHealth.isEmpty()) {
            return card.withColumn("impacted_services", lit(null).cast("array<string>"));
        }
        Dataset<Row> impacted = ServiceTable.impactedServices(serviceHealth.get());
        return card.join(impacted, col("objective_id").equalTo(col("s_objective")), "left")
                .withColumn("impacted_services", coalesce(col("impacted_services"),
                        org.apache.spark.sql.functions.array().cast("array<string>")))
                .drop("s_objective");
    }

    /** Per objective: its own KPIs' counts by status and the sum and count of their scores. */
    private static Dataset<Row> ownKpis(Dataset<Row> objectives, Optional<Dataset<Row>> kpiStatus) {
        Dataset<Row> ids = objectives.select("objective_id");
        if (kpiStatus.isEmpty()) {
            Column none = lit(null).cast("long");
            return ids.withColumn("kpi_count", none).withColumn("green", none).withColumn("amber", none)
                    .withColumn("red", none).withColumn("kpi_score_sum", lit(0.0)).withColumn("kpi_scored", lit(0L));
        }
        Dataset<Row> byObjective = kpiStatus.get().filter(col("objective_id").isNotNull())
                .withColumn("kpi_score", MetricUdfs.kpiScore(col("status")))
                .groupBy(col("objective_id").as("k_objective"))
                .agg(count(lit(1)).as("kpi_count"),
                        count(when(col("status").equalTo("green"), 1)).as("green"),
                        count(when(col("status").equalTo("amber"), 1)).as("amber"),
                        count(when(col("status").equalTo("red"), 1)).as("red"),
                        MetricUdfs.exactSum(col("kpi_score")).as("kpi_score_sum"),
                        count("kpi_score").as("kpi_scored"));
        Dataset<Row> joined = ids.join(byObjective, col("objective_id").equalTo(col("k_objective")), "left")
                .drop("k_objective");
        for (String column : new String[] {"kpi_count", "green", "amber", "red", "kpi_scored"}) {
            joined = joined.withColumn(column, coalesce(col(column), lit(0L)));
        }
        return joined.withColumn("kpi_score_sum", coalesce(col("kpi_score_sum"), lit(0.0)));
    }

    /**
     * Scores level by level: a node's entries are its own KPIs (weight 1) and its scored children
     * (weighted by their weight); score = Σ w·s / Σ w, status from the score.
     */
    private static Dataset<Row> rollUp(Dataset<Row> objectives, Dataset<Row> own) {
        Dataset<Row> nodes = objectives.select("objective_id", "level", "parent_id", "weight").join(own, "objective_id");
        Dataset<Row> scored = null;
        for (String level : new String[] {"objective", "it_aim", "corporate_aim"}) {
            Dataset<Row> atLevel = nodes.filter(col("level").equalTo(level));
            Column weightedSum = col("kpi_score_sum");
            Column weights = col("kpi_scored");
            if (scored != null) {
                Dataset<Row> children = scored.filter(col("score").isNotNull())
                        .groupBy(col("parent_id").as("c_parent"))
                        .agg(MetricUdfs.exactSum(col("weight").multiply(col("score"))).as("child_sum"),
                                MetricUdfs.exactSum(col("weight")).as("child_weights"));
                atLevel = atLevel.join(children, col("objective_id").equalTo(col("c_parent")), "left");
                weightedSum = weightedSum.plus(coalesce(col("child_sum"), lit(0.0)));
                weights = weights.plus(coalesce(col("child_weights"), lit(0.0)));
            }
            Dataset<Row> levelScores = atLevel
                    .withColumn("score", MetricUdfs.weightedMean(weightedSum, weights))
                    .select("objective_id", "parent_id", "weight", "score");
            scored = scored == null ? levelScores : scored.unionByName(levelScores);
        }
        return scored.select(col("objective_id"), col("score"), MetricUdfs.objectiveStatus(col("score")).as("status"));
    }

    /** Distinct active projects linked to the node or below, and Σ budget × contribution. */
    private static Dataset<Row> withProjects(MetricsContext context, Dataset<Row> card, Dataset<Row> ancestry) {
        Optional<Dataset<Row>> links = PortfolioLinks.activeLinks(context.tables());
        if (links.isEmpty()) {
            return card.withColumn("project_count", lit(null).cast("long"))
                    .withColumn("allocated_budget", lit(null).cast(MONEY));
        }
        Dataset<Row> amounts = links.get().withColumn("amount",
                col("budget").multiply(col("contribution").cast("decimal(12,9)")));
        Dataset<Row> rolled = amounts.join(ancestry, col("objective_id").equalTo(col("node")))
                .groupBy(col("ancestor"))
                .agg(count_distinct(col("project_id")).as("project_count"), sum("amount").as("allocated"));
        return card.join(rolled, col("objective_id").equalTo(col("ancestor")), "left")
                .withColumn("project_count", coalesce(col("project_count"), lit(0L)))
                .withColumn("allocated_budget", coalesce(col("allocated"), lit(0)).cast(MONEY))
                .drop("ancestor", "allocated");
    }

    /**
     * Σ emv of open risks naming the objective (or one below it) directly, plus emv ×
     * contribution through a linked project (SPEC.md §2.8, objective dimension).
     */
    private static Dataset<Row> withRiskExposure(MetricsContext context, Dataset<Row> card, Dataset<Row> ancestry) {
        if (!context.tables().has(Datasets.RISKS)) {
            return card.withColumn("open_risk_emv", lit(null).cast("double"));
        }
        Dataset<Row> open = RiskTables.registeredBy(context)
                .filter(StatusColumns.matches(StatusRule.OPEN_RISK, col("status")))
                .withColumn("emv", MetricUdfs.emv(col("likelihood"), col("probability"), col("cost_low"),
                        col("cost_most_likely"), col("cost_high")));
        Dataset<Row> exposure = open.filter(col("objective_id").isNotNull())
                .select(col("objective_id").as("e_objective"), col("emv").as("e_amount"));
        if (context.tables().has(Datasets.PROJECT_OBJECTIVES)) {
            Dataset<Row> links = context.tables().require(Datasets.PROJECT_OBJECTIVES)
                    .select(col("project_id").as("l_project"), col("objective_id").as("l_objective"),
                            col("contribution"));
            exposure = exposure.unionByName(open.join(links, col("project_id").equalTo(col("l_project")))
                    .select(col("l_objective").as("e_objective"),
                            col("emv").multiply(col("contribution")).as("e_amount")));
        }
        Dataset<Row> rolled = exposure.join(ancestry, col("e_objective").equalTo(col("node")))
                .groupBy(col("ancestor").as("r_objective"))
                .agg(MetricUdfs.exactSum(coalesce(col("e_amount"), lit(0.0))).as("open_risk_emv"));
        return card.join(rolled, col("objective_id").equalTo(col("r_objective")), "left")
                .withColumn("open_risk_emv", coalesce(col("open_risk_emv"), lit(0.0)))
                .drop("r_objective");
    }
}
