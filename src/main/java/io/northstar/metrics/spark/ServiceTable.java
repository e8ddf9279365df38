package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;

import io.northstar.contract.Datasets;
import io.northstar.metrics.service.ServiceLevels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * service_health (SPEC.md §2.9): the last 12 periods of each service, and the services it
 * depends on, directly or transitively, that missed their SLA in their latest period. The
 * transitive closure is built by joining until no pair is added, so a cycle ends the loop
 * instead of running it forever, and shows as a service that depends on itself.
 */
final class ServiceTable {
    static final String NAME = "service_health";
    private static final int PERIODS = 12;

    private static final StructType LEVELS = new StructType()
            .add("service_id", DataTypes.StringType, false)
            .add("latest_period", DataTypes.DateType)
            .add("latest_availability", DataTypes.DoubleType)
            .add("sla_met", DataTypes.BooleanType)
            .add("attainment_12", DataTypes.DoubleType)
            .add("incidents_12", DataTypes.LongType)
            .add("mttr_12", DataTypes.DoubleType);

    private ServiceTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context) {
        SnapshotTables tables = context.tables();
        if (!tables.has(Datasets.SERVICES)) {
            return Optional.empty();
        }
        Dataset<Row> services = tables.require(Datasets.SERVICES);
        Dataset<Row> levels = levels(context, services);
        Dataset<Row> health = services.select("service_id", "name", "objective_id", "tier", "availability_target")
                .join(levels, "service_id");
        Dataset<Row> closure = closure(context);
        Dataset<Row> missed = health.filter(col("sla_met").equalTo(false)).select(col("service_id").as("m_service"));
        Dataset<Row> impacted = closure.join(missed, col("depends_on").equalTo(col("m_service")))
                .filter(col("service_id").notEqual(col("depends_on")))
                .groupBy(col("service_id").as("i_service"))
                .agg(array_sort(collect_list(col("depends_on"))).as("impacted_by"));
        Dataset<Row> cycles = closure.filter(col("service_id").equalTo(col("depends_on")))
                .select(col("service_id").as("c_service")).distinct();
        return Optional.of(health
                .join(impacted, col("service_id").equalTo(col("i_service")), "left")
                .join(cycles, col("service_id").equalTo(col("c_service")), "left")
                .withColumn("impacted_by", coalesce(col("impacted_by"), org.apache.spark.sql.functions.array().cast("array<string>")))
                .withColumn("in_dependency_cycle", col("c_service").isNotNull())
                .drop("i_service", "c_service"));
    }

    /** Each service's figures over its last 12 periods on or before as_of (nulls without any). */
    private static Dataset<Row> levels(MetricsContext context, Dataset<Row> services) {
        Dataset<Row> targets = services.select("service_id", "availability_target");
        if (!context.tables().has(Datasets.SERVICE_LEVELS)) {
            return targets.map((MapFunction<Row, Row>) row -> RowFactory.create(Rows.string(row, "service_id"), null,
                    null, null, null, null, null), Encoders.row(LEVELS));
        }
        Dataset<Row> recent = context.tables().require(Datasets.SERVICE_LEVELS)
                .filter(col("period_end").leq(lit(context.asOf())))
                .withColumn("_recency", row_number().over(Window.partitionBy("service_id")
                        .orderBy(col("period_end").desc())))
                .filter(col("_recency").leq(PERIODS))
                .groupBy(col("service_id").as("l_service"))
                .agg(collect_list(struct("period_end", "availability", "incidents", "mttr_hours")).as("periods"));
        return targets.join(recent, col("service_id").equalTo(col("l_service")), "left")
                .map((MapFunction<Row, Row>) ServiceTable::health, Encoders.row(LEVELS));
    }

    private static Row health(Row row) {
        List<Row> raw = new ArrayList<>();
        int index = row.fieldIndex("periods");
        if (!row.isNullAt(index)) {
            raw.addAll(row.<Row>getList(index));
        }
        raw.sort(java.util.Comparator.comparing(r -> Rows.date(r, "period_end")));
        List<ServiceLevels.Period> periods = new ArrayList<>();
        for (Row period : raw) {
            periods.add(new ServiceLevels.Period(Rows.number(period, "availability"),
                    Rows.integer(period, "incidents"), Rows.number(period, "mttr_hours")));
        }
        ServiceLevels.Health health = ServiceLevels.health(periods, Rows.number(row, "availability_target"));
        return RowFactory.create(Rows.string(row, "service_id"),
                raw.isEmpty() ? null : Rows.date(raw.get(raw.size() - 1), "period_end"), health.latestAvailability(),
                health.slaMet(), health.attainment12(), health.incidents12(), health.mttr12());
    }

    /** (service_id, depends_on) for every direct or transitive dependency. */
    private static Dataset<Row> closure(MetricsContext context) {
        if (!context.tables().has(Datasets.SERVICE_DEPENDENCIES)) {
            return context.spark().emptyDataFrame().select(lit(null).cast("string").as("service_id"),
                    lit(null).cast("string").as("depends_on"));
        }
        Dataset<Row> edges = context.tables().require(Datasets.SERVICE_DEPENDENCIES)
                .select(col("service_id").as("e_from"), col("depends_on").as("e_to"));
        Dataset<Row> paths = context.tables().require(Datasets.SERVICE_DEPENDENCIES)
                .select("service_id", "depends_on").distinct().persist(StorageLevel.MEMORY_AND_DISK());
        long size = paths.count();
        while (true) {
            Dataset<Row> longer = paths.join(edges, col("depends_on").equalTo(col("e_from")))
                    .select(col("service_id"), col("e_to").as("depends_on"));
            Dataset<Row> next = paths.union(longer).distinct().persist(StorageLevel.MEMORY_AND_DISK());
            long nextSize = next.count();
            paths.unpersist();
            paths = next;
            if (nextSize == size) {
                return paths;
            }
            size = nextSize;
        }
    }

    /** Per objective, the services supporting it that missed their SLA or are impacted by one that did. */
    static Dataset<Row> impactedServices(Dataset<Row> health) {
        return health.filter(col("sla_met").equalTo(false).or(org.apache.spark.sql.functions.size(col("impacted_by"))
                        .gt(0)))
                .filter(col("objective_id").isNotNull())
                .groupBy(col("objective_id").as("s_objective"))
                .agg(array_sort(collect_list(col("service_id"))).as("impacted_services"));
    }
}
