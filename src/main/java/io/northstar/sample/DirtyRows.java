package io.northstar.sample;

import io.northstar.contract.Column;
import io.northstar.contract.ColumnType;
import io.northstar.contract.DatasetContract;
import io.northstar.contract.Datasets;
import io.northstar.contract.QuarantineReason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes one contract-breaking row of a given reason from the last clean row of a dataset,
 * so that every reason of SPEC.md §1.1 can be injected and its effect predicted exactly. Dirty
 * rows get fresh keys where they would otherwise collide with a clean row, and nothing clean
 * ever references them, so they never cascade.
 */
final class DirtyRows {
    /** Stands for an identical copy; not a quarantine reason but a count of the manifest. */
    static final String DEDUPLICATED = "deduplicated";
    /**
     * The out_of_range kinds of the KPI bounds (SPEC.md §1.2), each made its own way and
     * counted as out_of_range: "reason:kind".
     */
    static final String BOUNDS_INVERTED = "out_of_range:bounds_inverted";
    static final String TARGET_OUTSIDE_BOUNDS = "out_of_range:target_outside_bounds";
    static final String VALUE_OUTSIDE_BOUNDS = "out_of_range:value_outside_bounds";
    /**
     * The commentary kinds of its typed reference (SPEC.md §4.5): an entity_id naming no KPI,
     * a KPI comment with a blank entity_id and a portfolio comment with one.
     */
    static final String ENTITY_DANGLING = "dangling_reference:entity_id";
    static final String ENTITY_ID_BLANK = "missing_required:entity_id_blank";
    static final String PORTFOLIO_WITH_ID = "bad_type:portfolio_with_id";
    static final String AUDIENCE_DANGLING = "dangling_reference:audience";
    /**
     * Below every generated KPI's lower bound (the lowest is a net promoter score's -100,
     * Story.Kpi#writtenBounds), so the observation is out of its KPI's bounds whichever KPI it is.
     */
    private static final String BELOW_EVERY_BOUND = "-1000000";
    /** Dirty observations get period ends from here on, one day each, never a clean row's key. */
    private static final java.time.LocalDate DIRTY_PERIODS = java.time.LocalDate.of(1990, 1, 1);

    /** The types whose parser can refuse "n/a", the first of which a bad_type row spoils. */
    private static final ColumnType[] TYPED = {ColumnType.DATE, ColumnType.NUM, ColumnType.MONEY, ColumnType.INT,
        ColumnType.PERIOD, ColumnType.EMAIL};

    private final DatasetContract contract;
    private final List<String> reasons;
    private final String corporateAimId;
    private final Deque<String> unlinkedProjects = new ArrayDeque<>();
    private List<String> objectiveIds = List.of();
    private int counter;

    /** @param corporateAimId a parent of the wrong level for bad_parent_level (objectives) */
    DirtyRows(DatasetContract contract, String corporateAimId) {
        this.contract = contract;
        this.corporateAimId = corporateAimId;
        this.reasons = applicableReasons(contract);
    }

    /**
     * Projects with no project_objectives rows, each usable once for contribution_over_100pct,
     * and valid objectives to point those rows at.
     */
    void offerUnlinkedProjects(List<String> projects, List<String> objectives) {
        unlinkedProjects.addAll(projects);
        objectiveIds = List.copyOf(objectives);
    }

    /** The reasons this dataset can show, the ones only it can show first. */
    static List<String> applicableReasons(DatasetContract contract) {
        List<String> reasons = new ArrayList<>();
        switch (contract.name()) {
            case Datasets.OBJECTIVES -> reasons.add(QuarantineReason.BAD_PARENT_LEVEL.code());
            case Datasets.PROJECT_OBJECTIVES -> reasons.add(QuarantineReason.CONTRIBUTION_OVER_100PCT.code());
            case Datasets.SERVICE_DEPENDENCIES -> reasons.add(QuarantineReason.SELF_DEPENDENCY.code());
            case Datasets.KPIS -> reasons.addAll(List.of(BOUNDS_INVERTED, TARGET_OUTSIDE_BOUNDS));
            case Datasets.KPI_OBSERVATIONS -> reasons.add(VALUE_OUTSIDE_BOUNDS);
            case Datasets.COMMENTARY -> reasons.addAll(List.of(ENTITY_DANGLING, ENTITY_ID_BLANK, PORTFOLIO_WITH_ID));
            case Datasets.RECIPIENTS -> reasons.add(AUDIENCE_DANGLING);
            default -> {
                // generic reasons only
            }
        }
        reasons.add(QuarantineReason.MALFORMED_ROW.code());
        reasons.add(QuarantineReason.MISSING_REQUIRED.code());
        if (firstColumn(contract, TYPED).isPresent()) {
            reasons.add(QuarantineReason.BAD_TYPE.code());
        }
        if (firstColumn(contract, ColumnType.ENUM).isPresent()) {
            reasons.add(QuarantineReason.BAD_ENUM.code());
        }
        if (contract.columns().stream().anyMatch(c -> c.range() != null)) {
            reasons.add(QuarantineReason.OUT_OF_RANGE.code());
        }
        if (!contract.foreignKeys().isEmpty()) {
            reasons.add(QuarantineReason.DANGLING_REFERENCE.code());
        }
        if (!contract.key().isEmpty()) {
            if (isLeaf(contract) && contract.key().size() < contract.columns().size()) {
                reasons.add(QuarantineReason.CONFLICTING_DUPLICATE.code());
            }
            reasons.add(DEDUPLICATED);
        }
        return List.copyOf(reasons);
    }

