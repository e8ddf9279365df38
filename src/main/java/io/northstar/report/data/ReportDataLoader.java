package io.northstar.report.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.northstar.ingest.DatasetOutcome;
import io.northstar.job.Job;
import io.northstar.lake.SnapshotPaths;
import io.northstar.lake.Zone;
import io.northstar.metrics.budget.BudgetMath;
import io.northstar.metrics.objective.ObjectiveScores;
import io.northstar.report.Amounts;
import io.northstar.report.ReportData;
import io.northstar.report.Tiles;
import io.northstar.run.RunManifest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;
import scala.collection.Seq;

/**
 * Reads what the executive scorecard shows from the metric tables of one snapshot. Each table
 * is aggregated or limited in Spark first, so only the handful of rows a page shows reaches
 * the driver.
 */
public final class ReportDataLoader {
    static final int MAX_PROJECTS = 40;
    static final int MAX_RISKS = 10;
    static final int MAX_SERVICES = 40;
    static final int HISTORY_POINTS = 24;

    private final SparkSession spark;
    private final SnapshotPaths paths;
    private final LocalDate asOf;
    private final Job job;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();

    /** What the appendix says about the run that ingested the snapshot. */
    public record RunInfo(String runId, String start, String sparkMaster, List<DatasetOutcome> datasets) {
        public static RunInfo of(RunManifest manifest) {
            return new RunInfo(manifest.runId(), manifest.start().toString(), manifest.sparkMaster(),
                    manifest.datasets());
        }
    }

    public ReportDataLoader(SparkSession spark, SnapshotPaths paths, LocalDate asOf, Job job) {
        this.spark = spark;
        this.paths = paths;
        this.asOf = asOf;
        this.job = job;
        parameters.put("ORGANISATION", job.organisation());
        parameters.put("AS_OF", asOf.toString());
        parameters.put("CURRENCY", job.currency());
        parameters.put("JOB", job.name());
    }

    /** Loads every section; {@code ingest} describes the run that ingested the snapshot. */
    public ReportData load(Optional<RunInfo> ingest) {
        summary();
        kpis();
        portfolio();
        budget();
        risks();
        services();
        appendix(ingest);
        return new ReportData(parameters, tables);
    }

