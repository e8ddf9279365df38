package io.northstar.metrics.spark;

import static java.util.Objects.requireNonNull;

import io.northstar.contract.ColumnWarning;
import io.northstar.job.Job;
import io.northstar.metrics.FiscalYear;
import java.time.LocalDate;
import io.northstar.lake.SnapshotPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.northstar.lake.Zone;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What every metric needs: the session, the snapshot, the as-of date, the job's settings, how
 * many rows of each dataset were quarantined and which of its columns the ingest warned about
 * (both for the data-quality findings), and the latest earlier snapshot in the lake if there
 * is one (for the changes since then).
 *
 * @param columnNotices per dataset, the column warnings of the ingest that made the snapshot
 */
public record MetricsContext(SparkSession spark, SnapshotTables tables, LocalDate asOf, String runId, Job job,
        Map<String, Long> quarantined, Map<String, List<ColumnWarning.Notice>> columnNotices,
        Optional<PreviousSnapshot> previous) {

    /** A published snapshot before this one: its as_of and where its tables are. */
    public record PreviousSnapshot(LocalDate asOf, SnapshotPaths paths) {
        public PreviousSnapshot {
            requireNonNull(asOf, "asOf is null");
            requireNonNull(paths, "paths is null");
        }
    }

    public MetricsContext {
        quarantined = Map.copyOf(quarantined);
        columnNotices = Map.copyOf(columnNotices);
        requireNonNull(previous, "previous is null");
        requireNonNull(spark, "spark is null");
        requireNonNull(tables, "tables is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(job, "job is null");
    }

    /** A context with no column warnings and no earlier snapshot: the changes table is empty. */
    public MetricsContext(SparkSession spark, SnapshotTables tables, LocalDate asOf, String runId, Job job,
            Map<String, Long> quarantined) {
        this(spark, tables, asOf, runId, job, quarantined, Map.of(), Optional.empty());
    }

    /** A metric table as the previous snapshot published it; empty without one, or when it lacked the table. */
    public Optional<Dataset<Row>> previousMetric(String table) {
        return previous.flatMap(snapshot -> snapshot.paths().partition(Zone.METRICS, table))
                .map(path -> spark.read().parquet(path));
    }

    public FiscalYear fiscalYear() {
        return FiscalYear.containing(asOf, job.fiscalYearStartMonth());
    }
}
