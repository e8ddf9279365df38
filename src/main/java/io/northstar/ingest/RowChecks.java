package io.northstar.ingest;

import static io.northstar.ingest.IngestColumns.DETAIL;
import static io.northstar.ingest.IngestColumns.DUPLICATE;
import static io.northstar.ingest.IngestColumns.LINE;
import static io.northstar.ingest.IngestColumns.REASON;
import static io.northstar.ingest.IngestColumns.SOURCE;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.northstar.contract.DatasetContract;
import io.northstar.contract.Datasets;
import io.northstar.contract.QuarantineReason;
import io.northstar.contract.TypedReference;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The checks of SPEC.md §1.1 that look across rows, as Spark column expressions. Each one only
 * touches rows that are still good, and sets {@code _reason} once: the first reason stays.
 */
final class RowChecks {
    private static final double CONTRIBUTION_TOLERANCE = 1e-9;

    private RowChecks() {
    }

    /** A row not yet quarantined and not a duplicate copy. */
    static Column good() {
        return col(REASON).isNull().and(not(col(DUPLICATE)));
    }

    /** Sets reason and detail where {@code broken} holds on a good row. */
    static Dataset<Row> reject(Dataset<Row> rows, Column broken, QuarantineReason reason, Column detail) {
        Column hit = good().and(broken);
        return rows
                .withColumn(DETAIL, when(hit, detail).otherwise(col(DETAIL)))
                .withColumn(REASON, when(hit, lit(reason.code())).otherwise(col(REASON)));
    }

    /**
     * conflicting_duplicate and deduplication: among the rows that passed the row checks, a key
     * on rows with differing values quarantines all of them; identical copies collapse into
     * the one with the lowest (source, line), the others flagged {@code _duplicate}.
     */
    static Dataset<Row> checkKey(Dataset<Row> parsed, DatasetContract contract) {
        if (contract.key().isEmpty()) {
            return parsed.withColumn(DUPLICATE, lit(false));
        }
        // one window over every row, the failed ones sorted last in their key and counted for
        // nothing: a plan that split passed and failed rows would parse the source twice
        Column passed = col("_passed");
        Column values = when(passed, struct(columns(contract.columnNames())));
        WindowSpec inOrder = Window.partitionBy(columns(contract.key()))
                .orderBy(col(REASON).isNotNull(), col(SOURCE), col(LINE));
        WindowSpec wholeKey = inOrder.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
        Dataset<Row> ranked = parsed.withColumn("_passed", col(REASON).isNull())
                .withColumn("_rows", count(values).over(wholeKey))
                // identical copies have one value; rows that differ make the least and the greatest differ
                .withColumn("_differ", not(min(values).over(wholeKey).eqNullSafe(max(values).over(wholeKey))))
                .withColumn("_rank", row_number().over(inOrder));
        Column conflict = passed.and(col("_differ"));
        return ranked
                .withColumn(DETAIL, when(conflict, concat(lit("key "), keyText(contract.key()), lit(" is on "),
                        col("_rows"), lit(" rows that differ"))).otherwise(col(DETAIL)))
                .withColumn(REASON, when(conflict, lit(QuarantineReason.CONFLICTING_DUPLICATE.code()))
                        .otherwise(col(REASON)))
                .withColumn(DUPLICATE, passed.and(not(col("_differ"))).and(col("_rank").gt(1)))
                .drop("_passed", "_rows", "_differ", "_rank");
    }

    /**
     * dangling_reference for a column naming rows of another dataset: the good rows whose
     * reference is not among {@code targetKeys} (one column, the surviving keys).
     */
    static Dataset<Row> checkReference(Dataset<Row> rows, String column, Dataset<Row> targetKeys, String target) {
        Dataset<Row> keys = targetKeys.toDF("_target");
        Dataset<Row> joined = rows.join(keys, col(column).equalTo(keys.col("_target")), "left");
        Column dangling = col(column).isNotNull().and(col("_target").isNull());
        return reject(joined, dangling, QuarantineReason.DANGLING_REFERENCE, danglingDetail(column, target))
                .drop("_target");
    }

    /**
     * dangling_reference for a {@link TypedReference} (commentary's entity_type and entity_id):
     * a good row whose id names no value of its type's target columns among the surviving rows.
     * A type none of whose datasets the job has (none in {@code survivors}) is not checked, like
     * a foreign key into an absent dataset; the ids of types that take none are blank already.
     */
    static Dataset<Row> checkTypedReference(Dataset<Row> rows, TypedReference reference,
            java.util.Map<String, Dataset<Row>> survivors) {
        Dataset<Row> known = null;
        for (java.util.Map.Entry<String, List<TypedReference.Target>> type : reference.targets().entrySet()) {
            for (TypedReference.Target target : reference.targetsIn(type.getKey(), survivors.keySet())
                    .orElse(List.of())) {
                Dataset<Row> ids = survivors.get(target.dataset()).select(lit(type.getKey()).as("_target_type"),
                        col(target.column()).as("_target"));
                known = known == null ? ids : known.unionByName(ids);
            }
        }
        if (known == null) {
            return rows;
        }
        Dataset<Row> targets = known.filter(col("_target").isNotNull()).distinct();
        // the types whose ids are checked: a type whose datasets the job lacks keeps its rows as they are
        Column checked = col(reference.typeColumn()).isin(reference.targets().keySet().stream()
                .filter(type -> reference.targetsIn(type, survivors.keySet()).isPresent()).toArray());
        String id = reference.idColumn();
        String type = reference.typeColumn();
        Dataset<Row> joined = rows.join(targets, col(type).equalTo(targets.col("_target_type"))
                .and(col(id).equalTo(targets.col("_target"))), "left");
        Column dangling = checked.and(col(id).isNotNull()).and(col("_target").isNull());
        Column detail = concat(lit(id + " '"), col(id), lit("' names no valid "), col(type), lit(" ("),
                targetText(reference, type, survivors.keySet()), lit(")"));
        return reject(joined, dangling, QuarantineReason.DANGLING_REFERENCE, detail).drop("_target_type", "_target");
    }

