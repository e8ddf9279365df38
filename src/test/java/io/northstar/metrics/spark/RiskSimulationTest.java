package io.northstar.metrics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.northstar.job.Job;
import io.northstar.job.JobFileReader;
import io.northstar.testing.TestingSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC.md §2.8: the Monte Carlo gives the same numbers however the risks are partitioned. */
class RiskSimulationTest {
    private static final int RISKS = 300;

    @TempDir
    Path folder;

    private Job job() throws IOException {
        Path file = Files.writeString(folder.resolve("job.yaml"),
                "name: sim\nlake: lake\nrisk: { trials: 20000, seed: 42 }\nsources: { risks: { format: csv, path: r.csv } }\n");
        return JobFileReader.read(file);
    }

    /** 300 open risks, three categories, likelihood 1..5, widening three-point ranges. */
    private static Dataset<Row> risks(int partitions) {
        return TestingSpark.session().range(RISKS).selectExpr(
                "concat('R', id) as risk_id", "'Risk' as title",
                "element_at(array('security', 'delivery', 'financial'), cast(id % 3 + 1 as int)) as category",
                "'open' as status", "cast(null as string) as project_id", "cast(null as string) as objective_id",
                "cast(null as string) as service_id", "cast(null as string) as owner",
                "cast(1 + id % 5 as int) as likelihood", "cast(1 + id % 4 as int) as impact",
                "cast(null as double) as probability",
                "cast(1000 + id * 10 as decimal(18,2)) as cost_low",
                "cast(2000 + id * 15 as decimal(18,2)) as cost_most_likely",
                "cast(5000 + id * 40 as decimal(18,2)) as cost_high",
                "cast(null as date) as identified_date", "cast(null as date) as mitigation_due",
                "cast(null as int) as residual_likelihood", "cast(null as int) as residual_impact")
                .repartition(partitions);
    }

    private static MetricsContext context(Job job, int partitions) {
        return new MetricsContext(TestingSpark.session(), SnapshotTables.of(Map.of("risks", risks(partitions))),
                LocalDate.of(2026, 10, 31), "test", job, Map.of());
    }

    private List<Row> simulate(Job job, int partitions) {
        return RiskTables.compute(context(job, partitions)).get(RiskTables.SIMULATION).orderBy("scope", "key")
                .collectAsList();
    }

    @Test
    void aRegisterReadAsOnePartitionIsSimulatedOnEveryCore() throws IOException {
        MetricsContext context = context(job(), 1);
        Dataset<Row> simulated = RiskTables.simulated(context, RiskTables.exposure(context));
        assertThat(simulated.javaRDD().getNumPartitions())
                .isEqualTo(2 * TestingSpark.session().sparkContext().defaultParallelism());
        assertThat(simulated.count()).isEqualTo(RISKS);
    }

    @Test
    void identicalPercentilesWith1And3And8Partitions() throws IOException {
        Job job = job();
        List<Row> one = simulate(job, 1);
        assertThat(simulate(job, 3)).isEqualTo(one);
        assertThat(simulate(job, 8)).isEqualTo(one);
        assertThat(one).hasSize(4); // three categories and the portfolio
    }

    @Test
    void theSimulatedMeanAgreesWithTheSumOfEmvWithinThreeStandardErrors() throws IOException {
        double[] probability = {0.1, 0.3, 0.5, 0.7, 0.9};
        double emv = 0;
        double variance = 0;
        for (int id = 0; id < RISKS; id++) {
            double p = probability[id % 5];
            double low = 1000 + id * 10;
            double likely = 2000 + id * 15;
            double high = 5000 + id * 40;
            double mean = (low + 4 * likely + high) / 6;
            double alpha = 1 + 4 * (likely - low) / (high - low);
            double beta = 1 + 4 * (high - likely) / (high - low);
            double costVariance = Math.pow(high - low, 2) * alpha * beta / (36 * (alpha + beta + 1));
            emv += p * mean;
            variance += p * (costVariance + mean * mean) - Math.pow(p * mean, 2);
        }
        Row portfolio = simulate(job(), 4).stream().filter(row -> "portfolio".equals(row.getAs("scope")))
                .findFirst().orElseThrow();
        double standardError = Math.sqrt(variance / 20_000);
        assertThat(((Number) portfolio.getAs("mean")).doubleValue()).isCloseTo(emv, within(3 * standardError));
    }
}