    /**
     * One ReportData per business unit (named in projects or budget lines): its tiles, projects,
     * budget by tower, open risks, and the KPIs of the objectives its active projects serve.
     * Each table is cut to what a page shows per unit in Spark, then split by unit.
     */
    public Map<String, ReportData> businessUnits() {
        Map<String, Map<String, List<Map<String, Object>>>> units = new TreeMap<>();
        metric("alignment").ifPresent(alignment -> rows(alignment.filter(col("business_unit").isNotNull())
                .select("business_unit", "aligned_budget_share")).forEach(row -> unit(units, row)));
        metric("project_health").ifPresent(health -> {
            Dataset<Row> active = health.filter(col("status").isin("approved", "active", "on_hold"));
            rows(active.withColumn("_order", when(col("health").equalTo("red"), 0)
                            .when(col("health").equalTo("amber"), 1).otherwise(2))
                    .withColumn("_rank", row_number().over(Window.partitionBy("business_unit")
                            .orderBy(col("_order"), col("vac").asc_nulls_last(), col("project_id"))))
                    .filter(col("_rank").leq(25))
                    .select("business_unit", "name", "bac", "cpi", "spi", "eac", "vac", "health"))
                    .forEach(row -> add(units, "projects", row));
            rows(active.groupBy("business_unit").agg(count("green").as("green"), count("amber").as("amber"),
                    count("red").as("red"))).forEach(row -> add(units, "_health", row));
        });
        metric("budget_variance").ifPresent(variance -> {
            rows(variance.filter(col("grain").equalTo("business_unit"))
                    .select("business_unit", "plan_ytd", "actual_ytd", "variance_pct", "status"))
                    .forEach(row -> add(units, "_budget", row));
            List<Map<String, Object>> towers = rows(variance.filter(col("grain").equalTo("line"))
                    .groupBy(col("business_unit"),
                            org.apache.spark.sql.functions.coalesce(col("tower"), lit("(no tower)")).as("tower"))
                    .agg(org.apache.spark.sql.functions.sum("plan_ytd").as("plan_ytd"),
                            org.apache.spark.sql.functions.sum("actual_ytd").as("actual_ytd"))
                    .orderBy("business_unit", "tower"));
            towers.forEach(ReportDataLoader::towerVariance);
            towers.forEach(row -> add(units, "budget_towers", row));
        });
        metric("risk_exposure").ifPresent(risks -> {
            Dataset<Row> open = risks.filter(col("is_open").and(col("business_unit").isNotNull()));
            rows(open.filter(col("emv").isNotNull())
                    .withColumn("_rank", row_number().over(Window.partitionBy("business_unit")
                            .orderBy(col("emv").desc(), col("risk_id"))))
                    .filter(col("_rank").leq(10))
                    .select("business_unit", "risk_id", "title", "category", "band", "emv"))
                    .forEach(row -> add(units, "risks", row));
            rows(open.groupBy("business_unit").agg(org.apache.spark.sql.functions.sum("emv").as("emv"),
                    org.apache.spark.sql.functions.count(when(col("band").equalTo("critical"), 1)).as("critical"),
                    org.apache.spark.sql.functions.count(when(col("band").equalTo("high"), 1)).as("high")))
                    .forEach(row -> add(units, "_risk", row));
        });
        Optional<Dataset<Row>> projects = conformed("projects");
        Optional<Dataset<Row>> links = conformed("project_objectives");
        Optional<Dataset<Row>> status = metric("kpi_status");
        if (projects.isPresent() && links.isPresent() && status.isPresent()) {
            Dataset<Row> served = projects.get().filter(col("status").isin("approved", "active", "on_hold"))
                    .join(links.get().select(col("project_id").as("l_project"), col("objective_id").as("l_objective")),
                            col("project_id").equalTo(col("l_project")))
                    .select(col("business_unit"), col("l_objective")).distinct();
            Dataset<Row> names = metric("objective_scorecard").map(card -> card.select(col("objective_id")
                    .as("n_id"), col("name").as("objective"))).orElse(null);
            Dataset<Row> kpis = served.join(status.get(), col("l_objective").equalTo(col("objective_id")));
            if (names != null) {
                kpis = kpis.join(names, col("objective_id").equalTo(col("n_id")), "left");
            } else {
                kpis = kpis.withColumn("objective", col("objective_id"));
            }
            rows(kpis.withColumn("_rank", row_number().over(Window.partitionBy("business_unit")
                            .orderBy(col("objective_id"), col("kpi_id"))))
                    .filter(col("_rank").leq(30))
                    .select("business_unit", "name", "objective", "latest_value", "target", "unit", "status"))
                    .forEach(row -> add(units, "kpis", row));
        }
        Map<String, ReportData> data = new java.util.LinkedHashMap<>();
        units.forEach((unit, tables) -> data.put(unit, unitData(unit, tables)));
        return data;
    }

    private static void unit(Map<String, Map<String, List<Map<String, Object>>>> units, Map<String, Object> row) {
        units.computeIfAbsent((String) row.get("business_unit"), u -> new TreeMap<>())
                .computeIfAbsent("_alignment", t -> new ArrayList<>()).add(row);
    }

    private static void add(Map<String, Map<String, List<Map<String, Object>>>> units, String table,
            Map<String, Object> row) {
        String unit = (String) row.get("business_unit");
        if (unit != null) {
            units.computeIfAbsent(unit, u -> new TreeMap<>()).computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        }
    }

    private static void towerVariance(Map<String, Object> tower) {
        Double pct = BudgetMath.variancePct(((Number) tower.get("plan_ytd")).doubleValue(),
                ((Number) tower.get("actual_ytd")).doubleValue());
        tower.put("variance_pct", pct);
        tower.put("status", BudgetMath.status(pct));
    }

