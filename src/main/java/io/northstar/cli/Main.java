package io.northstar.cli;

import io.northstar.error.ExitCode;
import io.northstar.error.NorthstarException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code northstar} command line; the only place that exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command and returns its exit code, writing to the given streams (tests capture them). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new NorthstarCommand());
        addExitCodes(commandLine);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((failure, cmd, parsed) -> {
            if (failure instanceof NorthstarException known) {
                cmd.getErr().println("northstar: " + known.getMessage());
                cmd.getErr().flush();
                return known.exitCode().code();
            }
            cmd.getErr().println("northstar: internal error, please report it with this trace:");
            failure.printStackTrace(cmd.getErr());
            cmd.getErr().flush();
            return ExitCode.INTERNAL.code();
        });
        return commandLine.execute(args);
    }

    private static void addExitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage()
                .footerHeading("%nExit codes:%n")
                .footer(ExitCode.table().replace("%", "%%"));
        commandLine.getSubcommands().values().forEach(Main::addExitCodes);
    }
}
