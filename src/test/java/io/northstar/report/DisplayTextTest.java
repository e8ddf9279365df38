package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {

    @Test
    void ordinaryNamesAreShownAsTheyAre() {
        assertThat(DisplayText.title("Zürich Ops / R&D")).isEqualTo("Zürich Ops / R&D");
        assertThat(DisplayText.title("東京 🚀")).isEqualTo("東京 🚀");
    }

    @Test
    void controlCharactersAndDirectionOverridesAreRemoved() {
        assertThat(DisplayText.title("Ops\u0007\u0000bell")).isEqualTo("Opsbell");
        assertThat(DisplayText.title("\u202Elanif.exe")).isEqualTo("lanif.exe");
        assertThat(DisplayText.title("a\u2066b\u2069c\u200Fd")).isEqualTo("abcd");
    }

    @Test
    void aNameLongerThanAHeadingIsCutWithAnEllipsis() {
        String shown = DisplayText.title("L".repeat(5_000));

        assertThat(shown).hasSize(DisplayText.TITLE_LENGTH).endsWith("L…");
    }

    @Test
    void theCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String shown = DisplayText.title("🚀".repeat(100));

        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(DisplayText.TITLE_LENGTH);
        assertThat(shown).endsWith("🚀…");
    }

    @Test
    void nullIsEmpty() {
        assertThat(DisplayText.title(null)).isEmpty();
    }
}
