package io.northstar.report.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * The findings page 1 lists, and the board's e-mail repeats: the most severe first, at most two
 * of a kind, the most money at stake first within a kind, so the list shows the breadth of what
 * needs attention and its largest items.
 */
public final class TopFindings {
    /** The column every selected row carries: how many findings the table has in all. */
    public static final String TOTAL = "findings_total";

    private TopFindings() {
    }

    /**
     * The first {@code limit} findings with the named columns that the table has (a snapshot
     * published before a column existed lacks it) and {@link #TOTAL}, so one Spark job reads
     * the table; none selected means the table is empty.
     */
    public static Dataset<Row> select(Dataset<Row> findings, int limit, String... columns) {
        List<String> present = List.of(findings.columns());
        List<Column> selected = new ArrayList<>();
        for (String column : columns) {
            if (present.contains(column)) {
                selected.add(col(column));
            }
        }
        selected.add(col(TOTAL));
        Column largestFirst = present.contains("at_stake") ? col("at_stake").desc_nulls_last() : lit(0);
        return findings
                .withColumn(TOTAL, functions.count(lit(1)).over())
                .withColumn("_of_kind", row_number().over(Window.partitionBy("code").orderBy(largestFirst,
                        col("sort_order"))))
                .filter(col("_of_kind").leq(2))
                .orderBy("sort_order").limit(limit)
                .select(selected.toArray(Column[]::new));
    }
}
