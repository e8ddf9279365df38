package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void keepsLettersAndDigitsAndDropsAccents() {
        assertThat(Slugs.of("Finance & HR")).isEqualTo("finance-hr");
        assertThat(Slugs.of("Zürich Ops / R&D 2")).isEqualTo("zurich-ops-r-d-2");
        assertThat(Slugs.of("  Freight  ")).isEqualTo("freight");
    }

    @Test
    void pathSeparatorsAndTraversalNeverSurvive() {
        assertThat(Slugs.of("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(Slugs.of("a\\b\u0000c\nd")).isEqualTo("a-b-c-d");
        assertThat(Slugs.of("..")).startsWith("unit-").matches("[a-z0-9-]+");
    }

    @Test
    void namesWithoutLatinLettersGetAStableHash() {
        assertThat(Slugs.of("東京")).matches("unit-[0-9a-f]{8}").isEqualTo(Slugs.of("東京"));
        assertThat(Slugs.of("Москва")).matches("unit-[0-9a-f]{8}").isNotEqualTo(Slugs.of("東京"));
        assertThat(Slugs.of("")).startsWith("unit-");
    }

    @Test
    void longNamesAreCutAndTakenSlugsNumbered() {
        assertThat(Slugs.of("x".repeat(200))).hasSize(60);
        Set<String> taken = new HashSet<>();
        assertThat(Slugs.unique("Ops", taken)).isEqualTo("ops");
        assertThat(Slugs.unique("OPS", taken)).isEqualTo("ops-2");
        assertThat(Slugs.unique("ops!", taken)).isEqualTo("ops-3");
    }
}
