package io.northstar.report.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import io.northstar.contract.Datasets;
import io.northstar.ingest.DatasetOutcome;
import io.northstar.job.Job;
import io.northstar.lake.SnapshotPaths;
import io.northstar.lake.Zone;
import io.northstar.metrics.StatusRule;
import io.northstar.metrics.spark.StatusColumns;
import io.northstar.report.OwnerIndex;
import io.northstar.report.PageText;
import io.northstar.report.ReportData;
import io.northstar.report.Tiles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import scala.collection.Seq;

/**
 * Reads what the executive and business-unit scorecards show from the metric tables of one
 * snapshot (SPEC.md §2.12): it selects, orders and cuts rows, and looks names up by id, but
 * computes no figure, so a PDF shows what {@code northstar query} and publish.jdbc show. Each
 * table is cut to what a page shows in Spark, so only those rows reach the driver.
 */
public final class ReportDataLoader {
    static final int MAX_PROJECTS = 40;
    /** Approved projects named under the portfolio table before "and N more". */
    static final int NOT_STARTED_NAMED = 12;
    static final int MAX_RISKS = 10;
    static final int MAX_SERVICES = 40;
    static final int MAX_MONTHS = 24;
    static final int UNIT_PROJECTS = 25;
    static final int UNIT_RISKS = 10;
    static final int UNIT_KPIS = 30;
    /** How many of the worst projects the CPI x SPI chart names. */
    static final int SCATTER_LABELS = 5;
    private static final String NO_TOWER = "(no tower)";

    private final SparkSession spark;
    private final SnapshotPaths paths;
    private final LocalDate asOf;
    private final Job job;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    /** The company's budget status (executive_summary), for the chip of the portfolio's commentary. */
    private Object portfolioBudgetStatus;
    /** Page 1's forecast overrun, projects_eac − projects_bac of executive_summary, read once by summary(). */
    private Double portfolioOverrun;
    private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    private Map<String, Map<String, Object>> objectives;
    private Map<String, Map<String, Object>> kpis;
    private Map<String, List<Map<String, Object>>> history;

    /**
     * What the appendix says about the run that ingested the snapshot: its counts per dataset. Not
     * its id or time: a re-run of the same data makes the same PDF, byte for byte, so nobody is
     * mailed a "restated" pack whose figures did not move (SPEC.md §6).
     */
    public record RunInfo(List<DatasetOutcome> datasets) {
        public RunInfo {
            datasets = List.copyOf(datasets);
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
        parameters.put("COMMENTARY_MAX_AGE_DAYS", job.commentary().maxAgeDays());
    }

    /** Loads every section; {@code ingest} describes the run that ingested the snapshot. */
    public ReportData load(Optional<RunInfo> ingest) {
        summary();
        kpiPage();
        portfolio();
        budget();
        risks();
        services();
        commentary();
        appendix(ingest);
        return new ReportData(parameters, tables);
    }

    /**
     * One ReportData per business unit of executive_summary: its tiles, projects, budget by
     * tower, open risks, and the KPIs of business_unit_kpis. Each list is cut to what a page
     * shows per unit in Spark, then split by unit.
     */
    public Map<String, ReportData> businessUnits() {
        Map<String, Map<String, List<Map<String, Object>>>> units = new TreeMap<>();
        metric("executive_summary").ifPresent(summary -> rows(summary.filter(col("grain").equalTo("business_unit")))
                .forEach(row -> add(units, "tiles", row)));
        metric("project_health").ifPresent(health -> rows(firstPerUnit(health.filter(col("in_active_portfolio")),
                UNIT_PROJECTS, projectOrder()).select("business_unit", "name", "bac", "cpi", "spi", "eac", "vac",
                "health")).forEach(row -> add(units, "projects", row)));
        metric("budget_towers").ifPresent(towers -> rows(towers.filter(col("grain").equalTo("business_unit_tower"))
                .orderBy(col("business_unit"), col("tower").asc_nulls_last())
                .select(col("business_unit"), col("tower"), col("plan_ytd"), col("actual_ytd"), col("variance_pct"),
                        col("plan_fy"), col("forecast_fy"), col("board_status").as("status")))
                .forEach(row -> add(units, "budget_towers", namedTower(row))));
        metric("risk_exposure").ifPresent(risks -> rows(firstPerUnit(risks.filter(col("is_open")
                        .and(col("emv").isNotNull())), UNIT_RISKS, col("emv").desc(), col("risk_id"))
                .select("business_unit", "risk_id", "title", "category", "band", "emv"))
                .forEach(row -> add(units, "risks", row)));
        metric("business_unit_kpis").ifPresent(served -> rows(firstPerUnit(served, UNIT_KPIS, col("objective_id"),
                col("kpi_id"))).forEach(row -> unitKpi(row).ifPresent(kpi -> add(units, "kpis", kpi))));
        unitCommentary().ifPresent(commentary -> rows(commentary).forEach(row -> add(units,
                Boolean.TRUE.equals(row.get("decision_needed")) ? "decisions_and_commentary" : "commentary",
                described(row))));
        Map<String, ReportData> data = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Object>>> changes = headlineChanges("business_unit");
        Map<String, String> unitVerdicts = verdicts();
        units.forEach((unit, unitTables) -> {
            if (unitTables.containsKey("tiles")) {
                data.put(unit, unitData(unit, unitTables, changes, unitVerdicts));
            }
        });
        return data;
    }

