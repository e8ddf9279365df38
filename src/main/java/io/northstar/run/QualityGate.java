package io.northstar.run;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.ingest.DatasetOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Stops a run before publishing when a dataset's reject ratio is above its limit (SPEC.md §1.1). */
public final class QualityGate {
    private QualityGate() {
    }

    static void check(List<DatasetOutcome> outcomes) {
        List<String> failures = failures(outcomes);
        if (!failures.isEmpty()) {
            throw new NorthstarException(ExitCode.DATA_QUALITY, "data-quality gate failed, nothing was published: "
                    + String.join("; ", failures) + ". The quarantined rows and reasons are in the run manifest;"
                    + " run again after fixing the source, or raise quality.maxRejectRatio.");
        }
    }

    /** One sentence per dataset above its limit; empty when the gate passes. */
    public static List<String> failures(List<DatasetOutcome> outcomes) {
        List<String> failures = new ArrayList<>();
        for (DatasetOutcome outcome : outcomes) {
            if (!outcome.passesGate()) {
                failures.add(String.format(Locale.ROOT, "%s quarantined %d of %d rows (%.1f%%, at most %.1f%% allowed)",
                        outcome.dataset(), outcome.quarantined(), outcome.rowsRead(), 100 * outcome.rejectRatio(),
                        100 * outcome.maxRejectRatio()));
            }
        }
        return failures;
    }
}
