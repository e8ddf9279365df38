package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.northstar.contract.Datasets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Beyond SPEC.md: who is accountable for an entity, so findings and changes can name who acts.
 * From the entity's own dataset (KPI owner, project manager, risk, service and objective owner).
 * No dataset names a business unit's head, so a unit's owner is the author of its latest comment
 * (commentary_status, where every unit over its budget is listed): whoever answers for its
 * budget. One row per (o_type, o_id) with {@code owner}, null where the data names nobody.
 */
final class EntityOwners {
    private EntityOwners() {
    }

    static Dataset<Row> of(MetricsContext context, Optional<Dataset<Row>> commentaryStatus) {
        List<Dataset<Row>> owners = new ArrayList<>();
        add(context, owners, Datasets.KPIS, "kpi", "kpi_id", "owner");
        add(context, owners, Datasets.PROJECTS, "project", "project_id", "manager");
        add(context, owners, Datasets.RISKS, "risk", "risk_id", "owner");
        add(context, owners, Datasets.SERVICES, "service", "service_id", "owner");
        add(context, owners, Datasets.OBJECTIVES, "objective", "objective_id", "owner");
        commentaryStatus.ifPresent(status -> owners.add(status
                .filter(col("entity_type").equalTo("business_unit").and(col("author").isNotNull()))
                .select(lit("business_unit").as("o_type"), col("entity_id").as("o_id"), col("author").as("owner"))));
        return owners.stream().reduce(Dataset::unionByName).orElseGet(() -> context.spark().createDataFrame(List.of(),
                new StructType().add("o_type", "string").add("o_id", "string").add("owner", "string")));
    }

    private static void add(MetricsContext context, List<Dataset<Row>> owners, String dataset, String type, String key,
            String owner) {
        context.tables().get(dataset).ifPresent(rows -> owners.add(rows.select(lit(type).as("o_type"),
                col(key).as("o_id"), col(owner).as("owner"))));
    }
}
