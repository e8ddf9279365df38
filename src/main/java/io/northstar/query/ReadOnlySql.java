package io.northstar.query;

import static java.util.Objects.requireNonNull;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Decides, on Spark's parsed plan and before anything runs, whether an analyst's SQL only reads
 * the lake's views. Spark runs a command (INSERT, CREATE, SET, ...) as soon as it is given, and
 * its SQL can read any file ({@code csv.`/etc/shadow`}), call Java ({@code java_method}) or a shell
 * ({@code TRANSFORM ... USING}); {@code northstar query} is for reading figures, so it lets through
 * only plain relational operators over the registered views, with the built-in functions that
 * compute on values.
 *
 * <p>An allow-list of plan nodes, so that a statement kind Spark adds later is refused until it is
 * looked at; a deny-list of functions, pinned by a test against Spark's whole registry for the
 * same reason.
 */
final class ReadOnlySql {
    /** Parsed plan nodes of a query: what SELECT, WITH, VALUES, JOIN, PIVOT and the like parse into. */
    private static final Set<String> QUERY_NODES = Set.of(
            "Project", "Filter", "Aggregate", "Sort", "GlobalLimit", "LocalLimit", "Offset", "Tail",
            "Distinct", "Deduplicate", "Union", "Intersect", "Except", "Join", "LateralJoin",
            "SubqueryAlias", "UnresolvedRelation", "UnresolvedWith", "WithCTE", "CTERelationDef", "CTERelationRef",
            "OneRowRelation", "LocalRelation", "UnresolvedInlineTable", "WithWindowDefinition", "Window",
            "Generate", "Pivot", "Unpivot", "Sample", "Expand", "Range", "UnresolvedHaving",
            "UnresolvedSubqueryColumnAliases", "UnresolvedTableValuedFunction", "UnresolvedTVFAliases",
            "UnresolvedHint", "PipeOperator", "Repartition", "RepartitionByExpression", "RebalancePartitions");

    /** Table-valued functions that make rows from values; none reads a file. */
    private static final Set<String> VALUE_TABLE_FUNCTIONS = Set.of("range", "explode", "explode_outer",
            "inline", "inline_outer", "posexplode", "posexplode_outer", "json_tuple", "stack",
            "variant_explode", "variant_explode_outer", "sql_keywords", "collations");

    /**
     * Built-in functions that reach beyond the values of the query: Java reflection, the
     * process's account, the files behind a row, and XML/Avro/Protobuf parsers (an XML document
     * can name an external entity; a Protobuf descriptor is a file path).
     */
    static final Set<String> REFUSED_FUNCTIONS = Set.of(
            "reflect", "java_method", "try_reflect",
            "current_user", "user", "session_user",
            "input_file_name", "input_file_block_start", "input_file_block_length",
            "xpath", "xpath_boolean", "xpath_double", "xpath_float", "xpath_int", "xpath_long", "xpath_number",
            "xpath_short", "xpath_string", "from_xml", "schema_of_xml", "to_xml",
            "from_avro", "to_avro", "schema_of_avro", "from_protobuf", "to_protobuf");

    /** The prefix of a qualified built-in function name ({@code builtin.abs}, {@code system.builtin.abs}). */
    private static final Set<String> BUILTIN_NAMESPACES = Set.of("builtin", "system");

    private final Set<String> views;
    private final Set<String> cteNames = new HashSet<>();

    private ReadOnlySql(Set<String> views) {
        this.views = views;
    }

    /**
     * Checks the SQL, and does nothing else.
     *
     * @param views the names the SQL may read (the registered views), any case
     * @throws NorthstarException exit 2 with a plain reason when the SQL does anything but read them
     */
    static void check(SparkSession spark, String sql, Set<String> views) {
        requireNonNull(sql, "sql is null");
        LogicalPlan plan;
        try {
            plan = spark.sessionState().sqlParser().parsePlan(sql);
        } catch (Exception e) { // ParseException, undeclared
            throw SqlResults.asUsageError(e);
        }
        Set<String> lower = new HashSet<>();
        views.forEach(view -> lower.add(view.toLowerCase(Locale.ROOT)));
        new ReadOnlySql(lower).visit(plan);
    }

    /**
     * Every plan, expression and nested value of a node, through Scala's product fields: a window
     * definition, a CTE or a subquery sits in a field that is not among a node's children.
     */
    private void visit(Object value) {
        if (value instanceof LogicalPlan plan) {
            checkPlan(plan);
        } else if (value instanceof Expression expression) {
            checkExpression(expression);
        }
        if (value instanceof scala.collection.Iterable<?> items) {
            CollectionConverters.asJava(items).forEach(this::visit);
        } else if (value instanceof scala.Product product && !(value instanceof scala.collection.Iterable<?>)) {
            CollectionConverters.asJava(product.productIterator()).forEachRemaining(this::visit);
        }
    }

