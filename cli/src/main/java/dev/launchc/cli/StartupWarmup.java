package dev.launchc.cli;

import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Mode;
import dev.launchc.lint.Linter;
import dev.launchc.lint.NativeLinter;
import dev.launchc.load.LoadLimits;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Lints a small built-in config on a second thread while the main thread parses the command line.
 * Both cost about the same at a cold start (class loading, static set-up, the catalog and the
 * compiled schema), so on two cores they overlap instead of adding up. What the warm-up
 * initialises is shared and immutable; its result is thrown away, and a failure in it only
 * means the main thread does that work itself.
 */
final class StartupWarmup {
    private static final Set<String> LINTING_COMMANDS = Set.of("lint", "compile", "images", "bundle");
    /** A part in the version the newest track's parser reads, using a key of every kind the rules check. */
    private static final String SAMPLE_BODY = "extraKubeletArgs:\n  --max-pods: \"110\"\n"
            + "extraCNIEnv:\n  IPv4_SERVICE_CIDR: 10.152.183.0/24\n"
            + "containerdRegistryConfigs:\n  docker.io: |\n    [host.\"https://mirror.example:5000\"]\n"
            + "      capabilities = [\"pull\", \"resolve\"]\n"
            + "addons:\n  - name: dns\n";

    private StartupWarmup() {}

    static void startFor(String[] args) {
        if (args.length == 0 || !LINTING_COMMANDS.contains(args[0]) || System.getenv("LAUNCHC_NO_WARMUP") != null
                || usesCache(args)) {
            return;
        }
        Thread thread = new Thread(StartupWarmup::run, "launchc-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * A run with {@code --cache} expects hits, which need neither the rules nor the schema: the
     * warm-up would only take the second core from reading and hashing the files.
     */
    private static boolean usesCache(String[] args) {
        for (String arg : args) {
            if (arg.equals("--cache") || arg.startsWith("--cache=")) {
                return true;
            }
        }
        return false;
    }

    private static void run() {
        try {
            Catalog catalog = Catalog.get();
            catalog.track(catalog.newestTrack()).ifPresent(track ->
                    new Linter(track, false, Mode.DEFAULT, LoadLimits.DEFAULTS).lint("warmup.yaml",
                            ("version: " + NativeLinter.parserVersion(track).version() + "\n" + SAMPLE_BODY)
                                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Throwable e) {
            // Out of memory too: uncaught, it would print this thread's stack trace. Only speed is
            // lost; the main thread meets any real problem (a heap too small for the
            // input included) itself and reports it in one line.
        }
    }
}
