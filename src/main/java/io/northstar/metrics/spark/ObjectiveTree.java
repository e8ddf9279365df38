package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The objective hierarchy as tables: every node with each of its ancestors (itself included),
 * and whether its chain reaches a corporate aim. Ingestion guarantees the levels (objective
 * under it_aim under corporate_aim), so a chain is at most three long.
 */
final class ObjectiveTree {
    private ObjectiveTree() {
    }

    /** (node, ancestor) for every objective, itself included. */
    static Dataset<Row> ancestry(Dataset<Row> objectives) {
        Dataset<Row> self = objectives.select(col("objective_id").as("node"), col("objective_id").as("ancestor"));
        Dataset<Row> parent = objectives.filter(col("parent_id").isNotNull())
                .select(col("objective_id").as("node"), col("parent_id").as("ancestor"));
        Dataset<Row> child = objectives.select(col("objective_id").as("c_id"), col("parent_id").as("c_parent"));
        Dataset<Row> up = objectives.select(col("objective_id").as("p_id"), col("parent_id").as("p_parent"));
        Dataset<Row> grandparent = child.join(up, col("c_parent").equalTo(col("p_id")))
                .filter(col("p_parent").isNotNull())
                .select(col("c_id").as("node"), col("p_parent").as("ancestor"));
        return self.unionByName(parent).unionByName(grandparent);
    }

    /** (objective_id, anchored): true when the objective or an ancestor is a corporate aim. */
    static Dataset<Row> anchors(Dataset<Row> objectives) {
        Dataset<Row> levels = objectives.select(col("objective_id").as("a_id"), col("level").as("a_level"));
        return ancestry(objectives).join(levels, col("ancestor").equalTo(col("a_id")))
                .groupBy(col("node").as("objective_id"))
                .agg(max(when(col("a_level").equalTo("corporate_aim"), lit(true)).otherwise(lit(false)))
                        .as("anchored"));
    }
}
