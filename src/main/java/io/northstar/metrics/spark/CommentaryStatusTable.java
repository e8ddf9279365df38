package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.northstar.contract.Datasets;
import io.northstar.metrics.StatusRule;
import io.northstar.metrics.commentary.Comment;
import io.northstar.metrics.commentary.CommentaryRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * commentary_status (SPEC.md §4.5): one row per entity that needs a word, with its latest
 * comment and whether that comment is current, stale or missing. The entities: every red or
 * amber KPI, every red or amber project of the active portfolio, every open or mitigating risk
 * banded high or critical, and every entity whose latest comment asks for a decision; beyond
 * SPEC.md, every business unit over its year-to-date budget (budget_variance's board_status amber
 * or red, which is its entity_status), so the pages can say why the money runs over, and every
 * service that missed its availability target in the latest month (service_health's sla_met
 * false; entity_status red), so the services page can say why. Spark
 * gathers each entity's comments and joins them to the entity; {@link CommentaryRules} picks
 * the latest and judges it.
 *
 * <p>Beyond SPEC.md: {@code owner}, the accountable person from the entity's own dataset (KPI
 * owner, project manager, risk, objective or service owner; null for a business unit and the
 * portfolio), so a page can say whose comment is missing.
 */
final class CommentaryStatusTable {
    static final String NAME = "commentary_status";
    static final String PORTFOLIO_NAME = "Portfolio";

    static final StructType RESULT = new StructType()
            .add("entity_type", DataTypes.StringType, false)
            .add("entity_id", DataTypes.StringType)
            .add("entity_name", DataTypes.StringType)
            .add("entity_status", DataTypes.StringType)
            .add("owner", DataTypes.StringType)
            .add("commentary_state", DataTypes.StringType, false)
            .add("comment", DataTypes.StringType)
            .add("author", DataTypes.StringType)
            .add("comment_period_end", DataTypes.DateType)
            .add("action", DataTypes.StringType)
            .add("action_owner", DataTypes.StringType)
            .add("action_due", DataTypes.DateType)
            .add("action_overdue", DataTypes.BooleanType)
            .add("decision_needed", DataTypes.BooleanType, false);

    private static final String[] COMMENT_FIELDS = {"period_end", "comment", "author", "action", "action_owner",
        "action_due", "decision_needed"};

    private CommentaryStatusTable() {
    }

    static Optional<Dataset<Row>> compute(MetricsContext context, MetricInputs inputs) {
        SnapshotTables tables = context.tables();
        List<Dataset<Row>> entities = entities(context, inputs);
        boolean hasComments = tables.has(Datasets.COMMENTARY);
        if (entities.isEmpty() && !hasComments) {
            return Optional.empty();
        }
        Dataset<Row> catalogue = entities.stream().reduce(Dataset::unionByName).orElseGet(() -> emptyCatalogue(context));
        Dataset<Row> joined;
        if (hasComments) {
            Column[] fields = java.util.Arrays.stream(COMMENT_FIELDS).map(org.apache.spark.sql.functions::col)
                    .toArray(Column[]::new);
            Dataset<Row> comments = tables.require(Datasets.COMMENTARY)
                    .groupBy(col("entity_type").as("c_type"), col("entity_id").as("c_id"))
                    .agg(collect_list(struct(fields)).as("_comments"));
            // a portfolio comment has no entity_id: null-safe, so it meets the portfolio row
            joined = catalogue.join(comments, col("entity_type").equalTo(col("c_type"))
                    .and(col("entity_id").eqNullSafe(col("c_id"))), "full_outer");
        } else {
            joined = catalogue.withColumn("c_type", lit(null).cast("string")).withColumn("c_id", lit(null).cast("string"))
                    .withColumn("_comments", lit(null).cast("array<struct<period_end:date,comment:string>>"));
        }
        LocalDate asOf = context.asOf();
        int maxAgeDays = context.job().commentary().maxAgeDays();
        Dataset<Row> status = joined.flatMap((FlatMapFunction<Row, Row>) row -> judged(row, asOf, maxAgeDays),
                Encoders.row(RESULT));
        return Optional.of(status.orderBy(col("entity_type"), col("entity_id")));
    }

