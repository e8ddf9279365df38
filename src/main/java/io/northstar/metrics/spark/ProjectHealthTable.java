package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.northstar.contract.Datasets;
import io.northstar.metrics.StatusRule;
import io.northstar.metrics.portfolio.EarnedValue;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** project_health (SPEC.md §2.6): earned value from each project's latest status row ≤ as_of. */
final class ProjectHealthTable {
    static final String NAME = "project_health";

    private static final StructType RESULT = new StructType()
            .add("project_id", DataTypes.StringType, false)
            .add("name", DataTypes.StringType)
            .add("business_unit", DataTypes.StringType)
            .add("category", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("status_date", DataTypes.DateType)
            .add("percent_complete", DataTypes.DoubleType)
            .add("pv", DataTypes.DoubleType)
            .add("ev", DataTypes.DoubleType)
            .add("ac", DataTypes.DoubleType)
            .add("bac", DataTypes.DoubleType)
            .add("cv", DataTypes.DoubleType)
            .add("sv", DataTypes.DoubleType)
            .add("cpi", DataTypes.DoubleType)
            .add("spi", DataTypes.DoubleType)
            .add("eac", DataTypes.DoubleType)
            .add("etc", DataTypes.DoubleType)
            .add("vac", DataTypes.DoubleType)
            .add("tcpi", DataTypes.DoubleType)
            .add("cost_variance_pct", DataTypes.DoubleType)
            .add("schedule_variance_pct", DataTypes.DoubleType)
            .add("planned_end_date", DataTypes.DateType)
            .add("forecast_end_date", DataTypes.DateType)
            .add("slip_days", DataTypes.LongType)
            .add("cost_rag", DataTypes.StringType, false)
            .add("schedule_rag", DataTypes.StringType, false)
            .add("health", DataTypes.StringType, false);

    private static final String[] MONEY = {"pv", "ev", "ac", "bac", "cv", "sv", "eac", "etc", "vac"};

    private ProjectHealthTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context) {
        SnapshotTables tables = context.tables();
        if (!tables.has(Datasets.PROJECTS) || !tables.has(Datasets.PROJECT_STATUS)) {
            return Optional.empty();
        }
        Dataset<Row> latest = tables.require(Datasets.PROJECT_STATUS)
                .filter(col("status_date").leq(lit(context.asOf())))
                .withColumn("_recency", row_number().over(Window.partitionBy("project_id")
                        .orderBy(col("status_date").desc())))
                .filter(col("_recency").equalTo(1))
                .select(col("project_id").as("s_project"), col("status_date"), col("planned_value"),
                        col("earned_value"), col("actual_cost"), col("percent_complete"), col("forecast_end_date"));
        Dataset<Row> joined = tables.require(Datasets.PROJECTS)
                .join(latest, col("project_id").equalTo(col("s_project")));
        Dataset<Row> health = joined.map((MapFunction<Row, Row>) ProjectHealthTable::health, Encoders.row(RESULT));
        for (String money : MONEY) {
            health = health.withColumn(money, col(money).cast("decimal(18,2)"));
        }
        // the reports' project lists and counts select on it rather than repeat the rule
        return Optional.of(health.withColumn("in_active_portfolio",
                StatusColumns.matches(StatusRule.ACTIVE_PORTFOLIO, col("status"))));
    }

    private static Row health(Row row) {
        EarnedValue ev = EarnedValue.of(Rows.number(row, "budget"), Rows.number(row, "planned_value"),
                Rows.number(row, "earned_value"), Rows.number(row, "actual_cost"));
        LocalDate plannedEnd = Rows.date(row, "planned_end_date");
        LocalDate forecastEnd = Rows.date(row, "forecast_end_date");
        Long slip = plannedEnd == null || forecastEnd == null ? null : ChronoUnit.DAYS.between(plannedEnd, forecastEnd);
        return RowFactory.create(Rows.string(row, "project_id"), Rows.string(row, "name"),
                Rows.string(row, "business_unit"), Rows.string(row, "category"), Rows.string(row, "status"),
                Rows.date(row, "status_date"), Rows.number(row, "percent_complete"), ev.pv(), ev.ev(), ev.ac(),
                ev.bac(), ev.cv(), ev.sv(), ev.cpi(), ev.spi(), ev.eac(), ev.etc(), ev.vac(), ev.tcpi(),
                ev.costVariancePct(), ev.scheduleVariancePct(), plannedEnd, forecastEnd, slip, ev.costRag(),
                ev.scheduleRag(), ev.health());
    }
}
