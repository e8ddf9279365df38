package io.northstar.contract;

import static io.northstar.contract.ColumnType.BOOL;
import static io.northstar.contract.ColumnType.DATE;
import static io.northstar.contract.ColumnType.EMAIL;
import static io.northstar.contract.ColumnType.ENUM;
import static io.northstar.contract.ColumnType.ID;
import static io.northstar.contract.ColumnType.INT;
import static io.northstar.contract.ColumnType.MONEY;
import static io.northstar.contract.ColumnType.NUM;
import static io.northstar.contract.ColumnType.PERIOD;
import static io.northstar.contract.ColumnType.TEXT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The input datasets of SPEC.md §1 and the planning datasets of §4, in an order where every
 * dataset comes after the datasets it references, so ingestion can check references in one pass
 * over this list. The planning datasets come last so that adding them left the sample generator's
 * per-dataset random streams, and so the older sample files, unchanged.
 */
public final class Datasets {

    public static final String OBJECTIVES = "objectives";
    public static final String KPIS = "kpis";
    public static final String KPI_OBSERVATIONS = "kpi_observations";
    public static final String PROJECTS = "projects";
    public static final String PROJECT_OBJECTIVES = "project_objectives";
    public static final String PROJECT_STATUS = "project_status";
    public static final String BUDGET_LINES = "budget_lines";
    public static final String SERVICES = "services";
    public static final String SERVICE_DEPENDENCIES = "service_dependencies";
    public static final String SERVICE_LEVELS = "service_levels";
    public static final String RISKS = "risks";
    public static final String BUSINESS_CASES = "business_cases";
    public static final String ASSETS = "assets";
    public static final String SWOT = "swot";
    public static final String COMMENTARY = "commentary";
    public static final String RECIPIENTS = "recipients";

    /** The audience of the executive packs (SPEC.md §6); any other audience names a business unit. */
    public static final String BOARD_AUDIENCE = "board";
    /**
     * Where a recipients row's audience, when not {@link #BOARD_AUDIENCE}, must appear: a business
     * unit named by a kept projects or budget_lines row, as commentary's business_unit entities.
     */
    public static final List<TypedReference.Target> AUDIENCE_TARGETS = List.of(
            new TypedReference.Target(PROJECTS, "business_unit"), new TypedReference.Target(BUDGET_LINES, "business_unit"));

    /**
     * What a commentary row's entity_id names, by its entity_type (SPEC.md §4.5): a kept row of
     * the type's dataset, a business unit named by a kept projects or budget_lines row, and
     * nothing for a portfolio comment, whose entity_id is blank.
     */
    public static final TypedReference COMMENTARY_ENTITY = new TypedReference("entity_type", "entity_id",
            orderedTargets(), Set.of("portfolio"));

    /**
     * The level an objective's parent must have, by the objective's own level; a level absent
     * here (corporate_aim) must have no parent at all (bad_parent_level).
     */
    public static final Map<String, String> PARENT_LEVEL = Map.of("it_aim", "corporate_aim", "objective", "it_aim");

    /** A KPI's bounds (SPEC.md §1.2), blank when unbounded; a kpi_observations value must lie in them. */
    public static final String KPI_LOWER_BOUND = "lower_bound";
    public static final String KPI_UPPER_BOUND = "upper_bound";
    /** The unit whose KPIs are bounded by [0, 100] unless they say otherwise. */
    public static final String PERCENT_UNIT = "%";

    private static final Range ONE_TO_FIVE = Range.between(1, 5);
    private static final Range NON_NEGATIVE = Range.atLeast(0);
    private static final Range PERCENT = Range.between(0, 100);

    private static final Map<String, DatasetContract> ALL = new LinkedHashMap<>();

