package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void theSimulationLineGivesThePortfoliosPercentilesAndGroupsTheTrials() {
        Map<String, Object> category = Map.of("scope", "category", "trials", 20_000, "p50", 1.0, "p80", 2.0,
                "p90", 3.0, "p95", 4.0, "mean", 1.5);
        Map<String, Object> portfolio = Map.of("scope", "portfolio", "trials", 20_000, "p50", 12_712_345.0,
                "p80", 14_400_000.0, "p90", 15_349_999.0, "p95", 16_000_000.0, "mean", 12_650_000.0);
        assertThat(Amounts.simulationLine(List.of(category, portfolio), "EUR")).isEqualTo(
                "Portfolio loss over 20,000 trials: P50 EUR 12.7M, P80 14.4M, P90 15.3M, P95 16.0M (mean 12.7M).");
    }

    @Test
    void withoutAPortfolioRowOrSimulationTheLineSaysSo() {
        assertThat(Amounts.simulationLine(null, "EUR")).isEqualTo("No simulation in this snapshot.");
        assertThat(Amounts.simulationLine(List.of(), "EUR")).isEqualTo("No open risk has a cost range.");
    }
}
