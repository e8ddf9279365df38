package io.northstar.cli;

import io.northstar.sample.Ledger;
import io.northstar.sample.SampleGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code northstar generate}: sample and scale data for demos, tests and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write the sample organisation's eleven datasets as CSV, deterministically:"
                + " the same arguments give byte-identical files.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the CSV files to.")
    Path out;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "N",
            description = "Multiply the row counts by N (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dirty-rate", defaultValue = "0", paramLabel = "R",
            description = "Add this fraction of contract-breaking rows, covering every quarantine reason, and write"
                    + " what was injected to " + SampleGenerator.LEDGER_FILE + " (default ${DEFAULT-VALUE}).")
    double dirtyRate;

    @Option(names = "--as-of", defaultValue = "2026-10-31", paramLabel = "yyyy-MM-dd",
            description = "The last day of history (default ${DEFAULT-VALUE}).")
    LocalDate asOf;

    @Override
    public Integer call() {
        SampleGenerator.Options options;
        try {
            options = new SampleGenerator.Options(scale, seed, dirtyRate, asOf);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Instant start = Instant.now();
        List<Ledger> ledgers = SampleGenerator.generate(out, options);
        long rows = ledgers.stream().mapToLong(Ledger::rows).sum();
        for (Ledger ledger : ledgers) {
            spec.commandLine().getOut().printf(Locale.ROOT, "  %-20s %,10d rows%n", ledger.dataset(), ledger.rows());
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %,d rows to %s in %.1f s%n", rows, out,
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
        return 0;
    }
}