    /** Red first, then amber, then the rest; the largest overrun first within each. */
    private static Column[] projectOrder() {
        return new Column[] {when(col("health").equalTo("red"), 0).when(col("health").equalTo("amber"), 1)
                .otherwise(2), col("vac").asc_nulls_last(), col("project_id")};
    }

    private static Dataset<Row> firstPerUnit(Dataset<Row> rows, int limit, Column... order) {
        return rows.filter(col("business_unit").isNotNull())
                .withColumn("_rank", row_number().over(Window.partitionBy("business_unit").orderBy(order)))
                .filter(col("_rank").leq(limit));
    }

    private static void add(Map<String, Map<String, List<Map<String, Object>>>> units, String table,
            Map<String, Object> row) {
        String unit = (String) row.get("business_unit");
        if (unit != null) {
            units.computeIfAbsent(unit, u -> new TreeMap<>()).computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        }
    }

    /** A KPI row of a unit's page: the KPI's status row and its objective's name. */
    private Optional<Map<String, Object>> unitKpi(Map<String, Object> served) {
        Map<String, Object> status = kpis().get((String) served.get("kpi_id"));
        if (status == null) {
            return Optional.empty();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("business_unit", served.get("business_unit"));
        row.put("name", status.get("name"));
        row.put("objective", objectiveName((String) served.get("objective_id")));
        for (String column : new String[] {"latest_value", "target", "unit", "status", "value_decimals"}) {
            row.put(column, status.get(column));
        }
        row.put("history", chartPoints(history().get((String) served.get("kpi_id")), status.get("target")));
        return Optional.of(row);
    }

    private ReportData unitData(String unit, Map<String, List<Map<String, Object>>> unitTables,
            Map<String, Map<String, Map<String, Object>>> unitChanges, Map<String, String> unitVerdicts) {
        Map<String, Object> unitParameters = new LinkedHashMap<>(parameters);
        unitParameters.put("BUSINESS_UNIT", unit);
        Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
        data.put("tiles", Tiles.businessUnit(unitTables.get("tiles").get(0), unitChanges.getOrDefault(unit, Map.of()),
                job.currency()));
        unitParameters.put("VERDICT", unitVerdicts.get(unit));
        // the risk list shows the largest few; the page says how many the tile's sum covers
        Object openRisks = unitTables.get("tiles").get(0).get("open_risks");
        unitParameters.put("OPEN_RISKS", openRisks instanceof Number count ? count.longValue() : null);
        for (String table : new String[] {"projects", "budget_towers", "risks", "kpis"}) {
            data.put(table, unitTables.getOrDefault(table, List.of()));
        }
        // a decision is listed with the decisions and, like every other row, with the unit's commentary
        List<Map<String, Object>> decisions = unitTables.getOrDefault("decisions_and_commentary", List.of());
        List<Map<String, Object>> commentary = new ArrayList<>(decisions);
        commentary.addAll(unitTables.getOrDefault("commentary", List.of()));
        commentary.sort(Comparator.comparing((Map<String, Object> row) -> (Integer) row.get("severity_order"))
                .thenComparing(row -> (String) row.get("entity_type"))
                .thenComparing(row -> (String) row.get("entity_name"), Comparator.nullsLast(Comparator.naturalOrder())));
        data.put("commentary", commentary);
        data.put("decisions", decisions(decisions));
        return new ReportData(unitParameters, data);
    }

    private Optional<Dataset<Row>> metric(String table) {
        return metric(spark, paths, table);
    }

    /** A metric table of the snapshot, or empty when the snapshot has none. */
    static Optional<Dataset<Row>> metric(SparkSession spark, SnapshotPaths paths, String table) {
        return paths.partition(Zone.METRICS, table).map(path -> spark.read().parquet(path));
    }

    /** Every objective by id (name, level, parent, status), read once. */
    private Map<String, Map<String, Object>> objectives() {
        if (objectives == null) {
            objectives = byId(metric("objective_scorecard").map(card -> rows(card.select("objective_id", "name",
                    "level", "parent_id", "status"))).orElse(List.of()), "objective_id");
        }
        return objectives;
    }

    /** Every KPI's status row by id, read once. */
    private Map<String, Map<String, Object>> kpis() {
        if (kpis == null) {
            kpis = byId(metric("kpi_status").map(status -> rows(status.select(columnsPresent(status, "kpi_id", "name",
                    "objective_id", "unit", "latest_value", "target", "target_date", "status", "value_decimals"))))
                    .orElse(List.of()), "kpi_id");
        }
        return kpis;
    }

    private String objectiveName(String objectiveId) {
        Map<String, Object> objective = objectives().get(objectiveId);
        return objective == null ? objectiveId : (String) objective.get("name");
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> rows, String id) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put((String) row.get(id), row));
        return byId;
    }

