package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.northstar.contract.Datasets;
import io.northstar.metrics.StatusRule;
import io.northstar.metrics.risk.MonteCarlo;
import io.northstar.metrics.risk.RiskBands;
import io.northstar.metrics.risk.RiskMath;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** risk_exposure, risk_summary, risk_heatmap and risk_simulation (SPEC.md §2.8). */
final class RiskTables {
    static final String EXPOSURE = "risk_exposure";
    static final String SUMMARY = "risk_summary";
    static final String HEATMAP = "risk_heatmap";
    static final String SIMULATION = "risk_simulation";

    private static final UserDefinedFunction BAND = functions.udf(
            (UDF1<Integer, String>) score -> score == null ? null : RiskBands.band(score), DataTypes.StringType);
    private static final UserDefinedFunction PROBABILITY = functions.udf(
            (UDF2<Integer, Double, Double>) RiskMath::probability, DataTypes.DoubleType);
    private static final UserDefinedFunction EXPECTED_IMPACT = functions.udf(
            (UDF3<Double, Double, Double, Double>) RiskMath::expectedImpact, DataTypes.DoubleType);

    private static final StructType SIMULATION_SCHEMA = new StructType()
            .add("scope", DataTypes.StringType, false)
            .add("key", DataTypes.StringType)
            .add("trials", DataTypes.IntegerType, false)
            .add("mean", DataTypes.DoubleType, false)
            .add("p50", DataTypes.DoubleType, false)
            .add("p80", DataTypes.DoubleType, false)
            .add("p90", DataTypes.DoubleType, false)
            .add("p95", DataTypes.DoubleType, false)
            .add("max", DataTypes.DoubleType, false);

    private RiskTables() {
    }

    static Map<String, Dataset<Row>> compute(MetricsContext context) {
        if (!context.tables().has(Datasets.RISKS)) {
            return Map.of();
        }
        Dataset<Row> exposure = exposure(context);
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(EXPOSURE, exposure);
        tables.put(SUMMARY, summary(context, exposure));
        tables.put(HEATMAP, heatmap(context, exposure));
        tables.put(SIMULATION, simulation(context, exposure));
        return tables;
    }

    /**
     * The register as it stood on as_of: a risk identified after it is a row dated after as_of,
     * which no metric uses (SPEC.md, vocabulary); a risk without an identified_date counts.
     */
    static Dataset<Row> registeredBy(MetricsContext context) {
        return context.tables().require(Datasets.RISKS)
                .filter(col("identified_date").isNull().or(col("identified_date").leq(lit(context.asOf()))));
    }

    static Dataset<Row> exposure(MetricsContext context) {
        Dataset<Row> risks = registeredBy(context);
        if (context.tables().has(Datasets.PROJECTS)) {
            Dataset<Row> units = context.tables().require(Datasets.PROJECTS)
                    .select(col("project_id").as("u_project"), col("business_unit"));
            risks = risks.join(units, col("project_id").equalTo(col("u_project")), "left").drop("u_project");
        } else {
            risks = risks.withColumn("business_unit", lit(null).cast("string"));
        }
        Column score = col("likelihood").multiply(col("impact"));
        Column residual = col("residual_likelihood").multiply(col("residual_impact"));
        Column open = StatusColumns.matches(StatusRule.OPEN_RISK, col("status"));
        return risks
                .withColumn("score", score)
                .withColumn("band", BAND.apply(score))
                .withColumn("residual_score", residual)
                .withColumn("residual_band", BAND.apply(residual))
                .withColumn("p", PROBABILITY.apply(col("likelihood"), col("probability")))
                .withColumn("expected_impact", EXPECTED_IMPACT.apply(col("cost_low").cast("double"),
                        col("cost_most_likely").cast("double"), col("cost_high").cast("double")))
                .withColumn("emv", col("p").multiply(col("expected_impact")))
                .withColumn("is_open", open)
                .withColumn("overdue", open.and(coalesce(col("mitigation_due").lt(lit(context.asOf())), lit(false))))
                .select("risk_id", "title", "category", "status", "is_open", "project_id", "objective_id",
                        "service_id", "business_unit", "owner", "likelihood", "impact", "score", "band",
                        "residual_likelihood", "residual_impact", "residual_score", "residual_band", "p",
                        "cost_low", "cost_most_likely", "cost_high", "expected_impact", "emv", "mitigation_due",
                        "overdue");
    }

    /** Open risks by category, project, business unit (via the project) and objective. */
    private static Dataset<Row> summary(MetricsContext context, Dataset<Row> exposure) {
        Dataset<Row> open = exposure.filter(col("is_open"));
        Column high = col("band").isin("high", "critical");
        List<Dataset<Row>> parts = new ArrayList<>();
        for (String dimension : new String[] {"category", "project_id", "business_unit"}) {
            parts.add(open.filter(col(dimension).isNotNull())
                    .groupBy(col(dimension).as("key"))
                    .agg(count(lit(1)).as("open_count"), count(when(high, 1)).as("high_count"),
                            MetricUdfs.exactSum(coalesce(col("emv"), lit(0.0))).as("emv"))
                    .withColumn("dimension", lit(dimension.equals("project_id") ? "project" : dimension)));
        }
        Dataset<Row> byObjective = open.filter(col("objective_id").isNotNull())
                .select(col("risk_id"), col("objective_id").as("key"), high.as("high"),
                        coalesce(col("emv"), lit(0.0)).as("amount"));
        if (context.tables().has(Datasets.PROJECT_OBJECTIVES)) {
            Dataset<Row> links = context.tables().require(Datasets.PROJECT_OBJECTIVES)
                    .select(col("project_id").as("l_project"), col("objective_id").as("l_objective"),
                            col("contribution"));
            byObjective = byObjective.unionByName(open.join(links, col("project_id").equalTo(col("l_project")))
                    .select(col("risk_id"), col("l_objective").as("key"), high.as("high"),
                            coalesce(col("emv"), lit(0.0)).multiply(col("contribution")).as("amount")));
        }
        parts.add(byObjective.groupBy("key")
                .agg(count_distinct(col("risk_id")).as("open_count"),
                        count_distinct(when(col("high"), col("risk_id"))).as("high_count"),
                        MetricUdfs.exactSum(col("amount")).as("emv"))
                .withColumn("dimension", lit("objective")));
        return parts.stream().reduce(Dataset::unionByName).orElseThrow()
                .select("dimension", "key", "open_count", "high_count", "emv");
    }

