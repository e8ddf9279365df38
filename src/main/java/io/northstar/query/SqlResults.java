package io.northstar.query;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.error.Unchecked;
import io.northstar.lake.LakeFailures;
import io.northstar.output.ResultColumns;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** SQL over the lake's views, its errors as the user's mistakes, its rows as plain Java values. */
public final class SqlResults {
    /** SQLSTATE classes of a query's own fault: data exception, syntax or access rule, cardinality, feature. */
    private static final Set<String> USER_ERROR_CLASSES = Set.of("22", "42", "21", "0A");

    private SqlResults() {
    }

    /** The query's result, analysed (so a bad name fails here, not later). */
    public static Dataset<Row> sql(SparkSession spark, String sql) {
        try {
            return spark.sql(sql);
        } catch (Exception e) {
            // Scala throws AnalysisException, a checked exception to Java, undeclared
            throw asUsageError(e);
        }
    }

    public static ResultColumns columns(StructType schema) {
        List<String> names = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (StructField field : schema.fields()) {
            names.add(field.name());
            DataType type = field.dataType();
            numeric.add(type instanceof NumericType || type instanceof DecimalType);
        }
        return new ResultColumns(names, numeric);
    }

    /**
     * The rows, one partition at a time in the driver (never the whole result at once), each as
     * Java values: lists for arrays, LocalDate for dates. An error while computing them (a
     * division by zero, a bad cast) surfaces as the user's error too.
     */
    public static Iterator<List<Object>> values(Dataset<Row> rows) {
        Iterator<Row> source;
        try {
            source = rows.toLocalIterator();
        } catch (Exception e) { // Spark's checked exceptions too, undeclared
            // constant folding evaluates 1 / 0 while planning, before any row
            throw asUsageError(e);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return source.hasNext();
                } catch (Exception e) { // Spark's checked exceptions too, undeclared
                    throw asUsageError(e);
                }
            }

            @Override
            public List<Object> next() {
                Row row = source.next();
                List<Object> values = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.get(i);
                    values.add(value instanceof scala.collection.Seq<?> seq
                            ? new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(seq)) : value);
                }
                return values;
            }
        };
    }

    /**
     * Spark's own message, without its plan or stack, as exit 2 when the query is at fault;
     * anything else is rethrown as it is.
     */
    static RuntimeException asUsageError(Exception failure) {
        Optional<NorthstarException> damaged = LakeFailures.damagedFile(failure);
        if (damaged.isPresent()) {
            return damaged.get();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SparkThrowable spark && spark.getSqlState() != null
                    && USER_ERROR_CLASSES.contains(spark.getSqlState().substring(0, 2))) {
                String message = cause instanceof AnalysisException analysis ? analysis.getSimpleMessage()
                        : cause.getMessage();
                return new NorthstarException(ExitCode.USAGE, "query failed: " + message);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return failure instanceof RuntimeException unchecked ? unchecked : Unchecked.rethrow(failure);
    }
}
