package io.northstar.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnNamesTest {

    @ParameterizedTest(name = "{0} is {1} misnamed")
    @CsvSource(delimiter = '|', value = {
        // separators and case
        "target_value      | target          | suffix value",
        "Target Value      | target          | suffix value, spaces and case",
        "targetValue       | target          | suffix value, camel case",
        "TargetDate        | target_date     | equal without separators",
        "target-date       | target_date     | equal without separators",
        "owner_name        | owner           | suffix name",
        "objective         | objective_id    | the reference without its id",
        "budget_amount     | budget          | suffix amount",
        "forecast_end      | forecast_end_date | suffix date",
        // typing slips: one edit, or two in long names
        "traget            | target          | two letters swapped",
        "targt             | target          | a letter dropped",
        "owners            | owner           | a letter added",
        "actuals           | actual          | a plural",
        "avalability_targt | availability_target | two edits in a long name",
        "residul_likelyhood | residual_likelihood | two edits in a long name",
    })
    void aNameCloseToAContractColumnIsThatColumnMisnamed(String source, String contract, String why) {
        assertThat(ColumnNames.close(source, contract)).as(why).isTrue();
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', value = {
        "note              | name            | two edits in a short name",
        "label             | level           | two edits in a short name",
        "title             | tier            | two edits in a short name",
        "currency          | urgency         | two edits, one of the names short",
        "owner_email       | owner           | email is no common suffix",
        "target_comment    | target          | comment is no common suffix",
        "planned           | plan            | ned is no suffix, and three edits",
        "kpi_name          | name            | a prefix is not a suffix",
        "id                | kpi_id          | a prefix is not a suffix",
        "region            | tower           | unrelated",
        "''                | name            | an empty header name",
    })
    void anUnrelatedNameIsNotClose(String source, String contract, String why) {
        assertThat(ColumnNames.close(source, contract)).as(why).isFalse();
    }

    @ParameterizedTest(name = "{0} among the absent columns is {1}")
    @CsvSource(delimiter = '|', value = {
        "targetdate     | target_date  | equal without separators beats a suffix",
        "target_value   | target       | the only close one",
    })
    void theClosestCandidateWins(String source, String expected, String why) {
        assertThat(ColumnNames.closest(source, List.of("target", "target_date", "baseline", "baseline_date")))
                .as(why).contains(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "target   | target   | 0",
        "target   | traget   | 1",
        "target   | targt    | 1",
        "target   | tarxet   | 1",
        "target   | tragte   | 2",
        "owner    | order    | 2",
        "''       | abc      | 3",
    })
    void editDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps(String a, String b, int distance) {
        assertThat(ColumnNames.editDistance(a, b)).isEqualTo(distance);
    }
}
