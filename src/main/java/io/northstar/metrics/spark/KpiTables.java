package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.northstar.contract.Datasets;
import io.northstar.job.Settings;
import io.northstar.metrics.kpi.Kpi;
import io.northstar.metrics.kpi.KpiSmart;
import io.northstar.metrics.kpi.KpiStatus;
import io.northstar.metrics.kpi.KpiStatusCalculator;
import io.northstar.metrics.kpi.KpiTrend;
import io.northstar.metrics.kpi.KpiTrendCalculator;
import io.northstar.metrics.kpi.Observation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * kpi_status, kpi_trend and kpi_smart (SPEC.md §2.1–2.3): Spark gathers each KPI's observations
 * (one group per KPI, never the whole table on the driver) and the plain-Java calculators do
 * the math, in one pass that the three tables are selected from.
 */
final class KpiTables {
    static final String STATUS = "kpi_status";
    static final String TREND = "kpi_trend";
    static final String SMART = "kpi_smart";

    private static final StructType RESULT = new StructType()
            .add("kpi_id", DataTypes.StringType, false)
            .add("name", DataTypes.StringType)
            .add("objective_id", DataTypes.StringType)
            .add("unit", DataTypes.StringType)
            .add("target", DataTypes.DoubleType)
            .add("target_date", DataTypes.DateType)
            .add("latest_value", DataTypes.DoubleType)
            .add("latest_period", DataTypes.DateType)
            .add("expected_value", DataTypes.DoubleType)
            .add("span", DataTypes.DoubleType)
            .add("gap", DataTypes.DoubleType)
            .add("status", DataTypes.StringType, false)
            .add("attainment", DataTypes.DoubleType)
            .add("value_decimals", DataTypes.IntegerType, false)
            .add("n", DataTypes.IntegerType, false)
            .add("slope_per_day", DataTypes.DoubleType)
            .add("intercept", DataTypes.DoubleType)
            .add("r2", DataTypes.DoubleType)
            .add("slope_p_value", DataTypes.DoubleType)
            .add("direction", DataTypes.StringType, false)
            .add("forecast", DataTypes.DoubleType)
            .add("forecast_low", DataTypes.DoubleType)
            .add("forecast_high", DataTypes.DoubleType)
            .add("attainment_probability", DataTypes.DoubleType)
            .add("deadline_passed", DataTypes.BooleanType)
            .add("specific", DataTypes.BooleanType, false)
            .add("measurable", DataTypes.BooleanType, false)
            .add("achievable", DataTypes.BooleanType)
            .add("relevant", DataTypes.BooleanType, false)
            .add("time_bound", DataTypes.BooleanType, false)
            .add("smart_score", DataTypes.DoubleType, false);

    private KpiTables() {
    }

    /** The one pass the three tables are selected from; cached until released. */
    record Result(Dataset<Row> all) {
        Dataset<Row> status() {
            return all.select("kpi_id", "name", "objective_id", "unit", "target", "target_date", "latest_value",
                    "latest_period", "expected_value", "span", "gap", "status", "attainment", "value_decimals");
        }

        Dataset<Row> trend() {
            return all.select("kpi_id", "n", "slope_per_day", "intercept", "r2", "slope_p_value", "direction",
                    "forecast", "forecast_low", "forecast_high", "attainment_probability", "deadline_passed");
        }

        Dataset<Row> smart() {
            return all.select("kpi_id", "specific", "measurable", "achievable", "relevant", "time_bound",
                    "smart_score");
        }

        void release() {
            all.unpersist();
        }
    }

    /**
     * Writes kpi_status, kpi_trend and kpi_smart from one cached pass, released once they are
     * written; nothing when the job has no KPIs.
     */
    static void write(MetricsContext context, MetricOutputs out) {
        compute(context).ifPresent(result -> {
            try {
                out.write(STATUS, result.status());
                out.write(TREND, result.trend());
                out.write(SMART, result.smart());
            } finally {
                result.release();
            }
        });
    }

