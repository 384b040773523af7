package dev.launchc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "launchc", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compiler and validator for MicroK8s launch configurations.")
public final class LaunchcCommand implements Runnable {
    /**
     * Every subcommand, in the order help lists them. A subcommand's name here is its
     * {@code @Command} name (LaunchcCommandTest checks it). {@code standalone} commands work
     * without their siblings: when one is invoked, only it is built, since picocli builds each
     * command from its annotations by reflection, which is most of a cold start.
     */
    record Subcommand(String name, Supplier<Object> factory, boolean standalone) {}

    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("lint", LintCommand::new, true),
            new Subcommand("compile", CompileCommand::new, true),
            new Subcommand("images", ImagesCommand::new, true),
            new Subcommand("bundle", BundleCommand::new, true),
            new Subcommand("diff", DiffCommand::new, true),
            new Subcommand("schema", SchemaCommand::new, true),
            new Subcommand("explain", ExplainCommand::new, true),
            new Subcommand("docs", DocsCommand::new, true),
            new Subcommand("completion", CompletionCommand::new, false),
            new Subcommand("manpage", ManpageCommand::new, false),
            new Subcommand("init", InitCommand::new, true),
            new Subcommand("migrate", MigrateCommand::new, true),
            new Subcommand("lsp", LspCommand::new, true),
            new Subcommand("help", CommandLine.HelpCommand::new, false));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** The whole command tree. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /** The command tree that running {@code args} needs: only the invoked subcommand, if it stands alone. */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Subcommand sub : SUBCOMMANDS) {
                if (sub.standalone() && sub.name().equals(args[0])) {
                    return commandLine(List.of(sub));
                }
            }
        }
        return commandLine(SUBCOMMANDS);
    }

    private static CommandLine commandLine(List<Subcommand> subcommands) {
        CommandLine cl = new CommandLine(new LaunchcCommand());
        for (Subcommand sub : subcommands) {
            cl.addSubcommand(sub.name(), sub.factory().get());
        }
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("launchc: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> ExitCodes.failed(ex, commandLine.getErr()));
        return cl;
    }
}
