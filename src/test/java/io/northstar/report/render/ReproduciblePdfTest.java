package io.northstar.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReproduciblePdfTest {

    /** The parts of an OpenPDF file that change from one export to the next, around fixed content. */
    private static byte[] pdf(String date, String tagA, String tagB, String id, String content) {
        return ("%PDF-1.5\n1 0 obj <</Type/Font/BaseFont/" + tagA + "+DejaVuSans>> endobj\n"
                + "2 0 obj <</FontName/" + tagA + "+DejaVuSans/Flags 32>> endobj\n"
                + "3 0 obj <</Type/Font/BaseFont/" + tagB + "+DejaVuSans-Bold>> endobj\n"
                + "4 0 obj <</Length 7>>stream\n" + content + "\nendstream endobj\n"
                + "5 0 obj <</Producer(OpenPDF 1.3.43)/CreationDate(D:" + date + ")>> endobj\n"
                + "trailer <</Size 6/Info 5 0 R/ID [<" + id + "><" + id + ">]>>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void twoExportsOfTheSameContentBecomeTheSameBytesOfTheSameLength() {
        byte[] first = pdf("20261208001411Z", "BPZMIR", "RPGZUC", "2d4c69c948ab18a924da1f227c2e8743", "BT ET\u00e9\u00ff");
        byte[] second = pdf("20261209235959Z", "QWERTY", "ZZZZZZ", "00000000000000000000000000000001", "BT ET\u00e9\u00ff");

        byte[] normalized = ReproduciblePdf.normalize(first);

        assertThat(normalized).isEqualTo(ReproduciblePdf.normalize(second)).hasSize(first.length);
        assertThat(text(normalized)).doesNotContain("CreationDate", "BPZMIR", "RPGZUC", "2d4c69c9")
                .contains("/BaseFont/AAAAAA+DejaVuSans>>", "/FontName/AAAAAA+DejaVuSans/",
                        "/BaseFont/AAAAAB+DejaVuSans-Bold>>", "BT ET\u00e9\u00ff");
    }

    @Test
    void theFileIdFollowsTheContentAndBothHalvesAgree() {
        byte[] one = ReproduciblePdf.normalize(pdf("20261208001411Z", "BPZMIR", "RPGZUC",
                "2d4c69c948ab18a924da1f227c2e8743", "BT 1 ET"));
        byte[] other = ReproduciblePdf.normalize(pdf("20261208001411Z", "BPZMIR", "RPGZUC",
                "2d4c69c948ab18a924da1f227c2e8743", "BT 2 ET"));

        String id = text(one).replaceAll("(?s).*/ID \\[<([0-9a-f]+)><([0-9a-f]+)>].*", "$1 $2");
        assertThat(id.split(" ")[0]).hasSize(32).isEqualTo(id.split(" ")[1]);
        assertThat(text(other)).doesNotContain(id.split(" ")[0]);
    }

    @Test
    void aFileWithoutTheStampsIsLeftAsItIs() {
        byte[] plain = "%PDF-1.4\n1 0 obj <</Type/Catalog>> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ReproduciblePdf.normalize(plain)).isEqualTo(plain);
    }

    @Test
    void subsetTagsCountInBaseTwentySix() {
        assertThat(ReproduciblePdf.tag(0)).isEqualTo("AAAAAA");
        assertThat(ReproduciblePdf.tag(1)).isEqualTo("AAAAAB");
        assertThat(ReproduciblePdf.tag(26)).isEqualTo("AAAABA");
    }
}
