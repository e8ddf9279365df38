package io.northstar.contract;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A polymorphic reference: which dataset the id column names depends on the row's type column
 * (commentary's entity_type and entity_id, SPEC.md §4.5). A type maps to the columns of other
 * datasets whose values it may name: one key column (kpi → kpis.kpi_id), or several, any of
 * which will do (business_unit → projects.business_unit or budget_lines.business_unit). A type
 * in {@code withoutId} names no row at all (portfolio): its id must be blank, while every other
 * type needs one.
 *
 * <p>Like an ordinary foreign key, a type is only checked when the job has at least one of its
 * datasets: the targets of the datasets the job lacks are left out.
 *
 * @param targets per type, the columns an id of that type may name
 * @param withoutId the types that take no id
 */
public record TypedReference(String typeColumn, String idColumn, Map<String, List<Target>> targets,
        Set<String> withoutId) {

    /** A column of a dataset whose values an id may name. */
    public record Target(String dataset, String column) {
        public Target {
            requireNonNull(dataset, "dataset is null");
            requireNonNull(column, "column is null");
        }
    }

    public TypedReference {
        requireNonNull(typeColumn, "typeColumn is null");
        requireNonNull(idColumn, "idColumn is null");
        Map<String, List<Target>> copy = new LinkedHashMap<>();
        targets.forEach((type, list) -> copy.put(type, List.copyOf(list)));
        targets = java.util.Collections.unmodifiableMap(copy);
        withoutId = Set.copyOf(withoutId);
        for (String type : withoutId) {
            if (targets.containsKey(type)) {
                throw new IllegalArgumentException("type " + type + " takes no id, so it has no target");
            }
        }
    }

    /** Every dataset some type may name, in declaration order. */
    public Set<String> datasets() {
        Set<String> datasets = new LinkedHashSet<>();
        targets.values().forEach(list -> list.forEach(target -> datasets.add(target.dataset())));
        return datasets;
    }

    /**
     * The targets of a type among the datasets a job has, or empty when the job has none of them
     * (then ids of that type are not checked).
     */
    public Optional<List<Target>> targetsIn(String type, Set<String> datasetsPresent) {
        List<Target> present = targets.getOrDefault(type, List.of()).stream()
                .filter(target -> datasetsPresent.contains(target.dataset())).toList();
        return present.isEmpty() ? Optional.empty() : Optional.of(present);
    }

    /** Whether a row of this type must have a blank id. */
    public boolean takesNoId(String type) {
        return withoutId.contains(type);
    }
}
