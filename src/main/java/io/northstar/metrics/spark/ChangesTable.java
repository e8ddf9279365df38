package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.northstar.metrics.review.Changes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * changes (SPEC.md §4.4): what moved since the latest earlier snapshot in the lake. KPI and
 * objective statuses, project health and EAC (more than 5 %), new, closed and removed risks and
 * risk bands, the variance status of budget lines and, beyond SPEC, services' service levels
 * and each item's owner ({@link EntityOwners}). Empty for the first snapshot. Each row
 * says whether the move is for the better, so a review can lead with what got worse.
 */
final class ChangesTable {
    static final String NAME = "changes";

    static final StructType SCHEMA = new StructType()
            .add("entity_type", DataTypes.StringType, false)
            .add("entity_id", DataTypes.StringType, false)
            .add("name", DataTypes.StringType)
            .add("change", DataTypes.StringType, false)
            .add("before", DataTypes.StringType)
            .add("after", DataTypes.StringType)
            .add("relative_move", DataTypes.DoubleType)
            .add("direction", DataTypes.StringType, false)
            .add("previous_as_of", DataTypes.DateType)
            .add("owner", DataTypes.StringType);

    private static final UserDefinedFunction STATUS_DIRECTION = functions.udf(
            (UDF2<String, String, String>) Changes::statusDirection, DataTypes.StringType);
    private static final UserDefinedFunction BAND_DIRECTION = functions.udf(
            (UDF2<String, String, String>) Changes::bandDirection, DataTypes.StringType);
    private static final UserDefinedFunction SLA_DIRECTION = functions.udf(
            (UDF2<String, String, String>) Changes::slaDirection, DataTypes.StringType);
    private static final UserDefinedFunction EAC_MOVE = functions.udf(
            (UDF2<Double, Double, Double>) Changes::relativeMove, DataTypes.DoubleType);
    private static final UserDefinedFunction EAC_MOVED = functions.udf(
            (UDF2<Double, Double, Boolean>) Changes::eacMoved, DataTypes.BooleanType);
    private static final UserDefinedFunction EAC_DIRECTION = functions.udf(
            (UDF2<Double, Double, String>) Changes::eacDirection, DataTypes.StringType);

    private ChangesTable() {
    }

    /** The changes against the previous snapshot, from this run's tables. */
    static Dataset<Row> compute(MetricsContext context, MetricInputs inputs) {
        if (context.previous().isEmpty()) {
            return context.spark().createDataFrame(List.of(), SCHEMA);
        }
        MetricsContext.PreviousSnapshot previous = context.previous().get();
        Pairs pairs = new Pairs(context, inputs);
        List<Dataset<Row>> parts = new ArrayList<>();
        pairs.of(KpiTables.STATUS).ifPresent(p -> parts.add(statusChanges(p, "kpi", "kpi_id", "name", "status")));
        pairs.of(ScorecardTable.NAME).ifPresent(p -> parts.add(statusChanges(p, "objective", "objective_id", "name",
                "status")));
        pairs.of(ProjectHealthTable.NAME).ifPresent(p -> {
            parts.add(statusChanges(p, "project", "project_id", "name", "health"));
            parts.add(eacChanges(p));
        });
        pairs.of(RiskTables.EXPOSURE).ifPresent(p -> parts.add(riskChanges(p)));
        pairs.of(BudgetTables.VARIANCE).ifPresent(p -> parts.add(budgetChanges(p)));
        pairs.of(ServiceTable.NAME).ifPresent(p -> parts.add(serviceChanges(p)));
        Dataset<Row> all = context.spark().createDataFrame(List.of(), SCHEMA).drop("owner");
        for (Dataset<Row> part : parts) {
            all = all.unionByName(part.withColumn("previous_as_of", lit(previous.asOf())), true);
        }
        // one join for every kind of change, so the owners' datasets are read once
        Dataset<Row> owned = all.join(EntityOwners.of(context, Optional.empty()),
                col("entity_type").equalTo(col("o_type")).and(col("entity_id").equalTo(col("o_id"))), "left");
        return owned.select(java.util.Arrays.stream(SCHEMA.fieldNames()).map(name -> col(name)
                .cast(SCHEMA.apply(name).dataType())).toArray(Column[]::new));
    }

    /** A table of this run and the same table of the previous snapshot, when both exist. */
    private record Pair(Dataset<Row> now, Dataset<Row> before) {
        /** The previous snapshot's column, renamed apart from this run's. */
        Column was(String column) {
            return col("was_" + column);
        }
    }

    private record Pairs(MetricsContext context, MetricInputs inputs) {
        Optional<Pair> of(String table) {
            Optional<Dataset<Row>> now = inputs.get(table);
            Optional<Dataset<Row>> before = context.previousMetric(table);
            if (now.isEmpty() || before.isEmpty()) {
                return Optional.empty();
            }
            Dataset<Row> earlier = before.get();
            for (String column : earlier.columns()) {
                earlier = earlier.withColumnRenamed(column, "was_" + column);
            }
            return Optional.of(new Pair(now.get(), earlier));
        }
    }

