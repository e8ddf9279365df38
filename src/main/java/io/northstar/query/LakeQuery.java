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
    private final LakeViews views;

    private LakeQuery(SparkSession spark, LakeViews views) {
        this.spark = spark;
        this.views = views;
    }

    /**
     * Registers the lake's views for the snapshot (the latest when {@code asOf} is empty): those
     * the SQL names, or every view for a listing (a null SQL).
     */
    public static LakeQuery open(SparkSession spark, String lake, Optional<LocalDate> asOf, String sql) {
        requireNonNull(spark, "spark is null");
        try {
            return new LakeQuery(spark, LakeViews.register(spark, new Lake(lake, spark.sparkContext()
                    .hadoopConfiguration()), asOf, sql == null ? name -> true : name -> mentions(sql, name)));
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

    /** Runs the query and prints its rows in the format; returns how many rows it had. */
    public long print(String sql, ResultFormat format, OptionalInt limit, Writer out) {
        Dataset<Row> rows = limited(SqlResults.sql(spark, sql), limit);
        try {
            return format.write(SqlResults.columns(rows.schema()), SqlResults.values(rows), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the query and writes its rows as Parquet files into a new folder; returns the row count. */
    public long writeParquet(String sql, OptionalInt limit, String folder) {
        Dataset<Row> rows = limited(SqlResults.sql(spark, sql), limit);
        try {
            rows.write().mode(SaveMode.ErrorIfExists).parquet(folder);
        } catch (Exception e) {
            if (e instanceof org.apache.spark.sql.AnalysisException analysis
                    && "PATH_ALREADY_EXISTS".equals(analysis.getCondition())) {
                throw new NorthstarException(ExitCode.USAGE, "--out " + folder + " already exists: give a new folder");
            }
            throw SqlResults.asUsageError(e);
        }
        return spark.read().parquet(folder).count();
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
