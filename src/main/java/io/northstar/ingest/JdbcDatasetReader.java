package io.northstar.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import io.northstar.contract.DatasetContract;
import io.northstar.contract.Datasets;
import io.northstar.contract.RowConformer;
import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.jdbc.JdbcConnections;
import io.northstar.jdbc.JdbcUrls;
import io.northstar.jdbc.Retry;
import io.northstar.lake.LakeFailures;
import io.northstar.job.SourceSpec;
import io.northstar.source.CsvText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a JDBC table or query into parsed rows. Every value is turned into the text a CSV file
 * would hold (dates as yyyy-MM-dd, decimals plainly) and goes through the same row checks as
 * CSV, so a database column of the wrong type is quarantined as bad_type, never cast. The row
 * index (1-based, in the order the database returns rows) stands where CSV has line numbers.
 */
final class JdbcDatasetReader {
    private static final String PART = "_part";
    private static final String ROW = "_row";

    private final SparkSession spark;

    JdbcDatasetReader(SparkSession spark) {
        this.spark = spark;
        MariaDbDialect.register();
    }

    /**
     * Copies the table once into {@code copy} (Parquet, every value as text, with where each
     * row came from) and parses that copy, so the database is read in one retried pass: a
     * connection cut mid-read is retried as the job says, and the checks that follow see one
     * consistent state of the table however often Spark reads their input.
     */
    CsvDatasetReader.Parsed read(DatasetContract contract, SourceSpec.Jdbc source, String copy) {
        String dataset = contract.name();
        String description = source.describe();
        Dataset<Row> table = connect(dataset, source);
        List<String> header = Arrays.asList(table.columns());
        RowConformer headerCheck = RowConformer.forHeader(contract, header, description);
        Column[] asText = Arrays.stream(table.schema().fields()).map(JdbcDatasetReader::asText).toArray(Column[]::new);
        Dataset<Row> text = table.select(asText);
        StructType copySchema = new StructType().add(PART, DataTypes.IntegerType).add(ROW, DataTypes.LongType);
        for (int i = 0; i < header.size(); i++) {
            // by position: a database's column names need not be valid Parquet names
            copySchema = copySchema.add("c" + i, DataTypes.StringType);
        }
        JavaRDD<Row> numbered = text.javaRDD().mapPartitionsWithIndex(JdbcDatasetReader::numbered, true);
        Dataset<Row> toCopy = spark.createDataFrame(numbered, copySchema);
        withRetries(dataset, source, "reading %s failed after %s", () -> {
            try {
                toCopy.write().mode(SaveMode.Overwrite).parquet(copy);
            } catch (Exception e) {
                // the copy lands in the lake's staging: a full lake is not the database's fault
                throw LakeFailures.cannotWrite(e, "the lake").map(RuntimeException.class::cast).orElseThrow(() -> e);
            }
            return null;
        });
        Dataset<Row> copied = spark.read().parquet(copy);
        Map<Integer, Long> offsets = offsets(copied);
        JavaRDD<Row> parsed = copied.javaRDD()
                .mapPartitions(rows -> conform(rows, dataset, header, description, offsets));
        return new CsvDatasetReader.Parsed(spark.createDataFrame(parsed, IngestColumns.parsedSchema(contract)),
                List.of(description), headerCheck.extraColumns(), headerCheck.columnWarnings(), () -> true);
    }

    /** Each row prefixed with its Spark partition and its place in it: the database's order. */
    private static Iterator<Row> numbered(Integer partition, Iterator<Row> rows) {
        long[] index = {0};
        return mapped(rows, row -> {
            Object[] values = new Object[row.size() + 2];
            values[0] = partition;
            values[1] = index[0]++;
            for (int i = 0; i < row.size(); i++) {
                values[i + 2] = row.get(i);
            }
            return RowFactory.create(values);
        });
    }

