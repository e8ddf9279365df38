package io.northstar.ingest;

import io.northstar.source.CsvSliceReader;
import io.northstar.source.FileSlice;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Plans the slices a dataset's CSV files are parsed in (one task each) and checks afterwards
 * that they joined up as {@link FileSlice} explains. A file up to the minimum slice size is
 * one slice; larger files cost one quick Spark job that finds where each slice's first line
 * starts and which line number it has.
 */
final class CsvSlices {

    /** A CSV file to read, with its header as the driver read it. */
    record SourceFile(String path, long length, List<String> header, long headerLine) implements Serializable {
        SourceFile {
            Objects.requireNonNull(path, "path is null");
            header = List.copyOf(header);
        }
    }

    /**
     * What one task parses: the records of {@code file} that start on lines
     * {@code [firstLine, endLine)}, reading from {@code startByte}; the header record is skipped.
     */
    record Task(String file, List<String> header, long headerLine, int index, long startByte, long firstLine,
            long endLine) implements Serializable {
        Task {
            header = List.copyOf(header);
        }
    }

    /** What the task of one slice found at its edges. */
    record SliceEnds(String file, int index, CsvSliceReader.Ends ends) implements Serializable {
    }

    private final List<Task> tasks;
    private final Map<String, Integer> sliceCounts;
    private final CollectionAccumulator<SliceEnds> ends;

    private CsvSlices(List<Task> tasks, CollectionAccumulator<SliceEnds> ends) {
        this.tasks = List.copyOf(tasks);
        this.ends = ends;
        this.sliceCounts = new HashMap<>();
        tasks.forEach(task -> sliceCounts.merge(task.file(), 1, Integer::sum));
    }

    /**
     * Slices every file of at least {@code minBytes} into up to {@code maxSlices} pieces; with
     * {@code maxSlices} 1 every file is read in one piece.
     */
    static CsvSlices plan(JavaSparkContext context, Broadcast<SerializableWritable<Configuration>> hadoop,
            List<SourceFile> files, long minBytes, int maxSlices) {
        List<Task> tasks = new ArrayList<>();
        List<Scan> scans = new ArrayList<>();
        for (SourceFile file : files) {
            List<FileSlice> slices = FileSlice.plan(file.length(), minBytes, maxSlices);
            if (slices.size() == 1) {
                tasks.add(new Task(file.path(), file.header(), file.headerLine(), 0, 0, 1, CsvSliceReader.END_OF_FILE));
            } else {
                slices.forEach(slice -> scans.add(new Scan(file, slice)));
            }
        }
        if (!scans.isEmpty()) {
            List<FileSlice.Start> starts = context.parallelize(scans, scans.size())
                    .map(scan -> scan.run(hadoop.value().value())).collect();
            tasks.addAll(tasksOf(scans, starts));
        }
        return new CsvSlices(tasks, context.sc().collectionAccumulator("csv slice ends"));
    }

    private static List<Task> tasksOf(List<Scan> scans, List<FileSlice.Start> starts) {
        List<Task> tasks = new ArrayList<>();
        int from = 0;
        while (from < scans.size()) {
            SourceFile file = scans.get(from).file();
            int to = from;
            while (to < scans.size() && scans.get(to).file().equals(file)) {
                to++;
            }
            long[] firstLines = FileSlice.firstLines(starts.subList(from, to));
            for (int i = 0; i < firstLines.length; i++) {
                long endLine = i + 1 < firstLines.length ? firstLines[i + 1] : CsvSliceReader.END_OF_FILE;
                tasks.add(new Task(file.path(), file.header(), file.headerLine(), i, starts.get(from + i).startByte(),
                        firstLines[i], endLine));
            }
            from = to;
        }
        return tasks;
    }

    List<Task> tasks() {
        return tasks;
    }

    CollectionAccumulator<SliceEnds> ends() {
        return ends;
    }

    /**
     * Whether every slice's records joined up with the next slice's: true when the rows read
     * are the file's records exactly as one reader from its start gives them. Only meaningful
     * after every task has run to its end.
     */
    boolean joinedUp() {
        Map<String, Map<Integer, CsvSliceReader.Ends>> byFile = new HashMap<>();
        for (SliceEnds slice : ends.value()) {
            byFile.computeIfAbsent(slice.file(), file -> new HashMap<>()).put(slice.index(), slice.ends());
        }
        for (Map.Entry<String, Integer> file : sliceCounts.entrySet()) {
            Map<Integer, CsvSliceReader.Ends> found = byFile.getOrDefault(file.getKey(), Map.of());
            List<CsvSliceReader.Ends> inOrder = new ArrayList<>();
            for (int i = 0; i < file.getValue(); i++) {
                inOrder.add(found.get(i));
            }
            if (file.getValue() > 1 && (inOrder.contains(null) || !CsvSliceReader.joinUp(inOrder))) {
                return false;
            }
        }
        return true;
    }

    /** Finds where one slice's first line starts; runs on an executor. */
    private record Scan(SourceFile file, FileSlice slice) implements Serializable {
        FileSlice.Start run(Configuration hadoop) {
            Path path = new Path(file.path());
            try (FSDataInputStream in = path.getFileSystem(hadoop).open(path)) {
                in.seek(Math.max(0, slice.from() - 1));
                return slice.scan(in);
            } catch (IOException e) {
                throw new SourceReadException(file.path(), e);
            }
        }
    }
}
