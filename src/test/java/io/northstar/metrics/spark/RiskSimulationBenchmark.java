package io.northstar.metrics.spark;

import io.northstar.job.Job;
import io.northstar.job.JobFileReader;
import io.northstar.job.Settings;
import io.northstar.run.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Times the risk Monte Carlo at the size SPEC.md asks about: 20,000 trials over 10,000 open
 * risks, on a local Spark with all cores. Run by {@code bench/montecarlo.sh}; not a test.
 */
public final class RiskSimulationBenchmark {
    private RiskSimulationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int risks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path folder = Files.createTempDirectory("northstar-bench");
        Job job = JobFileReader.read(Files.writeString(folder.resolve("job.yaml"), "name: bench\nlake: lake\n"
                + "risk: { trials: " + trials + ", seed: 42 }\nsources: { risks: { format: csv, path: r.csv } }\n"));
        SparkSession spark = SparkSessions.create(new Settings.Spark("local[*]", Map.of()), "montecarlo-benchmark");
        try {
            Dataset<Row> table = spark.range(risks).selectExpr(
                    "concat('R', id) as risk_id", "'Risk' as title",
                    "element_at(array('security','compliance','delivery','financial','operational','vendor','people'),"
                            + " cast(id % 7 + 1 as int)) as category",
                    "'open' as status", "cast(null as string) as project_id", "cast(null as string) as objective_id",
                    "cast(null as string) as service_id", "cast(null as string) as owner",
                    "cast(1 + id % 5 as int) as likelihood", "cast(1 + id % 4 as int) as impact",
                    "cast(null as double) as probability", "cast(1000 + id % 977 * 10 as decimal(18,2)) as cost_low",
                    "cast(2000 + id % 977 * 15 as decimal(18,2)) as cost_most_likely",
                    "cast(5000 + id % 977 * 40 as decimal(18,2)) as cost_high", "cast(null as date) as identified_date",
                    "cast(null as date) as mitigation_due", "cast(null as int) as residual_likelihood",
                    "cast(null as int) as residual_impact")
                    // one partition, as a register read from its one Parquet file in a real run
                    .coalesce(1).cache();
            table.count();
            MetricsContext context = new MetricsContext(spark, SnapshotTables.of(Map.of("risks", table)),
                    LocalDate.of(2026, 10, 31), "bench", job, Map.of());
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                List<Row> rows = RiskTables.compute(context).get(RiskTables.SIMULATION).collectAsList();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %,d risks x %,d trials in %.1f s (%d summary rows)%n", run,
                        risks, trials, seconds, rows.size());
            }
        } finally {
            spark.stop();
        }
    }
}
