package io.northstar.cli;

import io.northstar.output.ResultFormat;
import io.northstar.query.LakeQuery;
import io.northstar.run.SparkSessions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code northstar query}: ad-hoc Spark SQL over the lake. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run Spark SQL over the lake. Every conformed and metric table of the snapshot is a view by"
                + " its name (kpis, kpi_status, ...), each dataset's rejected rows are <dataset>_quarantine, and"
                + " <name>_history holds all snapshots with their as_of.",
                "Example: northstar query --lake lake \"SELECT status, count(*) FROM kpi_status GROUP BY status\""})
final class QueryCommand implements Callable<Integer> {
    private static final int DEFAULT_TABLE_ROWS = 1_000;

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @ArgGroup(exclusive = true, multiplicity = "1")
    LakeOptions lake;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", description = "The snapshot (default: the latest).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table, csv, json (JSON Lines) or parquet (needs --out). Default: from the --out"
                    + " extension, else table on a terminal and csv in a pipe.")
    String format;

    @Option(names = "--out", paramLabel = "PATH", description = "Write to this file (a new folder for parquet).")
    Path out;

    @Option(names = "--limit", paramLabel = "N",
            description = "At most N rows (a table shows the first " + DEFAULT_TABLE_ROWS + " unless told).")
    Integer limit;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the SQL from this file.")
    Path file;

    @Option(names = "--list", description = "List the views and their columns.")
    boolean list;

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "The query.")
    String sql;

    @Override
    public Integer call() {
        logging.apply();
        String query = query();
        String chosen = format();
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        SparkSessions.use(lake.spark(), "northstar query", spark -> {
            answer(LakeQuery.open(spark, lake.lake(), Optional.ofNullable(asOf), query), query, chosen);
            return null;
        });
        return 0;
    }

    private void answer(LakeQuery lakeQuery, String query, String chosen) {
        if (query == null) {
            lakeQuery.list(spec.commandLine().getOut());
        } else if (chosen.equals("parquet")) {
            long rows = lakeQuery.writeParquet(query, limitOption(), out);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %,d rows to %s%n", rows, out);
        } else {
            ResultFormat resultFormat = ResultFormat.named(chosen, limit != null ? limit : DEFAULT_TABLE_ROWS);
            // a table fetches one row more than it shows, to know whether there were more
            OptionalInt rows = chosen.equals("table")
                    ? OptionalInt.of((limit != null ? limit : DEFAULT_TABLE_ROWS) + 1) : limitOption();
            if (out == null) {
                lakeQuery.print(query, resultFormat, rows, spec.commandLine().getOut());
            } else {
                lakeQuery.requireOutsideLake(out);
                writeFile(writer -> lakeQuery.print(query, resultFormat, rows, writer));
            }
        }
    }

    private OptionalInt limitOption() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** The SQL from the argument or the file; null for --list. */
    private String query() {
        int given = (sql != null ? 1 : 0) + (file != null ? 1 : 0) + (list ? 1 : 0);
        if (given != 1) {
            throw new ParameterException(spec.commandLine(), "give exactly one of: a SQL argument, --file or --list");
        }
        if (file == null) {
            return sql;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--file " + file + ": cannot read it (" + e + ")");
        }
    }

    private String format() {
        String chosen = format != null ? format.toLowerCase(Locale.ROOT) : defaultFormat();
        if (!java.util.Set.of("table", "csv", "json", "parquet").contains(chosen)) {
            throw new ParameterException(spec.commandLine(), "--format " + format
                    + ": expected table, csv, json or parquet");
        }
        if (chosen.equals("parquet") && out == null) {
            throw new ParameterException(spec.commandLine(), "--format parquet needs --out FOLDER");
        }
        return chosen;
    }

    private String defaultFormat() {
        if (out != null) {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return "csv";
            }
            if (name.endsWith(".json") || name.endsWith(".jsonl")) {
                return "json";
            }
            if (name.endsWith(".parquet")) {
                return "parquet";
            }
            return "table";
        }
        return System.console() != null ? "table" : "csv";
    }

    @FunctionalInterface
    private interface Output {
        void writeTo(Writer writer);
    }

    /** Writes beside the file and moves it in, so a failed query leaves no half-written file. */
    private void writeFile(Output output) {
        try {
            Path target = out.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
            try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                output.writeTo(writer);
            } catch (RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
