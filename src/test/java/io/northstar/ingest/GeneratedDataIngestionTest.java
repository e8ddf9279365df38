package io.northstar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.contract.Datasets;
import io.northstar.run.RunManifest;
import io.northstar.sample.Ledger;
import io.northstar.sample.SampleGenerator;
import io.northstar.testing.TestingJob;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated data through real ingestion: clean data keeps every row, dirty data is found exactly. */
class GeneratedDataIngestionTest {

    @TempDir
    Path folder;

    private static TestingJob jobOver(Path folder, List<Ledger> ledgers) {
        TestingJob job = new TestingJob(folder).yaml("quality: { maxRejectRatio: 1.0 }\n");
        for (String dataset : Datasets.names()) {
            job.source(dataset, "data/" + dataset + ".csv");
        }
        return job;
    }

    @Test
    void cleanGeneratedDataIsQuarantineFree() {
        List<Ledger> ledgers = SampleGenerator.generate(folder.resolve("data"),
                new SampleGenerator.Options(2, 11, 0, SampleGenerator.Options.DEFAULT_AS_OF));
        RunManifest manifest = jobOver(folder, ledgers).runWithoutReports();
        for (DatasetOutcome outcome : manifest.datasets()) {
            assertThat(outcome.quarantinedByReason()).as(outcome.dataset()).isEmpty();
            assertThat(outcome.deduplicated()).as(outcome.dataset()).isZero();
        }
        assertThat(manifest.datasets()).hasSize(Datasets.names().size());
    }

    @Test
    void ingestionFindsExactlyTheInjectedRows() {
        List<Ledger> ledgers = SampleGenerator.generate(folder.resolve("data"),
                new SampleGenerator.Options(1, 9, 0.04, SampleGenerator.Options.DEFAULT_AS_OF));
        // seed 9 gives kpis three dirty rows: both KPI-bounds kinds (inverted, a % target above 100) and more
        assertThat(ledgers.stream().filter(ledger -> ledger.dataset().equals("kpis")).findFirst().orElseThrow()
                .quarantined().get("out_of_range")).isEqualTo(2L);
        RunManifest manifest = jobOver(folder, ledgers).runWithoutReports();
        for (Ledger ledger : ledgers) {
            DatasetOutcome outcome = manifest.datasets().stream().filter(o -> o.dataset().equals(ledger.dataset()))
                    .findFirst().orElseThrow();
            assertThat(outcome.rowsRead()).as(ledger.dataset()).isEqualTo(ledger.rows());
            assertThat(outcome.kept()).as(ledger.dataset()).isEqualTo(ledger.kept());
            assertThat(outcome.deduplicated()).as(ledger.dataset()).isEqualTo(ledger.deduplicated());
            assertThat(outcome.quarantinedByReason()).as(ledger.dataset()).isEqualTo(ledger.quarantined());
        }
    }
}
