package io.northstar.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.northstar.contract.Datasets;
import io.northstar.ingest.DatasetIngestor;
import io.northstar.ingest.DatasetOutcome;
import io.northstar.job.Job;
import io.northstar.lake.Lake;
import io.northstar.lake.Staging;
import io.northstar.lake.Zone;
import io.northstar.report.PackFiles;
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
import org.apache.spark.sql.Dataset;
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
            return new ValidationReport(job.name(), asOf, outcomes, examples, audiences(staging, outcomes));
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

    /**
     * Per audience of the kept recipients, its active and inactive rows and the files it would
     * receive; one row per audience and one per business unit reach the driver.
     */
    private List<ValidationReport.Audience> audiences(Staging staging, List<DatasetOutcome> outcomes) {
        if (!kept(outcomes, Datasets.RECIPIENTS)) {
            return List.of();
        }
        List<String> units = new ArrayList<>();
        Dataset<Row> named = null;
        for (String dataset : List.of(Datasets.PROJECTS, Datasets.BUDGET_LINES)) {
            if (kept(outcomes, dataset)) {
                Dataset<Row> these = spark.read().parquet(staging.partition(Zone.CONFORMED, dataset))
                        .select("business_unit");
                named = named == null ? these : named.union(these);
            }
        }
        if (named != null) {
            named.distinct().orderBy("business_unit").collectAsList().forEach(row -> units.add(row.getString(0)));
        }
        Map<String, String> files = PackFiles.businessUnits(units);
        List<ValidationReport.Audience> audiences = new ArrayList<>();
        for (Row row : spark.read().parquet(staging.partition(Zone.CONFORMED, Datasets.RECIPIENTS))
                .groupBy("audience").agg(sum(when(col("active"), 1).otherwise(0)).as("active"),
                        sum(when(col("active"), 0).otherwise(1)).as("inactive"))
                .orderBy(col("audience").notEqual(Datasets.BOARD_AUDIENCE), col("audience")).collectAsList()) {
            String audience = row.getAs("audience");
            List<String> theirs = audience.equals(Datasets.BOARD_AUDIENCE) ? PackFiles.BOARD
                    : files.containsKey(audience) ? List.of(files.get(audience)) : List.of();
            audiences.add(new ValidationReport.Audience(audience, row.<Long>getAs("active"),
                    row.<Long>getAs("inactive"), theirs));
        }
        return audiences;
    }

    private static boolean kept(List<DatasetOutcome> outcomes, String dataset) {
        return outcomes.stream().anyMatch(outcome -> outcome.dataset().equals(dataset) && outcome.kept() > 0);
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
