package io.northstar.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import io.northstar.ingest.DatasetIngestor;
import io.northstar.ingest.DatasetOutcome;
import io.northstar.job.Job;
import io.northstar.lake.Lake;
import io.northstar.lake.Staging;
import io.northstar.lake.Zone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Reads and checks every source of a job exactly as a run would, into a scratch folder of its
 * own that is deleted afterwards: the job's lake is never touched. The scratch folder is on the
 * machine that runs the command, so validate is meant for local mode.
 */
public final class Validator {
    static final int EXAMPLES_PER_REASON = 3;

    private final SparkSession spark;
    private final Progress progress;
    private final Clock clock;

    public Validator(SparkSession spark, Progress progress, Clock clock) {
        this.spark = spark;
        this.progress = progress;
        this.clock = clock;
    }

    public ValidationReport validate(Job job, LocalDate asOf) {
        Path scratch = scratchFolder();
        try {
            String runId = RunIds.next(clock);
            Lake lake = new Lake(scratch.toUri().toString(), spark.sparkContext().hadoopConfiguration());
            Staging staging = lake.stage(runId, asOf);
            List<DatasetOutcome> outcomes = ingest(job, staging, runId);
            Map<String, List<ValidationReport.Example>> examples = new LinkedHashMap<>();
            for (DatasetOutcome outcome : outcomes) {
                if (outcome.quarantined() > 0) {
                    examples.put(outcome.dataset(), examples(staging.partition(Zone.QUARANTINE, outcome.dataset())));
                }
            }
            return new ValidationReport(job.name(), asOf, outcomes, examples);
        } finally {
            delete(scratch);
        }
    }

    private List<DatasetOutcome> ingest(Job job, Staging staging, String runId) {
        TaskProgressListener listener = new TaskProgressListener(progress);
        spark.sparkContext().addSparkListener(listener);
        progress.begin("validate");
        try {
            return new DatasetIngestor(spark, runId).ingest(job, staging, progress::dataset);
        } finally {
            spark.sparkContext().removeSparkListener(listener);
            progress.close();
        }
    }

    /** The first rows (by source and line) of each reason: a handful of rows reach the driver. */
    private List<ValidationReport.Example> examples(String quarantine) {
        List<ValidationReport.Example> examples = new ArrayList<>();
        List<Row> rows = spark.read().parquet(quarantine)
                .withColumn("n", row_number().over(Window.partitionBy("reason").orderBy("source", "line")))
                .filter(col("n").leq(EXAMPLES_PER_REASON))
                .orderBy("reason", "n")
                .collectAsList();
        for (Row row : rows) {
            examples.add(new ValidationReport.Example(row.getAs("reason"), row.getAs("source"),
                    row.<Long>getAs("line"), row.getAs("raw"), row.getAs("detail")));
        }
        return examples;
    }

    private static Path scratchFolder() {
        try {
            return Files.createTempDirectory("northstar-validate-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for validate", e);
        }
    }

    private static void delete(Path folder) {
        try {
            LocalFolders.delete(folder);
        } catch (IOException e) {
            // a scratch folder left in the temp directory harms nothing
        }
    }
}