    private void summary() {
        metric("executive_summary").ifPresent(summary -> {
            // one row for the company and one per business unit: small
            List<Map<String, Object>> rows = rows(summary.orderBy(col("open_risk_emv").desc_nulls_last(),
                    col("business_unit")));
            Map<String, Double> unitRisk = new LinkedHashMap<>();
            rows.stream().filter(row -> "business_unit".equals(row.get("grain"))).forEach(row -> unitRisk.put(
                    (String) row.get("business_unit"), number(row.get("open_risk_emv"))));
            rows.stream().filter(row -> "portfolio".equals(row.get("grain"))).forEach(row -> {
                portfolioBudgetStatus = row.get("budget_status");
                Double bac = number(row.get("projects_bac"));
                Double eac = number(row.get("projects_eac"));
                portfolioOverrun = bac == null || eac == null ? null : eac - bac;
            });
            rows.stream().filter(row -> "portfolio".equals(row.get("grain"))).findFirst().ifPresent(portfolio -> {
                tables.put("tiles", Tiles.portfolio(portfolio, headlineChanges("portfolio").getOrDefault(null,
                        Map.of()), job.currency()));
                parameters.put("PROJECTS_TOTAL", portfolio.get("active_projects"));
                parameters.put("RISK_BY_UNIT", PageText.riskByUnit(number(portfolio.get("open_risk_emv")), unitRisk,
                        job.currency()));
            });
        });
        verdicts().forEach((unit, verdict) -> {
            if (unit == null) {
                parameters.put("VERDICT", verdict);
            }
        });
        metric("objective_scorecard").ifPresent(card -> {
            List<Map<String, Object>> aims = rows(card.filter(col("level").equalTo("it_aim")).select("objective_id",
                    "name", "parent_id", "score", "status", "project_count", "allocated_budget", "open_risk_emv"));
            aims.forEach(aim -> aim.put("corporate_aim", parentName(aim)));
            aims.sort(Comparator.comparing((Map<String, Object> aim) -> (String) aim.get("corporate_aim"),
                    Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(aim -> (String) aim.get(
                            "objective_id")));
            tables.put("aims", aims);
        });
        metric("findings").ifPresent(findings -> {
            List<Map<String, Object>> shown = rows(TopFindings.select(findings, job.report().topFindings(), "severity",
                    "code", "message", "owner"));
            // every shown row carries the table's total; none shown means the table is empty
            long total = shown.isEmpty() ? 0 : ((Number) shown.get(0).get(TopFindings.TOTAL)).longValue();
            shown.forEach(row -> row.remove(TopFindings.TOTAL));
            tables.put("findings", shown);
            parameters.put("FINDINGS_NOT_SHOWN", total - shown.size());
        });
    }

    /** The named columns the table has (a snapshot published before a column existed lacks it). */
    private static Column[] columnsPresent(Dataset<Row> table, String... names) {
        List<String> present = List.of(table.columns());
        return java.util.Arrays.stream(names).filter(present::contains).map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new);
    }

    /**
     * commentary_status rows a page shows beside its items: red and amber KPIs and projects,
     * critical risks (SPEC.md §4.5 lists high risks too; the pages keep to the critical ones),
     * services that missed their target, business units, and every row that asks for a decision;
     * the worst first, then by kind and name.
     */
    private Optional<Dataset<Row>> shownCommentary() {
        return metric("commentary_status").map(status -> status
                .filter(col("decision_needed").or(col("entity_type").isin("kpi", "project")
                        .and(col("entity_status").isin("red", "amber")))
                        .or(col("entity_type").equalTo("risk").and(col("entity_status").equalTo("critical")))
                        .or(col("entity_type").equalTo("service").and(col("entity_status").equalTo("red")))
                        .or(col("entity_type").equalTo("business_unit")))
                .withColumn("severity_order", when(col("entity_status").isin("red", "critical"), 0)
                        .when(col("entity_status").equalTo("amber"), 1).otherwise(2)));
    }

