package io.northstar.ingest;

import static io.northstar.ingest.IngestColumns.DETAIL;
import static io.northstar.ingest.IngestColumns.DUPLICATE;
import static io.northstar.ingest.IngestColumns.LINE;
import static io.northstar.ingest.IngestColumns.RAW;
import static io.northstar.ingest.IngestColumns.REASON;
import static io.northstar.ingest.IngestColumns.SOURCE;
import static io.northstar.ingest.RowChecks.good;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.northstar.concurrent.TaskGraph;
import io.northstar.contract.Column;
import io.northstar.contract.DatasetContract;
import io.northstar.contract.Datasets;
import io.northstar.contract.QuarantineReason;
import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.error.Unchecked;
import io.northstar.job.Job;
import io.northstar.job.SourceSpec;
import io.northstar.lake.Staging;
import io.northstar.lake.Zone;
import io.northstar.spark.JobLabels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Ingests the job's datasets into a staging area: parse and row checks, then keys, then
 * references against what survived of the referenced datasets (SPEC.md §1.1), among them a KPI
 * observation against its KPI's bounds (§1.2), then writes
 * the conformed and quarantine partitions and counts every row's fate.
 */
public final class DatasetIngestor {
    private static final long ROWS_PER_FILE = 500_000;
    /**
     * Datasets ingested at once. Small datasets leave the executors idle while the driver plans
     * their queries; measured on 2 cores (BENCHMARKS.md), three at a time overlap that well.
     */
    private static final int PARALLEL_DATASETS = 3;

    private final SparkSession spark;
    private final String runId;
    private final CsvDatasetReader csvReader;

    public DatasetIngestor(SparkSession spark, String runId) {
        this(spark, runId, new CsvDatasetReader(spark));
    }

    DatasetIngestor(SparkSession spark, String runId, CsvDatasetReader csvReader) {
        this.spark = spark;
        this.runId = runId;
        this.csvReader = csvReader;
    }

    /**
     * Ingests every source of the job; a dataset starts once the datasets it references are
     * done, up to {@value #PARALLEL_DATASETS} at a time, the largest sources first. {@code done}
     * is called after each dataset, in contract order, as are the outcomes returned.
     */
    public List<DatasetOutcome> ingest(Job job, Staging staging, Consumer<DatasetOutcome> done) {
        Map<String, Dataset<Row>> survivors = new ConcurrentHashMap<>();
        List<Dataset<Row>> cached = Collections.synchronizedList(new ArrayList<>());
        TaskGraph<DatasetOutcome> graph = new TaskGraph<>("northstar-ingest", PARALLEL_DATASETS);
        for (DatasetContract contract : Datasets.all()) {
            SourceSpec source = job.sources().get(contract.name());
            if (source != null) {
                // a dataset waits for the datasets it references that the job has; not for itself
                // (objectives name their parent objectives), nor for one the job lacks
                Set<String> references = referencedDatasets(contract).stream()
                        .filter(referenced -> !referenced.equals(contract.name())
                                && job.sources().containsKey(referenced))
                        .collect(Collectors.toSet());
                graph.add(contract.name(), references, weight(source), () -> JobLabels.labelled(spark,
                        "ingest " + contract.name(), () -> ingestOne(contract, source,
                                job.quality().maxRejectRatioFor(contract.name()), staging, survivors, cached)));
            }
        }
        try {
            return graph.run(done);
        } finally {
            synchronized (cached) {
                cached.forEach(Dataset::unpersist);
            }
            staging.dropScratch();
        }
    }

    /**
     * The datasets a contract's references may name: its foreign keys', its typed reference's, and
     * for recipients the datasets that name business units.
     */
    static Set<String> referencedDatasets(DatasetContract contract) {
        Set<String> datasets = new java.util.LinkedHashSet<>();
        contract.foreignKeys().forEach(foreignKey -> datasets.add(foreignKey.references()));
        if (contract.typedReference() != null) {
            datasets.addAll(contract.typedReference().datasets());
        }
        if (contract.name().equals(Datasets.RECIPIENTS)) {
            Datasets.AUDIENCE_TARGETS.forEach(target -> datasets.add(target.dataset()));
        }
        return datasets;
    }

    /** A CSV source's bytes; a JDBC table's size is unknown before reading, so it weighs 0. */
    private long weight(SourceSpec source) {
        return source instanceof SourceSpec.Csv csv ? CsvDatasetReader.sizeOf(csv, spark.sparkContext().hadoopConfiguration())
                : 0;
    }

