package io.northstar.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.report.OwnerIndex.Item;
import io.northstar.report.OwnerIndex.Responsibility;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerIndexTest {

    @Test
    void eachOwnerGetsOneRowWithTheirItemsByKindWorstFirstAndTheRestCounted() {
        List<Map<String, Object>> rows = OwnerIndex.rows(List.of(
                new Responsibility("F. Nguyen", "risk", 9, List.of(new Item("Shared accounts", "critical"),
                        new Item("Supplier in distress", "high"))),
                new Responsibility("F. Nguyen", "project", 1, List.of(new Item("Disaster recovery", "red"))),
                new Responsibility("Director Freight", "business_unit", 1, List.of(new Item("Freight", "amber")))));
        assertThat(rows).extracting(row -> row.get("term")).containsExactly("Director Freight", "F. Nguyen");
        assertThat(rows.get(1).get("meaning")).isEqualTo("Projects: Disaster recovery (red) · Risks: Shared accounts"
                + " (critical), Supplier in distress (high) and 7 more");
        assertThat(rows.get(0).get("meaning")).isEqualTo("Unit budget: Freight (amber)");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("section")).isEqualTo(OwnerIndex.SECTION));
    }

    @Test
    void itemsWithoutAnOwnerAreListedLastAsAGapInAccountability() {
        List<Map<String, Object>> rows = OwnerIndex.rows(List.of(
                new Responsibility(null, "kpi", 1, List.of(new Item("Controls tested on time", "amber"))),
                new Responsibility(" ", "business_unit", 2, List.of()),
                new Responsibility("zoe", "kpi", 1, List.of(new Item("Backlog", null)))));
        assertThat(rows).extracting(row -> row.get("term")).containsExactly("zoe", "No owner named");
        assertThat(rows.get(1).get("meaning")).isEqualTo("Unit budget: 2 · KPIs: Controls tested on time (amber)");
        assertThat(rows.get(0).get("meaning")).isEqualTo("KPIs: Backlog");
    }

    @Test
    void aCountBelowTheItemsNamedIsRefused() {
        assertThatThrownBy(() -> new Responsibility("A", "kpi", 0, List.of(new Item("K", "red"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count 0");
        assertThat(OwnerIndex.rows(List.of())).isEmpty();
    }
}