    /** The rows with {@code s_status}: the metric table's status column by key, null without the table. */
    private static Dataset<Row> withStatus(Dataset<Row> rows, String key, Optional<Dataset<Row>> metric,
            String statusColumn) {
        return metric.map(table -> rows.join(table.select(col(key).as("s_id"), col(statusColumn).as("s_status")),
                col(key).equalTo(col("s_id")), "left")).orElseGet(() -> rows.withColumn("s_status",
                        lit(null).cast("string")));
    }

    /**
     * Every entity a comment may name, with its name, status and owner, and whether it needs a
     * word whatever its comments say ({@code _flagged}).
     */
    private static List<Dataset<Row>> entities(MetricsContext context, MetricInputs inputs) {
        SnapshotTables tables = context.tables();
        List<Dataset<Row>> entities = new ArrayList<>();
        if (tables.has(Datasets.KPIS)) {
            Dataset<Row> withStatus = withStatus(tables.require(Datasets.KPIS), "kpi_id",
                    inputs.get(KpiTables.STATUS), "status");
            entities.add(entity(withStatus, "kpi", col("kpi_id"), col("name"), col("s_status"), col("owner"),
                    col("s_status").isin("red", "amber")));
        }
        if (tables.has(Datasets.PROJECTS)) {
            Dataset<Row> withHealth = withStatus(tables.require(Datasets.PROJECTS), "project_id",
                    inputs.get(ProjectHealthTable.NAME), "health");
            entities.add(entity(withHealth, "project", col("project_id"), col("name"), col("s_status"), col("manager"),
                    col("s_status").isin("red", "amber")
                            .and(StatusColumns.matches(StatusRule.ACTIVE_PORTFOLIO, col("status")))));
        }
        if (tables.has(Datasets.RISKS)) {
            Dataset<Row> risks = tables.require(Datasets.RISKS);
            Dataset<Row> exposure = inputs.get(RiskTables.EXPOSURE).map(e -> e.select(col("risk_id").as("s_id"),
                    col("band").as("s_band"), col("is_open").as("s_open"))).orElse(null);
            Dataset<Row> withBand = exposure == null
                    ? risks.withColumn("s_band", lit(null).cast("string")).withColumn("s_open", lit(false))
                    : risks.join(exposure, col("risk_id").equalTo(col("s_id")), "left");
            entities.add(entity(withBand, "risk", col("risk_id"), col("title"), col("s_band"), col("owner"),
                    col("s_open").and(col("s_band").isin("high", "critical"))));
        }
        if (tables.has(Datasets.OBJECTIVES)) {
            entities.add(entity(tables.require(Datasets.OBJECTIVES), "objective", col("objective_id"), col("name"),
                    lit(null), col("owner"), lit(false)));
        }
        if (tables.has(Datasets.SERVICES)) {
            // beyond SPEC.md: a service that missed its availability target in the latest month is red and needs a word
            Dataset<Row> withHealth = withStatus(tables.require(Datasets.SERVICES), "service_id",
                    inputs.get(ServiceTable.NAME).map(health -> health.withColumn("sla_status",
                            when(col("sla_met").equalTo(false), lit("red")))), "sla_status");
            entities.add(entity(withHealth, "service", col("service_id"), col("name"), col("s_status"), col("owner"),
                    col("s_status").equalTo("red")));
        }
        List<Dataset<Row>> units = new ArrayList<>();
        for (String dataset : List.of(Datasets.PROJECTS, Datasets.BUDGET_LINES)) {
            tables.get(dataset).ifPresent(rows -> units.add(rows.select(col("business_unit"))));
        }
        // beyond SPEC.md: a unit whose spend runs over plan (budget_variance's board_status amber or red) needs a word
        Optional<Dataset<Row>> unitBudgets = inputs.get(BudgetTables.VARIANCE).map(variance -> variance
                .filter(col("grain").equalTo(ExecutiveSummaryTable.BUSINESS_UNIT))
                .select(col("business_unit").as("s_id"), col("board_status").as("s_status")));
        units.stream().reduce(Dataset::union).map(all -> all.distinct()).ifPresent(all -> {
            Dataset<Row> withBudget = unitBudgets.map(budgets -> all.join(budgets,
                    col("business_unit").equalTo(col("s_id")), "left"))
                    .orElseGet(() -> all.withColumn("s_status", lit(null).cast("string")));
            entities.add(entity(withBudget, "business_unit", col("business_unit"), col("business_unit"),
                    col("s_status"), lit(null), col("s_status").isin("red", "amber")));
        });
        if (!entities.isEmpty()) {
            entities.add(entity(context.spark().range(1).toDF(), "portfolio", lit(null), lit(PORTFOLIO_NAME), lit(null),
                    lit(null), lit(false)));
        }
        return entities;
    }

