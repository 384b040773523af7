package dev.launchc.rules.cluster;

import dev.launchc.catalog.AddonArgumentSpec;
import dev.launchc.diag.Quote;
import dev.launchc.model.internal.Cluster;
import dev.launchc.net.Inet;
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

    /** The name of the first control-plane node, which bootstraps the cluster, or null. */
    static String bootstrapNode(Cluster cluster) {
        List<Cluster.Node> cps = cluster.controlPlanes();
        return cps.isEmpty() ? null : cps.get(0).name().text();
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

    /**
     * Null when {@code s} is {@code host[:port]} (host = DNS name, IPv4, or [IPv6]; port 1–65535
     * without leading zeros); otherwise what is wrong with it.
     */
    static String hostPortProblem(String s) {
        if (s.isEmpty()) {
            return "is empty";
        }
        if (s.contains("://")) {
            return "has a URL scheme";
        }
        if (s.indexOf('/') >= 0) {
            return "holds '/'";
        }
        String host = s;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || Inet.parseIpv6(s.substring(1, close)) == null) {
                return "has no valid IPv6 address in brackets";
            }
            String rest = s.substring(close + 1);
            if (rest.isEmpty()) {
                return null;
            }
            if (!rest.startsWith(":")) {
                return "has text after ']' that is not a port";
            }
            return portProblem(rest.substring(1));
        }
        int colon = s.indexOf(':');
        if (colon >= 0) {
            if (s.indexOf(':', colon + 1) >= 0) {
                return Inet.parseIpv6(s) != null ? "is an IPv6 address without brackets" : "has more than one ':'";
            }
            host = s.substring(0, colon);
            port = s.substring(colon + 1);
        }
        if (Inet.parseIpv4(host) == null && (Inet.looksNumeric(host) || !Inet.isDnsName(host))) {
            return "is not a valid host name or IP address";
        }
        return port == null ? null : portProblem(port);
    }

    static String portProblem(String port) {
        if (port.isEmpty() || !Inet.digits(port) || port.length() > 5 || (port.length() > 1 && port.charAt(0) == '0')) {
            return "has an invalid port '" + printable(port) + "'";
        }
        int p = Integer.parseInt(port);
        return p >= 1 && p <= 65535 ? null : "has port " + p + ", outside 1-65535";
    }
}