    List<String> reasons() {
        return reasons;
    }

    /** A dirty row of the given kind built from the last clean row, or empty when it cannot be made. */
    Optional<Injection> make(String reason, String[] template) {
        counter++;
        if (reason.equals(DEDUPLICATED)) {
            return Optional.of(new Injection(List.of(line(template)), Map.of(), 1));
        }
        Optional<Injection> bounds = outOfBounds(reason, template);
        if (bounds.isPresent()) {
            return bounds;
        }
        Optional<Injection> entity = entityReference(reason, template);
        if (entity.isPresent()) {
            return entity;
        }
        if (reason.equals(AUDIENCE_DANGLING)) {
            // a unit no project or budget line names, with a fresh address so the key is new
            String[] row = with(template, contract.indexOf("audience"), "Ghost unit " + counter);
            row[contract.indexOf("email")] = "ghost" + counter + "@example.com";
            return Optional.of(quarantined(QuarantineReason.DANGLING_REFERENCE.code(), line(row)));
        }
        QuarantineReason code = QuarantineReason.valueOf(reason.toUpperCase(java.util.Locale.ROOT));
        return switch (code) {
            case MALFORMED_ROW -> {
                String[] row = template.clone();
                row[0] = "";
                yield Optional.of(quarantined(reason, "BAD\"QUOTE" + line(row)));
            }
            case MISSING_REQUIRED -> {
                int required = firstRequired();
                yield Optional.of(quarantined(reason, line(with(template, required, ""))));
            }
            case BAD_TYPE -> Optional.of(quarantined(reason, line(with(template, index(firstColumn(contract, TYPED)),
                    "n/a"))));
            case BAD_ENUM -> Optional.of(quarantined(reason,
                    line(with(template, index(firstColumn(contract, ColumnType.ENUM)), "unknown"))));
            case OUT_OF_RANGE -> {
                Column ranged = contract.columns().stream().filter(c -> c.range() != null).findFirst().orElseThrow();
                double bad = ranged.range().min() != null ? ranged.range().min() - 1 : ranged.range().max() + 1;
                yield Optional.of(quarantined(reason, line(with(template, contract.indexOf(ranged.name()),
                        Fmt.num(bad, 0)))));
            }
            case DANGLING_REFERENCE -> {
                String[] row = freshKey(template);
                Column foreignKey = contract.foreignKeys().get(0);
                row[contract.indexOf(foreignKey.name())] = "GHOST-" + counter;
                yield Optional.of(quarantined(reason, line(row)));
            }
            case CONFLICTING_DUPLICATE -> {
                int changed = firstNonKey();
                String[] row = with(template, changed, differentValue(contract.columns().get(changed), template[changed]));
                yield Optional.of(new Injection(List.of(line(row)), Map.of(reason, 2), 0));
            }
            case BAD_PARENT_LEVEL -> {
                String[] row = freshKey(template);
                row[contract.indexOf("level")] = "objective";
                row[contract.indexOf("parent_id")] = corporateAimId;
                yield Optional.of(quarantined(reason, line(row)));
            }
            case CONTRIBUTION_OVER_100PCT -> {
                if (unlinkedProjects.isEmpty() || objectiveIds.size() < 2) {
                    yield Optional.empty();
                }
                String project = unlinkedProjects.removeFirst();
                yield Optional.of(new Injection(List.of(
                        line(new String[] {project, objectiveIds.get(0), "0.7"}),
                        line(new String[] {project, objectiveIds.get(1), "0.6"})), Map.of(reason, 2), 0));
            }
            case SELF_DEPENDENCY -> {
                String[] row = template.clone();
                row[1] = row[0];
                yield Optional.of(quarantined(reason, line(row)));
            }
        };
    }

