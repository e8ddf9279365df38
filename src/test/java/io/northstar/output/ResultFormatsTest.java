package io.northstar.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultFormatsTest {
    private static final ResultColumns COLUMNS = new ResultColumns(List.of("kpi_id", "gap", "ids", "as_of"),
            List.of(false, true, false, false));

    private static List<List<Object>> rows() {
        return List.of(
                Arrays.asList("K-1", 0.125, List.of("S1", "S2"), LocalDate.of(2026, 10, 31)),
                Arrays.asList("K,\"2\"", null, List.of(), null),
                Arrays.asList("line\nbreak", -12.0, null, LocalDate.of(2026, 9, 30)));
    }

    private static String write(ResultFormat format, List<List<Object>> rows) throws IOException {
        StringWriter out = new StringWriter();
        long count = format.write(COLUMNS, rows.iterator(), out);
        assertThat(count).isEqualTo(rows.size());
        return out.toString();
    }

    @Test
    void csvQuotesOnlyWhatNeedsItAndLeavesNullEmpty() throws IOException {
        assertThat(write(new CsvFormat(), rows())).isEqualTo("""
                kpi_id,gap,ids,as_of
                K-1,0.125,"S1,S2",2026-10-31
                "K,""2""\",,,
                "line
                break",-12,,2026-09-30
                """);
    }

    @Test
    void jsonLinesKeepTypesAndEscapeText() throws IOException {
        assertThat(write(new JsonLinesFormat(), rows())).isEqualTo("""
                {"kpi_id":"K-1","gap":0.125,"ids":["S1","S2"],"as_of":"2026-10-31"}
                {"kpi_id":"K,\\"2\\"","gap":null,"ids":[],"as_of":null}
                {"kpi_id":"line\\nbreak","gap":-12,"ids":null,"as_of":"2026-09-30"}
                """);
    }

    @Test
    void aTableAlignsNumbersRightAndShowsNull() throws IOException {
        assertThat(write(new TextTable(10), rows())).isEqualTo("""
                kpi_id      gap    ids    as_of
                ----------  -----  -----  ----------
                K-1         0.125  S1,S2  2026-10-31
                K,"2"        NULL         NULL
                line break    -12  NULL   2026-09-30
                (3 rows)
                """);
    }

    @Test
    void aTableSaysWhenItShowsOnlyTheFirstRowsAndCutsLongText() throws IOException {
        List<List<Object>> rows = List.of(Arrays.asList("x".repeat(60), 1, null, null), Arrays.asList("b", 2, null, null));
        String table = write(new TextTable(1), rows);
        assertThat(table).contains("x".repeat(TextTable.MAX_WIDTH - 1) + "…").doesNotContain("b ")
                .endsWith("(more than 1 rows, the first 1 shown)\n");
    }

    @Test
    void cellsPrintDecimalsPlainlyAndWholeDoublesWithoutAFraction() {
        assertThat(Cells.text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Cells.text(99.0)).isEqualTo("99");
        assertThat(Cells.text(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Cells.text(null)).isNull();
    }

    @Test
    void csvNeutralisesTextASpreadsheetWouldRunButLeavesNumbersAlone() throws IOException {
        ResultColumns columns = new ResultColumns(List.of("name", "amount"), List.of(false, true));
        List<List<Object>> rows = List.of(
                Arrays.asList("=HYPERLINK(\"http://x\",\"y\")", -12.5),
                Arrays.asList("+cmd", new BigDecimal("-3.00")),
                Arrays.asList("@SUM(A1)", 1),
                Arrays.asList("-1 net", null),
                Arrays.asList("Plain, text", 0));
        StringWriter out = new StringWriter();
        new CsvFormat().write(columns, rows.iterator(), out);
        assertThat(out.toString()).isEqualTo("""
                name,amount
                "'=HYPERLINK(""http://x"",""y"")",-12.5
                '+cmd,-3.00
                '@SUM(A1),1
                '-1 net,
                "Plain, text",0
                """);
    }
}