    /** What the pages show about each row: its kind in words, its status chip and its line of commentary. */
    private static Map<String, Object> described(Map<String, Object> row) {
        row.put("what", io.northstar.report.ReviewText.entity((String) row.get("entity_type")));
        // a service's red means it missed its availability target: the chip says so
        row.put("chip", "service".equals(row.get("entity_type")) && "red".equals(row.get("entity_status")) ? "missed"
                : row.get("entity_status"));
        row.put("line", io.northstar.report.Commentary.line(row));
        return row;
    }

    /** The decisions list: the soonest due first, then those without a date. */
    private static List<Map<String, Object>> decisions(List<Map<String, Object>> asked) {
        return asked.stream().sorted(Comparator.comparing((Map<String, Object> row) -> row.get("action_due") == null
                ? null : row.get("action_due").toString(), Comparator.nullsLast(Comparator.naturalOrder())))
                .map(ReportDataLoader::decision).toList();
    }

    /** A row of the decisions list: what is asked, about what, by whom, by when. */
    private static Map<String, Object> decision(Map<String, Object> row) {
        Map<String, Object> decision = new LinkedHashMap<>();
        Object action = row.get("action");
        decision.put("decision", action != null ? action : row.get("comment"));
        // the comment explains the decision (its options and the recommendation) when the action states it
        decision.put("why", action != null ? row.get("comment") : null);
        decision.put("about", row.get("entity_name"));
        decision.put("asked_by", row.get("action_owner") != null ? row.get("action_owner") : row.get("author"));
        Object due = row.get("action_due");
        decision.put("due", due == null ? null : due + (Boolean.TRUE.equals(row.get("action_overdue")) ? " overdue"
                : ""));
        return decision;
    }

    /**
     * The decisions each audience's PDF lists, as its decisions table has them (decision, about,
     * asked_by, due): the board's under {@code board}, each business unit's under its name. For
     * the delivered messages, which say what the PDF asks of its readers.
     */
    public Map<String, List<Map<String, Object>>> decisionsByAudience(String boardAudience) {
        Map<String, List<Map<String, Object>>> byAudience = new LinkedHashMap<>();
        shownCommentary().ifPresent(status -> byAudience.put(boardAudience, decisions(rows(status.filter(
                col("decision_needed"))))));
        unitCommentary().ifPresent(status -> {
            Map<String, List<Map<String, Object>>> asked = new TreeMap<>();
            rows(status.filter(col("decision_needed"))).forEach(row -> asked.computeIfAbsent(
                    (String) row.get("business_unit"), unit -> new ArrayList<>()).add(row));
            asked.forEach((unit, rows) -> byAudience.put(unit, decisions(rows)));
        });
        return byAudience;
    }

    /** The page's commentary by kind (kpi, project, risk, service), and the decisions. */
    private void commentary() {
        shownCommentary().ifPresent(status -> {
            List<Map<String, Object>> rows = rows(status.orderBy("severity_order", "entity_type", "entity_name",
                    "entity_id"));
            for (String kind : new String[] {"kpi", "project", "risk", "service"}) {
                tables.put(kind + "_commentary", rows.stream().filter(row -> kind.equals(row.get("entity_type"))
                        && row.get("entity_status") != null).map(ReportDataLoader::described).toList());
            }
            tables.put("decisions", decisions(rows.stream().filter(row -> Boolean.TRUE.equals(row.get(
                    "decision_needed"))).toList()));
            tables.put("budget_commentary", budgetCommentary(rows));
        });
    }

    /**
     * What the units' heads and the company say about the money, beside the budget page: a unit's
     * row carries its budget status (commentary_status lists the units over plan), the portfolio's
     * the company's; the worst first.
     */
    private List<Map<String, Object>> budgetCommentary(List<Map<String, Object>> rows) {
        List<String> order = List.of("red", "amber", "green");
        return rows.stream().filter(row -> "business_unit".equals(row.get("entity_type"))
                        || "portfolio".equals(row.get("entity_type")))
                .map(row -> {
                    Map<String, Object> shown = new LinkedHashMap<>(described(row));
                    if ("portfolio".equals(row.get("entity_type"))) {
                        shown.put("entity_status", portfolioBudgetStatus);
                        shown.put("chip", portfolioBudgetStatus);
                        shown.put("entity_name", "IT as a whole");
                    }
                    return shown;
                })
                .sorted(Comparator.comparing((Map<String, Object> row) -> {
                    int rank = order.indexOf(row.get("entity_status"));
                    return rank < 0 ? order.size() : rank;
                }))
                .toList();
    }