    static {
        register(dataset(OBJECTIVES, List.of("objective_id"), List.of(),
                id("objective_id").required(),
                text("name").required(),
                enumeration("level", "corporate_aim", "it_aim", "objective").required(),
                id("parent_id").references(OBJECTIVES),
                num("weight").range(Range.above(0)).defaultsTo(1.0),
                text("owner"),
                text("description")));
        register(dataset(KPIS, List.of("kpi_id"),
                // inverted bounds first: against them "target is above upper_bound" would mislead
                List.of(new RowRule.Below(KPI_LOWER_BOUND, KPI_UPPER_BOUND),
                        new RowRule.WithinBounds(List.of("baseline", "target"), KPI_LOWER_BOUND, KPI_UPPER_BOUND)),
                id("kpi_id").required(),
                text("name").required(),
                id("objective_id").references(OBJECTIVES),
                text("unit"),
                enumeration("direction", "higher_is_better", "lower_is_better").required(),
                enumeration("frequency", "monthly", "quarterly").defaultsTo("monthly"),
                num("baseline"),
                date("baseline_date"),
                num("target"),
                date("target_date"),
                num("tolerance").range(NON_NEGATIVE).defaultsTo(0.10),
                text("owner"),
                // a percentage lives in [0, 100] unless the source says otherwise (SPEC.md §1.2);
                // "%" exactly, after trimming: "% of staff" or "pp" may well go below 0 or above 100
                num(KPI_LOWER_BOUND).defaultsTo(0.0, "unit", PERCENT_UNIT),
                num(KPI_UPPER_BOUND).defaultsTo(100.0, "unit", PERCENT_UNIT)));
        register(dataset(KPI_OBSERVATIONS, List.of("kpi_id", "period_end"), List.of(),
                id("kpi_id").required().references(KPIS),
                date("period_end").required(),
                num("value").required()));
        register(dataset(PROJECTS, List.of("project_id"),
                List.of(new RowRule.NotBefore("planned_end_date", "start_date")),
                id("project_id").required(),
                text("name").required(),
                id("parent_id").references(PROJECTS),
                text("business_unit").required(),
                enumeration("category", "run", "grow", "transform").required(),
                enumeration("status", "proposed", "approved", "active", "on_hold", "completed", "cancelled").required(),
                date("start_date"),
                date("planned_end_date"),
                money("budget").required().range(NON_NEGATIVE),
                integer("strategic_value").range(ONE_TO_FIVE),
                integer("urgency").range(ONE_TO_FIVE),
                integer("effort").range(ONE_TO_FIVE),
                text("sponsor"),
                text("manager")));
        register(dataset(PROJECT_OBJECTIVES, List.of("project_id", "objective_id"), List.of(),
                id("project_id").required().references(PROJECTS),
                id("objective_id").required().references(OBJECTIVES),
                num("contribution").required().range(Range.aboveUpTo(0, 1))));
        register(dataset(PROJECT_STATUS, List.of("project_id", "status_date"), List.of(),
                id("project_id").required().references(PROJECTS),
                date("status_date").required(),
                money("planned_value").required().range(NON_NEGATIVE),
                money("earned_value").required().range(NON_NEGATIVE),
                money("actual_cost").required().range(NON_NEGATIVE),
                num("percent_complete").range(PERCENT),
                date("forecast_end_date")));
        register(dataset(BUDGET_LINES, List.of(), List.of(),
                period("period").required(),
                text("business_unit").required(),
                text("cost_center"),
                id("project_id").references(PROJECTS),
                enumeration("category", "capex", "opex").required(),
                text("tower"),
                text("vendor"),
                money("plan").required(),
                money("actual").required(),
                money("forecast")));
        register(dataset(SERVICES, List.of("service_id"), List.of(),
                id("service_id").required(),
                text("name").required(),
                id("objective_id").references(OBJECTIVES),
                text("owner"),
                integer("tier").range(Range.between(1, 3)),
                num("availability_target").required().range(PERCENT),
                money("annual_cost")));
        register(dataset(SERVICE_DEPENDENCIES, List.of("service_id", "depends_on"),
                List.of(new RowRule.Distinct("service_id", "depends_on")),
                id("service_id").required().references(SERVICES),
                id("depends_on").required().references(SERVICES)));
        register(dataset(SERVICE_LEVELS, List.of("service_id", "period_end"), List.of(),
                id("service_id").required().references(SERVICES),
                date("period_end").required(),
                num("availability").required().range(PERCENT),
                integer("incidents").range(NON_NEGATIVE),
                integer("major_incidents").range(NON_NEGATIVE),
                num("mttr_hours").range(NON_NEGATIVE)));
        register(dataset(RISKS, List.of("risk_id"),
                List.of(new RowRule.NonDecreasing(List.of("cost_low", "cost_most_likely", "cost_high"))),
                id("risk_id").required(),
                text("title").required(),
                id("project_id").references(PROJECTS),
                id("objective_id").references(OBJECTIVES),
                id("service_id").references(SERVICES),
                enumeration("category", "security", "compliance", "delivery", "financial", "operational", "vendor",
                        "people").required(),
                integer("likelihood").required().range(ONE_TO_FIVE),
                integer("impact").required().range(ONE_TO_FIVE),
                num("probability").range(Range.between(0, 1)),
                money("cost_low"),
                money("cost_most_likely"),
                money("cost_high"),
                enumeration("status", "open", "mitigating", "accepted", "closed").required(),
                text("owner"),
                date("identified_date"),
                date("mitigation_due"),
                integer("residual_likelihood").range(ONE_TO_FIVE),
                integer("residual_impact").range(ONE_TO_FIVE)));
        register(dataset(BUSINESS_CASES, List.of("case_id"), List.of(),
                id("case_id").required(),
                text("title").required(),
                id("project_id").references(PROJECTS),
                id("objective_id").references(OBJECTIVES),
                money("capex").required().range(NON_NEGATIVE),
                money("annual_opex").required().range(NON_NEGATIVE),
                money("annual_benefit").required(),
                integer("years").required().range(Range.between(1, 15)),
                // No static default: an absent rate takes the job's finance.discountRate when the
                // metrics run, so the conformed row keeps what the source said.
                num("discount_rate").range(Range.between(0, 1)),
                integer("start_year")));
        register(dataset(ASSETS, List.of("asset_id"), List.of(),
                id("asset_id").required(),
                text("asset_class").required(),
                id("service_id").references(SERVICES),
                date("acquired_date").required(),
                num("lifecycle_years").required().range(Range.above(0)),
                money("replacement_cost").required().range(NON_NEGATIVE),
                text("business_unit")));
        register(dataset(SWOT, List.of(), List.of(),
                enumeration("type", "strength", "weakness", "opportunity", "threat").required(),
                text("statement").required(),
                id("objective_id").references(OBJECTIVES),
                text("source")));
        // after every dataset an entity_id may name (TypedReference), and last, so that adding it
        // left the generator's other random streams and files unchanged
        register(dataset(COMMENTARY, List.of("entity_type", "entity_id", "period_end"),
                List.of(new RowRule.TypedId(COMMENTARY_ENTITY, true), new RowRule.TypedId(COMMENTARY_ENTITY, false)),
                COMMENTARY_ENTITY,
                enumeration("entity_type", "kpi", "project", "risk", "objective", "service", "business_unit",
                        "portfolio").required(),
                text("entity_id"),
                date("period_end").required(),
                text("comment").required(),
                text("author"),
                text("action"),
                text("action_owner"),
                date("action_due"),
                bool("decision_needed").defaultsTo(false)));
        // last, so that adding it left every other file of the generator unchanged
        register(dataset(RECIPIENTS, List.of("audience", "email"), List.of(),
                text("audience").required(),
                email("email").required(),
                text("name"),
                bool("active").defaultsTo(true)));
    }

