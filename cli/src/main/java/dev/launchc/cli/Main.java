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
        // The output is what the exit code vouches for: a report cut short by a full disk or a
        // closed pipe (the JVM ignores SIGPIPE, and PrintStream only records the error) is exit 2.
        System.out.flush();
        if (System.out.checkError()) {
            System.err.println("launchc: cannot write to standard output (a full disk, or a closed pipe):"
                    + " the output is missing or cut short");
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
            PrintWriter out = writer(System.out, "sun.stdout.encoding");
            int code = lint.execute(out, writer(System.err, "sun.stderr.encoding"));
            out.flush();
            return code;
        }
        // So is an everyday compile line (CompileCommand.parsedByHand; CompileByHandTest).
        CompileCommand compile = CompileCommand.parsedByHand(args);
        if (compile != null) {
            return compile.execute(writer(System.err, "sun.stderr.encoding"));
        }
        CommandLine cl = LaunchcCommand.commandLine(args);
        int code = cl.execute(args);
        cl.getOut().flush();
        return code;
    }

    /** The writer picocli makes for a standard stream (CommandLine.getOut and getErr in picocli 4.7). */
    private static PrintWriter writer(PrintStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = encoding == null ? Charset.defaultCharset()
                : Charset.forName("cp65001".equalsIgnoreCase(encoding) ? "UTF-8" : encoding);
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }
}
