package io.northstar.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeLockTest {

    @TempDir
    Path folder;

    private Lake lake() {
        return new Lake(folder.resolve("lake").toString(), new Configuration());
    }

    private static final LakeLock.Purpose RUN = new LakeLock.Purpose("run", "nightly", LocalDate.of(2026, 10, 31));

    private Path lockFile() {
        return folder.resolve("lake").resolve(LakeLock.LOCK);
    }

    @Test
    void aSecondRunIsRefusedNamingTheHolderUntilTheFirstReleases() {
        try (LakeLock first = LakeLock.acquire(lake(), "20261122T020000Z-aaaaaaaa", RUN)) {
            assertThatThrownBy(() -> LakeLock.acquire(lake(), "20261122T020100Z-bbbbbbbb", RUN))
                    .isInstanceOfSatisfying(LakeBusyException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LAKE_BUSY))
                    .hasMessageContaining("is locked by run 20261122T020000Z-aaaaaaaa (run of job nightly for as_of 2026-10-31)")
                    .hasMessageContaining("process " + ProcessHandle.current().pid());
        }
        assertThat(lockFile()).doesNotExist();
        LakeLock.acquire(lake(), "20261122T020200Z-cccccccc", RUN).close();
    }

    @Test
    void aLockLeftByAProcessThatDiedOnThisHostIsTakenOver() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), "runId=20261122T010000Z-dddddddd\nwhat=run killed\nhost=" + LakeLock.thisHost()
                + "\npid=" + gone.pid() + "\nsince=2026-11-22T01:00:00Z\n");

        try (LakeLock lock = LakeLock.acquire(lake(), "20261122T020000Z-eeeeeeee", RUN)) {
            assertThat(Files.readString(lockFile())).contains("runId=20261122T020000Z-eeeeeeee");
            assertThat(lock.tookOver()).hasValueSatisfying(dead -> {
                assertThat(dead.runId()).isEqualTo("20261122T010000Z-dddddddd");
                assertThat(dead.pid()).isEqualTo(gone.pid());
                assertThat(dead.purpose()).as("a lock of an older release names no purpose").isEmpty();
            });
        }
    }

    @Test
    void theLockOfARunThatDiedSaysWhatItWasDoing() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.createDirectories(lockFile().getParent());
        // a run that takes the lock, and whose process is then gone without releasing it
        LakeLock.acquire(lake(), "20261122T010000Z-dddddddd", RUN);
        Files.writeString(lockFile(), Files.readString(lockFile()).replaceAll("pid=\\d+", "pid=" + gone.pid()));
        try (LakeLock lock = LakeLock.acquire(lake(), "20261122T020000Z-eeeeeeee",
                new LakeLock.Purpose("metrics", "other", LocalDate.of(2026, 9, 30)))) {
            assertThat(lock.tookOver()).hasValueSatisfying(dead -> {
                assertThat(dead.runId()).isEqualTo("20261122T010000Z-dddddddd");
                assertThat(dead.purpose()).contains(RUN);
            });
        }
    }

    @Test
    void aLockHeldOnAnotherHostIsNeverTakenOver() throws IOException {
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), "runId=20261122T010000Z-ffffffff\nwhat=run\nhost=another-host\npid=1\n"
                + "since=2026-11-22T01:00:00Z\n");
        assertThatThrownBy(() -> LakeLock.acquire(lake(), "20261122T020000Z-00000000", RUN))
                .isInstanceOf(LakeBusyException.class).hasMessageContaining("on another-host")
                .hasMessageContaining("removed by hand");
    }

    @Test
    void releasingNeverRemovesAnotherRunsLock() throws IOException {
        LakeLock mine = LakeLock.acquire(lake(), "20261122T020000Z-11111111", RUN);
        Files.writeString(lockFile(), "runId=20261122T020500Z-22222222\nwhat=run\nhost=" + LakeLock.thisHost()
                + "\npid=" + ProcessHandle.current().pid() + "\nsince=2026-11-22T02:05:00Z\n");
        mine.close();
        assertThat(lockFile()).exists();
    }
}
