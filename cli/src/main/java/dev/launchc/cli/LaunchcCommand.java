package dev.launchc.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "launchc", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compiler and validator for MicroK8s launch configurations.",
        subcommands = {LintCommand.class, CompileCommand.class, ImagesCommand.class, BundleCommand.class, SchemaCommand.class, ExplainCommand.class, DocsCommand.class, CompletionCommand.class, ManpageCommand.class, InitCommand.class, MigrateCommand.class, CommandLine.HelpCommand.class})
public final class LaunchcCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LaunchcCommand());
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
                || e instanceof UsageException ? ExitCodes.USAGE : ExitCodes.USAGE);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("launchc: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UsageException) {
                err.println("launchc: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            // An internal failure: say so plainly, without a stack trace unless asked for.
            err.println("launchc: internal error: " + ex);
            if (System.getenv("LAUNCHC_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return 3;
        });
        return cl;
    }
}