    /** The unit's parameters and tables, with its tiles worked out from the aggregates. */
    private ReportData unitData(String unit, Map<String, List<Map<String, Object>>> tables) {
        String currency = job.currency();
        List<Map<String, Object>> tiles = new ArrayList<>();
        first(tables, "_budget").ifPresent(budget -> tiles.add(Tiles.tile("YTD budget variance",
                Amounts.signedPercent((Double) budget.get("variance_pct")), Amounts.money(currency,
                        (Double) budget.get("actual_ytd")) + " spent against "
                        + Amounts.abbreviate((Double) budget.get("plan_ytd")) + " planned",
                (String) budget.get("status"))));
        first(tables, "_alignment").ifPresent(alignment -> {
            Double share = (Double) alignment.get("aligned_budget_share");
            tiles.add(Tiles.tile("Aligned budget", Amounts.percent(share), "of the unit's active budget serves an"
                    + " objective", Tiles.alignedBudget(share)));
        });
        first(tables, "_health").ifPresent(health -> {
            long green = (Long) health.get("green");
            long amber = (Long) health.get("amber");
            long red = (Long) health.get("red");
            tiles.add(Tiles.tile("Portfolio health", green + " · " + amber + " · " + red,
                    "projects green · amber · red", Tiles.portfolio(green, amber, red)));
        });
        first(tables, "_risk").ifPresent(risk -> tiles.add(Tiles.tile("Open risk exposure",
                Amounts.money(currency, (Double) risk.get("emv")), "expected loss of the unit's open risks",
                Tiles.riskExposure((Long) risk.get("critical"), (Long) risk.get("high")))));
        Map<String, Object> unitParameters = new LinkedHashMap<>(parameters);
        unitParameters.put("BUSINESS_UNIT", unit);
        Map<String, List<Map<String, Object>>> unitTables = new LinkedHashMap<>();
        unitTables.put("tiles", tiles);
        for (String table : new String[] {"projects", "budget_towers", "risks", "kpis"}) {
            unitTables.put(table, tables.getOrDefault(table, List.of()));
        }
        return new ReportData(unitParameters, unitTables);
    }

