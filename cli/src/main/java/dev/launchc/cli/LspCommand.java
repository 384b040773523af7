package dev.launchc.cli;

import dev.launchc.config.ProjectConfig;
import dev.launchc.lsp.LintSettings;
import dev.launchc.lsp.LspServer;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {"Language server over stdin and stdout: lint's findings as you type, quick fixes, and hover"
                + " and completion for flags, addons and MIG configs. YAML that is not a launch config is left alone.",
                "Mode, target and disabled codes come from the " + ProjectConfig.FILE_NAME + " above each file, as for lint;"
                        + " --strict, --compat and --target win over it."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the client sent shutdown and exit", "1:the client exited without shutdown or closed the stream",
                "2:usage problem"})
public final class LspCommand implements Callable<Integer> {
    @Mixin
    ModeOptions modes;

    @Mixin
    TargetOption target;

    @Override
    public Integer call() {
        // Checked now, so that an unknown --target is a usage error rather than a server that lints nothing.
        String track = target.explicit() ? target.track().name() : null;
        LintSettings.Source settings = LintSettings.Source.fromProjectConfig(modes.explicit() ? modes.mode() : null, track);
        // stdout carries the protocol: anything else printed there would corrupt it, so it goes to stderr.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        System.setOut(System.err);
        return LspServer.serve(System.in, protocol, settings);
    }
}
