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
 * The commentary dataset (SPEC.md §4.5) through ingestion: every quarantine reason it can
 * show, its polymorphic entity_id checked against the kept rows of each entity type's dataset,
 * a portfolio comment's blank entity_id in the key, and its decision_needed flag.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentaryContractTest {
    private static final String HEADER =
            "entity_type,entity_id,period_end,comment,author,action,action_owner,action_due,decision_needed";

    private TestingJob job;
    private RunManifest manifest;

    @BeforeAll
    void ingestTheFixture(@TempDir Path folder) {
        job = new TestingJob(folder)
                .yaml("quality: { maxRejectRatio: 1.0 }\n")
                .csv("objectives", "objective_id,name,level", "CA1,Grow,corporate_aim")
                .csv("kpis", "kpi_id,name,direction", "K1,Share,higher_is_better",
                        "K2,Broken,sideways")                          // bad_enum: not a kept KPI
                .csv("projects", "project_id,name,business_unit,category,status,budget",
                        "P1,Shop,Retail,grow,active,100")
                .csv("budget_lines", "period,business_unit,category,plan,actual", "2026-10,Ops,opex,1,1")
                .csv("risks", "risk_id,title,category,likelihood,impact,status", "R1,Outage,operational,3,3,open")
                .csv("services", "service_id,name,availability_target", "S1,Shop,99.9")
                .csv("commentary", HEADER,                                       // line 1
                        "kpi,K1,2026-10-31,kept,Ann,Fix it,Bo,2026-11-30,",         // 2 kept, decision false
                        "project,P1,2026-10-31,kept,,,,,yes",                      // 3 kept
                        "risk,R1,2026-10-31,kept,,,,,No",                          // 4 kept
                        "objective,CA1,2026-10-31,kept,,,,,1",                     // 5 kept
                        "service,S1,2026-10-31,kept,,,,,0",                        // 6 kept
                        "business_unit,Retail,2026-10-31,from projects,,,,,TRUE", // 7 kept
                        "business_unit,Ops,2026-10-31,from budget lines,,,,,false",// 8 kept
                        "Portfolio,,2026-10-31,whole,,,,,",                       // 9 kept
                        "portfolio,,2026-10-31,whole,,,,,false",                  // 10 deduplicated (blank id, same values)
                        "portfolio,,2026-09-30,first,,,,,",                       // 11 conflicting_duplicate
                        "portfolio,,2026-09-30,second,,,,,",                      // 12 conflicting_duplicate
                        "kpi,K9,2026-10-31,ghost,,,,,",                           // 13 dangling_reference
                        "project,P9,2026-10-31,ghost,,,,,",                       // 14 dangling_reference
                        "risk,R9,2026-10-31,ghost,,,,,",                          // 15 dangling_reference
                        "objective,O9,2026-10-31,ghost,,,,,",                     // 16 dangling_reference
                        "service,S9,2026-10-31,ghost,,,,,",                       // 17 dangling_reference
                        "business_unit,Nowhere,2026-10-31,ghost,,,,,",            // 18 dangling_reference
                        "kpi,P1,2026-10-31,a project's id as a KPI,,,,,",         // 19 dangling_reference
                        "kpi,K2,2026-10-31,a quarantined KPI,,,,,",               // 20 dangling_reference
                        "kpi,,2026-10-31,no id,,,,,",                             // 21 missing_required
                        "portfolio,K1,2026-10-31,an id,,,,,",                     // 22 bad_type
                        "team,T1,2026-10-31,unknown type,,,,,",                   // 23 bad_enum
                        "kpi,K1,31.10.2026,bad date,,,,,",                        // 24 bad_type
                        "kpi,K1,2026-08-31,,,,,,",                                // 25 missing_required (comment)
                        "kpi,K1,2026-07-31,not a flag,,,,,maybe",                 // 26 bad_type
                        "kpi,K1,2026-06-30,\"broken \"quote,,,,,",                // 27 malformed_row
                        "kpi,K1,2026-05-31,bad due date,,,,2026-13-01,")          // 28 bad_type
        ;
        manifest = job.runWithoutReports();
    }

    @Test
    void everyReasonLandsWithItsLine() {
        Map<Long, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry(11L, "conflicting_duplicate"), Map.entry(12L, "conflicting_duplicate"),
                Map.entry(13L, "dangling_reference"), Map.entry(14L, "dangling_reference"),
                Map.entry(15L, "dangling_reference"), Map.entry(16L, "dangling_reference"),
                Map.entry(17L, "dangling_reference"), Map.entry(18L, "dangling_reference"),
                Map.entry(19L, "dangling_reference"), Map.entry(20L, "dangling_reference"),
                Map.entry(21L, "missing_required"), Map.entry(22L, "bad_type"), Map.entry(23L, "bad_enum"),
                Map.entry(24L, "bad_type"), Map.entry(25L, "missing_required"), Map.entry(26L, "bad_type"),
                Map.entry(27L, "malformed_row"), Map.entry(28L, "bad_type")));
        assertThat(job.reasonsByLine(Datasets.COMMENTARY)).containsExactlyEntriesOf(expected);
        DatasetOutcome outcome = TestingJob.outcome(manifest, Datasets.COMMENTARY);
        assertThat(outcome.rowsRead()).isEqualTo(27);
        assertThat(outcome.kept()).isEqualTo(8);
        assertThat(outcome.deduplicated()).isEqualTo(1);
    }

    @Test
    void eachEntityTypeKeepsAnIdOfAKeptRowOfItsDataset() {
        List<String> kept = job.conformed(Datasets.COMMENTARY).collectAsList().stream()
                .map(row -> row.getAs("entity_type") + ":" + row.getAs("entity_id")).sorted().toList();
        assertThat(kept).containsExactly("business_unit:Ops", "business_unit:Retail", "kpi:K1", "objective:CA1",
                "portfolio:null", "project:P1", "risk:R1", "service:S1");
    }

    @Test
    void aDanglingEntityIdNamesItsTypeAndWhereItWasLookedFor() {
        Map<String, String> details = new TreeMap<>();
        for (Row row : job.quarantine(Datasets.COMMENTARY).filter("reason = 'dangling_reference'").collectAsList()) {
            details.put(row.<Long>getAs("line").toString(), row.getAs("detail"));
        }
        assertThat(details).containsEntry("13", "entity_id 'K9' names no valid kpi (kpis.kpi_id)")
                .containsEntry("18", "entity_id 'Nowhere' names no valid business_unit"
                        + " (projects.business_unit or budget_lines.business_unit)")
                .containsEntry("19", "entity_id 'P1' names no valid kpi (kpis.kpi_id)")
                .containsEntry("16", "entity_id 'O9' names no valid objective (objectives.objective_id)");
    }

    @Test
    void theEntityIdRuleQuarantinesABlankIdForAKpiAndAnIdForThePortfolioWithAClearDetail() {
        Map<Long, String> details = new TreeMap<>();
        for (Row row : job.quarantine(Datasets.COMMENTARY).filter("line IN (21, 22, 11)").collectAsList()) {
            details.put(row.getAs("line"), row.getAs("detail"));
        }
        assertThat(details).containsEntry(21L, "blank entity_id: entity_type kpi needs one")
                .containsEntry(22L, "entity_id: 'K1' given, but entity_type portfolio names no row; leave it blank")
                // a blank key column reads as blank in the detail, not as a lost sentence
                .containsEntry(11L, "key (entity_type=portfolio, entity_id=, period_end=2026-09-30) is on 2 rows"
                        + " that differ");
    }

    @Test
    void decisionNeededReadsYesNoOneZeroTrueFalseAndDefaultsToFalse() {
        Map<String, Boolean> decisions = new TreeMap<>();
        for (Row row : job.conformed(Datasets.COMMENTARY).collectAsList()) {
            decisions.put(row.getAs("entity_type") + ":" + row.getAs("entity_id"), row.getAs("decision_needed"));
        }
        assertThat(decisions).containsEntry("kpi:K1", false).containsEntry("project:P1", true)
                .containsEntry("risk:R1", false).containsEntry("objective:CA1", true)
                .containsEntry("service:S1", false).containsEntry("business_unit:Retail", true)
                .containsEntry("business_unit:Ops", false).containsEntry("portfolio:null", false);
        assertThat(job.quarantine(Datasets.COMMENTARY).filter("line = 26").first().<String>getAs("detail"))
                .isEqualTo("decision_needed: 'maybe' is not a boolean (true/false, yes/no, 1/0)");
    }

    @Test
    void aTypeWhoseDatasetTheJobLacksIsNotChecked(@TempDir Path own) {
        TestingJob kpisOnly = new TestingJob(own).yaml("quality: { maxRejectRatio: 1.0 }\n")
                .csv("kpis", "kpi_id,name,direction", "K1,Share,higher_is_better")
                .csv("commentary", HEADER,
                        "kpi,K1,2026-10-31,kept,,,,,",                    // 2 kept
                        "kpi,K9,2026-10-31,checked: kpis are there,,,,,",  // 3 dangling_reference
                        "project,P9,2026-10-31,no projects: kept,,,,,",    // 4 kept
                        "risk,R9,2026-10-31,no risks: kept,,,,,",          // 5 kept
                        "business_unit,Anywhere,2026-10-31,kept,,,,,",     // 6 kept: neither projects nor budget lines
                        "portfolio,P1,2026-10-31,still a row error,,,,,"); // 7 bad_type
        kpisOnly.runWithoutReports();
        Map<Long, String> reasons = new TreeMap<>();
        for (Row row : kpisOnly.quarantine(Datasets.COMMENTARY).collectAsList()) {
            reasons.put(row.getAs("line"), row.getAs("reason"));
        }
        assertThat(reasons).containsExactlyEntriesOf(new TreeMap<>(Map.of(3L, "dangling_reference", 7L, "bad_type")));
        assertThat(kpisOnly.conformed(Datasets.COMMENTARY).count()).isEqualTo(4);
    }

    @Test
    void commentaryWaitsForTheDatasetsItMayName() {
        assertThat(DatasetIngestor.referencedDatasets(Datasets.require(Datasets.COMMENTARY)))
                .containsExactlyInAnyOrder(Datasets.KPIS, Datasets.PROJECTS, Datasets.RISKS, Datasets.OBJECTIVES,
                        Datasets.SERVICES, Datasets.BUDGET_LINES);
        // after every dataset it may name; only recipients, which names none of its rows, comes later
        assertThat(Datasets.names().indexOf(Datasets.COMMENTARY)).isEqualTo(Datasets.names().size() - 2);
    }

    @Test
    void aBooleanColumnFromADatabaseIsReadLikeTheCsvFlag(@TempDir Path own) throws Exception {
        String url = "jdbc:h2:" + own.resolve("h2/commentary");
        try (var connection = java.sql.DriverManager.getConnection(url, "sa", "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE COMMENTARY (ENTITY_TYPE VARCHAR(20), ENTITY_ID VARCHAR(20),"
                    + " PERIOD_END DATE, \"comment\" VARCHAR(200), DECISION_NEEDED BOOLEAN)");
            statement.execute("INSERT INTO COMMENTARY VALUES ('portfolio', NULL, DATE '2026-10-31', 'board', TRUE),"
                    + " ('portfolio', NULL, DATE '2026-09-30', 'note', FALSE),"
                    + " ('portfolio', NULL, DATE '2026-08-31', 'none', NULL),"
                    + " ('kpi', NULL, DATE '2026-08-31', 'no id', NULL)");
            statement.execute("CREATE TABLE FLAGS (ENTITY_TYPE VARCHAR(20), ENTITY_ID VARCHAR(20),"
                    + " PERIOD_END VARCHAR(20), \"comment\" VARCHAR(200), DECISION_NEEDED VARCHAR(10))");
            statement.execute("INSERT INTO FLAGS VALUES ('portfolio', NULL, '2026-10-31', 'one', '1'),"
                    + " ('portfolio', NULL, '2026-09-30', 'maybe', 'maybe')");
        }
        TestingJob fromDatabase = new TestingJob(own.resolve("job")).yaml("quality: { maxRejectRatio: 1.0 }\n")
                .jdbc(Datasets.COMMENTARY, url, "COMMENTARY", "user: sa");
        DatasetOutcome outcome = fromDatabase.runWithoutReports().datasets().get(0);
        assertThat(outcome.kept()).isEqualTo(3);
        assertThat(outcome.quarantinedByReason()).containsExactly(Map.entry("missing_required", 1L));
        Map<String, Boolean> decisions = new TreeMap<>();
        for (Row row : fromDatabase.conformed(Datasets.COMMENTARY).collectAsList()) {
            decisions.put(row.getAs("comment"), row.getAs("decision_needed"));
        }
        assertThat(decisions).containsExactlyEntriesOf(new TreeMap<>(Map.of("board", true, "note", false,
                "none", false)));

        TestingJob textFlags = new TestingJob(own.resolve("flags")).yaml("quality: { maxRejectRatio: 1.0 }\n")
                .jdbc(Datasets.COMMENTARY, url, "FLAGS", "user: sa");
        DatasetOutcome flags = textFlags.runWithoutReports().datasets().get(0);
        assertThat(flags.kept()).isEqualTo(1);
        assertThat(flags.quarantinedByReason()).containsExactly(Map.entry("bad_type", 1L));
    }
}