    private static Optional<Map<String, Object>> first(Map<String, List<Map<String, Object>>> tables, String name) {
        List<Map<String, Object>> rows = tables.get(name);
        return rows == null || rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private Optional<Dataset<Row>> metric(String table) {
        return metric(spark, paths, table);
    }

    /** A metric table of the snapshot, or empty when the snapshot has none. */
    static Optional<Dataset<Row>> metric(SparkSession spark, SnapshotPaths paths, String table) {
        return paths.partition(Zone.METRICS, table).map(path -> spark.read().parquet(path));
    }

    private Optional<Dataset<Row>> conformed(String dataset) {
        return paths.partition(Zone.CONFORMED, dataset).map(path -> spark.read().parquet(path));
    }

    private void summary() {
        List<Map<String, Object>> tiles = new ArrayList<>();
        String currency = job.currency();
        metric("objective_scorecard").ifPresent(card -> {
            Row aims = card.filter(col("level").equalTo("corporate_aim").and(col("score").isNotNull()))
                    .agg(org.apache.spark.sql.functions.sum(col("score").multiply(col("weight"))).as("ws"),
                            org.apache.spark.sql.functions.sum("weight").as("w"),
                            org.apache.spark.sql.functions.count(lit(1)).as("n"))
                    .first();
            Double score = aims.isNullAt(1) ? null
                    : ObjectiveScores.weightedMean(aims.getDouble(0), aims.getDouble(1));
            tiles.add(Tiles.tile("Strategy score", Amounts.percent(score), "weighted over " + aims.getLong(2)
                    + " corporate aims", score == null ? Tiles.NONE : ObjectiveScores.statusOf(score)));
        });
        Optional<Dataset<Row>> alignment = metric("alignment");
        alignment.ifPresent(table -> {
            Row total = table.filter(col("business_unit").isNull()).first();
            Double share = doubleOf(total, "aligned_budget_share");
            tiles.add(Tiles.tile("Aligned budget", Amounts.percent(share), "of the active portfolio's budget serves"
                    + " an objective", Tiles.alignedBudget(share)));
        });
        metric("budget_variance").ifPresent(table -> {
            Row total = table.filter(col("grain").equalTo("total")).first();
            tiles.add(Tiles.tile("YTD budget variance", Amounts.signedPercent(doubleOf(total, "variance_pct")),
                    Amounts.money(currency, doubleOf(total, "actual_ytd")) + " spent against "
                            + Amounts.abbreviate(doubleOf(total, "plan_ytd")) + " planned",
                    (String) total.getAs("status")));
        });
        metric("project_health").ifPresent(table -> {
            Row counts = table.filter(col("status").isin("approved", "active", "on_hold"))
                    .agg(count("green"), count("amber"), count("red")).first();
            long green = counts.getLong(0);
            long amber = counts.getLong(1);
            long red = counts.getLong(2);
            tiles.add(Tiles.tile("Portfolio health", green + " · " + amber + " · " + red,
                    "projects green · amber · red", Tiles.portfolio(green, amber, red)));
        });
        metric("risk_exposure").ifPresent(table -> {
            Row open = table.filter(col("is_open")).agg(org.apache.spark.sql.functions.sum("emv").as("emv"),
                    org.apache.spark.sql.functions.count(when(col("band").equalTo("critical"), 1)),
                    org.apache.spark.sql.functions.count(when(col("band").equalTo("high"), 1))).first();
            String p90 = metric("risk_simulation").map(simulation -> simulation.filter(col("scope")
                    .equalTo("portfolio")).first()).map(row -> "simulated P90 " + Amounts.money(currency,
                    doubleOf(row, "p90"))).orElse("no simulation");
            tiles.add(Tiles.tile("Open risk exposure", Amounts.money(currency, doubleOf(open, "emv")), p90,
                    Tiles.riskExposure(open.getLong(1), open.getLong(2))));
        });
        metric("service_health").ifPresent(table -> {
            Row sla = table.filter(col("sla_met").isNotNull()).agg(
                    org.apache.spark.sql.functions.count(when(col("sla_met"), 1)),
                    org.apache.spark.sql.functions.count(lit(1))).first();
            Double share = sla.getLong(1) == 0 ? null : (double) sla.getLong(0) / sla.getLong(1);
            tiles.add(Tiles.tile("SLA attainment", Amounts.percent(share), sla.getLong(0) + " of " + sla.getLong(1)
                    + " services met their target", Tiles.slaAttainment(share)));
        });
        tables.put("tiles", tiles);

        metric("objective_scorecard").ifPresent(card -> {
            Dataset<Row> parents = card.select(col("objective_id").as("p_id"), col("name").as("corporate_aim"));
            tables.put("aims", rows(card.filter(col("level").equalTo("it_aim"))
                    .join(parents, col("parent_id").equalTo(col("p_id")), "left")
                    .select("objective_id", "name", "corporate_aim", "score", "status", "project_count",
                            "allocated_budget", "open_risk_emv")
                    .orderBy("corporate_aim", "objective_id")));
        });
        // the most severe first, at most two of a kind, so the page shows the breadth of what needs attention
        metric("findings").ifPresent(findings -> tables.put("findings", rows(findings
                .withColumn("_of_kind", row_number().over(Window.partitionBy("code").orderBy("sort_order")))
                .filter(col("_of_kind").leq(2))
                .orderBy("sort_order").limit(job.report().topFindings()).select("severity", "code", "message"))));
    }

    private static org.apache.spark.sql.Column count(String health) {
        return org.apache.spark.sql.functions.count(when(col("health").equalTo(health), 1));
    }

    private void kpis() {
        Optional<Dataset<Row>> status = metric("kpi_status");
        Optional<Dataset<Row>> trend = metric("kpi_trend");
        Optional<Dataset<Row>> card = metric("objective_scorecard");
        if (status.isEmpty() || trend.isEmpty() || card.isEmpty()) {
            return;
        }
        Dataset<Row> objectives = card.get().select(col("objective_id").as("o_id"), col("name").as("objective"),
                col("parent_id").as("o_parent"), col("status").as("objective_status"));
        Dataset<Row> aims = card.get().select(col("objective_id").as("a_id"), col("name").as("aim"));
        Dataset<Row> rows = status.get()
                .join(trend.get().select(col("kpi_id").as("t_kpi"), col("direction"), col("forecast"),
                        col("forecast_low"), col("forecast_high"), col("attainment_probability"),
                        col("deadline_passed")),
                        col("kpi_id").equalTo(col("t_kpi")))
                .join(objectives, col("objective_id").equalTo(col("o_id")), "left")
                .join(aims, col("o_parent").equalTo(col("a_id")), "left");
        Optional<Dataset<Row>> observations = conformed("kpi_observations");
        if (observations.isPresent()) {
            Dataset<Row> history = observations.get().filter(col("period_end").leq(lit(asOf)))
                    .withColumn("_recency", row_number().over(Window.partitionBy("kpi_id")
                            .orderBy(col("period_end").desc())))
                    .filter(col("_recency").leq(HISTORY_POINTS))
                    .groupBy(col("kpi_id").as("h_kpi"))
                    .agg(collect_list(struct(col("period_end").cast("string").as("period"), col("value")))
                            .as("history"));
            rows = rows.join(history, col("kpi_id").equalTo(col("h_kpi")), "left");
        } else {
            rows = rows.withColumn("history", lit(null).cast("array<struct<period:string,value:double>>"));
        }
        List<Map<String, Object>> kpis = rows(rows.select("kpi_id", "name", "unit", "aim", "objective",
                "objective_status", "latest_value", "target", "target_date", "status", "direction", "forecast",
                "forecast_low", "forecast_high", "attainment_probability", "deadline_passed", "history")
                .orderBy(col("aim").asc_nulls_last(), col("objective").asc_nulls_last(), col("kpi_id")));
        kpis.forEach(ReportDataLoader::chartPoints);
        tables.put("kpis", kpis);
    }

    /**
     * The KPI's history as chart points: x counts observations back from the latest (-23..0),
     * oldest first, each with the target so the chart can draw it as a line.
     */
    @SuppressWarnings("unchecked")
    private static void chartPoints(Map<String, Object> kpi) {
        List<Map<String, Object>> history = (List<Map<String, Object>>) kpi.get("history");
        if (history == null) {
            return;
        }
        history.sort(java.util.Comparator.comparing(point -> (String) point.get("period")));
        for (int i = 0; i < history.size(); i++) {
            Map<String, Object> point = history.get(i);
            point.put("x", (double) (i - history.size() + 1));
            point.put("target", kpi.get("target"));
        }
    }

    private void portfolio() {
        metric("project_health").ifPresent(health -> {
            Dataset<Row> active = health.filter(col("status").isin("approved", "active", "on_hold"));
            parameters.put("PROJECTS_TOTAL", active.count());
            tables.put("projects", rows(active.withColumn("_order", when(col("health").equalTo("red"), 0)
                            .when(col("health").equalTo("amber"), 1).otherwise(2))
                    .orderBy(col("_order"), col("vac").asc_nulls_last(), col("project_id"))
                    .limit(MAX_PROJECTS)
                    .select("project_id", "name", "business_unit", "bac", "cpi", "spi", "eac", "vac", "health")));
            List<Map<String, Object>> scatter = rows(active.filter(col("cpi").isNotNull().and(col("spi").isNotNull()))
                    .select(lit("Projects").as("series"), col("cpi").as("x"), col("spi").as("y")).limit(1000));
            scatter.addAll(guides());
            tables.put("scatter", scatter);
        });
        metric("priority").ifPresent(priority -> tables.put("priority", rows(priority.orderBy("rank").limit(15)
                .select("rank", "name", "business_unit", "status", "priority_score", "quick_win", "funded",
                        "outranks_funded"))));
    }

    /** Dotted guide lines at 1.0 (on plan) and 0.9 on both axes of the CPI x SPI chart. */
    private static List<Map<String, Object>> guides() {
        List<Map<String, Object>> points = new ArrayList<>();
        for (double level : new double[] {1.0, 0.9}) {
            String series = level == 1.0 ? "on plan (1.0)" : "warning (0.9)";
            for (double t = 0.5; t <= 1.3001; t += 0.025) {
                points.add(Map.of("series", series, "x", level, "y", t));
                points.add(Map.of("series", series, "x", t, "y", level));
            }
        }
        return points;
    }

    private void budget() {
        metric("budget_monthly").ifPresent(monthly -> {
            List<Map<String, Object>> months = rows(monthly.groupBy("period")
                    .agg(org.apache.spark.sql.functions.sum("plan").as("plan"),
                            org.apache.spark.sql.functions.sum("actual").as("actual"))
                    .filter(col("period").leq(asOf.toString().substring(0, 7)))
                    .orderBy(col("period").desc()).limit(HISTORY_POINTS).orderBy("period"));
            // "01/26" fits under a bar where "2026-01" does not
            months.forEach(month -> month.put("period", ((String) month.get("period")).substring(5) + "/"
                    + ((String) month.get("period")).substring(2, 4)));
            tables.put("budget_monthly", months);
        });
        metric("budget_variance").ifPresent(variance -> {
            tables.put("budget_units", rows(variance.filter(col("grain").isin("business_unit", "total"))
                    .withColumn("_order", when(col("grain").equalTo("total"), 1).otherwise(0))
                    .orderBy("_order", "business_unit")
                    .select("grain", "business_unit", "plan_ytd", "actual_ytd", "variance", "variance_pct",
                            "forecast_fy", "status")));
            List<Map<String, Object>> towers = rows(variance.filter(col("grain").equalTo("line"))
                    .groupBy(org.apache.spark.sql.functions.coalesce(col("tower"), lit("(no tower)")).as("tower"))
                    .agg(org.apache.spark.sql.functions.sum("plan_ytd").as("plan_ytd"),
                            org.apache.spark.sql.functions.sum("actual_ytd").as("actual_ytd"))
                    .orderBy("tower"));
            for (Map<String, Object> tower : towers) {
                double plan = ((Number) tower.get("plan_ytd")).doubleValue();
                double actual = ((Number) tower.get("actual_ytd")).doubleValue();
                Double pct = BudgetMath.variancePct(plan, actual);
                tower.put("variance_pct", pct);
                tower.put("status", BudgetMath.status(pct));
            }
            tables.put("budget_towers", towers);
        });
        metric("alignment").ifPresent(alignment -> {
            Row total = alignment.filter(col("business_unit").isNull()).first();
            List<Map<String, Object>> split = new ArrayList<>();
            for (String category : new String[] {"run", "grow", "transform"}) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("category", category);
                row.put("share", doubleOf(total, category + "_share"));
                split.add(row);
            }
            tables.put("budget_split", split);
        });
        metric("vendor_concentration").ifPresent(vendors -> {
            // the five largest: the budget section then fits its page; the HHI covers every vendor
            List<Map<String, Object>> rows = rows(vendors.orderBy(col("actual_ytd").desc(), col("vendor")).limit(5)
                    .select("vendor", "actual_ytd", "share", "hhi"));
            parameters.put("HHI", rows.isEmpty() ? null : rows.get(0).get("hhi"));
            tables.put("vendors", rows);
        });
    }