    /**
     * The shown commentary of each business unit: its projects' and risks' rows (by the unit
     * their tables name), its KPIs' rows (business_unit_kpis) and the rows about the unit itself.
     */
    private Optional<Dataset<Row>> unitCommentary() {
        Optional<Dataset<Row>> shown = shownCommentary();
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        List<Dataset<Row>> owners = new ArrayList<>();
        metric("project_health").ifPresent(health -> owners.add(health.select(lit("project").as("_type"),
                col("project_id").as("_id"), col("business_unit"))));
        metric("risk_exposure").ifPresent(risks -> owners.add(risks.select(lit("risk").as("_type"),
                col("risk_id").as("_id"), col("business_unit"))));
        metric("business_unit_kpis").ifPresent(served -> owners.add(served.select(lit("kpi").as("_type"),
                col("kpi_id").as("_id"), col("business_unit")).distinct()));
        Dataset<Row> rows = shown.get();
        Dataset<Row> units = rows.filter(col("entity_type").equalTo("business_unit"))
                .withColumn("business_unit", col("entity_id"));
        return Optional.of(owners.stream().reduce(Dataset::unionByName).map(all -> rows.join(all.filter(
                        col("business_unit").isNotNull()), col("entity_type").equalTo(col("_type"))
                        .and(col("entity_id").equalTo(col("_id")))).drop("_type", "_id").unionByName(units))
                .orElse(units));
    }

    /** briefing's verdict by business unit; the portfolio's under the null key. */
    private Map<String, String> verdicts() {
        Map<String, String> verdicts = new java.util.HashMap<>();
        metric("briefing").ifPresent(briefing -> rows(briefing.select("business_unit", "verdict"))
                .forEach(row -> verdicts.put((String) row.get("business_unit"), (String) row.get("verdict"))));
        return verdicts;
    }

    /** headline_changes rows of a grain by business unit (the portfolio's under null), each by measure. */
    private Map<String, Map<String, Map<String, Object>>> headlineChanges(String grain) {
        Map<String, Map<String, Map<String, Object>>> byUnit = new java.util.HashMap<>();
        metric("headline_changes").ifPresent(changes -> rows(changes.filter(col("grain").equalTo(grain)))
                .forEach(row -> byUnit.computeIfAbsent(
                        (String) row.get("business_unit"), unit -> new LinkedHashMap<>())
                .put((String) row.get("measure"), row)));
        return byUnit;
    }

    private String parentName(Map<String, Object> objective) {
        Map<String, Object> parent = objectives().get((String) objective.get("parent_id"));
        return parent == null ? null : (String) parent.get("name");
    }