    private DatasetOutcome ingestOne(DatasetContract contract, SourceSpec source, double maxRejectRatio,
            Staging staging, Map<String, Dataset<Row>> survivors, List<Dataset<Row>> cached) {
        try {
            CsvDatasetReader.Parsed parsed = read(contract, source, csvReader, staging);
            Dataset<Row> classified = classify(contract, parsed, staging.scratch(contract.name()), survivors, cached);
            if (!parsed.joinedUp().getAsBoolean()) {
                // a quoted field spans the boundary of two slices of a file: read it in one piece
                parsed = read(contract, source, csvReader.wholeFiles(), staging);
                classified = classify(contract, parsed, staging.scratch(contract.name() + "-whole"), survivors,
                        cached);
            }
            DatasetOutcome outcome = count(contract, classified, parsed, source, maxRejectRatio);
            // every column, not only the key: a kpi_observations value is checked against its KPI's
            // bounds, and a commentary business_unit against the units named in budget_lines (no key)
            survivors.put(contract.name(), classified.filter(good()).select(RowChecks.columns(contract.columnNames())));
            writeConformed(contract, classified, outcome.kept(), staging);
            writeQuarantine(contract, classified, staging);
            return outcome;
        } catch (Exception e) { // Spark's checked exceptions too, undeclared
            throw asSourceFailure(contract.name(), e);
        }
    }

    private CsvDatasetReader.Parsed read(DatasetContract contract, SourceSpec source, CsvDatasetReader csv,
            Staging staging) {
        return source instanceof SourceSpec.Csv file ? csv.read(contract, file)
                : new JdbcDatasetReader(spark).read(contract, (SourceSpec.Jdbc) source,
                        staging.scratch(contract.name() + "-source"));
    }

    /** The checks across rows (keys, then references), every row's fate written to {@code folder}. */
    private Dataset<Row> classify(DatasetContract contract, CsvDatasetReader.Parsed parsed, String folder,
            Map<String, Dataset<Row>> survivors, List<Dataset<Row>> cached) {
        Dataset<Row> rows = RowChecks.checkKey(parsed.rows(), contract);
        for (Column foreignKey : contract.foreignKeys()) {
            String target = foreignKey.references();
            if (target.equals(contract.name())) {
                rows = cascadeWithinTree(rows, contract, foreignKey.name(), cached);
            } else if (survivors.containsKey(target)) {
                String targetKey = Datasets.require(target).referenceableKey().orElseThrow();
                rows = RowChecks.checkReference(rows, foreignKey.name(), survivors.get(target).select(targetKey),
                        target);
            }
        }
        if (contract.typedReference() != null) {
            rows = RowChecks.checkTypedReference(rows, contract.typedReference(), survivors);
        }
        if (contract.name().equals(Datasets.RECIPIENTS)) {
            rows = RowChecks.checkAudience(rows, survivors);
        }
        if (contract.name().equals(Datasets.PROJECT_OBJECTIVES)) {
            rows = RowChecks.checkContributions(rows);
        }
        if (contract.name().equals(Datasets.KPI_OBSERVATIONS) && survivors.containsKey(Datasets.KPIS)) {
            rows = RowChecks.checkKpiBounds(rows, survivors.get(Datasets.KPIS));
        }
        return materialise(rows, folder);
    }

    /**
     * Classifies every row once, into Parquet: the counts, both zones and the reference checks
     * of later datasets all read this. Measured at 1.2 million rows (BENCHMARKS.md), writing
     * and reading Parquet costs about half of what filling Spark's cache does, and it keeps
     * the heap flat as data grows. Only quarantined rows keep their raw text: nothing else
     * reads it.
     */
    private Dataset<Row> materialise(Dataset<Row> rows, String folder) {
        rows.withColumn(RAW, when(col(REASON).isNotNull(), col(RAW))).write().mode(SaveMode.ErrorIfExists)
                .parquet(folder);
        return spark.read().parquet(folder);
    }

