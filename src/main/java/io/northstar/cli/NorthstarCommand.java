package io.northstar.cli;

import picocli.CommandLine.Command;

/** The root command: only subcommands do work. */
@Command(
        name = "northstar",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Open IT-strategy analytics: ingest KPI, budget, project, risk and service data into a"
                + " Parquet lake, compute alignment, trend and risk metrics, and render executive scorecards.",
        subcommands = {RunCommand.class, MetricsCommand.class, ReportCommand.class, PublishCommand.class, DeliverCommand.class,
                QueryCommand.class, RunsCommand.class, ValidateCommand.class,
                GenerateCommand.class})
public final class NorthstarCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