    /** Every KPI with its trend, objective, aim and chart points, by aim, objective and id. */
    private void kpiPage() {
        Optional<Dataset<Row>> trend = metric("kpi_trend");
        if (kpis().isEmpty() || trend.isEmpty() || objectives().isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> trends = byId(rows(trend.get().select("kpi_id", "direction", "forecast",
                "forecast_low", "forecast_high", "attainment_probability", "deadline_passed")), "kpi_id");
        Map<String, List<Map<String, Object>>> histories = history();
        List<Map<String, Object>> page = new ArrayList<>();
        for (Map<String, Object> status : kpis().values()) {
            Map<String, Object> kpiTrend = trends.get((String) status.get("kpi_id"));
            if (kpiTrend == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>(status);
            kpiTrend.forEach(row::putIfAbsent);
            Map<String, Object> objective = objectives().get((String) status.get("objective_id"));
            row.put("objective", objective == null ? null : objective.get("name"));
            row.put("objective_status", objective == null ? null : objective.get("status"));
            row.put("aim", objective == null ? null : parentName(objective));
            row.put("history", chartPoints(histories.get((String) status.get("kpi_id")), status.get("target")));
            page.add(row);
        }
        Comparator<String> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        page.sort(Comparator.comparing((Map<String, Object> row) -> (String) row.get("aim"), nullsLast)
                .thenComparing(row -> (String) row.get("objective"), nullsLast)
                .thenComparing(row -> (String) row.get("kpi_id")));
        tables.put("kpis", page);
    }

    /** Every KPI's kpi_history points by id, oldest first, read once. */
    private Map<String, List<Map<String, Object>>> history() {
        if (history == null) {
            history = new LinkedHashMap<>();
            metric("kpi_history").ifPresent(points -> rows(points.orderBy("kpi_id", "period_end")
                    .select("kpi_id", "period_end", "value", "recency")).forEach(point -> history.computeIfAbsent(
                            (String) point.get("kpi_id"), id -> new ArrayList<>()).add(point)));
        }
        return history;
    }

    /**
     * kpi_history's points as chart points, oldest first: x counts observations back from the
     * latest (-23..0), each with the target so the chart can draw it as a line.
     */
    private static List<Map<String, Object>> chartPoints(List<Map<String, Object>> points, Object target) {
        if (points == null) {
            return null;
        }
        List<Map<String, Object>> chart = new ArrayList<>();
        for (Map<String, Object> point : points) {
            Map<String, Object> drawn = new LinkedHashMap<>();
            drawn.put("period", point.get("period_end"));
            drawn.put("value", point.get("value"));
            drawn.put("x", (double) (1 - ((Number) point.get("recency")).intValue()));
            drawn.put("target", target);
            chart.add(drawn);
        }
        return chart;
    }

    private void portfolio() {
        metric("project_health").ifPresent(health -> {
            Dataset<Row> active = health.filter(col("in_active_portfolio"));
            tables.put("projects", rows(active.orderBy(projectOrder()).limit(MAX_PROJECTS)
                    .select("project_id", "name", "business_unit", "bac", "cpi", "spi", "eac", "vac", "health")));
            // the worst first (the lower of CPI and SPI), so the chart names the first few that are not green
            List<Map<String, Object>> scatter = rows(active.filter(col("cpi").isNotNull().and(col("spi").isNotNull()))
                    .orderBy(least(col("cpi"), col("spi")), col("project_id")).limit(1000)
                    .select(col("cpi").as("x"), col("spi").as("y"), col("health"), col("name")));
            int labelled = 0;
            for (Map<String, Object> point : scatter) {
                Object name = point.remove("name");
                boolean label = labelled < SCATTER_LABELS && !"green".equals(point.get("health"));
                point.put("label", label ? name : null);
                labelled += label ? 1 : 0;
            }
            tables.put("scatter", scatter);
        });
        // the conformed projects, read once for both notes under the table
        paths.partition(Zone.CONFORMED, Datasets.PROJECTS).map(path -> spark.read().parquet(path))
                .ifPresent(projects -> {
                    notStarted(projects);
                    reconciliation(projects);
                });
        metric("priority").ifPresent(priority -> tables.put("priority", rows(priority.orderBy("rank").limit(15)
                .select("rank", "name", "business_unit", "status", "priority_score", "quick_win", "funded",
                        "outranks_funded"))));
    }

    /**
     * The active-portfolio projects without a status row on or before as_of (approved, not yet
     * started): project_health has no row for them, so the page names them under its table.
     */
    private void notStarted(Dataset<Row> projects) {
        Dataset<Row> reporting = metric("project_health").map(health -> health.select("project_id"))
                .orElseGet(() -> projects.select("project_id").limit(0));
        Dataset<Row> waiting = projects.filter(StatusColumns.matches(StatusRule.ACTIVE_PORTFOLIO,
                col("status"))).join(reporting, "project_id", "left_anti");
        Row totals = waiting.agg(functions.count(lit(1)), functions.sum("budget")).first();
        List<PageText.NotStarted> first = new ArrayList<>();
        for (Map<String, Object> row : rows(waiting.orderBy(col("start_date").asc_nulls_last(), col("name"))
                .limit(NOT_STARTED_NAMED).select("name", "business_unit", "start_date"))) {
            Object start = row.get("start_date");
            first.add(new PageText.NotStarted((String) row.get("name"), (String) row.get("business_unit"),
                    start == null ? null : LocalDate.parse((String) start)));
        }
        parameters.put("NOT_STARTED", PageText.notStarted(totals.getLong(0),
                totals.isNullAt(1) ? null : ((BigDecimal) totals.get(1)).doubleValue(), first, job.currency()));
    }

    /**
     * The sentence that reconciles the table's variance column with page 1's overrun, when the
     * table lists every active project: the projects inside a listed programme are named, since
     * the programme's row holds their money and page 1 counts it once (executive_summary).
     */
    private void reconciliation(Dataset<Row> projects) {
        Optional<Dataset<Row>> health = metric("project_health");
        if (health.isEmpty() || portfolioOverrun == null) {
            return;
        }
        Dataset<Row> active = health.get().filter(col("in_active_portfolio"));
        Row totals = active.agg(functions.count(lit(1)), functions.sum("vac")).first();
        if (totals.getLong(0) > MAX_PROJECTS || totals.isNullAt(1)) {
            return;
        }
        Dataset<Row> programmes = active.select(col("project_id").as("parent_id"));
        List<PageText.NamedAmount> inside = new ArrayList<>();
        for (Map<String, Object> row : rows(active.join(projects.select("project_id", "parent_id"), "project_id")
                .join(programmes, "parent_id").filter(col("vac").isNotNull()).orderBy("vac", "name")
                .select("name", "vac"))) {
            inside.add(new PageText.NamedAmount((String) row.get("name"), number(row.get("vac"))));
        }
        parameters.put("PORTFOLIO_RECONCILIATION", PageText.portfolioReconciliation(
                ((BigDecimal) totals.get(1)).doubleValue(), portfolioOverrun, inside, job.currency()));
    }

    private void budget() {
        metric("budget_monthly_total").ifPresent(monthly -> {
            List<Map<String, Object>> months = rows(monthly.filter(col("period").leq(asOf.toString().substring(0, 7)))
                    .orderBy(col("period").desc()).limit(MAX_MONTHS).select("period", "plan", "actual"));
            months.sort(Comparator.comparing(month -> (String) month.get("period")));
            // "Jan 2026" wraps under its bars as "Jan" over "2026"; "2026-01" reads as a code
            DateTimeFormatter monthName = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
            months.forEach(month -> month.put("period", YearMonth.parse((String) month.get("period"))
                    .format(monthName)));
            tables.put("budget_monthly", months);
        });
        metric("budget_variance").ifPresent(variance -> tables.put("budget_units", rows(variance
                .filter(col("grain").isin("business_unit", "total"))
                .orderBy(when(col("grain").equalTo("total"), 1).otherwise(0), col("business_unit"))
                .select(col("grain"), col("business_unit"), col("plan_ytd"), col("actual_ytd"), col("variance"),
                        col("variance_pct"), col("plan_fy"), col("forecast_fy"), col("board_status").as("status")))));
        metric("budget_towers").ifPresent(towers -> {
            List<Map<String, Object>> rows = rows(towers.filter(col("grain").equalTo("tower"))
                    .orderBy(col("tower").asc_nulls_last()).select(col("tower"), col("plan_ytd"), col("actual_ytd"),
                            col("variance_pct"), col("plan_fy"), col("forecast_fy"), col("board_status").as("status")));
            rows.forEach(ReportDataLoader::namedTower);
            tables.put("budget_towers", rows);
        });
        metric("alignment").ifPresent(alignment -> rows(alignment.filter(col("business_unit").isNull())
                .select("run_share", "grow_share", "transform_share")).stream().findFirst().ifPresent(total -> {
                    List<Map<String, Object>> split = new ArrayList<>();
                    for (String category : new String[] {"run", "grow", "transform"}) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("category", category);
                        row.put("share", total.get(category + "_share"));
                        split.add(row);
                    }
                    tables.put("budget_split", split);
                }));
        metric("vendor_concentration").ifPresent(vendors -> {
            // the five largest: the budget section then fits its page; the HHI covers every vendor
            List<Map<String, Object>> rows = rows(vendors.orderBy(col("actual_ytd").desc(), col("vendor")).limit(5)
                    .select("vendor", "actual_ytd", "share", "hhi"));
            parameters.put("HHI", rows.isEmpty() ? null : rows.get(0).get("hhi"));
            tables.put("vendors", rows);
        });
    }

    /** A null tower is its own group (SPEC.md §2.7); the page names it. */
    private static Map<String, Object> namedTower(Map<String, Object> row) {
        if (row.get("tower") == null) {
            row.put("tower", NO_TOWER);
        }
        return row;
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
        metric("risk_simulation").ifPresent(simulation -> tables.put("simulation", rows(simulation
                .orderBy(when(col("scope").equalTo("portfolio"), 0).otherwise(1), col("key"))
                .select("scope", "key", "trials", "mean", "p50", "p80", "p90", "p95", "max"))));
    }

    private void services() {
        Map<String, String> names = new java.util.HashMap<>();
        metric("service_health").ifPresent(services -> {
            List<Map<String, Object>> rows = rows(services
                    .orderBy(when(col("sla_met").equalTo(false), 0).when(size(col("impacted_by")).gt(0), 1)
                            .otherwise(2), col("service_id"))
                    .select("service_id", "name", "tier", "availability_target", "latest_availability",
                            "attainment_12", "sla_met", "impacted_by"));
            rows.forEach(row -> names.put((String) row.get("service_id"), (String) row.get("name")));
            List<Map<String, Object>> shown = new ArrayList<>(rows.subList(0, Math.min(MAX_SERVICES, rows.size())));
            shown.forEach(row -> row.put("impacted_by", serviceNames(row.get("impacted_by"), names)));
            tables.put("services", shown);
        });
        metric("objective_scorecard").ifPresent(card -> {
            List<Map<String, Object>> rows = rows(card.filter(size(col("impacted_services")).gt(0))
                    .orderBy("objective_id").select("objective_id", "name", "impacted_services"));
            rows.forEach(row -> row.put("impacted_services", serviceNames(row.get("impacted_services"), names)));
            tables.put("impacted_objectives", rows);
        });
    }

    /** A list of service ids as the services' names (service_health), sorted; an unknown id stays as it is. */
    private static List<String> serviceNames(Object ids, Map<String, String> names) {
        if (!(ids instanceof List<?> list)) {
            return null;
        }
        List<String> named = new ArrayList<>();
        list.forEach(id -> named.add(names.getOrDefault((String) id, (String) id)));
        named.sort(Comparator.naturalOrder());
        return named;
    }

    private void appendix(Optional<RunInfo> ingest) {
        List<Map<String, Object>> glossary = new ArrayList<>(io.northstar.report.Glossary.terms());
        glossary.addAll(OwnerIndex.rows(responsibilities()));
        parameters.put("GLOSSARY", glossary);
        metric("kpi_smart").ifPresent(smart -> {
            List<Map<String, Object>> rows = rows(smart.orderBy("kpi_id").select("kpi_id", "specific", "measurable",
                    "achievable", "relevant", "time_bound", "smart_score"));
            for (Map<String, Object> row : rows) {
                Map<String, Object> kpi = kpis().get((String) row.get("kpi_id"));
                row.put("name", kpi == null ? null : kpi.get("name"));
            }
            tables.put("smart", rows);
        });
        ingest.ifPresent(manifest -> {
            parameters.put("INGEST_RECORDED", true);
            List<Map<String, Object>> quality = new ArrayList<>();
            for (DatasetOutcome outcome : manifest.datasets()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dataset", io.northstar.report.ReviewText.label(outcome.dataset()));
                row.put("source", outcome.source());
                row.put("rows_read", outcome.rowsRead());
                row.put("kept", outcome.kept());
                row.put("deduplicated", outcome.deduplicated());
                row.put("quarantined", outcome.quarantined());
                StringBuilder reasons = new StringBuilder();
                new TreeMap<>(outcome.quarantinedByReason()).forEach((reason, n) -> reasons
                        .append(reasons.length() == 0 ? "" : ", ").append(reason.replace('_', ' ')).append(' ').append(n));
                row.put("reasons", reasons.toString());
                quality.add(row);
            }
            tables.put("quality", quality);
        });
    }

    /**
     * Per owner and kind of item, what commentary_status lists as needing their word: the count
     * and the first few, red and critical before amber and high. A unit's owner is its comment's
     * author, as findings name it (EntityOwners).
     */
    private List<OwnerIndex.Responsibility> responsibilities() {
        return metric("commentary_status").map(status -> {
            Column owner = functions.coalesce(col("owner"), when(col("entity_type").equalTo("business_unit"),
                    col("author")));
            Column severity = when(col("entity_status").isin("red", "critical"), 0)
                    .when(col("entity_status").isin("amber", "high"), 1).otherwise(2);
            List<OwnerIndex.Responsibility> all = new ArrayList<>();
            for (Map<String, Object> row : rows(status.groupBy(owner.as("owner"), col("entity_type"))
                    .agg(functions.count(lit(1)).as("count"), functions.slice(functions.sort_array(functions
                            .collect_list(functions.struct(severity.as("severity"), col("entity_name"),
                                    col("entity_status")))), 1, OwnerIndex.NAMES_SHOWN).as("first")))) {
                List<OwnerIndex.Item> first = new ArrayList<>();
                for (Object item : (List<?>) row.get("first")) {
                    Map<?, ?> fields = (Map<?, ?>) item;
                    first.add(new OwnerIndex.Item(String.valueOf(fields.get("entity_name")),
                            (String) fields.get("entity_status")));
                }
                all.add(new OwnerIndex.Responsibility((String) row.get("owner"), (String) row.get("entity_type"),
                        ((Number) row.get("count")).longValue(), first));
            }
            return all;
        }).orElse(List.of());
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

    private static Double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : null;
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
