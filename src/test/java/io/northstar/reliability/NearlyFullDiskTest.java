package io.northstar.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingTmpfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run again on a disk left with less room than the run needs, at several sizes, so that the
 * disk fills at different points (conformed files, metric files, PDFs, the journal): each attempt
 * either publishes or exits 7 with a failed manifest, and one that exits 7 leaves nothing of its
 * own behind and the published snapshot as it was. Mounting the tmpfs needs root: elsewhere the
 * test is skipped, with a message.
 */
class NearlyFullDiskTest {
    @TempDir
    Path folder;

    @Test
    void atEverySizeARunPublishesOrExitsSevenLeavingNothingBehind() throws Exception {
        try (TestingTmpfs tmpfs = TestingTmpfs.mount(folder.resolve("small"), "16m")) {
            runsAgainWithLessRoomThanItNeeds(tmpfs);
        }
    }

    private void runsAgainWithLessRoomThanItNeeds(TestingTmpfs tmpfs) throws IOException {
        Path small = tmpfs.folder();
        Path data = folder.resolve("data");
        TestingJob.write(data.resolve("kpis.csv"), "kpi_id,name,direction,target\nK1,Uptime,higher_is_better,99.9\n"
                + "K2,Incidents,lower_is_better,2\n");
        TestingJob.write(data.resolve("kpi_observations.csv"), "kpi_id,period_end,value\nK1,2026-10-31,99.5\n"
                + "K2,2026-10-31,4\n");
        TestingJob job = new TestingJob(small).source("kpis", data.resolve("kpis.csv").toString())
                .source("kpi_observations", data.resolve("kpi_observations.csv").toString());
        long empty = tmpfs.free();
        job.run();
        long footprint = empty - tmpfs.free();
        List<String> published = publishedFiles(job);
        List<String> outcomes = new ArrayList<>();

        for (double share : new double[] {0.05, 0.5, 0.9, 0.99}) {
            Path filler = small.resolve("filler");
            fill(filler, tmpfs.free() - (long) (footprint * share));
            int manifests = job.manifests().size();
            try {
                job.run();
                outcomes.add(share + ": published");
                published = publishedFiles(job);
            } catch (NorthstarException failure) {
                assertThat(failure.exitCode()).as(share + ": " + failure.getMessage()).isEqualTo(ExitCode.CANNOT_WRITE);
                outcomes.add(share + ": exit 7");
                System.out.println("nearly full disk, " + share + " of the room: " + failure.getMessage());
                assertThat(publishedFiles(job)).as(share + " of the room it needs").isEqualTo(published);
                assertThat(small.resolve("lake/_staging")).as(share + " of the room it needs").doesNotExist();
                assertThat(stagedReports(small)).as(share + " of the room it needs").isEmpty();
            } catch (RuntimeException | Error other) {
                fail("with " + share + " of the room it needs the run failed with neither 0 nor 7", other);
            } finally {
                Files.delete(filler);
            }
            assertThat(job.manifests()).as(share + ": one manifest per attempt").hasSize(manifests + 1);
        }
        assertThat(outcomes).as("at least the smallest rooms fail").contains("0.05: exit 7", "0.5: exit 7");
        job.run();
        assertThat(job.table("metrics", "kpi_status", TestingJob.AS_OF).count()).isEqualTo(2);
    }

    private List<String> publishedFiles(TestingJob job) {
        return Stream.of("conformed", "quarantine", "metrics").flatMap(zone -> job.lakeFiles(zone).stream()).toList();
    }

    private static List<Path> stagedReports(Path small) throws IOException {
        try (Stream<Path> files = Files.walk(small.resolve("reports"))) {
            return files.filter(file -> file.getFileName().toString().startsWith(".staging")).toList();
        }
    }

    /** Writes real bytes (a sparse file takes no room on a tmpfs). */
    private static void fill(Path file, long bytes) throws IOException {
        byte[] chunk = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = Math.max(0, bytes); left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }
}
