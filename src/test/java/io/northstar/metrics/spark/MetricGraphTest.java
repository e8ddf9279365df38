package io.northstar.metrics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.northstar.testing.TestingSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The metric graph is built from the tables' declarations, and refuses, naming the table, what would lose one. */
class MetricGraphTest {
    /** A dataset for the two tests that hand tables to a unit (the shared session starts only for them). */
    private static final Supplier<Dataset<Row>> EMPTY = () -> TestingSpark.session().emptyDataFrame();

    @Test
    void theCatalogueBuildsWithEveryTableInTheOrderARunReportsThem() {
        assertThatCode(MetricsStage::checkCatalogue).doesNotThrowAnyException();

        MetricGraph graph = MetricGraph.of(MetricCatalogue.units());

        assertThat(graph.tables()).containsExactly("kpi_status", "kpi_trend", "kpi_smart", "service_health",
                "objective_scorecard", "alignment", "project_health", "budget_variance", "budget_monthly",
                "vendor_concentration", "budget_towers", "budget_monthly_total", "risk_exposure", "risk_summary",
                "risk_heatmap", "risk_simulation", "priority", "business_case", "asset_refresh", "swot", "changes",
                "kpi_history", "recent_moves", "business_unit_kpis", "executive_summary", "headline_changes",
                "review_summary", "commentary_status", "briefing", "findings");
        assertThat(graph.dependenciesOf(MetricCatalogue.unit("objective_scorecard")))
                .containsExactly("kpi", "service_health");
        assertThat(graph.dependenciesOf(MetricCatalogue.unit("business_case"))).containsExactly("risk");
        assertThat(graph.dependenciesOf(MetricCatalogue.unit("swot"))).containsExactlyInAnyOrder("kpi",
                "objective_scorecard", "project_health", "priority", "business_case", "risk", "service_health");
        assertThat(graph.dependenciesOf(MetricCatalogue.unit("changes"))).containsExactlyInAnyOrder("kpi",
                "objective_scorecard", "project_health", "risk", "budget", "service_health");
        assertThat(graph.dependenciesOf(MetricCatalogue.unit("findings"))).containsExactlyInAnyOrder("alignment",
                "kpi", "project_health", "budget", "priority", "risk", "service_health", "commentary_status");
        assertThat(graph.dependenciesOf(MetricCatalogue.unit("commentary_status"))).containsExactlyInAnyOrder("kpi",
                "project_health", "risk", "budget", "service_health");
        assertThat(graph.dependenciesOf(MetricCatalogue.unit("executive_summary"))).containsExactlyInAnyOrder(
                "objective_scorecard", "alignment", "budget", "project_health", "risk", "service_health");
        assertThat(graph.dependenciesOf(MetricCatalogue.unit("review_summary"))).containsExactlyInAnyOrder("changes",
                "swot", "business_case", "recent_moves");
        assertThat(graph.dependenciesOf(MetricCatalogue.unit("alignment"))).isEmpty();
    }

    @Test
    void everyTableOfTheCatalogueIsDocumented() throws IOException {
        List<String> documented = Pattern.compile("(?m)^## ([a-z_0-9]+)")
                .matcher(Files.readString(Path.of("docs/metrics.md"))).results().map(match -> match.group(1)).toList();

        assertThat(documented).as("docs/metrics.md has a section per metric table")
                .containsAll(MetricGraph.of(MetricCatalogue.units()).tables());
    }

    @Test
    void unitsComeAfterTheUnitsTheyReadFromWhateverOrderTheyAreDeclaredIn() {
        MetricGraph graph = MetricGraph.of(List.of(
                unit("summary", List.of("summary"), List.of("detail", "other")),
                unit("other", List.of("other"), List.of()),
                unit("detail", List.of("detail", "detail_extra"), List.of("other"))));

        assertThat(graph.inDependencyOrder()).extracting(MetricUnit::name).containsExactly("other", "detail", "summary");
        assertThat(graph.units()).extracting(MetricUnit::name).containsExactly("summary", "other", "detail");
        assertThat(graph.dependenciesOf(graph.units().get(0))).containsExactly("detail", "other");
    }