    /**
     * References inside one dataset (objective and project trees): a row whose parent is not a
     * good row is quarantined, which can orphan its own children, so repeat until nothing
     * changes. For objectives the parent's level must also fit (bad_parent_level).
     */
    private Dataset<Row> cascadeWithinTree(Dataset<Row> rows, DatasetContract contract, String parentColumn,
            List<Dataset<Row>> cached) {
        String key = contract.referenceableKey().orElseThrow();
        boolean levelled = contract.name().equals(Datasets.OBJECTIVES);
        Dataset<Row> current = rows.persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(current);
        // a round that quarantines nothing new ends the cascade; counting what the rounds have
        // rejected so far, rather than the good rows before and after, saves one Spark job
        org.apache.spark.sql.Column rejectedInTree = col(REASON).isin(QuarantineReason.DANGLING_REFERENCE.code(),
                QuarantineReason.BAD_PARENT_LEVEL.code());
        long rejected = 0;
        while (true) {
            Dataset<Row> parents = current.filter(good()).select(col(key).as("_parent"),
                    levelled ? col("level").as("_parent_level") : lit(null).cast("string").as("_parent_level"));
            Dataset<Row> joined = current.join(parents, col(parentColumn).equalTo(parents.col("_parent")), "left");
            org.apache.spark.sql.Column hasParent = col(parentColumn).isNotNull();
            Dataset<Row> next = RowChecks.reject(joined, hasParent.and(col("_parent").isNull()),
                    QuarantineReason.DANGLING_REFERENCE, RowChecks.danglingDetail(parentColumn, contract.name()));
            if (levelled) {
                next = RowChecks.reject(next, hasParent.and(not(parentLevelFits())), QuarantineReason.BAD_PARENT_LEVEL,
                        concat(lit("level "), col("level"), lit(" cannot have the "), col("_parent_level"), lit(" '"),
                                col(parentColumn), lit("' as parent")));
            }
            next = next.drop("_parent", "_parent_level").persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(next);
            long rejectedNow = next.filter(rejectedInTree).count();
            current = next;
            if (rejectedNow == rejected) {
                return current;
            }
            rejected = rejectedNow;
        }
    }

    /** it_aim under corporate_aim, objective under it_aim; a corporate_aim has no parent. */
    private static org.apache.spark.sql.Column parentLevelFits() {
        org.apache.spark.sql.Column fits = lit(false);
        for (Map.Entry<String, String> rule : Datasets.PARENT_LEVEL.entrySet()) {
            fits = fits.or(col("level").equalTo(rule.getKey()).and(col("_parent_level").equalTo(rule.getValue())));
        }
        return fits;
    }

    private static org.apache.spark.sql.Column not(org.apache.spark.sql.Column condition) {
        return org.apache.spark.sql.functions.not(condition);
    }

    private static DatasetOutcome count(DatasetContract contract, Dataset<Row> rows, CsvDatasetReader.Parsed parsed,
            SourceSpec source, double maxRejectRatio) {
        org.apache.spark.sql.Column status = when(col(REASON).isNotNull(), col(REASON))
                .when(col(DUPLICATE), lit("_deduplicated"))
                .otherwise(lit("_kept"));
        long read = 0;
        long kept = 0;
        long deduplicated = 0;
        Map<String, Long> quarantined = new HashMap<>();
        for (Row row : rows.groupBy(status.as("status")).count().collectAsList()) {
            String name = row.getString(0);
            long n = row.getLong(1);
            read += n;
            switch (name) {
                case "_kept" -> kept = n;
                case "_deduplicated" -> deduplicated = n;
                default -> quarantined.put(name, n);
            }
        }
        return new DatasetOutcome(contract.name(), source.describe(), parsed.files(), read, kept, deduplicated,
                quarantined, parsed.extraColumns(), parsed.columnWarnings(), maxRejectRatio);
    }

    /**
     * At most {@value #ROWS_PER_FILE} rows a file, so readers do not open many tiny files; the
     * partitions are merged, not reshuffled, and each file is sorted by the key.
     */
    private static void writeConformed(DatasetContract contract, Dataset<Row> rows, long kept, Staging staging) {
        int files = (int) Math.max(1, (kept + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
        Dataset<Row> conformed = rows.filter(good()).select(RowChecks.columns(contract.columnNames())).coalesce(files);
        if (!contract.key().isEmpty()) {
            conformed = conformed.sortWithinPartitions(RowChecks.columns(contract.key()));
        }
        conformed.write().mode(SaveMode.ErrorIfExists).parquet(staging.partition(Zone.CONFORMED, contract.name()));
    }

    private void writeQuarantine(DatasetContract contract, Dataset<Row> rows, Staging staging) {
        rows.filter(col(REASON).isNotNull())
                .select(lit(contract.name()).as("dataset"), col(SOURCE).as("source"), col(LINE).as("line"),
                        col(RAW).as("raw"), col(REASON).as("reason"), col(DETAIL).as("detail"),
                        lit(runId).as("run_id"))
                .coalesce(1)
                .sortWithinPartitions(col("source"), col("line"))
                .write().mode(SaveMode.ErrorIfExists).parquet(staging.partition(Zone.QUARANTINE, contract.name()));
    }

    /** An executor that failed reading a source makes the run exit with 4, naming the dataset. */
    private static RuntimeException asSourceFailure(String dataset, Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SourceReadException) {
                return new NorthstarException(ExitCode.SOURCE, "dataset " + dataset + ": cannot read source: "
                        + cause.getMessage(), failure);
            }
        }
        throw Unchecked.rethrow(failure);
    }
}