    private static Dataset<Row> entity(Dataset<Row> rows, String type, Column id, Column name, Column status,
            Column owner, Column flagged) {
        return rows.select(lit(type).as("entity_type"), id.cast("string").as("entity_id"),
                name.cast("string").as("entity_name"), status.cast("string").as("entity_status"),
                owner.cast("string").as("owner"), org.apache.spark.sql.functions.coalesce(flagged, lit(false))
                        .as("_flagged"));
    }

    private static Dataset<Row> emptyCatalogue(MetricsContext context) {
        return context.spark().createDataFrame(List.of(), new StructType()
                .add("entity_type", DataTypes.StringType).add("entity_id", DataTypes.StringType)
                .add("entity_name", DataTypes.StringType).add("entity_status", DataTypes.StringType)
                .add("owner", DataTypes.StringType).add("_flagged", DataTypes.BooleanType));
    }

    /** The entity's row of the table, or none when it needs no word. */
    private static java.util.Iterator<Row> judged(Row row, LocalDate asOf, int maxAgeDays) {
        List<Comment> comments = comments(row);
        Optional<Comment> latest = CommentaryRules.latest(comments, asOf);
        boolean flagged = Boolean.TRUE.equals(Rows.bool(row, "_flagged"));
        boolean decision = latest.map(Comment::decisionNeeded).orElse(false);
        if (!flagged && !decision) {
            return java.util.Collections.emptyIterator();
        }
        // a comment on an entity this job has no dataset for is kept as it came: the type and id it names
        String type = Rows.string(row, "entity_type") != null ? Rows.string(row, "entity_type")
                : Rows.string(row, "c_type");
        String id = Rows.string(row, "entity_type") != null ? Rows.string(row, "entity_id") : Rows.string(row, "c_id");
        String name = Rows.string(row, "entity_name");
        if (name == null) {
            name = "portfolio".equals(type) ? PORTFOLIO_NAME : id;
        }
        Comment comment = latest.orElse(null);
        return List.of(RowFactory.create(type, id, name, Rows.string(row, "entity_status"), Rows.string(row, "owner"),
                CommentaryRules.state(latest, asOf, maxAgeDays).code(),
                comment == null ? null : comment.comment(),
                comment == null ? null : comment.author(),
                comment == null ? null : comment.periodEnd(),
                comment == null ? null : comment.action(),
                comment == null ? null : comment.actionOwner(),
                comment == null ? null : comment.actionDue(),
                comment == null ? null : CommentaryRules.actionOverdue(comment.actionDue(), asOf),
                decision)).iterator();
    }

    private static List<Comment> comments(Row row) {
        int index = row.fieldIndex("_comments");
        if (row.isNullAt(index)) {
            return List.of();
        }
        List<Comment> comments = new ArrayList<>();
        for (Row c : row.<Row>getList(index)) {
            comments.add(new Comment(Rows.date(c, "period_end"), Rows.string(c, "comment"), Rows.string(c, "author"),
                    Rows.string(c, "action"), Rows.string(c, "action_owner"), Rows.date(c, "action_due"),
                    Boolean.TRUE.equals(Rows.bool(c, "decision_needed"))));
        }
        return comments;
    }
}
