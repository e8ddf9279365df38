package io.northstar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.run.RunManifest;
import io.northstar.testing.TestingJob;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The KPI bounds of SPEC.md §1.2 through real CSV ingestion: the kpis rows, then their observations. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiBoundsContractTest {

    private TestingJob job;
    private RunManifest manifest;

    @BeforeAll
    void ingestTheFixture(@TempDir Path folder) {
        job = new TestingJob(folder)
                .yaml("quality: { maxRejectRatio: 1.0 }\n")
                .csv("kpis",
                        "kpi_id,name,unit,direction,baseline,target,lower_bound,upper_bound",     // line 1
                        "PCT,Paperless share, % ,higher_is_better,40,100,,",      // 2 kept: [0, 100] from the unit
                        "AREA,Floor space,m2,lower_is_better,2400,0,0,",          // 3 kept: [0, open)
                        "FREE,Net margin,EUR,higher_is_better,-5,10,,",           // 4 kept: unbounded
                        "WIDE,Growth,%,higher_is_better,90,150,-100,200",         // 5 kept: explicit bounds win
                        "SAME,Flat bounds,score,higher_is_better,5,5,5,5",        // 6 out_of_range: lower = upper
                        "INV,Inverted,score,higher_is_better,5,6,10,0",           // 7 out_of_range: lower > upper
                        "PINV,Percent low 100,%,higher_is_better,,,100,",         // 8 out_of_range: 100 is not below 100
                        "OVER,Target over 100,%,higher_is_better,50,104,,",       // 9 out_of_range: target > 100
                        "NEG,Negative baseline,m2,lower_is_better,-1,0,0,")       // 10 out_of_range: baseline < 0
                .csv("kpi_observations",
                        "kpi_id,period_end,value",
                        "PCT,2026-09-30,100",                                     // 2 kept: on the bound
                        "PCT,2026-10-31,104.2",                                   // 3 out_of_range: above 100
                        "AREA,2026-10-31,-3",                                     // 4 out_of_range: below 0
                        "AREA,2026-09-30,1e9",                                    // 5 kept: no upper bound
                        "FREE,2026-10-31,-1e9",                                   // 6 kept: unbounded
                        "WIDE,2026-10-31,180",                                    // 7 kept: within [-100, 200]
                        "OVER,2026-10-31,104",                                    // 8 dangling: its KPI is quarantined
                        "GHOST,2026-10-31,-5");                                   // 9 dangling: no such KPI
        manifest = job.runWithoutReports();
    }

    private Map<Long, String> detailsByLine(String dataset) {
        Map<Long, String> details = new TreeMap<>();
        for (Row row : job.quarantine(dataset).collectAsList()) {
            details.put(row.getAs("line"), row.getAs("reason") + ": " + row.getAs("detail"));
        }
        return details;
    }

    @Test
    void aKpiRowWithInvertedBoundsOrABaselineOrTargetOutsideThemIsOutOfRange() {
        assertThat(detailsByLine("kpis")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                6L, "out_of_range: lower_bound 5 is not below upper_bound 5",
                7L, "out_of_range: lower_bound 10 is not below upper_bound 0",
                8L, "out_of_range: lower_bound 100 is not below upper_bound 100",
                9L, "out_of_range: target 104 is above upper_bound 100",
                10L, "out_of_range: baseline -1 is below lower_bound 0")));
    }

    @Test
    void aPercentKpisBlankBoundsAreConformedAsZeroAndHundredAndOtherBlanksStayOpen() {
        Map<String, String> bounds = new TreeMap<>();
        for (Row row : job.conformed("kpis").collectAsList()) {
            bounds.put(row.getAs("kpi_id"), row.getAs("lower_bound") + ".." + row.getAs("upper_bound"));
        }
        assertThat(bounds).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "PCT", "0.0..100.0",
                "AREA", "0.0..null",
                "FREE", "null..null",
                "WIDE", "-100.0..200.0")));
    }

    @Test
    void anObservationOutsideItsKpisBoundsIsOutOfRangeNamingTheValueAndTheBound() {
        assertThat(detailsByLine("kpi_observations")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                3L, "out_of_range: value 104.2 is above the KPI's upper bound 100",
                4L, "out_of_range: value -3 is below the KPI's lower bound 0",
                8L, "dangling_reference: kpi_id 'OVER' names no valid row of kpis",
                9L, "dangling_reference: kpi_id 'GHOST' names no valid row of kpis")));
    }

    @Test
    void theManifestCountsTheBoundsRejectionsAsOutOfRange() {
        DatasetOutcome observations = manifest.datasets().stream()
                .filter(o -> o.dataset().equals("kpi_observations")).findFirst().orElseThrow();
        assertThat(observations.quarantinedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "out_of_range", 2L, "dangling_reference", 2L));
        assertThat(observations.kept()).isEqualTo(4);
    }

    @Test
    void aDatabaseSourceMeetsTheSameRules(@TempDir Path own) throws Exception {
        String url = "jdbc:h2:" + own.resolve("h2/northstar");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE KPIS (KPI_ID VARCHAR(20), NAME VARCHAR(40), UNIT VARCHAR(10),"
                    + " DIRECTION VARCHAR(20), TARGET DOUBLE, LOWER_BOUND DOUBLE, UPPER_BOUND DOUBLE)");
            statement.execute("INSERT INTO KPIS VALUES ('PCT', 'Paperless share', '%', 'higher_is_better', 95, NULL,"
                    + " NULL), ('INV', 'Inverted', 'score', 'higher_is_better', NULL, 10, 0)");
            statement.execute("CREATE TABLE OBS (KPI_ID VARCHAR(20), PERIOD_END DATE, \"VALUE\" DOUBLE)");
            statement.execute("INSERT INTO OBS VALUES ('PCT', DATE '2026-09-30', 99.5),"
                    + " ('PCT', DATE '2026-10-31', 104.2), ('INV', DATE '2026-10-31', 5)");
        }
        TestingJob database = new TestingJob(own.resolve("job")).yaml("quality: { maxRejectRatio: 1.0 }\n")
                .jdbc("kpis", url, "KPIS", "user: sa")
                .jdbc("kpi_observations", url, "OBS", "user: sa");
        database.runWithoutReports();

        assertThat(database.quarantine("kpis").collectAsList()).extracting(row -> row.getAs("detail"))
                .containsExactly("lower_bound 10 is not below upper_bound 0");
        assertThat(database.quarantine("kpi_observations").orderBy("line").collectAsList())
                .extracting(row -> row.getAs("line") + " " + row.getAs("reason") + ": " + row.getAs("detail"))
                .containsExactly("2 out_of_range: value 104.2 is above the KPI's upper bound 100",
                        "3 dangling_reference: kpi_id 'INV' names no valid row of kpis");
    }
}
