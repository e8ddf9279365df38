package io.northstar.run;

import io.northstar.contract.ColumnWarning;
import io.northstar.ingest.DatasetOutcome;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line per dataset (and one per column warning under it) and per stage, and while a stage runs, how far it is: on a terminal a
 * status line redrawn in place (tasks done of tasks started, elapsed); in a log (cron, systemd)
 * a plain line now and then, never a carriage return.
 */
public final class Progress {
    /** How often a terminal's status line is redrawn. */
    static final Duration TERMINAL_TICK = Duration.ofMillis(500);
    /** How often a log gets a "still running" line. */
    static final Duration LOG_TICK = Duration.ofSeconds(30);
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter out;
    private final boolean terminal;
    private final Clock clock;
    private final AtomicLong tasksStarted = new AtomicLong();
    private final AtomicLong tasksDone = new AtomicLong();
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> ticking;
    private String stage;
    private Instant stageStart;
    private boolean statusShown;

    /** Progress to a terminal when the JVM has one, else plain lines. */
    public Progress(PrintWriter out) {
        this(out, System.console() != null, Clock.systemUTC());
    }

    Progress(PrintWriter out, boolean terminal, Clock clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
    }

    /** Counts Spark tasks; the runner registers a listener that calls these. */
    void tasksStarted(int count) {
        tasksStarted.addAndGet(count);
    }

    void taskDone() {
        tasksDone.incrementAndGet();
    }

    /** A stage begins: from now on its progress is shown until {@link #stage} reports its end. */
    synchronized void begin(String name) {
        stage = name;
        stageStart = clock.instant();
        tasksStarted.set(0);
        tasksDone.set(0);
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "northstar-progress");
                thread.setDaemon(true);
                return thread;
            });
        }
        Duration every = terminal ? TERMINAL_TICK : LOG_TICK;
        ticking = ticker.scheduleAtFixedRate(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Shows where the running stage is: redrawn on a terminal, a new line in a log. */
    synchronized void tick() {
        if (stage == null) {
            return;
        }
        String status = String.format(Locale.ROOT, "%s: %,d of %,d tasks done, %.0f s", stage, tasksDone.get(),
                tasksStarted.get(), Duration.between(stageStart, clock.instant()).toMillis() / 1000.0);
        if (terminal) {
            out.print(CLEAR_LINE + status);
            statusShown = true;
        } else {
            out.println("  ... " + status);
        }
        out.flush();
    }

    public synchronized void dataset(DatasetOutcome outcome) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "  %-20s %,10d read %,10d kept %,8d deduplicated %,8d quarantined",
                outcome.dataset(), outcome.rowsRead(), outcome.kept(), outcome.deduplicated(), outcome.quarantined()));
        if (outcome.quarantined() > 0) {
            line.append(" (");
            String separator = "";
            for (Map.Entry<String, Long> reason : outcome.quarantinedByReasonSorted().entrySet()) {
                line.append(separator).append(reason.getKey()).append(' ').append(reason.getValue());
                separator = ", ";
            }
            line.append(')');
        }
        println(line.toString());
        for (ColumnWarning.Notice notice : outcome.columnNotices()) {
            println("    warning " + notice.code() + ": " + notice.message());
        }
    }

    /** A stage ended (or failed, with a null summary): its status stops, and its line is printed. */
    public synchronized void stage(String name, Duration took, String summary) {
        end();
        if (summary != null) {
            println(String.format(Locale.ROOT, "%-12s %6.1f s  %s", name, took.toMillis() / 1000.0, summary));
        }
    }

    public synchronized void message(String text) {
        println(text);
    }

    /** Stops the status of the running stage, if any. */
    synchronized void end() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        stage = null;
    }

    /** Stops the ticker thread; the runner calls it when its work is done. */
    synchronized void close() {
        end();
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        clearStatus();
    }

    private void println(String line) {
        clearStatus();
        out.println(line);
        out.flush();
    }

    private void clearStatus() {
        if (statusShown) {
            out.print(CLEAR_LINE);
            statusShown = false;
        }
    }
}
