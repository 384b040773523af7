package dev.launchc.rules.cluster;

import dev.launchc.catalog.AddonArgumentSpec;
import dev.launchc.diag.Quote;
import dev.launchc.resolve.HostPort;
import java.util.List;

/**
 * Small lookups the cluster rules share: addon names as {@code microk8s enable} reads them, and
 * text helpers for messages. Catalog facts (the GPU addon of a track among them) are the catalog's:
 * {@code Catalog.get().gpuAddon(track)}.
 */
final class ClusterFacts {
    private ClusterFacts() {}

    /** An addon reference as {@code microk8s enable} reads it: {@code [repo/]name[:arg[:arg…]]}. */
    record AddonName(String repo, String name, List<String> colonArgs) {
        static AddonName parse(String token) {
            String t = token.strip();
            int c = t.indexOf(':');
            String head = c < 0 ? t : t.substring(0, c);
            List<String> colon = AddonArgumentSpec.colonArgs(t);
            int slash = head.indexOf('/');
            return slash < 0 ? new AddonName(null, head, colon)
                    : new AddonName(head.substring(0, slash), head.substring(slash + 1), colon);
        }
    }

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
