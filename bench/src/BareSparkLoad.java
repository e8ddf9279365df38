import io.northstar.contract.Column;
import io.northstar.contract.DatasetContract;
import io.northstar.contract.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The I/O floor for Northstar's ingest stage: a bare Spark job, in the same JVM settings and
 * with the same local session defaults, that only reads each CSV with the contract's schema and
 * writes it as Parquet. No row checks, no quarantine, no counting.
 *
 *   java -Xmx2g -cp target/northstar.jar bench/src/BareSparkLoad.java DATA_DIR OUT_DIR
 */
public class BareSparkLoad {
    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        String out = args[1];
        long start = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[*]").appName("bare-spark-load")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(4 * Runtime.getRuntime().availableProcessors()))
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        long ready = System.nanoTime();
        for (DatasetContract contract : Datasets.all()) {
            Path csv = data.resolve(contract.name() + ".csv");
            if (!Files.exists(csv)) {
                continue;
            }
            StructType schema = new StructType();
            for (Column column : contract.columns()) {
                schema = schema.add(column.name(), type(column), true);
            }
            spark.read().option("header", "true").option("mode", "PERMISSIVE").schema(schema).csv(csv.toString())
                    .write().mode("overwrite").parquet(out + "/" + contract.name());
        }
        long done = System.nanoTime();
        System.out.printf("session_s\t%.3f%nload_s\t%.3f%n", (ready - start) / 1e9, (done - ready) / 1e9);
        spark.stop();
    }

    private static DataType type(Column column) {
        return switch (column.type()) {
            case DATE -> DataTypes.DateType;
            case MONEY -> DataTypes.createDecimalType(18, 2);
            case NUM -> DataTypes.DoubleType;
            case INT -> DataTypes.IntegerType;
            default -> DataTypes.StringType;
        };
    }
}
