package dev.launchc.rules.cluster;

import dev.launchc.diag.Quote;
import dev.launchc.resolve.HostPort;
import java.util.List;

/**
 * Small lookups the cluster rules share: whether the file holds a value, and text helpers for
 * messages (an addon entry's name is {@code resolve.AddonRef}). Catalog facts (the GPU addon of a track among them) are the catalog's:
 * {@code Catalog.get().gpuAddon(track)}.
 */
final class ClusterFacts {
    private ClusterFacts() {}

    /** True when the file itself holds the value at {@code pointer} (not a default). */
    static boolean written(ClusterRuleContext ctx, String pointer) {
        return ctx.cluster().source().at(pointer) != null;
    }

    /** Text safe to quote in a message: control characters shown as '?', cut at 80 characters. */
    static String printable(String s) {
        return Quote.printable(s);
    }

    /** "a, b, c" for up to {@code max} items, then "… (N in all)". */
    static String list(List<String> items, int max) {
        return Quote.list(items, max);
    }

    /** Null when {@code s} is {@code host[:port]} ({@link HostPort#problem}); otherwise what is wrong with it. */
    static String hostPortProblem(String s) {
        return HostPort.problem(s, ClusterFacts::printable);
    }
}
