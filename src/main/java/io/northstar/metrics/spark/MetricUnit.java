package io.northstar.metrics.spark;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One unit of the metric graph, declared in {@link MetricCatalogue}: the metric tables it
 * produces, the metric tables it reads, and how it computes them. The stage runs a unit once
 * the units producing what it reads are done, and hands it those tables only (in
 * {@link MetricInputs}), so a unit cannot read a table it did not declare. The snapshot's
 * datasets come from the {@link MetricsContext}. Most units produce one table and are named
 * after it; a unit producing several computes them in one pass.
 *
 * @param name names the unit's task and labels its Spark jobs ({@code metrics <name>})
 * @param produces the tables it may write, in the order a run reports them
 * @param reads the metric tables it reads
 */
record MetricUnit(String name, List<String> produces, List<String> reads, Computation computation) {

    /** How a unit computes its tables. */
    @FunctionalInterface
    interface Computation {
        /**
         * Computes the unit's tables and writes each to {@code out}. A table it does not write
         * is skipped (the job lacks its datasets), never zero-filled.
         */
        void compute(MetricsContext context, MetricInputs inputs, MetricOutputs out);
    }

    /** How a one-table unit computes its table: empty when the job lacks its datasets. */
    @FunctionalInterface
    interface TableComputation {
        Optional<Dataset<Row>> compute(MetricsContext context, MetricInputs inputs);
    }

    MetricUnit {
        requireNonNull(name, "name is null");
        produces = List.copyOf(produces);
        reads = List.copyOf(reads);
        requireNonNull(computation, "computation is null");
        if (produces.isEmpty()) {
            throw new IllegalArgumentException("metric unit " + name + " produces no table");
        }
        requireDistinct(name, "produces", produces);
        requireDistinct(name, "reads", reads);
    }

    /** A unit of one table, named after it. */
    static MetricUnit table(String table, List<String> reads, TableComputation computation) {
        requireNonNull(computation, "computation is null");
        return new MetricUnit(table, List.of(table), reads,
                (context, inputs, out) -> computation.compute(context, inputs).ifPresent(rows -> out.write(table, rows)));
    }

    /** A unit of several tables computed together. */
    static MetricUnit tables(String name, List<String> produces, List<String> reads, Computation computation) {
        return new MetricUnit(name, produces, reads, computation);
    }

    /** The tables it reads, out of the tables written so far (a table missing from them was skipped). */
    MetricInputs inputs(Map<String, Dataset<Row>> written) {
        return MetricInputs.of(this, written);
    }

    private static void requireDistinct(String unit, String what, List<String> tables) {
        Set<String> seen = new HashSet<>();
        for (String table : tables) {
            if (!seen.add(table)) {
                throw new IllegalArgumentException("metric unit " + unit + " " + what + " " + table + " twice");
            }
        }
    }
}
