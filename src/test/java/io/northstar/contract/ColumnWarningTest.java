package io.northstar.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnWarningTest {

    @Test
    void theMissingColumnsOfADatasetAreOneSentenceAndEachRenamedColumnOneMore() {
        List<ColumnWarning.Notice> notices = ColumnWarning.notices("kpis", List.of(ColumnWarning.missing("baseline"),
                ColumnWarning.unrecognised("target_value", "target"), ColumnWarning.missing("owner")));
        assertThat(notices).containsExactly(
                new ColumnWarning.Notice("column_missing",
                        "The kpis data has no columns baseline, owner, so every row is read with them blank"),
                new ColumnWarning.Notice("column_unrecognised", "The kpis data has a column target_value that the"
                        + " data contract does not know, likely its target misnamed: it is ignored, and every row is"
                        + " read with target blank"));
    }

    @Test
    void oneMissingColumnIsSpokenOfInTheSingular() {
        assertThat(ColumnWarning.notices("risks", List.of(ColumnWarning.missing("owner"))))
                .extracting(ColumnWarning.Notice::message)
                .containsExactly("The risks data has no column owner, so every row is read with it blank");
    }

    @Test
    void noWarningsNoNotices() {
        assertThat(ColumnWarning.notices("kpis", List.of())).isEmpty();
    }

    @Test
    void anUnrecognisedColumnNamesWhatItLikelyIsAndAMissingOneDoesNot() {
        assertThatThrownBy(() -> new ColumnWarning(ColumnWarning.UNRECOGNISED, "target_value", null))
                .hasMessageContaining("likely");
        assertThatThrownBy(() -> new ColumnWarning(ColumnWarning.MISSING, "target", "target"))
                .hasMessageContaining("likely");
        assertThatThrownBy(() -> new ColumnWarning("column_odd", "target", null))
                .hasMessageContaining("column_odd");
    }
}
