package io.northstar.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Option;

/** {@code -v}: Spark and Hadoop are quiet (warnings only) unless asked. */
final class LoggingOptions {
    @Option(names = {"-v", "--verbose"}, description = "Show Spark's and Northstar's INFO logs.")
    boolean verbose;

    void apply() {
        if (verbose) {
            Configurator.setRootLevel(Level.INFO);
            Configurator.setLevel("org.apache.spark", Level.INFO);
        }
    }
}
