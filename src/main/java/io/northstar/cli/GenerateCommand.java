package io.northstar.cli;

import io.northstar.jdbc.JdbcConnections;
import io.northstar.jdbc.JdbcUrls;
import io.northstar.jdbc.SampleLoader;
import io.northstar.run.LocalFolders;
import io.northstar.sample.Ledger;
import io.northstar.sample.SampleGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
        description = "Write the sample organisation's datasets as CSV, deterministically:"
                + " the same arguments give byte-identical files.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The folder to write the CSV files to (needed unless --jdbc is given).")
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

    @Option(names = "--jdbc", paramLabel = "URL",
            description = "Also load the data into this database, one table per dataset (PostgreSQL, MariaDB/MySQL"
                    + " or H2; existing tables of those names are replaced).")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "U", description = "The database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "The environment variable that holds the database password.")
    String passwordVariable;

    @Override
    public Integer call() {
        if (out == null && jdbcUrl == null) {
            throw new ParameterException(spec.commandLine(), "give --out, --jdbc or both");
        }
        if (jdbcUrl != null && dirtyRate > 0) {
            throw new ParameterException(spec.commandLine(),
                    "--dirty-rate needs CSV output: typed database columns cannot hold contract-breaking values");
        }
        String password = null;
        if (passwordVariable != null) {
            password = System.getenv(passwordVariable);
            if (password == null) {
                throw new ParameterException(spec.commandLine(),
                        "--password-env: environment variable " + passwordVariable + " is not set");
            }
        }
        SampleGenerator.Options options;
        try {
            options = new SampleGenerator.Options(scale, seed, dirtyRate, asOf);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (jdbcUrl != null) {
            try {
                JdbcConnections.requireUsable(jdbcUrl);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--jdbc: " + e.getMessage());
            }
        }
        Instant start = Instant.now();
        Path folder = out != null ? out : temporaryFolder();
        List<Ledger> ledgers = SampleGenerator.generate(folder, options);
        long rows = ledgers.stream().mapToLong(Ledger::rows).sum();
        for (Ledger ledger : ledgers) {
            spec.commandLine().getOut().printf(Locale.ROOT, "  %-20s %,10d rows%n", ledger.dataset(), ledger.rows());
        }
        if (out != null) {
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %,d rows to %s in %.1f s%n", rows, out,
                    Duration.between(start, Instant.now()).toMillis() / 1000.0);
        }
        if (jdbcUrl != null) {
            try {
                new SampleLoader(jdbcUrl, user, password).load(folder);
            } finally {
                if (out == null) {
                    deleteFolder(folder);
                }
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "loaded %,d rows into %s in %.1f s%n", rows,
                    JdbcUrls.withoutCredentials(jdbcUrl), Duration.between(start, Instant.now()).toMillis() / 1000.0);
        }
        return 0;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("northstar-generate");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteFolder(Path folder) {
        try {
            LocalFolders.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
