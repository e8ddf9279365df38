import io.northstar.contract.Column;
import io.northstar.contract.DatasetContract;
import io.northstar.contract.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.StringJoiner;

/**
 * The peer: DuckDB (through its JDBC driver, in process) doing the same CSV to Parquet load with
 * the contract's types, then the core aggregations: budget variance by business unit, tower and
 * category; each KPI's latest value and OLS slope per day; open-risk EMV by category.
 *
 *   java -Xmx2g -cp bench/lib/duckdb_jdbc.jar:target/northstar.jar bench/src/DuckDbPeer.java DATA_DIR OUT_DIR AS_OF
 */
public class DuckDbPeer {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        String asOf = args[2];
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = connection.createStatement()) {
            sql.execute("SET threads TO " + Runtime.getRuntime().availableProcessors());
            for (DatasetContract contract : Datasets.all()) {
                Path csv = data.resolve(contract.name() + ".csv");
                if (!Files.exists(csv)) {
                    continue;
                }
                StringJoiner columns = new StringJoiner(", ");
                for (Column column : contract.columns()) {
                    columns.add("'" + column.name() + "': '" + type(column) + "'");
                }
                sql.execute("CREATE TABLE " + contract.name() + " AS SELECT * FROM read_csv('" + csv + "', header = true,"
                        + " columns = {" + columns + "}, ignore_errors = true)");
                sql.execute("COPY " + contract.name() + " TO '" + out.resolve(contract.name() + ".parquet")
                        + "' (FORMAT parquet)");
            }
            long loaded = System.nanoTime();
            long rows = 0;
            rows += count(sql, "SELECT business_unit, tower, category, sum(plan) AS plan_ytd, sum(actual) AS actual_ytd,"
                    + " sum(actual) - sum(plan) AS variance FROM budget_lines WHERE period <= '" + asOf.substring(0, 7)
                    + "' AND period >= '" + asOf.substring(0, 4) + "-01' GROUP BY ALL");
            rows += count(sql, "SELECT kpi_id, arg_max(value, period_end) AS latest_value,"
                    + " regr_slope(value, epoch(period_end) / 86400) AS slope_per_day FROM kpi_observations"
                    + " WHERE period_end <= DATE '" + asOf + "' GROUP BY kpi_id");
            rows += count(sql, "SELECT category, sum(coalesce(probability, likelihood / 5.0)"
                    + " * (coalesce(cost_low, 0) + 4 * coalesce(cost_most_likely, 0) + coalesce(cost_high, 0)) / 6) AS emv"
                    + " FROM risks WHERE status IN ('open', 'mitigating') GROUP BY category");
            long done = System.nanoTime();
            System.out.printf("load_s\t%.3f%naggregate_s\t%.3f%naggregate_rows\t%d%n", (loaded - start) / 1e9,
                    (done - loaded) / 1e9, rows);
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        long rows = 0;
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static String type(Column column) {
        return switch (column.type()) {
            case DATE -> "DATE";
            case MONEY -> "DECIMAL(18,2)";
            case NUM -> "DOUBLE";
            case INT -> "INTEGER";
            default -> "VARCHAR";
        };
    }
}
