package dev.launchc.cli;

import java.io.PrintWriter;

/**
 * launchc's exit codes; every outcome is one of these three, also an internal failure or running
 * out of memory (README, "Exit codes").
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INPUT_ERRORS = 1;
    /** Usage, I/O, a resource limit of the JVM (memory, stack) or an internal failure. */
    public static final int USAGE = 2;

    private ExitCodes() {}

    /**
     * What to print for a failure that escaped the commands' own handling (never a stack trace
     * unless LAUNCHC_DEBUG is set); the exit code is always {@link #USAGE}.
     */
    static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory; the input needs more heap than the JVM has: raise it with"
                    + " LAUNCHC_JAVA_OPTS=-Xmx4g (or more), or lower --max-file-size / --max-nodes / --max-cluster-nodes"
                    + " to refuse such input early";
        }
        if (t instanceof StackOverflowError) {
            return "out of stack; the input nests too deeply for the JVM's stack: raise it with LAUNCHC_JAVA_OPTS=-Xss16m,"
                    + " or lower --max-depth";
        }
        return "internal error: " + t + " (please report it; LAUNCHC_DEBUG=1 prints the stack trace)";
    }

    /**
     * Runs a command that Main parsed by hand as picocli's execution would: its exit code, or for an
     * exception what {@link #failed} prints and returns (picocli's execution exception handler).
     * Here rather than in LaunchcCommand, whose static set-up (the subcommands' classes and method
     * references) a by-hand run does not need.
     */
    static int runByHand(java.util.concurrent.Callable<Integer> command, PrintWriter err) {
        try {
            return command.call();
        } catch (Exception e) {
            return failed(e, err);
        }
    }

    /** What a command's failure prints, and its exit code. */
    static int failed(Exception ex, PrintWriter err) {
        if (ex instanceof UsageException) {
            err.println("launchc: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        // An internal failure: say so plainly, without a stack trace unless asked for.
        err.println("launchc: " + ExitCodes.describe(ex));
        if (System.getenv("LAUNCHC_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return ExitCodes.USAGE;
    }
}
