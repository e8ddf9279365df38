package io.northstar.metrics.spark;

import static java.util.Objects.requireNonNull;

import io.northstar.job.Job;
import io.northstar.metrics.FiscalYear;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * What every metric needs: the session, the snapshot, the as-of date, the job's settings, and
 * how many rows of each dataset were quarantined (for the data-quality findings).
 */
public record MetricsContext(SparkSession spark, SnapshotTables tables, LocalDate asOf, String runId, Job job,
        Map<String, Long> quarantined) {
    public MetricsContext {
        quarantined = Map.copyOf(quarantined);
        requireNonNull(spark, "spark is null");
        requireNonNull(tables, "tables is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(job, "job is null");
    }

    public FiscalYear fiscalYear() {
        return FiscalYear.containing(asOf, job.fiscalYearStartMonth());
    }
}
