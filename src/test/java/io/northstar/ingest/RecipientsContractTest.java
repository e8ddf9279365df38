package io.northstar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.contract.Datasets;
import io.northstar.run.RunManifest;
import io.northstar.testing.TestingJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipients dataset (SPEC.md §6) through ingestion: an audience is the board or a business
 * unit the snapshot names (projects or budget_lines), an address is an RFC 5322 addr-spec, and
 * active defaults to true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecipientsContractTest {
    private TestingJob job;
    private RunManifest manifest;

    @BeforeAll
    void ingestTheFixture(@TempDir Path folder) {
        job = new TestingJob(folder)
                .yaml("quality: { maxRejectRatio: 1.0 }\n")
                .csv("projects", "project_id,name,business_unit,category,status,budget",
                        "P1,Shop,Retail,grow,active,100")
                .csv("budget_lines", "period,business_unit,category,plan,actual", "2026-10,Ops,opex,1,1")
                .csv("recipients", "audience,email,name,active",                     // line 1
                        "board,ceo@example.com,Chief Executive,",                      // 2 kept, active by default
                        "board,\"\"\"j doe\"\"@example.com\",Quoted local part,no",   // 3 kept, inactive
                        "Retail,retail.head+packs@shop.example.co.uk,,yes",            // 4 kept: a unit of projects
                        "Ops,ops@[192.0.2.1],,",                                       // 5 kept: a unit of budget_lines
                        "Nowhere,x@example.com,,",                                     // 6 dangling_reference
                        "Board,cfo@example.com,,",                                     // 7 dangling_reference: case
                        "board,not an address,,",                                      // 8 bad_type
                        "board,two@@example.com,,",                                    // 9 bad_type
                        "board,Ann <ann@example.com>,,",                               // 10 bad_type: display name
                        "board,dot.@example.com,,",                                    // 11 bad_type
                        ",nobody@example.com,,",                                       // 12 missing_required
                        "board,ceo@example.com,Chief Executive,true",                  // 13 deduplicated
                        "board,maybe@example.com,,perhaps");                           // 14 bad_type
        manifest = job.runWithoutReports();
    }

    @Test
    void everyReasonLandsWithItsLine() {
        assertThat(job.reasonsByLine(Datasets.RECIPIENTS)).containsExactlyEntriesOf(new TreeMap<>(Map.of(6L, "dangling_reference",
                7L, "dangling_reference", 8L, "bad_type", 9L, "bad_type", 10L, "bad_type", 11L, "bad_type",
                12L, "missing_required", 14L, "bad_type")));
        assertThat(TestingJob.outcome(manifest, Datasets.RECIPIENTS)).as("read, kept, deduplicated")
                .extracting(DatasetOutcome::rowsRead, DatasetOutcome::kept, DatasetOutcome::deduplicated)
                .containsExactly(13L, 4L, 1L);
    }

    @Test
    void anUnknownAudienceSaysWhereUnitsWereLookedFor() {
        Row row = job.quarantine(Datasets.RECIPIENTS).filter("line = 6").first();
        assertThat((String) row.getAs("detail")).isEqualTo("audience 'Nowhere' is neither board nor a business unit"
                + " of projects.business_unit or budget_lines.business_unit");
        assertThat((String) job.quarantine(Datasets.RECIPIENTS).filter("line = 8").first().getAs("detail"))
                .isEqualTo("email: 'not an address' is not an e-mail address (local-part@domain, RFC 5322)");
    }

    @Test
    void recipientsWaitForTheDatasetsThatNameBusinessUnits() {
        assertThat(DatasetIngestor.referencedDatasets(Datasets.require(Datasets.RECIPIENTS)))
                .containsExactlyInAnyOrder(Datasets.PROJECTS, Datasets.BUDGET_LINES);
    }

    @Test
    void keptRowsKeepTheAddressAsWrittenAndDefaultToActive() {
        List<String> kept = job.conformed(Datasets.RECIPIENTS).collectAsList().stream()
                .map(row -> row.getAs("audience") + " " + row.getAs("email") + " " + row.getAs("active")).sorted()
                .toList();
        assertThat(kept).containsExactly("Ops ops@[192.0.2.1] true", "Retail retail.head+packs@shop.example.co.uk true",
                "board \"j doe\"@example.com false", "board ceo@example.com true");
    }
}
