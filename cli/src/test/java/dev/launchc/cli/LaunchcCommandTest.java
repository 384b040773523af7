package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command tree that Main builds for one invocation behaves as the whole tree does. */
class LaunchcCommandTest {
    @Test
    void eachSubcommandIsRegisteredUnderItsAnnotatedName() {
        for (LaunchcCommand.Subcommand sub : LaunchcCommand.SUBCOMMANDS) {
            assertEquals(sub.name(), new CommandLine(sub.factory().get()).getCommandName());
        }
    }

    @Test
    void aStandaloneSubcommandIsBuiltAlone() {
        assertEquals(List.of("lint"), List.copyOf(LaunchcCommand.commandLine("lint", "x.yaml").getSubcommands().keySet()));
        assertEquals(LaunchcCommand.SUBCOMMANDS.size(), LaunchcCommand.commandLine("--help").getSubcommands().size());
        assertEquals(LaunchcCommand.SUBCOMMANDS.size(), LaunchcCommand.commandLine("completion").getSubcommands().size());
    }

    /** Help, usage errors and version read the same whichever tree runs them. */
    @Test
    void aLoneSubcommandPrintsWhatTheWholeTreePrints() {
        for (LaunchcCommand.Subcommand sub : LaunchcCommand.SUBCOMMANDS) {
            if (!sub.standalone()) {
                continue;
            }
            for (String[] args : List.of(new String[] {sub.name(), "--help"}, new String[] {sub.name(), "--no-such-option"},
                    new String[] {sub.name(), "--version"})) {
                assertEquals(run(LaunchcCommand.commandLine(), args), run(LaunchcCommand.commandLine(args), args),
                        String.join(" ", args));
            }
        }
    }

    private static String run(CommandLine cl, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return code + "\n--- out\n" + out + "--- err\n" + err;
    }
}
