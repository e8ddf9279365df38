package io.northstar.metrics.commentary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.metrics.commentary.CommentaryRules.State;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommentaryRulesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    @ParameterizedTest(name = "a comment of {0} is {1} on 2026-10-31 with 45 days")
    @CsvSource({
            "2026-10-31, CURRENT", // written on the as-of date
            "2026-09-16, CURRENT", // 45 days before: still current
            "2026-09-15, STALE", // 46 days before
            "2026-08-31, STALE"})
    void aCommentIsCurrentUpToMaxAgeDaysOldAndStaleAfter(LocalDate periodEnd, State expected) {
        assertThat(CommentaryRules.state(Optional.of(comment(periodEnd, "x")), AS_OF, 45)).isEqualTo(expected);
    }

    @Test
    void exactlyFortyFiveAndFortySixDaysAreCountedInCalendarDays() {
        assertThat(AS_OF.minusDays(45)).isEqualTo(LocalDate.of(2026, 9, 16));
        assertThat(CommentaryRules.state(Optional.of(comment(AS_OF.minusDays(45), "x")), AS_OF, 45))
                .isEqualTo(State.CURRENT);
        assertThat(CommentaryRules.state(Optional.of(comment(AS_OF.minusDays(46), "x")), AS_OF, 45))
                .isEqualTo(State.STALE);
    }

    @Test
    void noCommentIsMissing() {
        assertThat(CommentaryRules.state(Optional.empty(), AS_OF, 45)).isEqualTo(State.MISSING);
        assertThat(CommentaryRules.latest(List.of(), AS_OF)).isEmpty();
        assertThat(State.MISSING.code()).isEqualTo("missing");
    }

    @Test
    void theLatestCommentOnOrBeforeAsOfCountsAndAFutureOneIsIgnored() {
        Comment september = comment(LocalDate.of(2026, 9, 30), "september");
        Comment october = comment(LocalDate.of(2026, 10, 31), "october");
        Comment november = comment(LocalDate.of(2026, 11, 30), "november");
        assertThat(CommentaryRules.latest(List.of(november, september, october), AS_OF)).contains(october);
        // only a future comment: none counts yet, so the entity's commentary is missing
        Optional<Comment> onlyFuture = CommentaryRules.latest(List.of(november), AS_OF);
        assertThat(onlyFuture).isEmpty();
        assertThat(CommentaryRules.state(onlyFuture, AS_OF, 45)).isEqualTo(State.MISSING);
    }

    @Test
    void aTieOnPeriodEndPrefersTheDecisionThenTheCommentTextWhateverTheOrder() {
        LocalDate day = LocalDate.of(2026, 10, 31);
        Comment plain = comment(day, "a plain note");
        Comment decision = new Comment(day, "z asks for a decision", null, null, null, null, true);
        Comment other = comment(day, "b another note");
        assertThat(CommentaryRules.latest(List.of(plain, decision, other), AS_OF)).contains(decision);
        assertThat(CommentaryRules.latest(List.of(other, decision, plain), AS_OF)).contains(decision);
        assertThat(CommentaryRules.latest(List.of(other, plain), AS_OF)).contains(plain);
        assertThat(CommentaryRules.latest(List.of(plain, other), AS_OF)).contains(plain);
    }

    @Test
    void anActionIsOverdueOnlyWhenDueBeforeAsOfAndUnknownWithoutADueDate() {
        assertThat(CommentaryRules.actionOverdue(LocalDate.of(2026, 10, 30), AS_OF)).isTrue();
        assertThat(CommentaryRules.actionOverdue(AS_OF, AS_OF)).isFalse();
        assertThat(CommentaryRules.actionOverdue(LocalDate.of(2026, 11, 15), AS_OF)).isFalse();
        assertThat(CommentaryRules.actionOverdue(null, AS_OF)).isNull();
    }

    @Test
    void aNegativeMaxAgeIsRefused() {
        assertThatThrownBy(() -> CommentaryRules.state(Optional.empty(), AS_OF, -1))
                .hasMessageContaining("maxAgeDays must be >= 0, got -1");
    }

    private static Comment comment(LocalDate periodEnd, String text) {
        return new Comment(periodEnd, text, "K. Osei", null, null, null, false);
    }
}
