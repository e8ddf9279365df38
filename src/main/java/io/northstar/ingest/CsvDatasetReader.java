package io.northstar.ingest;

import io.northstar.contract.ColumnWarning;
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
import io.northstar.source.CsvSliceReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SerializableWritable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Reads a CSV source into parsed rows: every record becomes one row carrying its typed values
 * or its quarantine reason, with its file and line. Headers are checked on the driver (a
 * missing required column fails the run before any work); records are parsed on the
 * executors, streaming, a large file in several slices at once ({@link CsvSlices}).
 */
final class CsvDatasetReader {

    /**
     * The smallest slice of a file a task parses, so a file is sliced from twice this size on:
     * smaller files parse in a few seconds at most, and the other datasets keep the cores busy
     * meanwhile (BENCHMARKS.md, third round).
     */
    static final long MIN_SLICE_BYTES = 32L << 20;

    /**
     * The parsed rows and what the header check found. {@code joinedUp} tells, once the rows
     * have been consumed, whether sliced files read exactly as from their start; when it is
     * false, read again with {@link #wholeFiles()}.
     */
    record Parsed(Dataset<Row> rows, List<String> files, List<String> extraColumns,
            List<ColumnWarning> columnWarnings, BooleanSupplier joinedUp) {
    }

    private final SparkSession spark;
    private final long minSliceBytes;
    private final int maxSlices;

    /** Slices of at least {@value #MIN_SLICE_BYTES} bytes, up to twice the cores Spark has. */
    CsvDatasetReader(SparkSession spark) {
        this(spark, MIN_SLICE_BYTES, 2 * spark.sparkContext().defaultParallelism());
    }

    CsvDatasetReader(SparkSession spark, long minSliceBytes, int maxSlices) {
        this.spark = spark;
        this.minSliceBytes = minSliceBytes;
        this.maxSlices = maxSlices;
    }

    /** The same reader with every file read in one piece. */
    CsvDatasetReader wholeFiles() {
        return new CsvDatasetReader(spark, minSliceBytes, 1);
    }

    Parsed read(DatasetContract contract, SourceSpec.Csv source) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        String dataset = contract.name();
        Set<String> extras = new LinkedHashSet<>();
        // a folder's files each have a header: a column one of them lacks is blank in its rows
        Set<ColumnWarning> warnings = new LinkedHashSet<>();
        List<CsvSlices.SourceFile> files = new ArrayList<>();
        for (FileStatus status : listFiles(dataset, source.path(), hadoop)) {
            String file = status.getPath().toString();
            CsvRecord header = readHeader(dataset, file, hadoop);
            RowConformer conformer = RowConformer.forHeader(contract, header.fields(), file);
            extras.addAll(conformer.extraColumns());
            warnings.addAll(conformer.columnWarnings());
            files.add(new CsvSlices.SourceFile(file, status.getLen(), header.fields(), header.line()));
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableWritable<Configuration>> conf = context.broadcast(new SerializableWritable<>(hadoop));
        CsvSlices slices = CsvSlices.plan(context, conf, files, minSliceBytes, maxSlices);
        CollectionAccumulator<CsvSlices.SliceEnds> ends = slices.ends();
        JavaRDD<Row> rows = context.parallelize(slices.tasks(), slices.tasks().size())
                .flatMap(task -> new ParsingIterator(dataset, task, conf.value().value(), ends));
        List<String> paths = files.stream().map(CsvSlices.SourceFile::path).toList();
        return new Parsed(spark.createDataFrame(rows, IngestColumns.parsedSchema(contract)), paths,
                List.copyOf(extras), List.copyOf(warnings), slices::joinedUp);
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

    private static List<FileStatus> listFiles(String dataset, String location, Configuration hadoop) {
        try {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(hadoop);
            FileStatus status = fs.getFileStatus(path);
            if (!status.isDirectory()) {
                return List.of(status);
            }
            FileStatus[] children = fs.listStatus(path, child -> child.getName().toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".csv"));
            List<FileStatus> files = Arrays.stream(children).filter(FileStatus::isFile)
                    .sorted(Comparator.comparing(child -> child.getPath().toString())).toList();
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

    private static CsvRecord readHeader(String dataset, String file, Configuration hadoop) {
        Path path = new Path(file);
        try (CsvRecordReader reader = new CsvRecordReader(path.getFileSystem(hadoop).open(path))) {
            CsvRecord header = reader.next();
            if (header == null) {
                throw contractBroken(dataset, file, "the file is empty: expected a header row");
            }
            if (header.isMalformed()) {
                throw contractBroken(dataset, file, "the header row cannot be parsed: " + header.malformation());
            }
            return header;
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

    /**
     * Streams the records of one slice as rows, and reports the slice's ends when done; runs on
     * an executor.
     */
    private static final class ParsingIterator implements Iterator<Row> {
        private final CsvSlices.Task task;
        private final RowConformer conformer;
        private final int columnCount;
        private final CsvSliceReader reader;
        private final CollectionAccumulator<CsvSlices.SliceEnds> ends;
        private Row next;

        ParsingIterator(String dataset, CsvSlices.Task task, Configuration hadoop,
                CollectionAccumulator<CsvSlices.SliceEnds> ends) {
            this.task = task;
            this.ends = ends;
            Path path = new Path(task.file());
            try {
                FSDataInputStream in = path.getFileSystem(hadoop).open(path);
                // a task that fails or is killed before the slice's end still closes the file
                TaskContext running = TaskContext.get();
                if (running != null) {
                    running.addTaskCompletionListener((TaskCompletionListener) done -> closeQuietly(in));
                }
                in.seek(task.startByte());
                this.reader = new CsvSliceReader(in, task.firstLine(), task.endLine(), task.headerLine());
            } catch (IOException e) {
                throw new SourceReadException(task.file(), e);
            }
            DatasetContract contract = Datasets.require(dataset);
            this.conformer = RowConformer.forHeader(contract, task.header(), task.file());
            this.columnCount = contract.columns().size();
            advance();
        }

        private void advance() {
            try {
                CsvRecord record = reader.next();
                if (record == null) {
                    next = null;
                    ends.add(new CsvSlices.SliceEnds(task.file(), task.index(), reader.ends()));
                    return;
                }
                next = toRow(record);
            } catch (IOException e) {
                throw new SourceReadException(task.file(), e);
            }
        }

        private static void closeQuietly(FSDataInputStream in) {
            try {
                in.close();
            } catch (IOException e) {
                // the slice was read or the task has failed already; nothing is lost
            }
        }

        private Row toRow(CsvRecord record) {
            ConformResult result = record.isMalformed()
                    ? ConformResult.rejected(QuarantineReason.MALFORMED_ROW, record.malformation())
                    : conformer.conform(record.fields());
            return ParsedRows.row(result, columnCount, task.file(), record.line(), record.raw());
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
