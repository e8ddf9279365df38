package io.northstar.testing;

import io.northstar.job.Settings;
import io.northstar.run.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The one local Spark session every Spark test shares (started once per test JVM). */
public final class TestingSpark {
    private static SparkSession session;

    private TestingSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.create(new Settings.Spark("local[2]", Map.of("spark.sql.shuffle.partitions", "2")),
                    "northstar-tests");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
