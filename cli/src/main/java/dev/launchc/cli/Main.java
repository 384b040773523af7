package dev.launchc.cli;

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
        CommandLine cl = LaunchcCommand.commandLine(args);
        return cl.execute(args);
    }
}
