package io.northstar.ingest;

import io.northstar.contract.ConformResult;
import io.northstar.contract.DatasetContract;
import io.northstar.contract.Datasets;
import io.northstar.contract.QuarantineReason;
import io.northstar.contract.RowConformer;
import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.job.SourceSpec;
import io.northstar.source.CsvRecord;
import io.northstar.source.CsvRecordReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a CSV source into parsed rows: every record becomes one row carrying its typed values
 * or its quarantine reason, with its file and line. Headers are checked on the driver (a
 * missing required column fails the run before any work); records are parsed on the
 * executors, one task per file, streaming.
 */
final class CsvDatasetReader {

    /** The parsed rows and what the header check found. */
    record Parsed(Dataset<Row> rows, List<String> files, List<String> extraColumns) {
    }

    private final SparkSession spark;

    CsvDatasetReader(SparkSession spark) {
        this.spark = spark;
    }

    Parsed read(DatasetContract contract, SourceSpec.Csv source) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<String> files = listFiles(contract.name(), source.path(), hadoop);
        Set<String> extras = new LinkedHashSet<>();
        List<JavaRDD<Row>> parts = new ArrayList<>();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String dataset = contract.name();
        for (String file : files) {
            List<String> header = readHeader(dataset, file, hadoop);
            extras.addAll(RowConformer.forHeader(contract, header, file).extraColumns());
            parts.add(context.binaryFiles(file, 1).values()
                    .flatMap(stream -> new ParsingIterator(dataset, file, stream)));
        }
        JavaRDD<Row> all = parts.isEmpty() ? context.emptyRDD() : parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.union(parts.get(i));
        }
        return new Parsed(spark.createDataFrame(all, IngestColumns.parsedSchema(contract)), files, List.copyOf(extras));
    }

    /**
     * The bytes a CSV source holds, to start the largest datasets first; 0 when it cannot be
     * listed, which the read itself then reports.
     */
    static long sizeOf(SourceSpec.Csv source, Configuration hadoop) {
        try {
            Path path = new Path(source.path());
            return path.getFileSystem(hadoop).getContentSummary(path).getLength();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static List<String> listFiles(String dataset, String location, Configuration hadoop) {
        try {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(hadoop);
            FileStatus status = fs.getFileStatus(path);
            if (!status.isDirectory()) {
                return List.of(status.getPath().toString());
            }
            FileStatus[] children = fs.listStatus(path, child -> child.getName().toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".csv"));
            List<String> files = new ArrayList<>();
            Arrays.stream(children).filter(FileStatus::isFile).map(child -> child.getPath().toString()).sorted()
                    .forEach(files::add);
            if (files.isEmpty()) {
                throw unreadable(dataset, location, "the folder holds no .csv file", null);
            }
            return files;
        } catch (FileNotFoundException e) {
            throw unreadable(dataset, location, "file not found", e);
        } catch (IOException e) {
            throw unreadable(dataset, location, e.getMessage(), e);
        }
    }

    private static List<String> readHeader(String dataset, String file, Configuration hadoop) {
        Path path = new Path(file);
        try (CsvRecordReader reader = new CsvRecordReader(path.getFileSystem(hadoop).open(path))) {
            CsvRecord header = reader.next();
            if (header == null) {
                throw contractBroken(dataset, file, "the file is empty: expected a header row");
            }
            if (header.isMalformed()) {
                throw contractBroken(dataset, file, "the header row cannot be parsed: " + header.malformation());
            }
            return header.fields();
        } catch (IOException e) {
            throw unreadable(dataset, file, e.getMessage(), e);
        }
    }

    private static NorthstarException unreadable(String dataset, String location, String why, Throwable cause) {
        return new NorthstarException(ExitCode.SOURCE, "dataset " + dataset + ": cannot read " + location + ": " + why,
                cause);
    }

    private static NorthstarException contractBroken(String dataset, String file, String why) {
        return new NorthstarException(ExitCode.DATA_QUALITY, "dataset " + dataset + ": " + file + ": " + why);
    }

    /** Streams one file's records as rows; runs on an executor. */
    private static final class ParsingIterator implements Iterator<Row> {
        private final String file;
        private final RowConformer conformer;
        private final int columnCount;
        private final CsvRecordReader reader;
        private Row next;

        ParsingIterator(String dataset, String file, PortableDataStream stream) {
            this.file = file;
            CsvRecord header;
            try {
                InputStream in = stream.open();
                this.reader = new CsvRecordReader(in);
                header = reader.next();
            } catch (IOException e) {
                throw new SourceReadException(file, e);
            }
            DatasetContract contract = Datasets.require(dataset);
            this.conformer = RowConformer.forHeader(contract, header == null ? List.of() : header.fields(), file);
            this.columnCount = contract.columns().size();
            advance();
        }

        private void advance() {
            try {
                CsvRecord record = reader.next();
                if (record == null) {
                    next = null;
                    reader.close();
                    return;
                }
                next = toRow(record);
            } catch (IOException e) {
                throw new SourceReadException(file, e);
            }
        }

        private Row toRow(CsvRecord record) {
            ConformResult result = record.isMalformed()
                    ? ConformResult.rejected(QuarantineReason.MALFORMED_ROW, record.malformation())
                    : conformer.conform(record.fields());
            return ParsedRows.row(result, columnCount, file, record.line(), record.raw());
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Row next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Row current = next;
            advance();
            return current;
        }
    }
}
