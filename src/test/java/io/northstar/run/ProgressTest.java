package io.northstar.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final StringWriter text = new StringWriter();

    /** A clock that says 42 s later than the first time it was asked. */
    private static Clock clockAdvancing() {
        Instant start = Instant.parse("2026-11-22T02:30:00Z");
        return new Clock() {
            private boolean asked;

            @Override
            public Instant instant() {
                Instant now = asked ? start.plusSeconds(42) : start;
                asked = true;
                return now;
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    @Test
    void aLogGetsPlainStillRunningLinesWithoutCarriageReturns() {
        Progress progress = new Progress(new PrintWriter(text), false, clockAdvancing());
        progress.begin("ingest");
        progress.tasksStarted(120);
        for (int i = 0; i < 45; i++) {
            progress.taskDone();
        }
        progress.tick();
        progress.stage("ingest", Duration.ofSeconds(50), "11 datasets");
        progress.close();

        assertThat(text.toString()).isEqualTo("  ... ingest: 45 of 120 tasks done, 42 s\n"
                + "ingest         50.0 s  11 datasets\n").doesNotContain("\r");
    }

    @Test
    void aTerminalGetsOneStatusLineRedrawnAndClearedBeforeOtherLines() {
        Progress progress = new Progress(new PrintWriter(text), true, clockAdvancing());
        progress.begin("metrics");
        progress.tasksStarted(8);
        progress.taskDone();
        progress.tick();
        progress.message("a line of its own");
        progress.close();

        assertThat(text.toString()).isEqualTo("\r\033[Kmetrics: 1 of 8 tasks done, 42 s\r\033[Ka line of its own\n");
    }

    @Test
    void noStatusBetweenStages() {
        Progress progress = new Progress(new PrintWriter(text), false, clockAdvancing());
        progress.tick();
        progress.begin("report");
        progress.end();
        progress.tick();
        progress.close();
        assertThat(text.toString()).isEmpty();
    }
}
