package io.northstar.report.data;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.northstar.job.Job;
import io.northstar.lake.SnapshotPaths;
import io.northstar.report.ReportData;
import io.northstar.report.ReviewText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * The data of the quarterly review pack (SPEC.md §4): what changed since the previous
 * snapshot, the SWOT by quadrant, the investment cases and the case for acting, the refresh
 * backlog by asset class, and the executive scorecard's summary page. Every figure is a value
 * of a metric table (SPEC.md §2.12); every list is cut to what its page shows in Spark, and
 * the full tables stay in the lake.
 */
public final class ReviewPackLoader {
    static final int MAX_CHANGES = 36;
    static final int MAX_SWOT_LINES = 9;
    static final int MAX_CASES = 25;
    static final int MAX_CASES_FOR_ACTING = 5;
    static final List<String> QUADRANTS = List.of("strength", "weakness", "opportunity", "threat");
    /** review_summary's column of each quadrant's size is swot_ and the plural. */
    private static final Map<String, String> PLURALS = Map.of("strength", "strengths", "weakness", "weaknesses",
            "opportunity", "opportunities", "threat", "threats");
    private static final List<String> SUMMARY_TABLES = List.of("tiles", "aims", "findings", "decisions");

    private final SparkSession spark;
    private final SnapshotPaths paths;
    private final Job job;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    private final Map<String, Long> quadrantSizes = new LinkedHashMap<>();
    private Long businessCases;

    public ReviewPackLoader(SparkSession spark, SnapshotPaths paths, LocalDate asOf, Optional<LocalDate> previous,
            Job job) {
        this.spark = spark;
        this.paths = paths;
        this.job = job;
        parameters.put("ORGANISATION", job.organisation());
        parameters.put("AS_OF", asOf.toString());
        parameters.put("CURRENCY", job.currency());
        parameters.put("PREVIOUS_AS_OF", previous.map(LocalDate::toString).orElse(null));
    }

    /** Loads every section; the summary page's tables come from the executive scorecard's data. */
    public ReportData load(ReportData scorecard) {
        for (String summary : List.of("VERDICT", "FINDINGS_NOT_SHOWN")) {
            parameters.put(summary, scorecard.parameters().get(summary));
        }
        for (String table : SUMMARY_TABLES) {
            if (scorecard.tables().containsKey(table)) {
                tables.put(table, scorecard.table(table));
            }
        }
        counts();
        headlineMoves();
        changes();
        swot();
        cases();
        refresh();
        return new ReportData(parameters, tables);
    }

    private Optional<Dataset<Row>> metric(String table) {
        return ReportDataLoader.metric(spark, paths, table);
    }

    /** The company's tiles that moved since the previous snapshot, in one sentence above the changes. */
    private void headlineMoves() {
        metric("headline_changes").ifPresent(changes -> {
            Map<String, Map<String, Object>> byMeasure = new java.util.HashMap<>();
            ReportDataLoader.rows(changes.filter(col("grain").equalTo("portfolio")))
                    .forEach(row -> byMeasure.put((String) row.get("measure"), row));
            parameters.put("HEADLINE_MOVES", io.northstar.report.Tiles.moves(byMeasure, job.currency()));
        });
    }

    /** review_summary's counts: the changes by direction, each SWOT quadrant's size, the business cases. */
    private void counts() {
        metric("review_summary").map(ReportDataLoader::rows).filter(rows -> !rows.isEmpty()).ifPresent(rows -> {
            Map<String, Object> summary = rows.get(0);
            parameters.put("CHANGES_TOTAL", summary.get("changes"));
            parameters.put("CHANGES_WORSE", summary.get("changes_worse"));
            parameters.put("CHANGES_BETTER", summary.get("changes_better"));
            parameters.put("MOVES_TOTAL", summary.get("recent_moves"));
            parameters.put("MOVES_WORSE", summary.get("recent_moves_worse"));
            parameters.put("MOVES_BETTER", summary.get("recent_moves_better"));
            for (String quadrant : QUADRANTS) {
                quadrantSizes.put(quadrant, (Long) summary.get("swot_" + PLURALS.get(quadrant)));
            }
            businessCases = (Long) summary.get("business_cases");
        });
    }

    /**
     * The worse first, then the better, then the rest; objectives before KPIs, projects, risks
     * and lines. With no earlier snapshot to compare with, what the data's own history shows
     * instead (recent_moves): the worse first, the largest moves first.
     */
    private void changes() {
        if (parameters.get("PREVIOUS_AS_OF") == null) {
            metric("recent_moves").ifPresent(moves -> {
                Column move = org.apache.spark.sql.functions.abs(col("relative_move"));
                tables.put("changes", described(withOwnersWords(moves).orderBy(directionOrder(),
                        move.desc_nulls_last(), col("entity_id")).limit(MAX_CHANGES).select("entity_type", "entity_id",
                        "name", "change", "before", "after", "unit", "relative_move", "direction", "since", "owner",
                        "why")));
            });
            return;
        }
        metric("changes").ifPresent(changes -> {
            Column kind = when(col("entity_type").equalTo("objective"), 0).when(col("entity_type").equalTo("kpi"), 1)
                    .when(col("entity_type").equalTo("project"), 2).when(col("entity_type").equalTo("risk"), 3)
                    .otherwise(4);
            List<Map<String, Object>> rows = described(withOwnersWords(changes).orderBy(directionOrder(), kind,
                    col("entity_id"), col("change")).limit(MAX_CHANGES).select("entity_type", "entity_id", "name",
                    "change", "before", "after", "relative_move", "direction", "previous_as_of", "owner", "why"));
            if (!rows.isEmpty()) {
                // the snapshot the changes were computed against, even if an earlier one was added since
                parameters.put("PREVIOUS_AS_OF", rows.get(0).get("previous_as_of"));
            }
            tables.put("changes", rows);
        });
    }

