package io.northstar.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSliceTest {

    @Test
    void aFileUpToTheMinimumIsOneSlice() {
        assertThat(FileSlice.plan(100, 100, 8)).containsExactly(new FileSlice(0, 100));
        assertThat(FileSlice.plan(0, 100, 8)).containsExactly(new FileSlice(0, 0));
        assertThat(FileSlice.plan(199, 100, 8)).as("two slices would be under 100 bytes each").hasSize(1);
    }

    @Test
    void slicesAreEqualCoverTheFileAndAreCappedInNumber() {
        assertThat(FileSlice.plan(300, 100, 8))
                .containsExactly(new FileSlice(0, 100), new FileSlice(100, 200), new FileSlice(200, 300));
        assertThat(FileSlice.plan(1000, 100, 4))
                .containsExactly(new FileSlice(0, 250), new FileSlice(250, 500), new FileSlice(500, 750),
                        new FileSlice(750, 1000));
        assertThat(FileSlice.plan(1000, 100, 1)).containsExactly(new FileSlice(0, 1000));
    }

    @Test
    void rejectsNonsensicalPlans() {
        assertThatThrownBy(() -> FileSlice.plan(10, 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileSlice(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSliceStartsAfterTheFirstLineBreakAtOrAfterTheByteBeforeIt() throws IOException {
        byte[] file = bytes("ab\ncd\nef\n");
        // bytes: a0 b1 \n2 c3 d4 \n5 e6 f7 \n8
        assertThat(scan(file, new FileSlice(0, 3))).isEqualTo(new FileSlice.Start(0, 1, false));
        assertThat(scan(file, new FileSlice(3, 6)))
                .as("the line starting exactly at the slice belongs to it").isEqualTo(new FileSlice.Start(3, 1, false));
        assertThat(scan(file, new FileSlice(4, 6)))
                .as("mid-line: the slice starts on the next line").isEqualTo(new FileSlice.Start(6, 1, true));
        assertThat(scan(file, new FileSlice(7, 9))).isEqualTo(new FileSlice.Start(9, 1, true));
    }

    @Test
    void aSliceWithNoLineStartStartsAtTheEndOfTheFile() throws IOException {
        assertThat(scan(bytes("header\nlast line"), new FileSlice(9, 16))).isEqualTo(new FileSlice.Start(16, 0, false));
    }

    @Test
    void firstLinesCountTheBreaksBeforeEachSlice() throws IOException {
        byte[] file = bytes("ab\ncd\nef\n");
        List<FileSlice> slices = List.of(new FileSlice(0, 4), new FileSlice(4, 9));
        List<FileSlice.Start> starts = new ArrayList<>();
        for (FileSlice slice : slices) {
            starts.add(scan(file, slice));
        }
        // the second slice starts at byte 6, "ef", line 3
        assertThat(starts.get(1).startByte()).isEqualTo(6);
        assertThat(FileSlice.firstLines(starts)).containsExactly(1, 3);
    }

    @Test
    void slicesOfPlainLinesJoinUpAndGiveEveryRecordOnce() throws IOException {
        String csv = "id,name\n1,a\n2,\"b, quoted\"\n\n3,c\r\n4,d\n";
        byte[] file = bytes(csv);
        for (int cut = 1; cut < file.length; cut++) {
            Sliced sliced = readSliced(file, List.of(new FileSlice(0, cut), new FileSlice(cut, file.length)));
            assertThat(sliced.joinedUp()).as("cut at %d", cut).isTrue();
            assertThat(sliced.records()).as("cut at %d", cut).isEqualTo(readWhole(file));
        }
    }

    @Test
    void aQuotedFieldAcrossACutIsDetected() throws IOException {
        byte[] file = bytes("id,text\n1,\"two\nlines\"\n2,x\n");
        int cut = "id,text\n1,\"two\n".length();
        Sliced sliced = readSliced(file, List.of(new FileSlice(0, cut), new FileSlice(cut, file.length)));
        assertThat(sliced.joinedUp()).isFalse();
    }

    /**
     * Random files of quotes, commas, line breaks, blank lines and non-ASCII text, cut at
     * random places: whenever the slices say they joined up, their records are exactly those
     * of one reader from the start, and when no record spans a line they always join up.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void slicesThatJoinUpReadExactlyLikeOneReader(long seed) throws IOException {
        Random random = new Random(seed);
        int joined = 0;
        for (int round = 0; round < 300; round++) {
            byte[] file = bytes(randomCsv(random, random.nextBoolean()));
            List<FileSlice> slices = randomCuts(random, file.length);
            Sliced sliced = readSliced(file, slices);
            if (sliced.joinedUp()) {
                joined++;
                assertThat(sliced.records()).as("seed %d round %d, slices %s", seed, round, slices)
                        .isEqualTo(readWhole(file));
            }
        }
        assertThat(joined).as("most random cuts join up").isGreaterThan(100);
    }

    @Test
    void slicesOfSingleLineRecordsAlwaysJoinUp() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            StringBuilder csv = new StringBuilder("a,b\n");
            int rows = random.nextInt(30);
            for (int i = 0; i < rows; i++) {
                String row = random.nextInt(3) == 0 ? "" : i + ",\"x,\"\"y\"\"\"";
                csv.append(row).append(random.nextBoolean() ? "\n" : "\r\n");
            }
            byte[] file = bytes(csv.toString());
            Sliced sliced = readSliced(file, randomCuts(random, file.length));
            assertThat(sliced.joinedUp()).as(csv.toString()).isTrue();
            assertThat(sliced.records()).isEqualTo(readWhole(file));
        }
    }

    private static String randomCsv(Random random, boolean multiLine) {
        String[] pieces = multiLine
                ? new String[] {"a", "b,", ",", "\"", "\"\"", "\n", "\r\n", "é", "\n\n", "1", "x y"}
                : new String[] {"a", "b,", ",", "\"q\"", "é", "1", "x y"};
        StringBuilder csv = new StringBuilder("h1,h2\n");
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            csv.append(pieces[random.nextInt(pieces.length)]);
            if (!multiLine && random.nextInt(4) == 0) {
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    private static List<FileSlice> randomCuts(Random random, int length) {
        int count = 1 + random.nextInt(4);
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            cuts.add(random.nextInt(length + 1));
        }
        cuts.add(0);
        cuts.add(length);
        cuts.sort(null);
        List<FileSlice> slices = new ArrayList<>();
        for (int i = 1; i < cuts.size(); i++) {
            slices.add(new FileSlice(cuts.get(i - 1), cuts.get(i)));
        }
        return slices;
    }

    private record Sliced(List<CsvRecord> records, boolean joinedUp) {
    }

    /** What the ingest does with slices, task by task, in plain Java. */
    private static Sliced readSliced(byte[] file, List<FileSlice> slices) throws IOException {
        List<FileSlice.Start> starts = new ArrayList<>();
        for (FileSlice slice : slices) {
            starts.add(scan(file, slice));
        }
        long[] firstLines = FileSlice.firstLines(starts);
        long headerLine = readAll(file, 0, 1).get(0).line();
        List<CsvRecord> records = new ArrayList<>();
        List<CsvSliceReader.Ends> ends = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            long endLine = i + 1 < slices.size() ? firstLines[i + 1] : CsvSliceReader.END_OF_FILE;
            int start = (int) starts.get(i).startByte();
            try (CsvSliceReader reader = new CsvSliceReader(
                    new ByteArrayInputStream(file, start, file.length - start), firstLines[i], endLine, headerLine)) {
                for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                    records.add(record);
                }
                ends.add(reader.ends());
            }
        }
        return new Sliced(records, CsvSliceReader.joinUp(ends));
    }

    private static List<CsvRecord> readWhole(byte[] file) throws IOException {
        List<CsvRecord> all = readAll(file, 0, 1);
        return all.subList(1, all.size());
    }

    private static List<CsvRecord> readAll(byte[] file, int from, long firstLine) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(file, from, file.length - from),
                firstLine)) {
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }

    private static FileSlice.Start scan(byte[] file, FileSlice slice) throws IOException {
        int at = (int) Math.max(0, slice.from() - 1);
        return slice.scan(new ByteArrayInputStream(file, at, file.length - at));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
