package io.northstar.metrics.alignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.metrics.FiscalYear;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class AlignmentMathTest {

    @Test
    void alignmentIsTheContributionSumCappedAtOne() {
        assertThat(AlignmentMath.projectAlignment(0.0)).isEqualTo(0.0);
        assertThat(AlignmentMath.projectAlignment(0.7)).isEqualTo(0.7);
        assertThat(AlignmentMath.projectAlignment(1.0)).isEqualTo(1.0);
        assertThat(AlignmentMath.projectAlignment(1.3)).isEqualTo(1.0);
    }

    @Test
    void aShareOfNothingIsNull() {
        assertThat(AlignmentMath.share(3, 4)).isEqualTo(0.75);
        assertThat(AlignmentMath.share(0, 0)).isNull();
        assertThat(AlignmentMath.share(0, 5)).isEqualTo(0.0);
    }

    @Test
    void theFiscalYearContainsAsOfAndCanStartInAnyMonth() {
        FiscalYear calendar = FiscalYear.containing(LocalDate.of(2026, 10, 31), 1);
        assertThat(calendar.first()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(calendar.monthsElapsed()).isEqualTo(10);
        assertThat(calendar.lastPeriod()).isEqualTo("2026-12");

        FiscalYear july = FiscalYear.containing(LocalDate.of(2026, 3, 15), 7);
        assertThat(july.first()).isEqualTo(YearMonth.of(2025, 7));
        assertThat(july.monthsElapsed()).isEqualTo(9);
        assertThat(july.lastPeriod()).isEqualTo("2026-06");
        assertThat(july.isYearToDate("2025-07")).isTrue();
        assertThat(july.isYearToDate("2026-03")).isTrue();
        assertThat(july.isYearToDate("2026-04")).isFalse();
        assertThat(july.isYearToDate("2025-06")).isFalse();

        FiscalYear firstMonth = FiscalYear.containing(LocalDate.of(2026, 7, 1), 7);
        assertThat(firstMonth.monthsElapsed()).isEqualTo(1);
    }
}
