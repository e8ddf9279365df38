package io.northstar.cli;

import io.northstar.run.SparkLogging;
import picocli.CommandLine.Option;

/** {@code -v}: Spark and Hadoop are quiet (warnings only) unless asked. */
final class LoggingOptions {
    @Option(names = {"-v", "--verbose"}, description = "Show Spark's and Northstar's INFO logs.")
    boolean verbose;

    void apply() {
        SparkLogging.configure(verbose);
    }
}
