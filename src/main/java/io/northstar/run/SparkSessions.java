package io.northstar.run;

import io.northstar.job.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session a job runs in, with defaults that suit batch runs of this size. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * The settings Northstar applies before the job's own {@code spark.conf} (which wins).
     * Under spark-submit the submitted master is kept and the job's master is ignored.
     */
    public static Map<String, String> defaults(Settings.Spark settings) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.sql.session.timeZone", "UTC");
        conf.put("spark.sql.datetime.java8API.enabled", "true");
        conf.put("spark.ui.showConsoleProgress", "false");
        // the contract tables are wide; Spark warns once per plan otherwise
        conf.put("spark.sql.debug.maxToStringFields", "200");
        // the lake's partitions are published by renaming folders; _SUCCESS markers add nothing
        conf.put("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
        if (effectiveMaster(settings).startsWith("local")) {
            conf.put("spark.ui.enabled", "false");
            conf.put("spark.driver.host", "127.0.0.1");
            conf.put("spark.driver.bindAddress", "127.0.0.1");
            // the default of 200 shuffle partitions makes thousands of tiny tasks on one machine
            conf.put("spark.sql.shuffle.partitions", Integer.toString(4 * Runtime.getRuntime().availableProcessors()));
        }
        conf.putAll(settings.conf());
        return conf;
    }

    /** The master the session will use: spark-submit's when it set one, else the job's. */
    static String effectiveMaster(Settings.Spark settings) {
        return System.getProperty("spark.master", settings.master());
    }

    public static String sparkVersion() {
        return org.apache.spark.package$.MODULE$.SPARK_VERSION();
    }

    /**
     * Runs work on a session: the one already running in this JVM when there is one (a test, a
     * notebook), left running; else a new one from the settings, stopped afterwards.
     */
    public static <T> T use(Settings.Spark settings, String appName, java.util.function.Function<SparkSession, T> work) {
        scala.Option<SparkSession> running = SparkSession.getActiveSession().isDefined()
                ? SparkSession.getActiveSession() : SparkSession.getDefaultSession();
        if (running.isDefined()) {
            return work.apply(running.get());
        }
        SparkSession spark = create(settings, appName);
        try {
            return work.apply(spark);
        } finally {
            spark.stop();
        }
    }

    public static SparkSession create(Settings.Spark settings, String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (System.getProperty("spark.master") == null) {
            builder.master(settings.master());
        }
        defaults(settings).forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        SparkLogging.afterSessionStart();
        return spark;
    }
}