    /** The KPI-bounds kinds of out_of_range, or empty for any other reason. */
    private Optional<Injection> outOfBounds(String kind, String[] template) {
        String reason = QuarantineReason.OUT_OF_RANGE.code();
        return switch (kind) {
            case BOUNDS_INVERTED -> {
                String[] row = with(template, contract.indexOf(Datasets.KPI_LOWER_BOUND), "10");
                row[contract.indexOf(Datasets.KPI_UPPER_BOUND)] = "0";
                yield Optional.of(quarantined(reason, line(row)));
            }
            case TARGET_OUTSIDE_BOUNDS -> {
                // the case: a % KPI whose target is above the 100 its unit implies
                String[] row = with(template, contract.indexOf("unit"), Datasets.PERCENT_UNIT);
                row[contract.indexOf(Datasets.KPI_LOWER_BOUND)] = "";
                row[contract.indexOf(Datasets.KPI_UPPER_BOUND)] = "";
                row[contract.indexOf("baseline")] = "50";
                row[contract.indexOf("target")] = "104";
                yield Optional.of(quarantined(reason, line(row)));
            }
            case VALUE_OUTSIDE_BOUNDS -> {
                // a fresh period end: the same key as a clean row would be a conflicting duplicate
                String[] row = with(template, contract.indexOf("period_end"), DIRTY_PERIODS.plusDays(counter).toString());
                row[contract.indexOf("value")] = BELOW_EVERY_BOUND;
                yield Optional.of(quarantined(reason, line(row)));
            }
            default -> Optional.empty();
        };
    }

    /**
     * The commentary kinds, or empty for any other. Each sets entity_type itself, so the row
     * breaks the rule it is meant to whatever the template's type; the period_end of a
     * dangling row is fresh, so it never shares a clean row's key.
     */
    private Optional<Injection> entityReference(String kind, String[] template) {
        if (contract.typedReference() == null) {
            return Optional.empty();
        }
        int type = contract.indexOf(contract.typedReference().typeColumn());
        int id = contract.indexOf(contract.typedReference().idColumn());
        return switch (kind) {
            case ENTITY_DANGLING -> {
                String[] row = with(template, type, "kpi");
                row[id] = "GHOST-" + counter;
                row[contract.indexOf("period_end")] = DIRTY_PERIODS.plusDays(counter).toString();
                yield Optional.of(quarantined(QuarantineReason.DANGLING_REFERENCE.code(), line(row)));
            }
            case ENTITY_ID_BLANK -> {
                String[] row = with(template, type, "kpi");
                row[id] = "";
                yield Optional.of(quarantined(QuarantineReason.MISSING_REQUIRED.code(), line(row)));
            }
            case PORTFOLIO_WITH_ID -> {
                String[] row = with(template, type, "portfolio");
                row[id] = "K-01";
                yield Optional.of(quarantined(QuarantineReason.BAD_TYPE.code(), line(row)));
            }
            default -> Optional.empty();
        };
    }

    private static Injection quarantined(String reason, String line) {
        return new Injection(List.of(line), Map.of(reason, 1), 0);
    }

    private String[] freshKey(String[] template) {
        String[] row = template.clone();
        String keyColumn = contract.key().isEmpty() ? null : contract.key().get(0);
        if (keyColumn != null && contract.key().size() == 1) {
            row[contract.indexOf(keyColumn)] = "DIRTY-" + contract.name().toUpperCase(java.util.Locale.ROOT) + "-" + counter;
        }
        return row;
    }

    private int firstRequired() {
        for (int i = 0; i < contract.columns().size(); i++) {
            if (contract.columns().get(i).required()) {
                return i;
            }
        }
        throw new IllegalStateException(contract.name() + " has no required column");
    }

    private int firstNonKey() {
        for (int i = 0; i < contract.columns().size(); i++) {
            Column column = contract.columns().get(i);
            if (!contract.key().contains(column.name()) && column.references() == null) {
                return i;
            }
        }
        throw new IllegalStateException(contract.name() + " has no value column");
    }

    private static String differentValue(Column column, String value) {
        return switch (column.type()) {
            case NUM, MONEY -> "0.5".equals(value) || "0.50".equals(value) ? "0.25" : "0.5";
            case INT -> "1".equals(value) ? "2" : "1";
            case DATE -> "2001-01-01".equals(value) ? "2001-01-02" : "2001-01-01";
            default -> value + " (copy)";
        };
    }

    private int index(Optional<Column> column) {
        return contract.indexOf(column.orElseThrow().name());
    }

    private static Optional<Column> firstColumn(DatasetContract contract, ColumnType... types) {
        List<ColumnType> wanted = List.of(types);
        return contract.columns().stream().filter(c -> wanted.contains(c.type())).findFirst();
    }

    private static boolean isLeaf(DatasetContract contract) {
        for (DatasetContract other : Datasets.all()) {
            for (Column foreignKey : other.foreignKeys()) {
                if (foreignKey.references().equals(contract.name())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String[] with(String[] template, int index, String value) {
        String[] row = template.clone();
        row[index] = value;
        return row;
    }

    private static String line(String[] fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(CsvOut.quote(fields[i] == null ? "" : fields[i]));
        }
        return line.toString();
    }
}
