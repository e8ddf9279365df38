package io.northstar.query;

import static java.util.Objects.requireNonNull;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.error.Unchecked;
import io.northstar.lake.LakeFailures;
import io.northstar.lake.Lake;
import io.northstar.lake.Zone;
import io.northstar.output.ResultFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/** Ad-hoc Spark SQL over a lake's views (see {@link LakeViews}), printed or written as Parquet. */
public final class LakeQuery {
    private static final int LIST_WIDTH = 100;

    private final SparkSession spark;
    private final Lake lake;
    private final LakeViews views;

    private LakeQuery(SparkSession spark, Lake lake, LakeViews views) {
        this.spark = spark;
        this.lake = lake;
        this.views = views;
    }

    /**
     * Registers the lake's views for the snapshot (the latest when {@code asOf} is empty): those
     * the SQL names, or every view for a listing (a null SQL).
     */
    public static LakeQuery open(SparkSession spark, String lake, Optional<LocalDate> asOf, String sql) {
        requireNonNull(spark, "spark is null");
        // a session of its own: its views and settings end with the query, and SQL cannot name a
        // file as a table (csv.`/etc/shadow`) even if the plan check below missed a way to
        SparkSession session = spark.newSession();
        session.conf().set("spark.sql.runSQLOnFiles", "false");
        try {
            Lake opened = new Lake(lake, session.sparkContext().hadoopConfiguration());
            return new LakeQuery(session, opened, LakeViews.register(session, opened, asOf,
                    sql == null ? name -> true : name -> mentions(sql, name)));
        } catch (Exception e) { // Spark's checked exceptions too, undeclared
            // reading the schemas opens the files' footers: a damaged file shows here first
            throw LakeFailures.damagedFile(e).<RuntimeException>map(damaged -> damaged)
                    .orElseGet(() -> Unchecked.rethrow(e));
        }
    }

    /** Whether the SQL has the name as a word; a false "yes" (in a string, say) costs only time. */
    static boolean mentions(String sql, String name) {
        return java.util.regex.Pattern.compile("(?i)(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(name)
                + "(?![A-Za-z0-9_])").matcher(sql).find();
    }

    public LakeViews views() {
        return views;
    }

    /**
     * The query's rows, once {@link ReadOnlySql} has found that it only reads this snapshot's
     * views, and its analysed plan that it reads only files of the lake.
     *
     * @throws NorthstarException exit 2 when the SQL would do anything else
     */
    private Dataset<Row> readOnly(String sql) {
        ReadOnlySql.check(spark, sql, views.views().stream().map(LakeViews.View::name)
                .collect(java.util.stream.Collectors.toSet()));
        Dataset<Row> rows = SqlResults.sql(spark, sql);
        ReadOnlySql.checkReadsOnly(rows.queryExecution().analyzed(), lake.root().toString());
        return rows;
    }

    /**
     * Refuses an output path inside the lake: a file written there could pose as a snapshot
     * (a folder {@code as_of=2099-12-31}) or replace a published one, without the lake's lock.
     */
    public void requireOutsideLake(java.nio.file.Path out) {
        if (!"file".equals(lake.root().toUri().getScheme())) {
            return; // --out is a local path; a lake elsewhere cannot contain it
        }
        java.nio.file.Path target = realPath(out.toAbsolutePath().normalize());
        java.nio.file.Path root = realPath(java.nio.file.Path.of(lake.root().toUri()));
        if (target.startsWith(root)) {
            throw new NorthstarException(ExitCode.USAGE, "--out " + out + " is inside the lake " + root
                    + ": write query results elsewhere (only runs write the lake)");
        }
    }

    /** The path with every existing ancestor's links resolved, so a link into the lake is seen. */
    private static java.nio.file.Path realPath(java.nio.file.Path path) {
        java.nio.file.Path existing = path;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }

    /** Runs the query and prints its rows in the format; returns how many rows it had. */
    public long print(String sql, ResultFormat format, OptionalInt limit, Writer out) {
        Dataset<Row> rows = limited(readOnly(sql), limit);
        try {
            return format.write(SqlResults.columns(rows.schema()), SqlResults.values(rows), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the query and writes its rows as Parquet files into a new folder; returns the row count. */
    public long writeParquet(String sql, OptionalInt limit, java.nio.file.Path folder) {
        requireOutsideLake(folder);
        Dataset<Row> rows = limited(readOnly(sql), limit);
        try {
            rows.write().mode(SaveMode.ErrorIfExists).parquet(folder.toString());
        } catch (Exception e) {
            if (e instanceof org.apache.spark.sql.AnalysisException analysis
                    && "PATH_ALREADY_EXISTS".equals(analysis.getCondition())) {
                throw new NorthstarException(ExitCode.USAGE, "--out " + folder + " already exists: give a new folder");
            }
            throw SqlResults.asUsageError(e);
        }
        return spark.read().parquet(folder.toString()).count();
    }

    private static Dataset<Row> limited(Dataset<Row> rows, OptionalInt limit) {
        return limit.isPresent() ? rows.limit(limit.getAsInt()) : rows;
    }

    /** Prints the views of each zone with their columns, wrapped for a terminal. */
    public void list(Writer out) {
        StringBuilder text = new StringBuilder();
        text.append("snapshot as_of ").append(views.snapshot()).append(" (published: ")
                .append(String.join(", ", views.snapshots().stream().map(LocalDate::toString).toList()))
                .append(")\nevery view has a <name>_history twin over all snapshots, with their as_of\n");
        for (Zone zone : new Zone[] {Zone.CONFORMED, Zone.METRICS, Zone.QUARANTINE}) {
            text.append('\n').append(zone.folder()).append('\n');
            for (LakeViews.View view : views.views()) {
                if (view.zone() == zone && !view.history()) {
                    text.append(describe(view));
                }
            }
        }
        try {
            out.write(text.toString());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(LakeViews.View view) {
        String indent = " ".repeat(26);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "  %-23s ", view.name()));
        int column = text.length();
        StructField[] fields = view.rows().schema().fields();
        for (int i = 0; i < fields.length; i++) {
            String item = fields[i].name() + " " + fields[i].dataType().simpleString() + (i < fields.length - 1 ? "," : "");
            if (column + item.length() + 1 > LIST_WIDTH && column > indent.length()) {
                text.append('\n').append(indent);
                column = indent.length();
            } else if (i > 0) {
                text.append(' ');
                column++;
            }
            text.append(item);
            column += item.length();
        }
        return text.append('\n').toString();
    }
}
