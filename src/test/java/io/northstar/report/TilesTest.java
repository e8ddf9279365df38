package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.northstar.format.Amounts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TilesTest {

    private static Map<String, Object> change(Double value, Double previous, String direction, String previousAsOf) {
        Map<String, Object> row = new HashMap<>();
        row.put("value", value);
        row.put("previous_value", previous);
        row.put("direction", direction);
        row.put("previous_as_of", previousAsOf);
        return row;
    }

    @Test
    void aTileSaysWhichWayItsFigureMovedAndWhatItWas() {
        assertThat(Tiles.change(change(0.535, 0.565, "worse", "2026-09-30"), Amounts::percent))
                .isEqualTo("▼ worse, was 56% on 2026-09-30");
        assertThat(Tiles.change(change(7.0, 6.0, "worse", "2026-09-30"), red -> Amounts.number(red, null)))
                .isEqualTo("▲ worse, was 6 on 2026-09-30");
        assertThat(Tiles.change(change(0.8, 0.8, "unchanged", "2026-09-30"), Amounts::percent))
                .isEqualTo("no change since 2026-09-30");
        assertThat(Tiles.change(change(-0.0071, -0.0069, "worse", "2026-09-30"), Amounts::signedPercent))
                .as("a move too small to show").isEqualTo("no change since 2026-09-30");
    }

    @Test
    void theFirstSnapshotSaysPlainlyThatNothingCanBeComparedYet() {
        assertThat(Tiles.change(change(0.5, null, "not_comparable", null), Amounts::percent))
                .isEqualTo("first snapshot: nothing to compare with yet");
        assertThat(Tiles.change(null, Amounts::percent)).isEqualTo("first snapshot: nothing to compare with yet");
        assertThat(Tiles.change(change(0.5, null, "not_comparable", "2026-09-30"), Amounts::percent))
                .isEqualTo("no figure on 2026-09-30");
    }

    @Test
    void anOverspendTileQuotesBothAmountsWithTheirCurrency() {
        Map<String, Object> summary = new HashMap<>();
        summary.put("budget_status", "amber");
        summary.put("budget_variance_pct", 0.046);
        summary.put("actual_ytd", 37_620_000.0);
        summary.put("plan_ytd", 35_970_000.0);
        List<Map<String, Object>> tiles = Tiles.businessUnit(summary, Map.of(), "EUR");
        assertThat(tiles).singleElement().satisfies(tile -> {
            assertThat(tile.get("value")).isEqualTo("+4.6%");
            assertThat(tile.get("detail")).isEqualTo("EUR 37.6M spent against EUR 36.0M planned");
            assertThat(tile.get("rag")).isEqualTo("amber");
        });
    }

    @Test
    void theHeadlineMovesNameEachTileThatMovedAsFarAsItsTileShows() {
        Map<String, Map<String, Object>> changes = new java.util.HashMap<>();
        changes.put("sla_attainment", Map.of("value", 0.8333, "previous_value", 0.9667, "previous_as_of", "2026-09-30",
                "direction", "worse"));
        changes.put("open_risk_emv", Map.of("value", 12_739_300.0, "previous_value", 12_093_983.0,
                "previous_as_of", "2026-09-30", "direction", "worse"));
        // 79.85% both times: no move a reader could see
        changes.put("aligned_budget_share", Map.of("value", 0.7985, "previous_value", 0.79853,
                "previous_as_of", "2026-09-30", "direction", "unchanged"));
        changes.put("projects_red", Map.of("value", 7L, "previous_value", 6L, "previous_as_of", "2026-09-30",
                "direction", "worse"));
        assertThat(Tiles.moves(changes, "EUR")).isEqualTo("Headline figures since 2026-09-30: red projects 6 → 7"
                + " (worse); open risk EUR 12.1M → EUR 12.7M (worse); SLA attainment 97% → 83% (worse).");
        assertThat(Tiles.moves(Map.of("sla_attainment", Map.of("value", 0.83)), "EUR")).as("first snapshot").isNull();
        assertThat(Tiles.moves(Map.of(), "EUR")).isNull();
    }
}