    private void checkPlan(LogicalPlan plan) {
        String node = plan.nodeName();
        if (!QUERY_NODES.contains(node)) {
            throw refused(isCommand(plan) ? node + " would change or run something" : node + " is not part of a query");
        }
        if (plan instanceof UnresolvedWith with) {
            for (Tuple2<String, ?> cte : CollectionConverters.asJava(with.cteRelations())) {
                cteNames.add(cte._1().toLowerCase(Locale.ROOT));
            }
        } else if (plan instanceof UnresolvedRelation relation) {
            checkRelation(CollectionConverters.asJava(relation.multipartIdentifier()), relation.isStreaming());
        } else if (plan instanceof UnresolvedTableValuedFunction function) {
            List<String> name = CollectionConverters.asJava(function.name());
            if (!VALUE_TABLE_FUNCTIONS.contains(name.get(name.size() - 1).toLowerCase(Locale.ROOT))) {
                throw refused("the table function " + String.join(".", name) + " is not allowed");
            }
        }
    }

    private static boolean isCommand(LogicalPlan plan) {
        return plan instanceof org.apache.spark.sql.catalyst.plans.logical.Command
                || plan.nodeName().startsWith("Insert") || plan.nodeName().startsWith("Create");
    }

    private void checkRelation(List<String> name, boolean streaming) {
        if (streaming) {
            throw refused("streaming reads are not allowed");
        }
        if (name.size() > 1) {
            throw refused("the path-based or qualified source " + String.join(".", name)
                    + " is not allowed: query the lake's views (northstar query --list shows them)");
        }
        String view = name.get(0).toLowerCase(Locale.ROOT);
        if (!views.contains(view) && !cteNames.contains(view)) {
            throw new NorthstarException(ExitCode.USAGE, "query failed: " + name.get(0)
                    + " is not a view of this snapshot (northstar query --list shows them)");
        }
    }

    private void checkExpression(Expression expression) {
        if (expression instanceof UnresolvedFunction function) {
            List<String> name = CollectionConverters.asJava(function.nameParts());
            String last = name.get(name.size() - 1).toLowerCase(Locale.ROOT);
            boolean qualifiedElsewhere = name.subList(0, name.size() - 1).stream()
                    .anyMatch(part -> !BUILTIN_NAMESPACES.contains(part.toLowerCase(Locale.ROOT)));
            if (REFUSED_FUNCTIONS.contains(last) || qualifiedElsewhere) {
                throw refused("the function " + String.join(".", name) + " reaches beyond the lake's data");
            }
        } else if (expression.nodeName().equals("ExpressionWithUnresolvedIdentifier")) {
            // IDENTIFIER('...') names a function only when the query runs: decide it here or never
            throw refused("IDENTIFIER(...) as a function name is not allowed");
        }
    }

    /**
     * The second line, on the analysed plan: every table it reads is a file of the lake, so that
     * whatever the first check missed can still not read anything else.
     */
    static void checkReadsOnly(LogicalPlan analyzed, String lakeRoot) {
        if (analyzed.children().isEmpty()) {
            checkLeaf(analyzed, lakeRoot);
        }
        CollectionConverters.asJava(analyzed.children()).forEach(child -> checkReadsOnly(child, lakeRoot));
        CollectionConverters.asJava(analyzed.subqueries()).forEach(subquery -> checkReadsOnly(subquery, lakeRoot));
    }

    private static void checkLeaf(LogicalPlan leaf, String lakeRoot) {
        if (leaf instanceof LogicalRelation relation && relation.relation() instanceof HadoopFsRelation files) {
            for (org.apache.hadoop.fs.Path root : CollectionConverters.asJava(files.location().rootPaths())) {
                if (!isInside(root.toString(), lakeRoot)) {
                    throw refused("it reads " + root + ", which is outside the lake");
                }
            }
        } else if (!Set.of("LocalRelation", "OneRowRelation", "Range", "CTERelationRef").contains(leaf.nodeName())) {
            throw refused(leaf.nodeName() + " is not a table of the lake");
        }
    }

    static boolean isInside(String path, String folder) {
        String parent = folder.endsWith("/") ? folder : folder + "/";
        return path.equals(folder) || path.startsWith(parent);
    }

    private static NorthstarException refused(String reason) {
        return new NorthstarException(ExitCode.USAGE, "query refused: northstar query only reads the lake's views;"
                + " " + reason);
    }
}
