package io.northstar.spark;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Names the Spark jobs a piece of work starts, as the Spark UI and the event log show them.
 * Why: every dataset's ingest queries, and every metric table's write, come from the same line
 * of code, so without a label a slow job in the UI cannot be traced to its dataset or table.
 */
public final class JobLabels {
    /** The thread property Spark reads a job's description from (its constant is not public). */
    static final String DESCRIPTION = "spark.job.description";

    private JobLabels() {
    }

    /**
     * Runs {@code work} with its Spark jobs labelled {@code label}; the thread's previous label
     * is back afterwards. The label is a property of the calling thread, so work running at once
     * on other threads keeps its own.
     */
    public static <T> T labelled(SparkSession spark, String label, Supplier<T> work) {
        requireNonNull(label, "label is null");
        SparkContext context = spark.sparkContext();
        String previous = context.getLocalProperty(DESCRIPTION);
        context.setJobDescription(label);
        try {
            return work.get();
        } finally {
            context.setJobDescription(previous);
        }
    }
}
