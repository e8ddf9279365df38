package io.northstar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.contract.Datasets;
import io.northstar.job.SourceSpec;
import io.northstar.lake.Lake;
import io.northstar.lake.Staging;
import io.northstar.lake.Zone;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large file is parsed in slices, one task each (FileSlice): what lands in the conformed and
 * quarantine zones is the same, row for row and line for line, as when the file is read in one
 * piece, also when a quoted field spans the cut between two slices.
 */
class SlicedCsvIngestTest {
    /** Small enough that the test files are cut into several slices. */
    private static final long SLICE_BYTES = 700;

    @TempDir
    Path folder;

    @Test
    void slicedFilesLandExactlyAsFilesReadInOnePiece() throws IOException {
        String risks = sampleWithDamage("risks", 30, List.of(
                "R-900,\"A title over\ntwo lines\",,,,security,3,3,,1.00,2.00,3.00,open,,,,,",
                "",
                "R-901,broken \"quote,,,,security,3,3,,1.00,2.00,3.00,open,,,,,",
                "R-902,\"never closed,,,,security,3,3,,1.00,2.00,3.00,open,,,,,"));
        assertThat(assertLandsAsInOnePiece("risks", risks).quarantine()).as("the two broken rows").hasSize(2);
        assertLandsAsInOnePiece("objectives", sampleWithDamage("objectives", 40, List.of(
                "OBJ-X,Orphan,objective,ITA-NONE,,,", "CA-GROW,A conflicting copy,corporate_aim,,,,")));
        assertLandsAsInOnePiece("kpi_observations", sampleWithDamage("kpi_observations", 120, List.of(
                "K-01,2026-13-40,5", "K-01,2023-11-30,21.8")));
    }

    @Test
    void aQuotedFieldAcrossTheCutIsNoticedAndTheFileReadInOnePiece() throws IOException {
        StringBuilder risks = new StringBuilder(header("risks")).append('\n');
        // one long multi-line title per row: most line starts are inside a quoted field
        for (int i = 0; i < 40; i++) {
            risks.append("R-").append(100 + i).append(",\"Line one of risk ").append(i).append('\n')
                    .append("line two\nline three\",,,,delivery,2,4,,10.00,20.00,30.00,open,,,,,\n");
        }
        Path file = write("risks-multiline", risks.toString());
        SparkSession spark = TestingSpark.session();
        CsvDatasetReader.Parsed parsed = new CsvDatasetReader(spark, SLICE_BYTES, 8)
                .read(Datasets.require("risks"), new SourceSpec.Csv(file.toString()));
        parsed.rows().count();
        assertThat(parsed.joinedUp().getAsBoolean()).as("a slice starts inside a quoted field").isFalse();

        assertLandsAsInOnePiece("risks", risks.toString());
    }

    @Test
    void slicesOfSingleLineRecordsJoinUpWithoutReadingTheFileAgain() throws IOException {
        String content = sampleWithDamage("kpi_observations", 120, List.of("K-01,2026-13-40,5"));
        Path file = write("single-line", content);
        SparkSession spark = TestingSpark.session();
        CsvDatasetReader sliced = new CsvDatasetReader(spark, SLICE_BYTES, 8);
        CsvDatasetReader.Parsed parsed = sliced.read(Datasets.require("kpi_observations"),
                new SourceSpec.Csv(file.toString()));
        List<String> lines = parsed.rows().select("_line", "_raw").collectAsList().stream().map(Row::toString)
                .toList();
        assertThat(parsed.rows().rdd().getNumPartitions()).as("one task a slice").isGreaterThan(2);
        assertThat(parsed.joinedUp().getAsBoolean()).isTrue();
        CsvDatasetReader.Parsed whole = sliced.wholeFiles().read(Datasets.require("kpi_observations"),
                new SourceSpec.Csv(file.toString()));
        assertThat(lines).as("the same records with the same lines, in order")
                .isEqualTo(whole.rows().select("_line", "_raw").collectAsList().stream().map(Row::toString).toList())
                .hasSize(121);
    }

    @Test
    void aFileUnderTheSliceSizeIsOneTask() throws IOException {
        Path file = write("small", sampleWithDamage("kpi_observations", 5, List.of()));
        CsvDatasetReader.Parsed parsed = new CsvDatasetReader(TestingSpark.session(), 1 << 20, 8)
                .read(Datasets.require("kpi_observations"), new SourceSpec.Csv(file.toString()));
        assertThat(parsed.rows().rdd().getNumPartitions()).isEqualTo(1);
        assertThat(parsed.rows().count()).isEqualTo(5);
        assertThat(parsed.joinedUp().getAsBoolean()).isTrue();
    }

    private Landed assertLandsAsInOnePiece(String dataset, String content) throws IOException {
        Path file = write(dataset, content);
        assertThat(Files.size(file)).as("the file is cut into slices").isGreaterThan(2 * SLICE_BYTES);
        SparkSession spark = TestingSpark.session();
        CsvDatasetReader sliced = new CsvDatasetReader(spark, SLICE_BYTES, 8);
        Landed inOnePiece = ingest(dataset, file, sliced.wholeFiles(), "whole");
        Landed inSlices = ingest(dataset, file, sliced, "sliced");
        assertThat(inSlices.outcome().toString()).isEqualTo(inOnePiece.outcome().toString());
        assertThat(inSlices.conformed()).as(dataset + " conformed").isEqualTo(inOnePiece.conformed());
        assertThat(inSlices.quarantine()).as(dataset + " quarantine").isEqualTo(inOnePiece.quarantine());
        return inSlices;
    }

    private record Landed(DatasetOutcome outcome, List<String> conformed, List<Row> quarantine) {
    }

    private Landed ingest(String dataset, Path file, CsvDatasetReader reader, String name) {
        TestingJob job = new TestingJob(folder.resolve(name + "-" + dataset))
                .yaml("quality: { maxRejectRatio: 1.0 }\n");
        job.source(dataset, file.toString());
        Lake lake = new Lake(job.lake().toString(), TestingSpark.session().sparkContext().hadoopConfiguration());
        Staging staging = lake.stage("sliced", LocalDate.of(2026, 10, 31));
        DatasetOutcome outcome = new DatasetIngestor(TestingSpark.session(), "run", reader)
                .ingest(job.job(), staging, done -> { }).get(0);
        SparkSession spark = TestingSpark.session();
        List<String> conformed = spark.read().parquet(staging.partition(Zone.CONFORMED, dataset)).collectAsList()
                .stream().map(Row::toString).sorted().toList();
        List<Row> quarantine = spark.read().parquet(staging.partition(Zone.QUARANTINE, dataset))
                .orderBy("line").collectAsList();
        return new Landed(outcome, conformed, quarantine);
    }

    /** The sample's first rows of a dataset, then the damaged ones, then the sample's next rows. */
    private static String sampleWithDamage(String dataset, int rows, List<String> damage) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("sample-data", dataset + ".csv"));
        int half = Math.min(rows / 2, lines.size() - 1);
        StringBuilder csv = new StringBuilder();
        lines.subList(0, 1 + half).forEach(line -> csv.append(line).append('\n'));
        damage.forEach(line -> csv.append(line).append('\n'));
        lines.subList(1 + half, Math.min(lines.size(), 1 + rows)).forEach(line -> csv.append(line).append("\r\n"));
        return csv.toString();
    }

    private static String header(String dataset) throws IOException {
        return Files.readAllLines(Path.of("sample-data", dataset + ".csv")).get(0);
    }

    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name + ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
