package dev.launchc.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for bash and zsh.",
            "bash: source <(launchc completion)    zsh: autoload -U +X bashcompinit && bashcompinit && source <(launchc completion)"})
public final class CompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        spec.commandLine().getOut().print(AutoComplete.bash("launchc", root));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
