package dev.launchc.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code;
        try {
            StartupWarmup.startFor(args);
            code = run(args);
        } catch (Throwable t) {
            // Errors (out of memory, a broken installation) escape picocli's handlers: still one line, no trace.
            System.err.println("launchc: " + ExitCodes.describe(t));
            if (System.getenv("LAUNCHC_DEBUG") != null) {
                t.printStackTrace();
            }
            code = ExitCodes.USAGE;
        }
        System.exit(code);
    }

    /** Runs the CLI and returns its exit code: 0 clean, 1 input errors, 2 usage or I/O. */
    public static int run(String... args) {
        // An everyday lint line skips picocli's start-up (LintCommand.parsedByHand): a cached lint
        // of a fleet takes less time than building picocli's model of the command.
        LintCommand lint = LintCommand.parsedByHand(args);
        if (lint != null) {
            return lint.execute(writer(System.out, "sun.stdout.encoding"), writer(System.err, "sun.stderr.encoding"));
        }
        // So is an everyday compile line (CompileCommand.parsedByHand; CompileByHandTest).
        CompileCommand compile = CompileCommand.parsedByHand(args);
        if (compile != null) {
            return compile.execute(writer(System.err, "sun.stderr.encoding"));
        }
        CommandLine cl = LaunchcCommand.commandLine(args);
        return cl.execute(args);
    }

    /** The writer picocli makes for a standard stream (CommandLine.getOut and getErr in picocli 4.7). */
    private static PrintWriter writer(PrintStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = encoding == null ? Charset.defaultCharset()
                : Charset.forName("cp65001".equalsIgnoreCase(encoding) ? "UTF-8" : encoding);
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }
}
