package io.northstar.metrics.spark;

import static io.northstar.metrics.spark.MetricUnit.table;
import static io.northstar.metrics.spark.MetricUnit.tables;

import java.util.List;
import java.util.Optional;

/**
 * Every metric table, declared once: which unit produces it, which metric tables that unit
 * reads, and how it computes. {@link MetricsStage} builds its task graph from this list (a unit
 * waits for the units producing what it reads) and reports the tables in this order. To add a
 * table, declare it here; a table it reads that no unit produces, a table declared twice or a
 * cycle fails at start-up, naming the table.
 */
final class MetricCatalogue {
    private static final List<MetricUnit> UNITS = List.of(
            tables("kpi", List.of(KpiTables.STATUS, KpiTables.TREND, KpiTables.SMART), List.of(),
                    (context, inputs, out) -> KpiTables.write(context, out)),
            table(ServiceTable.NAME, List.of(), (context, inputs) -> ServiceTable.compute(context)),
            table(ScorecardTable.NAME, List.of(KpiTables.STATUS, ServiceTable.NAME),
                    (context, inputs) -> ScorecardTable.compute(context, inputs.get(KpiTables.STATUS),
                            inputs.get(ServiceTable.NAME))),
            table(AlignmentTable.NAME, List.of(), (context, inputs) -> AlignmentTable.compute(context)),
            table(ProjectHealthTable.NAME, List.of(), (context, inputs) -> ProjectHealthTable.compute(context)),
            tables("budget", List.of(BudgetTables.VARIANCE, BudgetTables.MONTHLY, BudgetTables.VENDORS,
                    BudgetTables.TOWERS, BudgetTables.MONTHLY_TOTAL), List.of(),
                    (context, inputs, out) -> out.writeEach(BudgetTables.compute(context))),
            tables("risk", List.of(RiskTables.EXPOSURE, RiskTables.SUMMARY, RiskTables.HEATMAP, RiskTables.SIMULATION),
                    List.of(), (context, inputs, out) -> out.writeEach(RiskTables.compute(context))),
            table(PriorityTable.NAME, List.of(), (context, inputs) -> PriorityTable.compute(context)),
            table(BusinessCaseTable.NAME, List.of(RiskTables.EXPOSURE),
                    (context, inputs) -> BusinessCaseTable.compute(context, inputs.get(RiskTables.EXPOSURE))),
            table(AssetRefreshTable.NAME, List.of(), (context, inputs) -> AssetRefreshTable.compute(context)),
            table(SwotTable.NAME, List.of(KpiTables.STATUS, KpiTables.TREND, ScorecardTable.NAME,
                    ProjectHealthTable.NAME, PriorityTable.NAME, BusinessCaseTable.NAME, RiskTables.EXPOSURE,
                    ServiceTable.NAME), SwotTable::compute),
            table(ChangesTable.NAME, List.of(KpiTables.STATUS, ScorecardTable.NAME, ProjectHealthTable.NAME,
                    RiskTables.EXPOSURE, BudgetTables.VARIANCE, ServiceTable.NAME),
                    (context, inputs) -> Optional.of(ChangesTable.compute(context, inputs))),
            table(KpiHistoryTable.NAME, List.of(), (context, inputs) -> KpiHistoryTable.compute(context)),
            table(RecentMovesTable.NAME, List.of(KpiHistoryTable.NAME, RiskTables.EXPOSURE), RecentMovesTable::compute),
            table(BusinessUnitKpisTable.NAME, List.of(), (context, inputs) -> BusinessUnitKpisTable.compute(context)),
            table(ExecutiveSummaryTable.NAME, List.of(ScorecardTable.NAME, AlignmentTable.NAME, BudgetTables.VARIANCE,
                    ProjectHealthTable.NAME, RiskTables.EXPOSURE, RiskTables.SIMULATION, ServiceTable.NAME),
                    ExecutiveSummaryTable::compute),
            table(HeadlineChangesTable.NAME, List.of(ExecutiveSummaryTable.NAME), HeadlineChangesTable::compute),
            table(ReviewSummaryTable.NAME, List.of(ChangesTable.NAME, SwotTable.NAME, BusinessCaseTable.NAME,
                    RecentMovesTable.NAME),
                    ReviewSummaryTable::compute),
            table(CommentaryStatusTable.NAME, List.of(KpiTables.STATUS, ProjectHealthTable.NAME, RiskTables.EXPOSURE,
                    BudgetTables.VARIANCE, ServiceTable.NAME),
                    CommentaryStatusTable::compute),
            table(BriefingTable.NAME, List.of(ExecutiveSummaryTable.NAME, ScorecardTable.NAME,
                    CommentaryStatusTable.NAME, ProjectHealthTable.NAME), BriefingTable::compute),
            table(FindingsTable.NAME, List.of(AlignmentTable.NAME, KpiTables.STATUS, KpiTables.TREND, KpiTables.SMART,
                    ProjectHealthTable.NAME, BudgetTables.VARIANCE, PriorityTable.NAME, RiskTables.EXPOSURE,
                    ServiceTable.NAME, CommentaryStatusTable.NAME), (context, inputs) -> Optional.of(FindingsTable.compute(context, inputs))));

    private MetricCatalogue() {
    }

    /** Every unit, in the order a run reports their tables. */
    static List<MetricUnit> units() {
        return UNITS;
    }

    /**
     * The unit named so (a one-table unit is named after its table).
     *
     * @throws IllegalArgumentException when there is none
     */
    static MetricUnit unit(String name) {
        return UNITS.stream().filter(unit -> unit.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metric unit named " + name));
    }
}
