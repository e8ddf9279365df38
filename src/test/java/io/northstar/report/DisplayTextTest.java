package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DisplayTextTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("an ordinary name", "Zürich Ops / R&D", 40, "Zürich Ops / R&D"),
                Arguments.of("CJK and emoji", "東京 🚀", 40, "東京 🚀"),
                Arguments.of("right-to-left letters stay", "مرحبا Warehousing", 40, "مرحبا Warehousing"),
                Arguments.of("control characters go", "Ops\u0007\u0000bell\u007F\u009B", 40, "Opsbell"),
                Arguments.of("line breaks and tabs become spaces", "Line\none\ttwo\r\nthree\u2028four", 40,
                        "Line one two  three four"),
                Arguments.of("a right-to-left override goes", "\u202Elanif.exe", 40, "lanif.exe"),
                Arguments.of("every explicit direction control goes",
                        "a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j\u200Ek\u200Fl\u061Cm", 40,
                        "abcdefghijklm"),
                Arguments.of("blanks at the ends go", "  \u202E Freight \n", 40, "Freight"),
                Arguments.of("a lone surrogate goes", "a\uD800b", 40, "ab"),
                Arguments.of("exactly at the limit: whole", "x".repeat(40), 40, "x".repeat(40)),
                Arguments.of("one over the limit: cut", "x".repeat(41), 40, "x".repeat(39) + "…"),
                Arguments.of("a blank before the ellipsis goes", "abc defgh", 5, "abc…"),
                Arguments.of("surrogate pairs are never split", "🚀".repeat(41), 40, "🚀".repeat(39) + "…"),
                Arguments.of("surrogate pairs at the limit count once each", "🚀".repeat(40), 40, "🚀".repeat(40)),
                Arguments.of("a letter keeps its combining accent", "e\u0301".repeat(41), 40,
                        "e\u0301".repeat(39) + "…"),
                Arguments.of("combining accents do not count as characters", "e\u0301".repeat(40), 40,
                        "e\u0301".repeat(40)),
                Arguments.of("an emoji sequence is one character", "👩\u200D💻".repeat(41), 40,
                        "👩\u200D💻".repeat(39) + "…"),
                Arguments.of("a flag is one character", "🇳🇴".repeat(3), 2, "🇳🇴…"),
                Arguments.of("null is empty", null, 40, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void aNameIsCleanedAndCutToItsLimit(String description, String text, int limit, String shown) {
        assertThat(DisplayText.name(text, limit)).isEqualTo(shown);
    }

    @Test
    void anAmountsSuffixIsGluedToItsNumberSoALineNeverBreaksInsideIt() {
        assertThat(DisplayText.amountsKeptWhole("EUR 1.52M a year, EUR 476k, 12 Mbit, EUR -1.14M."))
                .isEqualTo("EUR 1.52\uFEFFM a year, EUR 476\uFEFFk, 12 Mbit, EUR -1.14\uFEFFM.");
        assertThat(DisplayText.amountsKeptWhole("no amounts here")).isEqualTo("no amounts here");
        assertThat(DisplayText.amountsKeptWhole(null)).isNull();
    }

    @Test
    void aHeadingIsCutAfterEightyCharacters() {
        String shown = DisplayText.title("L".repeat(5_000));

        assertThat(shown).hasSize(DisplayText.TITLE_LENGTH).endsWith("L…");
        assertThat(DisplayText.title("\u202Elanif.exe")).isEqualTo("lanif.exe");
    }

    @Test
    void aNameNeedsRoomForACharacterAndTheEllipsis() {
        assertThatThrownBy(() -> DisplayText.name("abc", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit 1");
    }

    @Test
    void aShortSentenceIsOnlyCleaned() {
        assertThat(DisplayText.sentence("The project '\u202Eevil\u202C' supports no strategic objective"))
                .isEqualTo("The project 'evil' supports no strategic objective");
    }

    @Test
    void aLongNameInsideASentenceIsCutWhereItStandsAndTheSentenceKeepsItsEnd() {
        String shown = DisplayText.sentence("The project '" + "L".repeat(5_000) + "' supports no strategic objective");

        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(DisplayText.SENTENCE_LENGTH);
        assertThat(shown).startsWith("The project 'LLL").contains("L…L")
                .endsWith("LL' supports no strategic objective");
    }

    @Test
    void aSentenceCutInTheMiddleNeverSplitsACharacter() {
        String shown = DisplayText.sentence("🚀".repeat(1_000) + "e\u0301".repeat(1_000));

        assertThat(shown).startsWith("🚀🚀").endsWith("e\u0301e\u0301").contains("🚀…e\u0301");
    }

    @Test
    void aSentenceAtTheLimitIsWhole() {
        String sentence = "x".repeat(DisplayText.SENTENCE_LENGTH);

        assertThat(DisplayText.sentence(sentence)).isEqualTo(sentence);
        assertThat(DisplayText.sentence(sentence + "y")).hasSize(DisplayText.SENTENCE_LENGTH).contains("…");
    }
}
