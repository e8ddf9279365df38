package io.northstar.cli;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.ingest.DatasetOutcome;
import io.northstar.output.ResultColumns;
import io.northstar.output.TextTable;
import io.northstar.run.ManifestStore;
import io.northstar.run.RunManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code northstar runs}: the run history from the manifests, or one manifest in full. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the runs recorded in the lake, newest first, or show one run's manifest in full.")
final class RunsCommand implements Callable<Integer> {
    private static final ResultColumns COLUMNS = new ResultColumns(
            List.of("run_id", "command", "job", "as_of", "outcome", "exit", "duration", "rows_read", "quarantined"),
            List.of(false, false, false, false, false, true, true, true, true));

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    LakeOptions lake;

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N",
            description = "Show the newest N runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(arity = "0..1", paramLabel = "RUN_ID", description = "Show this run's manifest.")
    String runId;

    @Override
    public Integer call() throws IOException {
        ManifestStore store = ManifestStore.of(lake.lake());
        if (runId != null) {
            String json = store.json(runId).orElseThrow(() -> new NorthstarException(ExitCode.USAGE,
                    "lake " + lake.lake() + " has no run " + runId + " (northstar runs --lake ... lists them)"));
            spec.commandLine().getOut().println(json.strip());
            return 0;
        }
        List<RunManifest> manifests = store.all();
        if (manifests.isEmpty()) {
            spec.commandLine().getOut().println("no runs recorded in " + lake.lake());
            return 0;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (RunManifest manifest : manifests) {
            rows.add(row(manifest));
        }
        try {
            new TextTable(Math.max(1, limit)).write(COLUMNS, rows.iterator(), spec.commandLine().getOut());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    /**
     * One run as a row: counts grouped like the run prints them; a killed run has no exit code and
     * no duration, since it never ended itself.
     */
    static List<Object> row(RunManifest manifest) {
        boolean killed = manifest.end() == null;
        return Arrays.asList(manifest.runId(), manifest.command(), manifest.job(), manifest.asOf(),
                manifest.outcome(), manifest.exitCode() == RunManifest.NO_EXIT_CODE ? null : manifest.exitCode(),
                killed ? null : seconds(manifest.durationMillis()),
                manifest.datasets().isEmpty() ? null : count(manifest.datasets().stream()
                        .mapToLong(DatasetOutcome::rowsRead).sum()),
                manifest.datasets().isEmpty() ? null : count(manifest.datasets().stream()
                        .mapToLong(DatasetOutcome::quarantined).sum()));
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