    /**
     * Where the row's type was looked up: "kpis.kpi_id", or "projects.business_unit or
     * budget_lines.business_unit", of the datasets the job has.
     */
    private static Column targetText(TypedReference reference, String typeColumn, java.util.Set<String> present) {
        Column text = lit(null).cast("string");
        for (String type : reference.targets().keySet()) {
            List<TypedReference.Target> targets = reference.targetsIn(type, present).orElse(null);
            if (targets == null) {
                continue;
            }
            String names = String.join(" or ", targets.stream()
                    .map(target -> target.dataset() + "." + target.column()).toList());
            text = when(col(typeColumn).equalTo(type), lit(names)).otherwise(text);
        }
        return text;
    }

    /**
     * dangling_reference for a recipients row whose audience is neither the board nor a business
     * unit of the snapshot (SPEC.md §6): a unit named by a surviving projects or budget_lines row.
     * Unchecked when the job has neither dataset, like any reference into absent data.
     */
    static Dataset<Row> checkAudience(Dataset<Row> rows, java.util.Map<String, Dataset<Row>> survivors) {
        List<TypedReference.Target> present = Datasets.AUDIENCE_TARGETS.stream()
                .filter(target -> survivors.containsKey(target.dataset())).toList();
        if (present.isEmpty()) {
            return rows;
        }
        Dataset<Row> units = present.stream()
                .map(target -> survivors.get(target.dataset()).select(col(target.column()).as("_target")))
                .reduce(Dataset::union).orElseThrow().filter(col("_target").isNotNull()).distinct();
        Dataset<Row> joined = rows.join(units, col("audience").equalTo(units.col("_target")), "left");
        Column dangling = col("audience").isNotNull().and(col("audience").notEqual(lit(Datasets.BOARD_AUDIENCE)))
                .and(col("_target").isNull());
        String where = String.join(" or ", present.stream().map(target -> target.dataset() + "." + target.column())
                .toList());
        return reject(joined, dangling, QuarantineReason.DANGLING_REFERENCE, concat(lit("audience '"), col("audience"),
                lit("' is neither " + Datasets.BOARD_AUDIENCE + " nor a business unit of " + where))).drop("_target");
    }

    static Column danglingDetail(String column, String target) {
        return concat(lit(column + " '"), col(column), lit("' names no valid row of " + target));
    }

    /**
     * contribution_over_100pct: all good rows of a project whose good rows' contributions sum
     * above 1 (+1e-9).
     */
    static Dataset<Row> checkContributions(Dataset<Row> rows) {
        WindowSpec byProject = Window.partitionBy(col("project_id"));
        Dataset<Row> withTotal = rows.withColumn("_total",
                sum(when(good(), col("contribution"))).over(byProject));
        Column over = col("_total").gt(1 + CONTRIBUTION_TOLERANCE);
        Column detail = concat(lit("contributions of project '"), col("project_id"), lit("' sum to "),
                format_number(col("_total"), 4), lit(" (more than 1)"));
        return reject(withTotal, over, QuarantineReason.CONTRIBUTION_OVER_100PCT, detail).drop("_total");
    }

    /**
     * out_of_range for a kpi_observations value outside its KPI's bounds (SPEC.md §1.2), in the
     * reference phase: after dangling_reference, so only observations of a surviving KPI are
     * judged. The conformed KPI rows carry their effective bounds (a % KPI's blanks are 0 and
     * 100 already), so this reads them as they are.
     */
    static Dataset<Row> checkKpiBounds(Dataset<Row> observations, Dataset<Row> kpis) {
        Dataset<Row> bounds = kpis.select(col("kpi_id").as("_bounds_kpi"),
                col(Datasets.KPI_LOWER_BOUND).as("_lower"), col(Datasets.KPI_UPPER_BOUND).as("_upper"));
        Dataset<Row> joined = observations.join(bounds, col("kpi_id").equalTo(col("_bounds_kpi")), "left");
        Column below = col("value").lt(col("_lower"));
        Column above = col("value").gt(col("_upper"));
        Column detail = when(below, concat(lit("value "), plain(col("value")), lit(" is below the KPI's lower bound "),
                plain(col("_lower")))).otherwise(concat(lit("value "), plain(col("value")),
                        lit(" is above the KPI's upper bound "), plain(col("_upper"))));
        // a null bound makes the comparison null, and reject() treats null as not broken
        return reject(joined, below.or(above), QuarantineReason.OUT_OF_RANGE, detail)
                .drop("_bounds_kpi", "_lower", "_upper");
    }

    /** A double as the spec writes it in a detail: 100, not 100.0. */
    private static Column plain(Column number) {
        return regexp_replace(number.cast("string"), "\\.0$", "");
    }

    static Column[] columns(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private static Column keyText(List<String> key) {
        Column[] parts = key.stream()
                // a blank key column (a portfolio comment's entity_id) shows as blank, not as a lost detail
                .map(name -> concat(lit(name + "="), coalesce(col(name).cast("string"), lit(""))))
                .toArray(Column[]::new);
        return concat(lit("("), concat_ws(", ", parts), lit(")"));
    }
}