    private void risks() {
        metric("risk_heatmap").ifPresent(cells -> tables.put("heatmap", rows(cells.orderBy(col("impact").desc(),
                col("likelihood")))));
        metric("risk_exposure").ifPresent(risks -> {
            tables.put("top_risks", rows(risks.filter(col("is_open").and(col("emv").isNotNull()))
                    .orderBy(col("emv").desc(), col("risk_id")).limit(MAX_RISKS)
                    .select("risk_id", "title", "category", "band", "score", "p", "expected_impact", "emv", "status")));
            tables.put("overdue", rows(risks.filter(col("overdue")).orderBy("mitigation_due", "risk_id").limit(15)
                    .select("risk_id", "title", "owner", "band", "mitigation_due")));
        });
        metric("risk_simulation").ifPresent(simulation -> {
            List<Map<String, Object>> rows = rows(simulation.withColumn("_order",
                    when(col("scope").equalTo("portfolio"), 0).otherwise(1)).orderBy("_order", "key")
                    .select("scope", "key", "trials", "mean", "p50", "p80", "p90", "p95", "max"));
            tables.put("simulation", rows);
        });
    }

    private void services() {
        metric("service_health").ifPresent(services -> tables.put("services", rows(services
                .withColumn("_order", when(col("sla_met").equalTo(false), 0)
                        .when(org.apache.spark.sql.functions.size(col("impacted_by")).gt(0), 1).otherwise(2))
                .orderBy("_order", "service_id").limit(MAX_SERVICES)
                .select("service_id", "name", "tier", "availability_target", "latest_availability", "attainment_12",
                        "sla_met", "impacted_by"))));
        metric("objective_scorecard").ifPresent(card -> tables.put("impacted_objectives", rows(card
                .filter(org.apache.spark.sql.functions.size(col("impacted_services")).gt(0))
                .orderBy("objective_id").select("objective_id", "name", "impacted_services"))));
    }

