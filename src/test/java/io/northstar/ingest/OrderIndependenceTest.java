package io.northstar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.run.RunManifest;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC.md §1.1: the order rows arrive in (file order, files, partitioning) never changes what is kept. */
class OrderIndependenceTest {

    private static final String OBJECTIVES_HEADER = "objective_id,name,level,parent_id,weight";
    private static final String OBSERVATIONS_HEADER = "kpi_id,period_end,value";

    @TempDir
    Path folder;

    @AfterEach
    void restorePartitions() {
        TestingSpark.session().conf().set("spark.sql.shuffle.partitions", "2");
    }

    private static List<String> objectives() {
        List<String> rows = new ArrayList<>();
        rows.add("CA1,Aim one,corporate_aim,,");
        rows.add("CA1,Aim one,corporate_aim,,1.0");           // identical duplicate
        rows.add("CA2,Aim two,corporate_aim,,");
        rows.add("CA2,Aim two!,corporate_aim,,");             // conflicting duplicate
        for (int i = 0; i < 20; i++) {
            rows.add("ITA" + i + ",IT aim " + i + ",it_aim," + (i % 3 == 0 ? "CA2" : "CA1") + "," + (1 + i % 4));
            rows.add("OBJ" + i + ",Objective " + i + ",objective,ITA" + i + ",");
        }
        rows.add("OBJX,Wrong level,objective,CA1,");
        return rows;
    }

    private static List<String> observations() {
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            for (int m = 1; m <= 12; m++) {
                rows.add("K" + k + ",2026-" + String.format("%02d", m) + "-28," + (k * 10 + m));
            }
        }
        rows.add("K1,2026-03-28,13");                          // identical duplicate
        rows.add("K2,2026-03-28,99");                          // conflicting with K2's own row
        rows.add("K9,2026-03-28,1");                           // unknown KPI
        return rows;
    }

    private static String kpis() {
        return "kpi_id,name,direction\nK0,a,higher_is_better\nK1,b,lower_is_better\nK2,c,higher_is_better\n"
                + "K3,d,higher_is_better\nK4,e,higher_is_better\n";
    }

    @Test
    void shuffledRowsSplitAcrossFilesGiveTheIdenticalConformedSet() {
        TestingJob ordered = new TestingJob(folder.resolve("ordered")).yaml("quality: { maxRejectRatio: 1.0 }\n");
        TestingJob.write(ordered.folder().resolve("data/kpis.csv"), kpis());
        ordered.source("kpis", "data/kpis.csv");
        writeFiles(ordered, "objectives", OBJECTIVES_HEADER, objectives(), 1, null);
        writeFiles(ordered, "kpi_observations", OBSERVATIONS_HEADER, observations(), 1, null);
        RunManifest first = ordered.runWithoutReports();

        TestingJob shuffled = new TestingJob(folder.resolve("shuffled")).yaml("quality: { maxRejectRatio: 1.0 }\n");
        TestingJob.write(shuffled.folder().resolve("data/kpis.csv"), kpis());
        shuffled.source("kpis", "data/kpis.csv");
        writeFiles(shuffled, "objectives", OBJECTIVES_HEADER, objectives(), 3, new Random(7));
        writeFiles(shuffled, "kpi_observations", OBSERVATIONS_HEADER, observations(), 4, new Random(11));
        TestingSpark.session().conf().set("spark.sql.shuffle.partitions", "7");
        RunManifest second = shuffled.runWithoutReports();

        for (String dataset : List.of("objectives", "kpi_observations")) {
            assertThat(rows(shuffled, dataset)).as(dataset).isEqualTo(rows(ordered, dataset)).isNotEmpty();
            assertThat(outcome(second, dataset).quarantinedByReason())
                    .isEqualTo(outcome(first, dataset).quarantinedByReason());
            assertThat(outcome(second, dataset).deduplicated()).isEqualTo(1);
        }
        assertThat(outcome(second, "kpi_observations").quarantinedByReason())
                .containsEntry("conflicting_duplicate", 2L).containsEntry("dangling_reference", 1L);
        assertThat(outcome(second, "objectives").files()).hasSize(3);
    }

    /** Writes the rows (shuffled when a random is given) into {@code parts} CSV files of one folder. */
    private static void writeFiles(TestingJob job, String dataset, String header, List<String> rows, int parts,
            Random random) {
        List<String> order = new ArrayList<>(rows);
        if (random != null) {
            Collections.shuffle(order, random);
        }
        for (int part = 0; part < parts; part++) {
            StringBuilder text = new StringBuilder(header).append('\n');
            for (int i = part; i < order.size(); i += parts) {
                text.append(order.get(i)).append('\n');
            }
            TestingJob.write(job.folder().resolve("data/" + dataset + "/part-" + part + ".csv"), text.toString());
        }
        job.source(dataset, "data/" + dataset);
    }

    private static List<String> rows(TestingJob job, String dataset) {
        return job.conformed(dataset).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static DatasetOutcome outcome(RunManifest manifest, String dataset) {
        return manifest.datasets().stream().filter(o -> o.dataset().equals(dataset)).findFirst().orElseThrow();
    }
}
