package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;

import io.northstar.contract.Datasets;
import io.northstar.metrics.StatusRule;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Projects with their alignment, and the links of active-portfolio projects to objectives. */
final class PortfolioLinks {
    private PortfolioLinks() {
    }

    /**
     * Every project with {@code alignment} = min(1, Σ contribution) (0 without links), or
     * empty when the job has no projects. Alignment is null when it has no project_objectives.
     */
    static Optional<Dataset<Row>> projectsWithAlignment(SnapshotTables tables) {
        if (!tables.has(Datasets.PROJECTS)) {
            return Optional.empty();
        }
        Dataset<Row> projects = tables.require(Datasets.PROJECTS);
        if (!tables.has(Datasets.PROJECT_OBJECTIVES)) {
            return Optional.of(projects.withColumn("alignment", org.apache.spark.sql.functions.lit(null)
                    .cast("double")));
        }
        Dataset<Row> sums = tables.require(Datasets.PROJECT_OBJECTIVES).groupBy(col("project_id").as("a_project"))
                .agg(MetricUdfs.exactSum(col("contribution")).as("contribution_sum"));
        return Optional.of(projects.join(sums, col("project_id").equalTo(col("a_project")), "left")
                .withColumn("alignment", MetricUdfs.projectAlignment(col("contribution_sum")))
                .drop("a_project", "contribution_sum"));
    }

    /**
     * (project_id, objective_id, contribution, budget) for the links of active-portfolio
     * projects, or empty without projects or links.
     */
    static Optional<Dataset<Row>> activeLinks(SnapshotTables tables) {
        if (!tables.has(Datasets.PROJECTS) || !tables.has(Datasets.PROJECT_OBJECTIVES)) {
            return Optional.empty();
        }
        Dataset<Row> active = tables.require(Datasets.PROJECTS).filter(StatusColumns.matches(StatusRule.ACTIVE_PORTFOLIO, col("status")))
                .select(col("project_id").as("p_id"), col("budget"));
        return Optional.of(tables.require(Datasets.PROJECT_OBJECTIVES)
                .join(active, col("project_id").equalTo(col("p_id")))
                .select(col("project_id"), col("objective_id"), col("contribution"), col("budget")));
    }
}