    private static Dataset<Row> statusChanges(Pair pair, String entityType, String key, String name, String status) {
        return pair.now().join(pair.before(), col(key).equalTo(pair.was(key)))
                .filter(not(col(status).eqNullSafe(pair.was(status))))
                .select(lit(entityType).as("entity_type"), col(key).as("entity_id"), col(name).as("name"),
                        lit("project".equals(entityType) ? "health_changed" : "status_changed").as("change"),
                        pair.was(status).as("before"), col(status).as("after"),
                        lit(null).cast("double").as("relative_move"),
                        STATUS_DIRECTION.apply(pair.was(status), col(status)).as("direction"));
    }

    private static Dataset<Row> eacChanges(Pair pair) {
        Column before = pair.was("eac").cast("double");
        Column after = col("eac").cast("double");
        return pair.now().join(pair.before(), col("project_id").equalTo(pair.was("project_id")))
                .filter(EAC_MOVED.apply(before, after))
                .select(lit("project").as("entity_type"), col("project_id").as("entity_id"), col("name"),
                        lit("eac_moved").as("change"), pair.was("eac").cast("string").as("before"),
                        col("eac").cast("string").as("after"), EAC_MOVE.apply(before, after).as("relative_move"),
                        EAC_DIRECTION.apply(before, after).as("direction"));
    }

    /**
     * New risks (not in the previous register), risks closed since, risks gone from the register
     * (listed as removed, so nothing leaves the review unseen), and band changes.
     */
    private static Dataset<Row> riskChanges(Pair pair) {
        Dataset<Row> joined = pair.now().join(pair.before(), col("risk_id").equalTo(pair.was("risk_id")), "full_outer");
        Column id = coalesce(col("risk_id"), pair.was("risk_id"));
        Column title = coalesce(col("title"), pair.was("title"));
        Column isNew = pair.was("risk_id").isNull();
        Column removed = col("risk_id").isNull();
        Column closed = col("status").equalTo("closed").and(pair.was("status").notEqual("closed"));
        Column bandChanged = col("risk_id").isNotNull().and(pair.was("risk_id").isNotNull())
                .and(not(col("band").eqNullSafe(pair.was("band"))));
        Dataset<Row> events = joined.select(id.as("entity_id"), title.as("name"), col("status"), col("band"),
                col("is_open"), pair.was("status").as("was_status"), pair.was("band").as("was_band"),
                isNew.as("is_new"), removed.as("removed"), coalesce(closed, lit(false)).as("closed"),
                bandChanged.as("band_changed"));
        Column common = lit("risk");
        Dataset<Row> lifecycle = events.filter(col("is_new").or(col("removed")).or(col("closed")))
                .select(common.as("entity_type"), col("entity_id"), col("name"),
                        when(col("is_new"), "new").when(col("removed"), "removed").otherwise("closed").as("change"),
                        col("was_status").as("before"), col("status").as("after"),
                        lit(null).cast("double").as("relative_move"),
                        when(col("is_new").and(col("is_open")), Changes.WORSE)
                                .when(col("closed"), Changes.BETTER).otherwise(Changes.NEUTRAL).as("direction"));
        Dataset<Row> bands = events.filter(col("band_changed"))
                .select(common.as("entity_type"), col("entity_id"), col("name"), lit("band_changed").as("change"),
                        col("was_band").as("before"), col("band").as("after"),
                        lit(null).cast("double").as("relative_move"),
                        BAND_DIRECTION.apply(col("was_band"), col("band")).as("direction"));
        return lifecycle.unionByName(bands);
    }

    /**
     * Beyond SPEC.md §4.4: services that met their availability target in the previous
     * snapshot's latest month and missed it in this one's, or the other way round, so the review
     * explains a fall in SLA attainment service by service.
     */
    private static Dataset<Row> serviceChanges(Pair pair) {
        Column before = when(pair.was("sla_met"), Changes.SLA_MET).when(not(pair.was("sla_met")), Changes.SLA_MISSED);
        Column after = when(col("sla_met"), Changes.SLA_MET).when(not(col("sla_met")), Changes.SLA_MISSED);
        return pair.now().join(pair.before(), col("service_id").equalTo(pair.was("service_id")))
                .filter(not(after.eqNullSafe(before)))
                .select(lit("service").as("entity_type"), col("service_id").as("entity_id"), col("name"),
                        lit("sla_changed").as("change"), before.as("before"), after.as("after"),
                        lit(null).cast("double").as("relative_move"),
                        SLA_DIRECTION.apply(before, after).as("direction"));
    }

    private static Dataset<Row> budgetChanges(Pair pair) {
        Dataset<Row> now = pair.now().filter(col("grain").equalTo(Grains.LINE));
        Dataset<Row> before = pair.before().filter(pair.was("grain").equalTo(Grains.LINE));
        Column sameLine = col("business_unit").eqNullSafe(pair.was("business_unit"))
                .and(col("tower").eqNullSafe(pair.was("tower")))
                .and(col("category").eqNullSafe(pair.was("category")));
        Column line = concat_ws(" / ", col("business_unit"), coalesce(col("tower"), lit("(no tower)")),
                col("category"));
        return now.join(before, sameLine)
                .filter(not(col("status").eqNullSafe(pair.was("status"))))
                .select(lit("budget_line").as("entity_type"), line.as("entity_id"), line.as("name"),
                        lit("status_changed").as("change"), pair.was("status").as("before"),
                        col("status").as("after"), lit(null).cast("double").as("relative_move"),
                        STATUS_DIRECTION.apply(pair.was("status"), col("status")).as("direction"));
    }
}
