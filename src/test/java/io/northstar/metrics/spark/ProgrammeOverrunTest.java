package io.northstar.metrics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.testing.TestingJob;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * executive_summary's projects_bac and projects_eac over the organisation of
 * {@link MetricsIntegrationTest} with P2 (Retail) and P3 (Ops) projects of the programme P1
 * (Retail), all three in the active portfolio: P1's budget and forecast hold theirs. P1: BAC 1000,
 * EAC 1000 / (350 / 360) = 1028.57; P2 (on hold): BAC 500, EAC 500 / 1.25 = 400; P3: BAC 300,
 * EAC 300 / 0.5 = 600.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeOverrunTest {

    private TestingJob job;

    @BeforeAll
    void runTheJob(@TempDir Path folder) {
        job = MetricsIntegrationTest.organisation(new TestingJob(folder))
                .csv("projects",
                        "project_id,name,parent_id,business_unit,category,status,budget,planned_end_date,"
                                + "strategic_value,urgency,effort",
                        "P1,Shop,,Retail,grow,active,1000,2026-12-31,5,4,2",
                        "P2,Vault,P1,Retail,run,on_hold,500,,,,",
                        "P3,Lift,P1,Ops,transform,approved,300,,2,2,4",
                        "P4,Old,,Ops,run,completed,10000,,,,",
                        "P5,Idea,,Lab,grow,proposed,200,,5,5,1");
        job.runWithoutReports();
    }

    @Test
    void aProjectOfAnActiveProgrammeIsCountedButItsMoneyIsSummedOnceAndTheUnitsAddUpToTheCompany() {
        Map<String, Row> summary = new TreeMap<>();
        for (Row row : job.table("metrics", "executive_summary", TestingJob.AS_OF).collectAsList()) {
            summary.put(row.getAs("business_unit") == null ? "(total)" : row.getAs("business_unit"), row);
        }
        // the company: P1 alone holds all three
        Row total = summary.get("(total)");
        assertThat((Long) total.getAs("active_projects")).isEqualTo(3L);
        assertThat((BigDecimal) total.getAs("projects_bac")).isEqualByComparingTo("1000.00");
        assertThat((BigDecimal) total.getAs("projects_eac")).isEqualByComparingTo("1028.57");
        // Retail: P2's programme is in Retail too, so P1 counts for both; P3 counts in Ops, so Retail gives it
        // back: BAC 1000 − 300 = 700, EAC 1028.57 − 600 = 428.57
        Row retail = summary.get("Retail");
        assertThat((Long) retail.getAs("active_projects")).isEqualTo(2L);
        assertThat((BigDecimal) retail.getAs("projects_bac")).isEqualByComparingTo("700.00");
        assertThat((BigDecimal) retail.getAs("projects_eac")).isEqualByComparingTo("428.57");
        // Ops: P3's programme belongs to Retail, so Ops' own figure is P3's
        Row ops = summary.get("Ops");
        assertThat((Long) ops.getAs("active_projects")).isEqualTo(1L);
        assertThat((BigDecimal) ops.getAs("projects_bac")).isEqualByComparingTo("300.00");
        assertThat((BigDecimal) ops.getAs("projects_eac")).isEqualByComparingTo("600.00");
        // the units add up to the company: 700 + 300 = 1000, 428.57 + 600 = 1028.57
        assertThat(((BigDecimal) retail.getAs("projects_eac")).add(ops.getAs("projects_eac")))
                .isEqualByComparingTo((BigDecimal) total.getAs("projects_eac"));
        // 1028.57 − 1000 = 28.57, at least 1 % of 1000: named
        assertThat((String) job.table("metrics", "briefing", TestingJob.AS_OF).filter("grain = 'portfolio'").first()
                .getAs("verdict")).contains("the portfolio is forecast USD 29 over budget");
    }
}
