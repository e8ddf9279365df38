package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;

import io.northstar.contract.Datasets;
import io.northstar.metrics.StatusRule;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * business_unit_kpis (SPEC.md §2.12): which KPIs a business unit's scorecard shows, those of
 * the objectives its active-portfolio projects serve; one row per business unit × KPI.
 */
final class BusinessUnitKpisTable {
    static final String NAME = "business_unit_kpis";

    private BusinessUnitKpisTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context) {
        SnapshotTables tables = context.tables();
        if (!tables.has(Datasets.PROJECTS) || !tables.has(Datasets.PROJECT_OBJECTIVES) || !tables.has(Datasets.KPIS)) {
            return Optional.empty();
        }
        Dataset<Row> served = tables.require(Datasets.PROJECTS)
                .filter(StatusColumns.matches(StatusRule.ACTIVE_PORTFOLIO, col("status")))
                .join(tables.require(Datasets.PROJECT_OBJECTIVES).select(col("project_id").as("l_project"),
                        col("objective_id")), col("project_id").equalTo(col("l_project")))
                .select("business_unit", "objective_id").distinct();
        return Optional.of(served.join(tables.require(Datasets.KPIS).select(col("kpi_id"),
                        col("objective_id").as("k_objective")), col("objective_id").equalTo(col("k_objective")))
                .select("business_unit", "objective_id", "kpi_id"));
    }
}
