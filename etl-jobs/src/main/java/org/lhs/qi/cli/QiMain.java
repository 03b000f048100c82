package org.lhs.qi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code qi} launcher: dispatches to the sub-commands and exits with their code. */
@Command(name = "qi", mixinStandardHelpOptions = true, version = "qi 0.1.0",
        description = "LHS Quality Indicators: nightly pipeline from EHR extracts to indicator scorecards.",
        subcommands = {DemoCommand.class, RunCommand.class, GenerateCommand.class, ValidateCommand.class,
                StatusCommand.class, ListCommand.class, ExplainCommand.class, TestCommand.class, BenchCommand.class,
                ValueSetsCommand.class, VerifyCommand.class,
                CommandLine.HelpCommand.class})
public final class QiMain {

    public static void main(String[] args) {
        System.setProperty("liquibase.analytics.enabled", "false");
        CommandLine cli = new CommandLine(new QiMain());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("qi: " + e.getMessage());
            return ExitCodes.ENVIRONMENT;
        });
        System.exit(cli.execute(args));
    }
}
