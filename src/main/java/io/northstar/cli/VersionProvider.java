package io.northstar.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest ("dev" when run from classes). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = NorthstarCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "northstar " + (version == null ? "dev" : version),
            "Spark " + io.northstar.run.SparkSessions.sparkVersion() + ", Java " + System.getProperty("java.version")
        };
    }
}
