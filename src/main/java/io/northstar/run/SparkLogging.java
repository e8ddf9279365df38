package io.northstar.run;

import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;

/**
 * Keeps Spark quiet (warnings only) unless asked for its INFO log, under {@code java -jar} and
 * under spark-submit alike. spark-submit loads Spark's own INFO profile before this jar's
 * classes run and would load it again when the session starts; telling Spark's logging to
 * forget that profile, then loading Northstar's, makes Spark keep Northstar's.
 */
public final class SparkLogging {
    /**
     * Where Spark logs a failed task with its stack trace, once per layer. The failure reaches
     * the driver and Northstar reports it once: a message and exit code for a known fault, the
     * whole trace for a bug. So these stay silent unless {@code -v} asks for Spark's log.
     */
    private static final List<String> TASK_FAILURE_REPORTERS = List.of("org.apache.spark.executor.Executor",
            "org.apache.spark.scheduler.TaskSetManager", "org.apache.spark.util.Utils",
            "org.apache.spark.sql.execution.datasources.FileFormatWriter");
    private static final List<String> NOISY = List.of("org.apache.spark", "org.apache.hadoop", "org.sparkproject");

    /** The level asked for, kept because starting a context reloads the configuration file. */
    private static volatile Level chosen;

    private SparkLogging() {
    }

    public static void configure(boolean verbose) {
        // the context of the loader that holds log4j and Spark: under spark-submit this jar has a
        // child loader of its own, whose default context Spark never logs to
        LoggerContext context = (LoggerContext) LogManager.getContext(LogManager.class.getClassLoader(), false);
        URL ours = SparkLogging.class.getResource("/log4j2.properties");
        if (ours != null && !ours.toString().equals(String.valueOf(context.getConfigLocation()))) {
            try {
                context.setConfigLocation(ours.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot load " + ours, e);
            }
        }
        chosen = verbose ? Level.INFO : Level.WARN;
        setLevels(context, chosen);
        forgetSparksProfile();
    }

    /** Sets the chosen levels again: a new Spark context reloads the configuration file. */
    static void afterSessionStart() {
        if (chosen != null) {
            setLevels((LoggerContext) LogManager.getContext(LogManager.class.getClassLoader(), false), chosen);
        }
    }

    private static void setLevels(LoggerContext context, Level level) {
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().setLevel(level);
        NOISY.forEach(name -> setLevel(configuration, name, level));
        Level failures = level.isMoreSpecificThan(Level.WARN) ? Level.OFF : level;
        TASK_FAILURE_REPORTERS.forEach(name -> setLevel(configuration, name, failures));
        context.updateLoggers();
    }

    private static void setLevel(Configuration configuration, String name, Level level) {
        LoggerConfig logger = configuration.getLoggerConfig(name);
        if (logger.getName().equals(name)) {
            logger.setLevel(level);
        } else {
            configuration.addLogger(name, new LoggerConfig(name, level, true));
        }
    }

    /**
     * Clears the flag with which Spark remembers having loaded its own profile (and loads it
     * again on every start of a context, whatever was configured since).
     */
    private static void forgetSparksProfile() {
        try {
            Object logging = Class.forName("org.apache.spark.internal.Logging$").getField("MODULE$").get(null);
            logging.getClass().getMethod("org$apache$spark$internal$Logging$$defaultSparkLog4jConfig_$eq", boolean.class)
                    .invoke(logging, false);
        } catch (ReflectiveOperationException | LinkageError e) {
            // a Spark without the flag: its INFO profile stays, nothing else changes
        }
    }
}
