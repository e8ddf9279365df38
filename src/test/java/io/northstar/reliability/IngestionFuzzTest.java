package io.northstar.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import io.northstar.ingest.DatasetIngestor;
import io.northstar.ingest.DatasetOutcome;
import io.northstar.lake.Lake;
import io.northstar.lake.Staging;
import io.northstar.lake.Zone;
import io.northstar.testing.TestingJob;
import io.northstar.testing.TestingSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutated and random CSV files fed to ingestion, one dataset at a time: ingestion never
 * crashes (a file it cannot use at all is refused with a message naming the dataset and file,
 * exit 3 or 4), and every record is accounted for: read = kept + deduplicated + quarantined,
 * as many rows in the conformed and quarantine partitions as the counts say, each quarantined
 * record once, and, for files without quotes, as many records read as non-blank lines.
 * Each random case is a seed: a failure names it, and the file is kept in the test's folder.
 */
class IngestionFuzzTest {
    private static final String[] DATASETS = {"objectives", "projects", "budget_lines", "kpi_observations", "risks"};
    /** The named damages are tried on these; the random ones on any of {@link #DATASETS}. */
    private static final String[] NAMED_CASE_DATASETS = {"projects", "budget_lines", "risks"};
    private static final int RANDOM_CASES = 24;
    private static final int SAMPLE_LINES = 40;

    @TempDir
    Path folder;

    /** A named way to damage a file: bytes in, bytes out. */
    private interface Mutation {
        byte[] apply(byte[] file, Random random);
    }

