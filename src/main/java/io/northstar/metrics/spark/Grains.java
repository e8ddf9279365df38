package io.northstar.metrics.spark;

import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Tables with a {@code grain} column (SPEC.md §2.7's pattern): one row per combination of the
 * keys ({@code line}), one per value of the first key (named after it), and the total; the keys
 * a grain does not group by are null. A null key value is a group of its own.
 */
final class Grains {
    static final String LINE = "line";
    static final String TOTAL = "total";

    private Grains() {
    }

    /** The three grains of the aggregates over the rows, in one table with a string column per key. */
    static Dataset<Row> rollUp(Dataset<Row> rows, List<String> keys, Column... aggregates) {
        return grain(rows, LINE, keys, List.of(), aggregates)
                .unionByName(grain(rows, keys.get(0), keys.subList(0, 1), keys.subList(1, keys.size()), aggregates))
                .unionByName(grain(rows, TOTAL, List.of(), keys, aggregates));
    }

    /**
     * One grain: the aggregates grouped by {@code keys}, each row's {@code grain} column the
     * grain's name and the {@code otherKeys} null strings.
     */
    static Dataset<Row> grain(Dataset<Row> rows, String grain, List<String> keys, List<String> otherKeys,
            Column... aggregates) {
        Column first = aggregates[0];
        Column[] rest = Arrays.copyOfRange(aggregates, 1, aggregates.length);
        Dataset<Row> grouped = rows.groupBy(keys.stream().map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new)).agg(first, rest);
        return nullKeys(grouped, otherKeys).withColumn("grain", lit(grain));
    }

    private static Dataset<Row> nullKeys(Dataset<Row> rows, List<String> keys) {
        Dataset<Row> result = rows;
        for (String key : keys) {
            result = result.withColumn(key, lit(null).cast("string"));
        }
        return result;
    }
}