    @Test
    void aTableNoUnitProducesFailsNamingIt() {
        assertRefused("metric unit swot reads kpi_stauts, which no metric unit produces",
                unit("kpi_status", List.of("kpi_status"), List.of()),
                unit("swot", List.of("swot"), List.of("kpi_status", "kpi_stauts")));
    }

    @Test
    void aTableProducedTwiceFailsNamingItAndBothUnits() {
        assertRefused("metric table kpi_trend is produced twice: by unit kpi and by unit kpi_trend",
                unit("kpi", List.of("kpi_status", "kpi_trend"), List.of()),
                unit("kpi_trend", List.of("kpi_trend"), List.of()));
    }

    @Test
    void twoUnitsOfOneNameFail() {
        assertRefused("metric unit risk is declared twice",
                unit("risk", List.of("risk_exposure"), List.of()),
                unit("risk", List.of("risk_summary"), List.of()));
    }

    @Test
    void aCycleFailsNamingEachTableOnIt() {
        assertRefused("metric tables read each other in a cycle: swot reads changes, changes reads findings"
                + " (unit rules), rules reads swot",
                unit("base", List.of("base"), List.of()),
                unit("swot", List.of("swot"), List.of("base", "changes")),
                unit("changes", List.of("changes"), List.of("findings")),
                unit("rules", List.of("findings", "extra"), List.of("swot")));
    }

    @Test
    void aUnitReadingWhatItProducesIsACycle() {
        assertRefused("metric tables read each other in a cycle: kpi reads kpi_trend (unit kpi)",
                unit("kpi", List.of("kpi_status", "kpi_trend"), List.of("kpi_trend")));
    }

    @Test
    void aUnitMustProduceATableAndNameEachTableOnce() {
        assertThatThrownBy(() -> unit("empty", List.of(), List.of()))
                .hasMessage("metric unit empty produces no table");
        assertThatThrownBy(() -> unit("kpi", List.of("kpi_status", "kpi_status"), List.of()))
                .hasMessage("metric unit kpi produces kpi_status twice");
        assertThatThrownBy(() -> unit("swot", List.of("swot"), List.of("priority", "priority")))
                .hasMessage("metric unit swot reads priority twice");
    }

    @Test
    void aUnitGetsOnlyTheTablesItDeclaresAndSkippedOnesAsEmpty() {
        MetricUnit swot = MetricUnit.table("swot", List.of("kpi_status", "priority"), (context, inputs) -> Optional.empty());
        MetricInputs inputs = swot.inputs(Map.of("kpi_status", EMPTY.get(), "findings",
                EMPTY.get()));

        assertThat(inputs.get("kpi_status")).isPresent();
        assertThat(inputs.get("priority")).as("declared, skipped by this run").isEmpty();
        assertThatThrownBy(() -> inputs.get("findings")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("metric unit swot reads findings, which it does not declare");
    }

    @Test
    void aUnitWritesOnlyTheTablesItDeclaresEachOnceAndReportsThemInDeclaredOrder() {
        MetricUnit kpi = unit("kpi", List.of("kpi_status", "kpi_trend", "kpi_smart"), List.of());
        MetricOutputs out = new MetricOutputs(kpi, (table, rows) -> table.length());

        out.write("kpi_smart", EMPTY.get());
        out.write("kpi_status", EMPTY.get());

        assertThat(out.rows()).containsExactly(Map.entry("kpi_status", 10L), Map.entry("kpi_smart", 9L));
        assertThatThrownBy(() -> out.write("kpi_status", EMPTY.get()))
                .hasMessage("metric unit kpi writes kpi_status twice");
        assertThatThrownBy(() -> out.write("swot", EMPTY.get())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("metric unit kpi writes swot, which it does not declare");
    }

    private static void assertRefused(String message, MetricUnit... units) {
        assertThatThrownBy(() -> MetricGraph.of(List.of(units))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    private static MetricUnit unit(String name, List<String> produces, List<String> reads) {
        return MetricUnit.tables(name, produces, reads, (context, inputs, out) -> { });
    }
}