    private static <T, R> Iterator<R> mapped(Iterator<T> source, Function<T, R> mapping) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public R next() {
                return mapping.apply(source.next());
            }
        };
    }

    /** Where each source partition's rows start in the whole table: one small row per partition reaches the driver. */
    private static Map<Integer, Long> offsets(Dataset<Row> copied) {
        Map<Integer, Long> offsets = new TreeMap<>();
        for (Row row : copied.groupBy(PART).count().collectAsList()) {
            offsets.put(row.getInt(0), row.getLong(1));
        }
        long start = 0;
        for (Map.Entry<Integer, Long> entry : offsets.entrySet()) {
            long rows = entry.getValue();
            entry.setValue(start);
            start += rows;
        }
        return new HashMap<>(offsets);
    }

    /**
     * Runs work against the source, retried with exponential backoff as the job says (a wrong
     * password or an unknown table not at all), then exit 4 naming the dataset and the host.
     * {@code failure} is the message's pattern: the source and host, then the attempts.
     */
    private static <T> T withRetries(String dataset, SourceSpec.Jdbc source, String failure, Retry.Work<T> work) {
        try {
            return new Retry(source.retries(), source.retryBackoff()).run(work);
        } catch (Retry.FailedException e) {
            throw new NorthstarException(ExitCode.SOURCE, "dataset " + dataset + ": "
                    + String.format(failure, source.describe() + " on " + JdbcUrls.host(source.url()), e.attempts())
                    + ": " + redacted(e.rootMessage(), source) + e.advice());
        }
    }

    /** The text a CSV file would hold for the value: dates ISO, timestamps with their time, the rest as Spark prints it. */
    private static Column asText(StructField field) {
        Column column = col("`" + field.name() + "`");
        if (field.dataType().equals(DataTypes.DateType)) {
            return date_format(column, "yyyy-MM-dd").as(field.name());
        }
        if (field.dataType().equals(DataTypes.TimestampType)) {
            return date_format(column, "yyyy-MM-dd HH:mm:ss").as(field.name());
        }
        return column.cast("string").as(field.name());
    }

    private static Iterator<Row> conform(Iterator<Row> rows, String dataset, List<String> header,
            String description, Map<Integer, Long> offsets) {
        DatasetContract contract = Datasets.require(dataset);
        RowConformer conformer = RowConformer.forHeader(contract, header, description);
        int columnCount = contract.columns().size();
        return mapped(rows, copied -> {
            List<String> fields = new ArrayList<>(header.size());
            for (int i = 0; i < header.size(); i++) {
                fields.add(copied.isNullAt(i + 2) ? null : copied.getString(i + 2));
            }
            long line = offsets.get(copied.getInt(0)) + copied.getLong(1) + 1;
            return ParsedRows.row(conformer.conform(fields), columnCount, description, line, CsvText.line(fields));
        });
    }

    /** The table, with its schema read. */
    private Dataset<Row> connect(String dataset, SourceSpec.Jdbc source) {
        return withRetries(dataset, source, "cannot read %s after %s", () -> {
            Dataset<Row> table = reader(source).load();
            table.schema();
            return table;
        });
    }

    private DataFrameReader reader(SourceSpec.Jdbc source) {
        DataFrameReader reader = spark.read().format("jdbc").option("url", source.url());
        if (source.user() != null) {
            reader = reader.option("user", source.user());
        }
        if (source.password() != null) {
            reader = reader.option("password", source.password().value());
        }
        reader = source.table() != null ? reader.option("dbtable", source.table()) : reader.option("query",
                source.query());
        if (source.fetchSize() != null) {
            reader = reader.option("fetchsize", source.fetchSize().toString());
        }
        if (source.partitionColumn() != null) {
            long[] bounds = source.lowerBound() != null
                    ? new long[] {source.lowerBound(), source.upperBound()}
                    : bounds(source);
            reader = reader.option("partitionColumn", source.partitionColumn())
                    .option("lowerBound", Long.toString(bounds[0]))
                    .option("upperBound", Long.toString(bounds[1]))
                    .option("numPartitions", source.numPartitions().toString());
        }
        return reader;
    }

    /** MIN and MAX of the partition column, when the job gives the column but not the bounds. */
    private static long[] bounds(SourceSpec.Jdbc source) {
        String from = source.table() != null ? source.table() : "(" + source.query() + ") northstar_bounds";
        String sql = "SELECT MIN(" + source.partitionColumn() + "), MAX(" + source.partitionColumn() + ") FROM " + from;
        try (Connection connection = JdbcConnections.open(source.url(), source.user(),
                source.password() == null ? null : source.password().value());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return new long[] {result.getLong(1), Math.max(result.getLong(1), result.getLong(2))};
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the bounds of " + source.partitionColumn() + ": "
                    + redacted(e.getMessage(), source), e);
        }
    }

    private static String redacted(String message, SourceSpec.Jdbc source) {
        return JdbcUrls.redact(message, source.url(), source.password() == null ? null : source.password().value());
    }
}
