package io.northstar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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
 * One fixture row per quarantine reason of SPEC.md §1.1, each landing in the quarantine zone
 * with that reason, its file and its line number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuarantineContractTest {

    private TestingJob job;
    private RunManifest manifest;

    @BeforeAll
    void ingestTheFixture(@TempDir Path folder) {
        job = new TestingJob(folder)
                .yaml("quality: { maxRejectRatio: 1.0 }\n")
                .csv("objectives",
                        "objective_id,name,level,parent_id,weight",   // line 1
                        "CA1,Grow revenue,corporate_aim,,",              // 2 kept
                        "ITA1,Digital platforms,it_aim,CA1,2",           // 3 kept
                        "OBJ1,Launch web shop,objective,ITA1,",          // 4 kept
                        "OBJ2,Wrong level,objective,CA1,",               // 5 bad_parent_level
                        "ITA9,Orphan aim,it_aim,CA9,",                   // 6 dangling_reference
                        "OBJ9,Child of orphan,objective,ITA9,",          // 7 dangling_reference (cascade)
                        "CA2,Cut costs,corporate_aim,,",                 // 8 conflicting_duplicate
                        "CA2,Cut costs now,corporate_aim,,",             // 9 conflicting_duplicate
                        "CA1,Grow revenue,corporate_aim,,1",             // 10 deduplicated (weight 1 = default)
                        "OBJ3,\"Broken \"quote,objective,ITA1,",         // 11 malformed_row
                        "OBJ4,,objective,ITA1,",                         // 12 missing_required
                        "OBJ5,Typo level,objectiv,ITA1,",                // 13 bad_enum
                        "OBJ6,Heavy,objective,ITA1,heavy",               // 14 bad_type
                        "OBJ7,Weightless,objective,ITA1,0",              // 15 out_of_range
                        "OBJ8,Aim with parent,corporate_aim,CA1,")       // 16 bad_parent_level
                .csv("projects",
                        "project_id,name,business_unit,category,status,budget",
                        "P1,Web shop,Retail,transform,active,1000",
                        "P2,Mobile app,Retail,grow,active,500")
                .csv("project_objectives",
                        "project_id,objective_id,contribution",
                        "P1,OBJ1,0.7",                                   // 2 contribution_over_100pct
                        "P1,ITA1,0.6",                                   // 3 contribution_over_100pct
                        "P2,OBJ1,1",                                     // 4 kept
                        "P2,OBJ9,0.5")                                   // 5 dangling (OBJ9 quarantined)
                .csv("services",
                        "service_id,name,availability_target",
                        "S1,Web shop,99.9",
                        "S2,Identity,99.95")
                .csv("service_dependencies",
                        "service_id,depends_on",
                        "S1,S2",                                         // 2 kept
                        "S1,S1",                                         // 3 self_dependency
                        "S2,S9")                                         // 4 dangling_reference
                .csv("business_cases",
                        "case_id,title,project_id,objective_id,capex,annual_opex,annual_benefit,years,discount_rate",
                        "BC1,Shop,P1,OBJ1,1000,50,400,5,",               // 2 kept, the job's rate
                        "BC2,Too long,P1,,1000,50,400,16,",              // 3 out_of_range (years 1-15)
                        "BC3,Negative capex,,,-1,0,10,3,0.08",           // 4 out_of_range
                        "BC4,Ghost,P9,,100,0,50,2,0.1",                  // 5 dangling_reference
                        "BC5,Rate,,,100,0,50,2,1.5",                     // 6 out_of_range (rate 0-1)
                        "BC6,Loss,,,100,0,-50,2,0.1")                    // 7 kept: a benefit may be negative
                .csv("assets",
                        "asset_id,asset_class,service_id,acquired_date,lifecycle_years,replacement_cost",
                        "AS1,Servers,S1,2022-01-01,5,1000",              // 2 kept
                        "AS2,Servers,S9,2022-01-01,5,1000",              // 3 dangling_reference
                        "AS3,Servers,,2022-01-01,0,1000",                // 4 out_of_range (lifecycle > 0)
                        "AS4,Servers,,01.01.2022,5,1000")                // 5 bad_type
                .csv("swot",
                        "type,statement,objective_id,source",
                        "strength,Good shop,OBJ1,Survey",                // 2 kept
                        "wish,More budget,,",                            // 3 bad_enum
                        "threat,,,",                                     // 4 missing_required
                        "threat,Said twice,,",                           // 5 kept
                        "threat,Said twice,,");                          // 6 kept: no key, every row counts
        manifest = job.runWithoutReports();
    }

    private Map<Long, String> reasonsByLine(String dataset) {
        Map<Long, String> reasons = new TreeMap<>();
        for (Row row : job.quarantine(dataset).collectAsList()) {
            reasons.put(row.getAs("line"), row.getAs("reason"));
        }
        return reasons;
    }

    @Test
    void everyRowLevelAndTreeReasonLandsWithItsLine() {
        assertThat(reasonsByLine("objectives")).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                Map.entry(5L, "bad_parent_level"),
                Map.entry(6L, "dangling_reference"),
                Map.entry(7L, "dangling_reference"),
                Map.entry(8L, "conflicting_duplicate"),
                Map.entry(9L, "conflicting_duplicate"),
                Map.entry(11L, "malformed_row"),
                Map.entry(12L, "missing_required"),
                Map.entry(13L, "bad_enum"),
                Map.entry(14L, "bad_type"),
                Map.entry(15L, "out_of_range"),
                Map.entry(16L, "bad_parent_level"))));
    }

    @Test
    void identicalDuplicatesCollapseIntoOneKeptRow() {
        List<String> kept = job.conformed("objectives").select("objective_id").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(kept).containsExactlyInAnyOrder("CA1", "ITA1", "OBJ1");
        DatasetOutcome objectives = outcome("objectives");
        assertThat(objectives.rowsRead()).isEqualTo(15);
        assertThat(objectives.kept()).isEqualTo(3);
        assertThat(objectives.deduplicated()).isEqualTo(1);
        assertThat(objectives.quarantined()).isEqualTo(11);
    }

    @Test
    void rowsThatFailedTheirOwnChecksNeitherConflictWithNorOutrankTheGoodRowsOfTheirKey(@TempDir Path own) {
        TestingJob kpis = new TestingJob(own).yaml("quality: { maxRejectRatio: 1.0 }\n")
                .csv("kpis", "kpi_id,name,direction",
                        "K1,Uptime,higher_is_better",     // 2 kept
                        "K1,Uptime,sideways",             // 3 bad_enum, not a conflict for line 2
                        "K1,Uptime,higher_is_better",     // 4 deduplicated copy of line 2
                        "K2,Incidents,upwards",           // 5 bad_enum, before the good row of its key
                        "K2,Incidents,lower_is_better");  // 6 kept, though not the first K2 line
        DatasetOutcome outcome = kpis.runWithoutReports().datasets().get(0);
        assertThat(outcome.kept()).isEqualTo(2);
        assertThat(outcome.deduplicated()).isEqualTo(1);
        assertThat(outcome.quarantinedByReason()).containsExactly(Map.entry("bad_enum", 2L));
        assertThat(kpis.conformed("kpis").select("kpi_id", "direction").orderBy("kpi_id").collectAsList())
                .extracting(Row::toString).containsExactly("[K1,higher_is_better]", "[K2,lower_is_better]");
    }

    @Test
    void aNulInATextValueIsBadTypeAtItsLineAndOtherControlCharactersAreKept(@TempDir Path own) {
        TestingJob kpis = new TestingJob(own).yaml("quality: { maxRejectRatio: 1.0 }\n")
                .csv("kpis", "kpi_id,name,direction,owner",
                        "K1,Uptime,higher_is_better,Ann",              // 2 kept
                        "K2,Inci\0dents,lower_is_better,Bo",           // 3 bad_type: PostgreSQL cannot store NUL
                        "K3,Bell\u0007ringer,higher_is_better,Cy",     // 4 kept: other control characters stay
                        "K4,Tickets,lower_is_better,D\0")              // 5 bad_type in an optional column
                .csv("kpi_observations", "kpi_id,period_end,value", "K2,2026-10-31,3");
        RunManifest run = kpis.runWithoutReports();
        assertThat(run.datasets().get(0).quarantinedByReason()).containsExactly(Map.entry("bad_type", 2L));
        assertThat(kpis.quarantine("kpis").orderBy("line").collectAsList())
                .extracting(row -> row.<Long>getAs("line") + " " + row.getAs("detail")).containsExactly(
                        "3 name: contains a NUL character (U+0000) at position 5, which a database cannot store",
                        "5 owner: contains a NUL character (U+0000) at position 2, which a database cannot store");
        assertThat(kpis.conformed("kpis").select("name").orderBy("kpi_id").collectAsList())
                .extracting(row -> row.getString(0)).containsExactly("Uptime", "Bell\u0007ringer");
        assertThat(kpis.quarantine("kpi_observations").first().<String>getAs("reason"))
                .as("the KPI's observations dangle").isEqualTo("dangling_reference");
    }

    @Test
    void contributionsOverOneQuarantineAllOfTheProjectsRows() {
        assertThat(reasonsByLine("project_objectives")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                2L, "contribution_over_100pct",
                3L, "contribution_over_100pct",
                5L, "dangling_reference")));
    }

    @Test
    void selfDependenciesAndUnknownServicesAreQuarantined() {
        assertThat(reasonsByLine("service_dependencies")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                3L, "self_dependency",
                4L, "dangling_reference")));
    }

    @Test
    void thePlanningDatasetsFollowTheSameRules() {
        assertThat(reasonsByLine("business_cases")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                3L, "out_of_range",
                4L, "out_of_range",
                5L, "dangling_reference",
                6L, "out_of_range")));
        assertThat(reasonsByLine("assets")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                3L, "dangling_reference",
                4L, "out_of_range",
                5L, "bad_type")));
        assertThat(reasonsByLine("swot")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                3L, "bad_enum",
                4L, "missing_required")));
        assertThat(outcome("swot").kept()).isEqualTo(3);
        Row shop = job.conformed("business_cases").filter("case_id = 'BC1'").first();
        assertThat((Object) shop.getAs("discount_rate")).as("the job's default applies in the metrics").isNull();
    }

    @Test
    void quarantineRowsCarrySourceRawTextAndADetail() {
        Row row = job.quarantine("service_dependencies").filter("line = 4").first();
        assertThat((String) row.getAs("dataset")).isEqualTo("service_dependencies");
        assertThat((String) row.getAs("source")).endsWith("data/service_dependencies.csv");
        assertThat((String) row.getAs("raw")).isEqualTo("S2,S9");
        assertThat((String) row.getAs("detail")).isEqualTo("depends_on 'S9' names no valid row of services");
        assertThat((String) row.getAs("run_id")).isEqualTo(manifest.runId());
        Row malformed = job.quarantine("objectives").filter("line = 11").first();
        assertThat((String) malformed.getAs("raw")).isEqualTo("OBJ3,\"Broken \"quote,objective,ITA1,");
    }

    @Test
    void theConformedZoneHasExactlyTheContractColumns() {
        assertThat(job.conformed("objectives").columns())
                .containsExactly("objective_id", "name", "level", "parent_id", "weight", "owner", "description");
        Row ita1 = job.conformed("objectives").filter("objective_id = 'ITA1'").first();
        assertThat((Double) ita1.getAs("weight")).isEqualTo(2.0);
    }

    @Test
    void theManifestCountsReasonsPerDataset() {
        assertThat(outcome("objectives").quarantinedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bad_parent_level", 2L, "dangling_reference", 2L, "conflicting_duplicate", 2L, "malformed_row", 1L,
                "missing_required", 1L, "bad_enum", 1L, "bad_type", 1L, "out_of_range", 1L));
        assertThat(manifest.succeeded()).isTrue();
    }

    private DatasetOutcome outcome(String dataset) {
        return manifest.datasets().stream().filter(o -> o.dataset().equals(dataset)).findFirst().orElseThrow();
    }
}
