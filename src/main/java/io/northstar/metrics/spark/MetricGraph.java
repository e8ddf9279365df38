package io.northstar.metrics.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metric units with what each waits for: the units producing the tables it reads. Built
 * only from declarations that hold together, so a table cannot be lost: a unit reading a table
 * no unit produces, a table produced by two units, two units of one name, or units reading each
 * other in a cycle fail here, before any Spark work, with a message naming the tables.
 */
final class MetricGraph {
    private final List<MetricUnit> units;
    private final List<MetricUnit> inDependencyOrder;
    private final Map<String, Set<String>> dependsOn;

    private MetricGraph(List<MetricUnit> units, List<MetricUnit> inDependencyOrder,
            Map<String, Set<String>> dependsOn) {
        this.units = units;
        this.inDependencyOrder = inDependencyOrder;
        this.dependsOn = dependsOn;
    }

    /**
     * @throws IllegalArgumentException naming the table (or unit) when the declarations do not
     *     hold together
     */
    static MetricGraph of(List<MetricUnit> units) {
        List<MetricUnit> all = List.copyOf(units);
        Map<String, MetricUnit> byName = new LinkedHashMap<>();
        Map<String, MetricUnit> producerOf = new LinkedHashMap<>();
        for (MetricUnit unit : all) {
            if (byName.putIfAbsent(unit.name(), unit) != null) {
                throw new IllegalArgumentException("metric unit " + unit.name() + " is declared twice");
            }
            for (String table : unit.produces()) {
                MetricUnit earlier = producerOf.putIfAbsent(table, unit);
                if (earlier != null) {
                    throw new IllegalArgumentException("metric table " + table + " is produced twice: by unit "
                            + earlier.name() + " and by unit " + unit.name());
                }
            }
        }
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        for (MetricUnit unit : all) {
            Set<String> producers = new LinkedHashSet<>();
            for (String table : unit.reads()) {
                MetricUnit producer = producerOf.get(table);
                if (producer == null) {
                    throw new IllegalArgumentException("metric unit " + unit.name() + " reads " + table
                            + ", which no metric unit produces");
                }
                producers.add(producer.name());
            }
            dependsOn.put(unit.name(), Collections.unmodifiableSet(producers));
        }
        requireNoCycle(all, producerOf);
        return new MetricGraph(all, inDependencyOrder(all, dependsOn), Collections.unmodifiableMap(dependsOn));
    }

    /** The units as declared. */
    List<MetricUnit> units() {
        return units;
    }

    /** The units, each after those it depends on, otherwise as declared. */
    List<MetricUnit> inDependencyOrder() {
        return inDependencyOrder;
    }

    /** The names of the units producing the tables the unit reads. */
    Set<String> dependenciesOf(MetricUnit unit) {
        Set<String> dependencies = dependsOn.get(unit.name());
        if (dependencies == null) {
            throw new IllegalArgumentException("metric unit " + unit.name() + " is not in the graph");
        }
        return dependencies;
    }

    /** Every table the units produce, in the order declared. */
    List<String> tables() {
        return units.stream().flatMap(unit -> unit.produces().stream()).toList();
    }

    private static List<MetricUnit> inDependencyOrder(List<MetricUnit> units, Map<String, Set<String>> dependsOn) {
        List<MetricUnit> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (order.size() < units.size()) {
            for (MetricUnit unit : units) {
                if (!placed.contains(unit.name()) && placed.containsAll(dependsOn.get(unit.name()))) {
                    order.add(unit);
                    placed.add(unit.name());
                    break;
                }
            }
        }
        return List.copyOf(order);
    }

    /** Depth first from each unit in the order declared; the first cycle found is named table by table. */
    private static void requireNoCycle(List<MetricUnit> units, Map<String, MetricUnit> producerOf) {
        Set<String> done = new HashSet<>();
        for (MetricUnit unit : units) {
            visit(unit, new ArrayList<>(), new ArrayList<>(), done, producerOf);
        }
    }

    /**
     * @param path the names of the units being visited, outermost first
     * @param via the table through which each unit of the path reaches the next
     */
    private static void visit(MetricUnit unit, List<String> path, List<String> via, Set<String> done,
            Map<String, MetricUnit> producerOf) {
        if (done.contains(unit.name())) {
            return;
        }
        int start = path.indexOf(unit.name());
        if (start >= 0) {
            throw new IllegalArgumentException("metric tables read each other in a cycle: "
                    + describeCycle(path.subList(start, path.size()), via.subList(start, via.size()), producerOf));
        }
        path.add(unit.name());
        for (String table : unit.reads()) {
            via.add(table);
            visit(producerOf.get(table), path, via, done, producerOf);
            via.remove(via.size() - 1);
        }
        path.remove(path.size() - 1);
        done.add(unit.name());
    }

    /** "swot reads changes, changes reads swot"; a table is followed by its unit where their names differ. */
    private static String describeCycle(List<String> cycle, List<String> via, Map<String, MetricUnit> producerOf) {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) {
            String table = via.get(i);
            String producer = producerOf.get(table).name();
            steps.add(cycle.get(i) + " reads " + table + (producer.equals(table) ? "" : " (unit " + producer + ")"));
        }
        return String.join(", ", steps);
    }
}
