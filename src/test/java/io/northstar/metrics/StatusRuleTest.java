package io.northstar.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.contract.Datasets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusRuleTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(StatusRule.ACTIVE_PORTFOLIO, List.of("approved", "active", "on_hold"),
                        List.of("proposed", "completed", "cancelled")),
                Arguments.of(StatusRule.FUNDED, List.of("approved", "active"),
                        List.of("proposed", "on_hold", "completed", "cancelled")),
                Arguments.of(StatusRule.OPEN_RISK, List.of("open", "mitigating"), List.of("accepted", "closed")));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void aRuleAcceptsItsStatusesOnlyAndNeverNull(StatusRule rule, List<String> accepted, List<String> refused) {
        assertThat(rule.statuses()).containsExactlyElementsOf(accepted);
        assertThat(accepted).allMatch(rule);
        assertThat(refused).noneMatch(rule);
        assertThat(rule.test(null)).isFalse();
        assertThat(rule.test("Active")).as("statuses are conformed to lower case; no other spelling matches")
                .isFalse();
    }

    @Test
    void everyStatusOfARuleIsOneTheContractAllows() {
        assertThat(Datasets.require(Datasets.PROJECTS).column("status").enumValues())
                .containsAll(StatusRule.ACTIVE_PORTFOLIO.statuses()).containsAll(StatusRule.FUNDED.statuses());
        assertThat(Datasets.require(Datasets.RISKS).column("status").enumValues())
                .containsAll(StatusRule.OPEN_RISK.statuses());
    }

    @Test
    void aRuleNeedsAStatus() {
        assertThatThrownBy(() -> new StatusRule("nothing", List.of())).hasMessage("status rule nothing has no status");
    }
}
