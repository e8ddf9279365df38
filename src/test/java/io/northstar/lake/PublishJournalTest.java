package io.northstar.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publish cut short by a dead process, at each point between its renames, is completed by
 * the next run from the journal in the staging folder, to exactly what an uninterrupted
 * publish gives; one cut before any rename leaves the published snapshot as it was.
 */
class PublishJournalTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    private static final String PARTITION = "as_of=2026-10-31";

    @TempDir
    Path folder;

    private Lake lake;
    private Staging staging;

    @BeforeEach
    void aPublishedSnapshotAndAStagedOne() throws IOException {
        lake = new Lake(folder.toString(), new Configuration());
        for (String table : List.of("conformed/a", "conformed/b", "metrics/m", "metrics/gone")) {
            write(folder.resolve(table).resolve(PARTITION).resolve("part-0"), "old");
        }
        write(folder.resolve("conformed/a/as_of=2026-09-30/part-0"), "other snapshot");
        staging = lake.stage("20261122T010000Z-dead0001", AS_OF);
        for (String table : List.of("conformed/a", "conformed/b", "metrics/m")) {
            write(Path.of(java.net.URI.create(staging.partition(Zone.valueOf(table.split("/")[0].toUpperCase()),
                    table.split("/")[1]))).resolve("part-0"), "new");
        }
    }

    /** What an uninterrupted publish leaves: the new tables, the stale one gone, nothing staged. */
    private static Map<String, String> published() {
        Map<String, String> expected = new TreeMap<>();
        expected.put("conformed/a/as_of=2026-09-30/part-0", "other snapshot");
        expected.put("conformed/a/" + PARTITION + "/part-0", "new");
        expected.put("conformed/b/" + PARTITION + "/part-0", "new");
        expected.put("metrics/m/" + PARTITION + "/part-0", "new");
        return expected;
    }

    @Test
    void anUninterruptedPublishGivesTheNewSnapshotAndLeavesNoJournal() throws IOException {
        staging.publish();

        assertThat(files()).isEqualTo(published());
    }

    @Test
    void aPublishCutWhileMovingTheOldPartitionsAsideIsCompleted() throws IOException {
        journal("CONFORMED,QUARANTINE,METRICS");
        moveAside("conformed/a");

        List<Staging.Resumed> resumed = lake.resumeInterruptedPublishes();

        assertThat(resumed).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo("20261122T010000Z-dead0001");
            assertThat(r.asOf()).isEqualTo(AS_OF);
            assertThat(r.published()).hasSize(3);
        });
        assertThat(files()).isEqualTo(published());
    }

    @Test
    void aPublishCutWhileMovingTheNewPartitionsInIsCompleted() throws IOException {
        journal("CONFORMED,QUARANTINE,METRICS");
        for (String table : List.of("conformed/a", "conformed/b", "metrics/m", "metrics/gone")) {
            moveAside(table);
        }
        write(folder.resolve("_staging/20261122T010000Z-dead0001").resolve(Staging.MOVING_IN), "");
        Files.move(folder.resolve("_staging/20261122T010000Z-dead0001/conformed/a").resolve(PARTITION),
                folder.resolve("conformed/a").resolve(PARTITION));

        assertThat(lake.resumeInterruptedPublishes()).singleElement()
                .satisfies(r -> assertThat(r.published()).hasSize(2));
        assertThat(files()).isEqualTo(published());
    }

    @Test
    void aPublishOfTheMetricsAloneTouchesNoOtherZoneWhenCompleted() throws IOException {
        journal("METRICS");

        lake.resumeInterruptedPublishes();

        assertThat(files()).containsEntry("metrics/m/" + PARTITION + "/part-0", "new")
                .doesNotContainKey("metrics/gone/" + PARTITION + "/part-0")
                .containsEntry("conformed/a/" + PARTITION + "/part-0", "old")
                .containsEntry("conformed/b/" + PARTITION + "/part-0", "old");
    }

    @Test
    void aRunKilledWhileWritingItsJournalHadMovedNothingAndItsStagingIsRemoved() throws IOException {
        write(folder.resolve("_staging/20261122T010000Z-dead0001").resolve(Staging.JOURNAL), "2026-10-31");

        assertThat(lake.resumeInterruptedPublishes()).isEmpty();
        assertThat(lake.removeAbandonedStaging("20261122T020000Z-next0001")).hasSize(1);
        assertThat(files()).containsEntry("metrics/gone/" + PARTITION + "/part-0", "old")
                .containsEntry("conformed/a/" + PARTITION + "/part-0", "old").hasSize(5);
    }

    @Test
    void whatMovesWhileJournalledIsDoneByTheResumeToo() throws IOException {
        journal("CONFORMED,QUARANTINE,METRICS");
        moveAside("conformed/a");
        List<String> moved = new java.util.ArrayList<>();

        lake.resumeInterruptedPublishes((run, asOf) -> moved.add(run + " " + asOf));

        assertThat(moved).containsExactly("20261122T010000Z-dead0001 " + AS_OF);
        assertThat(files()).isEqualTo(published());
    }

    @Test
    void aPublishThatFailsPartwayKeepsItsJournalAndTheNextRunCompletesIt() throws IOException {
        assertThat(staging.publishStarted()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> staging.publish(java.util.EnumSet.allOf(Zone.class),
                () -> {
                    throw new IllegalStateException("the reports folder went away");
                })).hasMessageContaining("went away");
        assertThat(staging.publishStarted()).as("the runner then leaves the staging folder alone").isTrue();

        assertThat(lake.resumeInterruptedPublishes()).singleElement();
        assertThat(files()).isEqualTo(published());
    }

    private void journal(String zones) throws IOException {
        write(folder.resolve("_staging/20261122T010000Z-dead0001").resolve(Staging.JOURNAL),
                AS_OF + "\n" + zones);
    }

    private void moveAside(String table) throws IOException {
        Path aside = folder.resolve("_trash/20261122T010000Z-dead0001").resolve(table).resolve(PARTITION);
        Files.createDirectories(aside.getParent());
        Files.move(folder.resolve(table).resolve(PARTITION), aside);
    }

    /** Every file of the lake (staging and trash included) with its content. */
    private Map<String, String> files() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