    private void appendix(Optional<RunInfo> ingest) {
        Optional<Dataset<Row>> smart = metric("kpi_smart");
        Optional<Dataset<Row>> status = metric("kpi_status");
        if (smart.isPresent() && status.isPresent()) {
            tables.put("smart", rows(smart.get().join(status.get().select(col("kpi_id").as("s_kpi"), col("name")),
                            col("kpi_id").equalTo(col("s_kpi")))
                    .orderBy("kpi_id").select("kpi_id", "name", "specific", "measurable", "achievable", "relevant",
                            "time_bound", "smart_score")));
        }
        ingest.ifPresent(manifest -> {
            parameters.put("RUN_ID", manifest.runId());
            parameters.put("RUN_START", manifest.start());
            parameters.put("SPARK_MASTER", manifest.sparkMaster());
            List<Map<String, Object>> quality = new ArrayList<>();
            for (DatasetOutcome outcome : manifest.datasets()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dataset", outcome.dataset());
                row.put("source", outcome.source());
                row.put("rows_read", outcome.rowsRead());
                row.put("kept", outcome.kept());
                row.put("deduplicated", outcome.deduplicated());
                row.put("quarantined", outcome.quarantined());
                StringBuilder reasons = new StringBuilder();
                new TreeMap<>(outcome.quarantinedByReason()).forEach((reason, n) -> reasons
                        .append(reasons.length() == 0 ? "" : ", ").append(reason).append(' ').append(n));
                row.put("reasons", reasons.toString());
                quality.add(row);
            }
            tables.put("quality", quality);
        });
    }

    private static Double doubleOf(Row row, String column) {
        int index = row.fieldIndex(column);
        return row.isNullAt(index) ? null : ((Number) row.get(index)).doubleValue();
    }

    /** The rows as maps for the report: dates become ISO strings, arrays lists, nested rows maps. */
    static List<Map<String, Object>> rows(Dataset<Row> rows) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Row row : rows.collectAsList()) {
            maps.add(map(row));
        }
        return maps;
    }

    private static Map<String, Object> map(Row row) {
        Map<String, Object> map = new LinkedHashMap<>();
        StructField[] fields = row.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().startsWith("_")) {
                continue;
            }
            map.put(fields[i].name(), value(row.isNullAt(i) ? null : row.get(i)));
        }
        return map;
    }

    private static Object value(Object value) {
        if (value instanceof LocalDate || value instanceof java.sql.Date) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof Row nested) {
            return map(nested);
        }
        if (value instanceof Seq<?> seq) {
            List<Object> list = new ArrayList<>();
            scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(item -> list.add(value(item)));
            return list;
        }
        if (value instanceof List<?> items) {
            List<Object> list = new ArrayList<>();
            items.forEach(item -> list.add(value(item)));
            return list;
        }
        return value;
    }
}
