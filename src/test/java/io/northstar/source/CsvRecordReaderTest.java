package io.northstar.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    private static List<CsvRecord> read(byte[] bytes) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(bytes))) {
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }

    private static List<CsvRecord> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsPlainFieldsWithTheirLineNumbers() throws IOException {
        List<CsvRecord> records = read("a,b,c\n1,2,3\n4,,6\n");
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L);
        assertThat(records.get(2).fields()).containsExactly("4", "", "6");
        assertThat(records.get(2).raw()).isEqualTo("4,,6");
    }

    @Test
    void unquotesFieldsWithCommasEscapedQuotesAndLineBreaks() throws IOException {
        List<CsvRecord> records = read("id,text\n1,\"a, \"\"quoted\"\" word\"\n2,\"two\nlines\"\n3,x\n");
        assertThat(records.get(1).fields()).containsExactly("1", "a, \"quoted\" word");
        assertThat(records.get(2).fields()).containsExactly("2", "two\nlines");
        assertThat(records.get(2).raw()).isEqualTo("2,\"two\nlines\"");
        assertThat(records.get(3).line()).as("the record after a two-line record starts on line 5").isEqualTo(5L);
    }

    @Test
    void acceptsCrlfLineEndsAndAUtf8Bom() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(bom);
        bytes.write("id,name\r\n1,Zürich\r\n".getBytes(StandardCharsets.UTF_8));
        List<CsvRecord> records = read(bytes.toByteArray());
        assertThat(records.get(0).fields()).containsExactly("id", "name");
        assertThat(records.get(1).fields()).containsExactly("1", "Zürich");
    }

    @Test
    void skipsBlankLinesButKeepsCountingLines() throws IOException {
        List<CsvRecord> records = read("a,b\n\n1,2\n\n\n3,4");
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 3L, 6L);
        assertThat(records.get(2).fields()).containsExactly("3", "4");
    }

    @Test
    void reportsAQuoteInsideAnUnquotedFieldAsMalformed() throws IOException {
        CsvRecord record = read("a,b\n1,ab\"c\n").get(1);
        assertThat(record.isMalformed()).isTrue();
        assertThat(record.malformation()).contains("quote inside the unquoted field 2");
        assertThat(record.raw()).isEqualTo("1,ab\"c");
    }

    @Test
    void reportsTextAfterAClosingQuoteAsMalformed() throws IOException {
        CsvRecord record = read("a,b\n\"x\"y,2\n").get(1);
        assertThat(record.malformation()).contains("after the closing quote of field 1");
    }

    @Test
    void anUnclosedQuoteSpoilsOnlyItsOwnLine() throws IOException {
        List<CsvRecord> records = read("a,b\n1,\"never closed\n2,fine\n3,also fine\n");
        assertThat(records).hasSize(4);
        assertThat(records.get(1).isMalformed()).isTrue();
        assertThat(records.get(1).malformation()).contains("never closed");
        assertThat(records.get(1).raw()).isEqualTo("1,\"never closed");
        assertThat(records.get(2).fields()).containsExactly("2", "fine");
        assertThat(records.get(3).line()).isEqualTo(4L);
    }

    @Test
    void aLineThatIsNotUtf8IsMalformedAndTheNextOneIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("id,name\n1,Z".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFC); // ü in Latin-1
        bytes.write("rich\n2,Bern\n".getBytes(StandardCharsets.UTF_8));
        List<CsvRecord> records = read(bytes.toByteArray());
        assertThat(records.get(1).malformation()).isEqualTo("line 2 is not valid UTF-8");
        assertThat(records.get(2).fields()).containsExactly("2", "Bern");
    }

    @Test
    void anEmptyInputHasNoRecords() throws IOException {
        assertThat(read("")).isEmpty();
        assertThat(read("\n\n")).isEmpty();
    }

    @Test
    void keepsTrailingEmptyFields() throws IOException {
        assertThat(read("a,b,c\n1,,\n").get(1).fields()).containsExactly("1", "", "");
    }
}
