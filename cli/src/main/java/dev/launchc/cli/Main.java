package dev.launchc.cli;

import picocli.CommandLine;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code: 0 clean, 1 input errors, 2 usage or I/O. */
    public static int run(String... args) {
        CommandLine cl = LaunchcCommand.commandLine();
        return cl.execute(args);
    }
}