    /** All 25 likelihood × impact cells with the number of open risks in each. */
    private static Dataset<Row> heatmap(MetricsContext context, Dataset<Row> exposure) {
        Dataset<Row> cells = context.spark().range(1, 6).select(col("id").cast("int").as("likelihood"))
                .crossJoin(context.spark().range(1, 6).select(col("id").cast("int").as("impact")));
        Dataset<Row> counts = exposure.filter(col("is_open"))
                .groupBy(col("likelihood").as("c_likelihood"), col("impact").as("c_impact")).agg(count(lit(1)).as("n"));
        return cells.join(counts, col("likelihood").equalTo(col("c_likelihood"))
                        .and(col("impact").equalTo(col("c_impact"))), "left")
                .select(col("likelihood"), col("impact"), coalesce(col("n"), lit(0L)).as("count"))
                .orderBy("likelihood", "impact");
    }

    /**
     * The Monte Carlo over open risks with a cost range: each partition adds its risks' per-trial
     * losses (whole cents) into one vector per scope; the vectors are summed (exact, so the
     * partitioning cannot change a result) and summarised on the driver — trials × scopes longs.
     */
    private static Dataset<Row> simulation(MetricsContext context, Dataset<Row> exposure) {
        int trials = context.job().risk().trials();
        long seed = context.job().risk().seed();
        Totals totals = simulated(context, exposure).javaRDD()
                .mapPartitions(rows -> simulatePartition(rows, trials, seed))
                // merged on the executors: each partition's vectors are trials × scopes longs, and
                // there are two partitions a core, which on a large cluster is many for the driver
                .treeReduce(Totals::plus);
        List<Row> rows = new ArrayList<>();
        rows.add(summaryRow("portfolio", null, totals.portfolio()));
        totals.byCategory.forEach((category, losses) -> rows.add(summaryRow("category", category, losses)));
        return context.spark().createDataFrame(rows, SIMULATION_SCHEMA);
    }

    /**
     * The open risks with a cost range, spread over two partitions a core. Why: the register is
     * one small Parquet file, so one partition, and the simulation ran on one core (20 s at
     * 12,000 risks in a scale-100 run) while the other had nothing left to do (BENCHMARKS.md,
     * fifth round).
     */
    static Dataset<Row> simulated(MetricsContext context, Dataset<Row> exposure) {
        return exposure.filter(col("is_open").and(col("expected_impact").isNotNull()))
                .select("risk_id", "category", "p", "cost_low", "cost_most_likely", "cost_high")
                .repartition(2 * context.spark().sparkContext().defaultParallelism());
    }

    private static Iterator<Totals> simulatePartition(Iterator<Row> rows, int trials, long seed) {
        Totals totals = new Totals(trials);
        while (rows.hasNext()) {
            Row row = rows.next();
            MonteCarlo.SimRisk risk = new MonteCarlo.SimRisk(Rows.string(row, "risk_id"), Rows.string(row, "category"),
                    Rows.number(row, "p"), Rows.number(row, "cost_low"), Rows.number(row, "cost_most_likely"),
                    Rows.number(row, "cost_high"));
            MonteCarlo.addLosses(risk, seed, totals.of(risk.category()));
        }
        return List.of(totals).iterator();
    }

    private static Row summaryRow(String scope, String key, long[] losses) {
        MonteCarlo.Summary summary = MonteCarlo.summarize(losses);
        return RowFactory.create(scope, key, summary.trials(), summary.mean(), summary.p50(), summary.p80(),
                summary.p90(), summary.p95(), summary.max());
    }

    /**
     * Per-trial losses in cents for each category; the portfolio's is their sum, taken once at
     * the end rather than for every risk.
     */
    private static final class Totals implements Serializable {
        private static final long serialVersionUID = 1L;
        final int trials;
        final TreeMap<String, long[]> byCategory = new TreeMap<>();

        Totals(int trials) {
            this.trials = trials;
        }

        /** The category's per-trial losses, to add a risk's into. */
        long[] of(String category) {
            return byCategory.computeIfAbsent(category, c -> new long[trials]);
        }

        long[] portfolio() {
            long[] portfolio = new long[trials];
            byCategory.values().forEach(losses -> addInto(portfolio, losses));
            return portfolio;
        }

        Totals plus(Totals other) {
            Totals sum = new Totals(trials);
            sum.add(this);
            sum.add(other);
            return sum;
        }

        private void add(Totals other) {
            other.byCategory.forEach((category, losses) -> addInto(of(category), losses));
        }

        private static void addInto(long[] total, long[] losses) {
            for (int t = 0; t < losses.length; t++) {
                total[t] += losses[t];
            }
        }
    }
}