    /**
     * Each moved item's owner (changes' own, else commentary_status's) and, where it is current,
     * the owner's comment (commentary_status of this snapshot), so a move is read with its
     * reason; items nobody has to explain have no comment.
     */
    private Dataset<Row> withOwnersWords(Dataset<Row> moves) {
        Column ownOwner = List.of(moves.columns()).contains("owner") ? col("owner") : lit(null).cast("string");
        Dataset<Row> owned = moves.withColumn("_own", ownOwner).drop("owner");
        Optional<Dataset<Row>> status = metric("commentary_status");
        if (status.isEmpty()) {
            return owned.withColumnRenamed("_own", "owner").withColumn("why", lit(null).cast("string"));
        }
        Dataset<Row> words = status.get().select(col("entity_type").as("_type"), col("entity_id").as("_id"),
                coalesce(col("owner"), col("author")).as("_owner"),
                when(col("commentary_state").equalTo("current"), col("comment")).as("why"));
        return owned.join(words, col("entity_type").equalTo(col("_type")).and(col("entity_id").equalTo(col("_id"))),
                        "left")
                .withColumn("owner", coalesce(col("_own"), col("_owner"))).drop("_type", "_id", "_own", "_owner");
    }

    private static Column directionOrder() {
        return when(col("direction").equalTo("worse"), 0).when(col("direction").equalTo("better"), 1).otherwise(2);
    }

    private List<Map<String, Object>> described(Dataset<Row> changes) {
        // shown as a title: a risk's runs to a sentence, and the column wraps
        List<Map<String, Object>> rows = ReportDataLoader.rows(changes.withColumnRenamed("name", "title"));
        for (Map<String, Object> row : rows) {
            row.put("what", ReviewText.entity((String) row.get("entity_type")));
            row.put("change_text", ReviewText.change((String) row.get("change"), (String) row.get("before"),
                    (String) row.get("after"), (Double) row.get("relative_move"), job.currency(),
                    (String) row.get("unit"), row.get("since")));
        }
        return rows;
    }

    /** Each quadrant's first lines, the listed statements before the derived ones, and how many more there are. */
    private void swot() {
        metric("swot").ifPresent(swot -> {
            List<Map<String, Object>> shown = ReportDataLoader.rows(swot.withColumn("_line", row_number().over(
                            Window.partitionBy("type").orderBy(col("origin").desc(), col("source"), col("statement"))))
                    .filter(col("_line").leq(MAX_SWOT_LINES))
                    .orderBy("quadrant", "_line").select("type", "origin", "source", "statement"));
            for (String quadrant : QUADRANTS) {
                List<Map<String, Object>> lines = new ArrayList<>();
                shown.stream().filter(row -> quadrant.equals(row.get("type"))).forEach(lines::add);
                String key = "swot_" + quadrant;
                tables.put(key, lines);
                Long size = quadrantSizes.get(quadrant);
                if (size != null) {
                    parameters.put(key.toUpperCase(java.util.Locale.ROOT) + "_MORE", size - lines.size());
                }
            }
        });
    }

    private void cases() {
        metric("business_case").ifPresent(cases -> {
            parameters.put("CASES_MORE", businessCases == null ? null : Math.max(0, businessCases - MAX_CASES));
            tables.put("cases", ReportDataLoader.rows(cases.orderBy("rank").limit(MAX_CASES)
                    .select("rank", "case_id", "title", "funded", "project_status", "capex", "years", "npv", "irr",
                            "payback_years", "roi", "cost_of_inaction", "linked_open_risks", "risk_adjusted_npv")));
            List<String> acting = new ArrayList<>();
            for (Map<String, Object> row : ReportDataLoader.rows(cases.filter(col("cost_of_inaction").gt(0))
                    .orderBy(col("cost_of_inaction").desc(), col("case_id")).limit(MAX_CASES_FOR_ACTING))) {
                acting.add("• " + ReviewText.caseForActing((String) row.get("title"),
                        ((Number) row.get("linked_open_risks")).intValue(), (Double) row.get("cost_of_inaction"),
                        ((Number) row.get("years")).intValue(), (Double) row.get("npv"),
                        (Double) row.get("risk_adjusted_npv"), job.currency()));
            }
            // one sentence an item, each cleaned and bounded on its own when the page shows it
            parameters.put("CASE_FOR_ACTING", acting.isEmpty() ? null : acting);
        });
    }

    /** By asset class, the largest backlog (past lifecycle plus due within 12 months) first, then the total. */
    private void refresh() {
        metric("asset_refresh").ifPresent(refresh -> {
            List<Map<String, Object>> rows = ReportDataLoader.rows(refresh.filter(col("grain").isin("asset_class",
                            "total"))
                    .orderBy(when(col("grain").equalTo("total"), 1).otherwise(0), col("refresh_backlog").desc(),
                            col("asset_class"))
                    .select(col("grain"), col("asset_class"), col("assets"), col("past_lifecycle"),
                            col("past_lifecycle_share"), col("due_12m"), col("average_age_years"),
                            col("replacement_cost"), col("cost_past_lifecycle"), col("cost_due_12m"),
                            col("refresh_backlog").as("backlog")));
            tables.put("refresh", rows);
            tables.put("refresh_chart", rows.stream().filter(row -> "asset_class".equals(row.get("grain"))).toList());
            rows.stream().filter(row -> "total".equals(row.get("grain"))).findFirst().ifPresent(total ->
                    parameters.put("REFRESH_SUMMARY", ReviewText.refreshSummary((Double) total.get("cost_past_lifecycle"),
                            (Double) total.get("cost_due_12m"), (Double) total.get("replacement_cost"),
                            job.currency())));
        });
    }
}
