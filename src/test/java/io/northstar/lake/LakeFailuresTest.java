package io.northstar.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.error.ExitCode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The lake's own faults recognised in a chain of causes, whatever wraps them. */
class LakeFailuresTest {
    private static final String FILE = "file:/data/lake/metrics/kpi_status/as_of=2026-10-31/part-00000-c000.snappy.parquet";

    @Test
    void aFileThatIsNotParquetIsDamagedAndNamed() {
        Exception failure = new IllegalStateException("Job aborted",
                new RuntimeException(FILE + " is not a Parquet file. Expected magic number at tail, but found [1, 2]"));

        assertThat(LakeFailures.damagedFile(failure)).hasValueSatisfying(damaged -> {
            assertThat(damaged.exitCode()).isEqualTo(ExitCode.LAKE_DAMAGED);
            assertThat(damaged.getMessage()).isEqualTo("lake file " + FILE + " cannot be read (is not a Parquet file."
                    + " Expected magic number at tail, but found [1, 2]): the file is damaged; restore it from a"
                    + " backup, or run the job again for that as_of to write the snapshot anew");
        });
    }

    @Test
    void aReadFailureWithoutAParquetFileOrWithoutASignIsSomethingElse() {
        assertThat(LakeFailures.damagedFile(new RuntimeException("[FAILED_READ_FILE.NO_HINT] reading data.csv")))
                .isEmpty();
        assertThat(LakeFailures.damagedFile(new RuntimeException("division by zero in " + FILE))).isEmpty();
    }

    @Test
    void noSpaceLeftIsAWriteFailureSayingThePreviousSnapshotStands() {
        Exception failure = new RuntimeException("Task failed", new IOException("No space left on device"));

        assertThat(LakeFailures.cannotWrite(failure, "lake /data/lake")).hasValueSatisfying(cannot -> {
            assertThat(cannot.exitCode()).isEqualTo(ExitCode.CANNOT_WRITE);
            assertThat(cannot.getMessage()).startsWith("lake /data/lake could not be written (No space left on device)")
                    .contains("previous snapshot stands");
        });
        assertThat(LakeFailures.cannotWrite(new IOException("Connection reset"), "lake /data/lake")).isEmpty();
    }

    @Test
    void aLakeFailureOnAFullDiskExitsWithSevenAndAnyOtherWithOne() {
        assertThat(new LakeException("publishing failed", new IOException("No space left on device")).exitCode())
                .isEqualTo(ExitCode.CANNOT_WRITE);
        assertThat(new LakeException("publishing failed", new IOException("Input/output error")).exitCode())
                .isEqualTo(ExitCode.INTERNAL);
    }

    @Test
    void aFinalAnswerIsNotRetried() {
        int[] attempts = {0};
        io.northstar.jdbc.Retry retry = new io.northstar.jdbc.Retry(3, java.time.Duration.ofMillis(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> retry.run(() -> {
            attempts[0]++;
            throw LakeFailures.cannotWrite(new IOException("No space left on device"), "the lake").orElseThrow();
        })).isInstanceOfSatisfying(io.northstar.error.NorthstarException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CANNOT_WRITE));
        assertThat(attempts[0]).isEqualTo(1);
    }
}
