package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackFilesTest {

    @Test
    void theBoardGetsTheScorecardAndTheReviewPack() {
        assertThat(PackFiles.BOARD).containsExactly("executive-scorecard.pdf", "review-pack.pdf");
    }

    @Test
    void eachUnitGetsItsSlugAndASecondUnitWithTheSameSlugGetsTwoInTheGivenOrder() {
        assertThat(PackFiles.businessUnits(List.of("Freight", "Retail & Online", "Retail  online")))
                .containsExactly(java.util.Map.entry("Freight", "business-unit-freight.pdf"),
                        java.util.Map.entry("Retail & Online", "business-unit-retail-online.pdf"),
                        java.util.Map.entry("Retail  online", "business-unit-retail-online-2.pdf"));
    }
}
