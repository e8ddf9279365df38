package io.northstar.run;

import io.northstar.ingest.DatasetOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** One line per dataset and per stage, for a terminal or a cron log alike. */
public final class Progress {
    private final PrintWriter out;

    public Progress(PrintWriter out) {
        this.out = out;
    }

    public void dataset(DatasetOutcome outcome) {
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
        out.println(line);
        out.flush();
    }

    public void stage(String stage, Duration took, String summary) {
        out.printf(Locale.ROOT, "%-12s %6.1f s  %s%n", stage, took.toMillis() / 1000.0, summary);
        out.flush();
    }

    public void message(String text) {
        out.println(text);
        out.flush();
    }
}