    private static Map<String, List<TypedReference.Target>> orderedTargets() {
        Map<String, List<TypedReference.Target>> targets = new LinkedHashMap<>();
        targets.put("kpi", List.of(new TypedReference.Target(KPIS, "kpi_id")));
        targets.put("project", List.of(new TypedReference.Target(PROJECTS, "project_id")));
        targets.put("risk", List.of(new TypedReference.Target(RISKS, "risk_id")));
        targets.put("objective", List.of(new TypedReference.Target(OBJECTIVES, "objective_id")));
        targets.put("service", List.of(new TypedReference.Target(SERVICES, "service_id")));
        targets.put("business_unit", List.of(new TypedReference.Target(PROJECTS, "business_unit"),
                new TypedReference.Target(BUDGET_LINES, "business_unit")));
        return targets;
    }

    private Datasets() {
    }

    /** Every dataset, each after the ones it references. */
    public static List<DatasetContract> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<DatasetContract> byName(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static DatasetContract require(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("no dataset named " + name));
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    private static void register(DatasetContract contract) {
        for (Column foreignKey : contract.foreignKeys()) {
            String target = foreignKey.references();
            if (!target.equals(contract.name()) && !ALL.containsKey(target)) {
                throw new IllegalStateException(contract.name() + " must come after " + target);
            }
        }
        if (contract.typedReference() != null) {
            for (String target : contract.typedReference().datasets()) {
                if (!ALL.containsKey(target)) {
                    throw new IllegalStateException(contract.name() + " must come after " + target);
                }
            }
        }
        ALL.put(contract.name(), contract);
    }

    private static DatasetContract dataset(String name, List<String> key, List<RowRule> rules, Column.Builder... columns) {
        return dataset(name, key, rules, null, columns);
    }

    private static DatasetContract dataset(String name, List<String> key, List<RowRule> rules,
            TypedReference typedReference, Column.Builder... columns) {
        return new DatasetContract(name, java.util.Arrays.stream(columns).map(Column.Builder::build).toList(), key, rules,
                typedReference);
    }

    private static Column.Builder id(String name) {
        return Column.builder(name, ID);
    }

    private static Column.Builder text(String name) {
        return Column.builder(name, TEXT);
    }

    private static Column.Builder enumeration(String name, String... values) {
        return Column.builder(name, ENUM).values(values);
    }

    private static Column.Builder num(String name) {
        return Column.builder(name, NUM);
    }

    private static Column.Builder integer(String name) {
        return Column.builder(name, INT);
    }

    private static Column.Builder money(String name) {
        return Column.builder(name, MONEY);
    }

    private static Column.Builder date(String name) {
        return Column.builder(name, DATE);
    }

    private static Column.Builder bool(String name) {
        return Column.builder(name, BOOL);
    }

    private static Column.Builder email(String name) {
        return Column.builder(name, EMAIL);
    }

    private static Column.Builder period(String name) {
        return Column.builder(name, PERIOD);
    }
}