    static Stream<Arguments> namedCases() {
        return Stream.of(
                Arguments.of("empty file", (Mutation) (file, random) -> new byte[0]),
                Arguments.of("header only", (Mutation) (file, random) -> firstLine(file)),
                Arguments.of("byte order mark", (Mutation) (file, random) -> concat(new byte[] {(byte) 0xEF,
                        (byte) 0xBB, (byte) 0xBF}, file)),
                Arguments.of("binary junk after the header", (Mutation) (file, random) -> concat(firstLine(file),
                        randomBytes(random, 4096))),
                Arguments.of("only binary junk", (Mutation) (file, random) -> randomBytes(random, 4096)),
                Arguments.of("CRLF line ends", (Mutation) (file, random) -> text(file).replace("\n", "\r\n")
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("Latin-1 instead of UTF-8", (Mutation) (file, random) -> text(file).replace(",Freight,",
                        ",Fréight,").replace(",E. Kowalski", ",É. Kowalski").getBytes(StandardCharsets.ISO_8859_1)),
                Arguments.of("a field of two million characters", (Mutation) (file, random) -> insertAtLine(file, 3,
                        "\"" + "x".repeat(2_000_000) + "\",")),
                Arguments.of("a quote never closed", (Mutation) (file, random) -> insertAtLine(file, 4, "\"")),
                Arguments.of("newlines inside quoted fields", (Mutation) (file, random) -> text(file)
                        .replaceFirst(",([A-Z][a-z]+) ", ",\"$1\n\n\"").getBytes(StandardCharsets.UTF_8)),
                Arguments.of("every line twice", (Mutation) (file, random) -> {
                    String[] lines = text(file).split("\n");
                    StringBuilder doubled = new StringBuilder(lines[0]).append('\n');
                    for (int i = 1; i < lines.length; i++) {
                        doubled.append(lines[i]).append('\n').append(lines[i]).append('\n');
                    }
                    return doubled.toString().getBytes(StandardCharsets.UTF_8);
                }),
                Arguments.of("no newline at the end, truncated mid-record", (Mutation) (file, random) ->
                        Arrays.copyOf(file, file.length - 17)));
    }

    static Stream<Arguments> randomCases() {
        return IntStream.range(0, RANDOM_CASES).mapToObj(seed -> Arguments.of(seed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedCases")
    void aDamagedFileIsIngestedWithEveryRecordAccountedForOrRefusedByName(String name, Mutation mutation)
            throws IOException {
        for (String dataset : NAMED_CASE_DATASETS) {
            check(dataset, mutation.apply(sample(dataset), new Random(name.hashCode())), name);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("randomCases")
    void randomlyMutatedFilesAreIngestedWithEveryRecordAccountedForOrRefusedByName(int seed) throws IOException {
        Random random = new Random(seed);
        String dataset = DATASETS[random.nextInt(DATASETS.length)];
        byte[] file = sample(dataset);
        int mutations = 1 + random.nextInt(6);
        for (int i = 0; i < mutations; i++) {
            file = mutate(file, random);
        }
        check(dataset, file, "seed " + seed);
    }

    private void check(String dataset, byte[] content, String name) throws IOException {
        Path job = folder.resolve(dataset + "-" + name.replaceAll("[^A-Za-z0-9]+", "-"));
        TestingJob testing = new TestingJob(job);
        Files.createDirectories(job.resolve("data"));
        Files.write(job.resolve("data").resolve(dataset + ".csv"), content);
        testing.source(dataset, "data/" + dataset + ".csv");
        Lake lake = new Lake(job.resolve("lake").toString(), TestingSpark.session().sparkContext().hadoopConfiguration());
        Staging staging = lake.stage("fuzz", LocalDate.of(2026, 10, 31));
        List<DatasetOutcome> outcomes;
        try {
            outcomes = new DatasetIngestor(TestingSpark.session(), "fuzz").ingest(testing.job(), staging, o -> { });
        } catch (NorthstarException refused) {
            assertThat(refused.exitCode()).as(name + ": " + refused.getMessage())
                    .isIn(ExitCode.DATA_QUALITY, ExitCode.SOURCE);
            assertThat(refused.getMessage()).as(name).contains("dataset " + dataset, dataset + ".csv");
            return;
        }
        DatasetOutcome outcome = outcomes.get(0);
        String what = name + ", " + dataset + ": " + outcome;
        assertThat(outcome.rowsRead()).as(what)
                .isEqualTo(outcome.kept() + outcome.deduplicated() + outcome.quarantined());
        assertThat(rows(staging.partition(Zone.CONFORMED, dataset)).count()).as(what).isEqualTo(outcome.kept());
        Dataset<Row> quarantine = rows(staging.partition(Zone.QUARANTINE, dataset));
        assertThat(quarantine.count()).as(what).isEqualTo(outcome.quarantined());
        assertThat(quarantine.select("source", "line").distinct().count()).as(what).isEqualTo(outcome.quarantined());
        assertThat(quarantine.filter("reason IS NULL OR line < 2").count()).as(what).isZero();
        if (!contains(content, (byte) '"')) {
            assertThat(outcome.rowsRead()).as(what + ": records of a file without quotes")
                    .isEqualTo(nonBlankLines(content) - 1);
        }
    }

    private static Dataset<Row> rows(String partition) {
        return TestingSpark.session().read().parquet(partition);
    }

    private static byte[] mutate(byte[] file, Random random) {
        int at = file.length == 0 ? 0 : random.nextInt(file.length);
        return switch (random.nextInt(8)) {
            case 0 -> { // flip a few bytes to anything
                byte[] copy = file.clone();
                for (int i = 0; i < 1 + random.nextInt(8) && copy.length > 0; i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                yield copy;
            }
            case 1 -> insert(file, at, "\"");
            case 2 -> insert(file, at, "\n");
            case 3 -> insert(file, at, ",");
            case 4 -> insert(file, at, "x".repeat(random.nextInt(300_000)));
            case 5 -> Arrays.copyOf(file, at);
            case 6 -> insert(file, at, new String(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                    StandardCharsets.ISO_8859_1));
            default -> insert(file, at, "\u202Eevil\u0000\u0007😀,=HYPERLINK(\"http://x\"),+cmd,@SUM(A1)");
        };
    }

    private static byte[] sample(String dataset) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("sample-data", dataset + ".csv"));
        return (String.join("\n", lines.subList(0, Math.min(SAMPLE_LINES, lines.size()))) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] file) {
        return new String(file, StandardCharsets.UTF_8);
    }

    private static byte[] firstLine(byte[] file) {
        String text = text(file);
        return text.substring(0, text.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insertAtLine(byte[] file, int line, String text) {
        String content = text(file);
        int at = 0;
        for (int i = 1; i < line; i++) {
            at = content.indexOf('\n', at) + 1;
        }
        return (content.substring(0, at) + text + content.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] file, int at, String text) {
        byte[] inserted = text.getBytes(StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, at);
        out.writeBytes(inserted);
        out.write(file, at, file.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static boolean contains(byte[] content, byte wanted) {
        for (byte b : content) {
            if (b == wanted) {
                return true;
            }
        }
        return false;
    }

    /** Lines with anything but a line end on them, as the reader counts records of a quote-free file. */
    private static long nonBlankLines(byte[] content) {
        long count = 0;
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                int end = i;
                if (end > start && content[end - 1] == '\r') {
                    end--;
                }
                boolean bomOnly = start == 0 && end - start == 3 && content[0] == (byte) 0xEF;
                if (end > start && !bomOnly) {
                    count++;
                }
                start = i + 1;
            }
        }
        return count;
    }
}