    /** The KPI results, or empty when the job has no KPIs. */
    static Optional<Result> compute(MetricsContext context) {
        if (!context.tables().has(Datasets.KPIS)) {
            return Optional.empty();
        }
        Dataset<Row> kpis = context.tables().require(Datasets.KPIS);
        for (String bound : List.of(Datasets.KPI_LOWER_BOUND, Datasets.KPI_UPPER_BOUND)) {
            if (!List.of(kpis.columns()).contains(bound)) {
                // a snapshot ingested before KPIs had bounds, recomputed by `northstar metrics`: unbounded
                kpis = kpis.withColumn(bound, lit(null).cast("double"));
            }
        }
        Dataset<Row> joined = kpis;
        if (context.tables().has(Datasets.KPI_OBSERVATIONS)) {
            Dataset<Row> grouped = context.tables().require(Datasets.KPI_OBSERVATIONS)
                    .filter(col("period_end").leq(lit(context.asOf())))
                    .groupBy(col("kpi_id").as("obs_kpi_id"))
                    .agg(collect_list(struct(col("period_end"), col("value"))).as("observations"));
            joined = joined.join(grouped, col("kpi_id").equalTo(col("obs_kpi_id")), "left").drop("obs_kpi_id");
        } else {
            joined = joined.withColumn("observations", lit(null).cast("array<struct<period_end:date,value:double>>"));
        }
        if (context.tables().has(Datasets.OBJECTIVES)) {
            Dataset<Row> anchors = ObjectiveTree.anchors(context.tables().require(Datasets.OBJECTIVES))
                    .withColumnRenamed("objective_id", "anchor_id");
            joined = joined.join(anchors, col("objective_id").equalTo(col("anchor_id")), "left").drop("anchor_id");
        } else {
            joined = joined.withColumn("anchored", lit(null).cast("boolean"));
        }
        Settings.Trend trend = context.job().trend();
        Dataset<Row> results = joined.mapPartitions(
                new Calculate(context.asOf(), trend.window(), trend.alpha(), trend.confidence()), Encoders.row(RESULT));
        return Optional.of(new Result(results.persist(StorageLevel.MEMORY_AND_DISK())));
    }

    /** Runs on the executors: one KPI row with its observations in, one result row out. */
    private static final class Calculate implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final LocalDate asOf;
        private final int window;
        private final double alpha;
        private final double confidence;

        Calculate(LocalDate asOf, int window, double alpha, double confidence) {
            this.asOf = asOf;
            this.window = window;
            this.alpha = alpha;
            this.confidence = confidence;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    return calculate(rows.next());
                }
            };
        }

        private Row calculate(Row row) {
            Kpi kpi = new Kpi(Rows.string(row, "kpi_id"), Rows.string(row, "name"), Rows.string(row, "objective_id"),
                    Rows.string(row, "unit"), "higher_is_better".equals(Rows.string(row, "direction")),
                    Rows.number(row, "baseline"), Rows.date(row, "baseline_date"), Rows.number(row, "target"),
                    Rows.date(row, "target_date"), Rows.number(row, "tolerance"), Rows.string(row, "owner"),
                    Rows.number(row, Datasets.KPI_LOWER_BOUND), Rows.number(row, Datasets.KPI_UPPER_BOUND));
            List<Observation> observations = new ArrayList<>();
            int index = row.fieldIndex("observations");
            if (!row.isNullAt(index)) {
                for (Row observation : row.<Row>getList(index)) {
                    observations.add(new Observation(Rows.date(observation, "period_end"),
                            Rows.number(observation, "value")));
                }
            }
            KpiStatus status = KpiStatusCalculator.status(kpi, observations, asOf);
            KpiTrend trend = KpiTrendCalculator.trend(kpi, observations, asOf, window, alpha, confidence);
            KpiSmart smart = KpiSmart.of(kpi, trend, Boolean.TRUE.equals(Rows.bool(row, "anchored")));
            return RowFactory.create(kpi.kpiId(), kpi.name(), kpi.objectiveId(), kpi.unit(), kpi.target(),
                    kpi.targetDate(), status.latestValue(), status.latestPeriod(), status.expectedValue(),
                    status.span(), status.gap(), status.status(), status.attainment(),
                    io.northstar.metrics.kpi.ValueDecimals.of(observations), trend.n(), trend.slopePerDay(),
                    trend.intercept(), trend.r2(), trend.slopePValue(), trend.direction(), trend.forecast(),
                    trend.forecastLow(), trend.forecastHigh(), trend.attainmentProbability(), trend.deadlinePassed(),
                    smart.specific(),
                    smart.measurable(), smart.achievable(), smart.relevant(), smart.timeBound(), smart.smartScore());
        }
    }
}
