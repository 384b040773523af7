package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFacts.printable;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.Cluster;
import dev.launchc.net.Inet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names and addresses of the nodes.
 * <ul>
 *   <li>LC3024 (BAD_NODE_NAME): a name that is not a DNS-1123 label. The name becomes the output
 *       directory {@code nodes/<name>/} and is what {@code compile --node} selects, so it must
 *       not hold '/' or '..', and it matches a Kubernetes node name only in this form.</li>
 *   <li>LC3045 (WINDOWS_RESERVED_NODE_NAME, a warning): a name Windows reserves for a device
 *       ({@code con}, {@code aux}, {@code nul}, {@code com1}…): the bundle's {@code nodes/<name>/}
 *       cannot be extracted there.</li>
 *   <li>LC3002 (DUPLICATE_NODE_NAME): a name used by an earlier node; reported at the later one.</li>
 *   <li>LC3018 (BAD_NODE_ADDRESS): an address that is not an IPv4 or IPv6 literal
 *       ({@link Inet#parseIp}, Go's {@code net.ParseIP} rules). The bootstrap node's address forms
 *       the join URL {@code <address>:25000/<token>}, which MicroK8s accepts only with an IPv4
 *       address when other nodes join (microk8s join splits it at ':').</li>
 *   <li>LC3003 (DUPLICATE_NODE_ADDRESS): an address used by an earlier node (compared as
 *       addresses, so {@code fd00::1} equals {@code fd00:0::1}); reported at the later node, the
 *       message names the earlier one.</li>
 * </ul>
 */
public final class NodeIdentityRule implements ClusterRule {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    /** Windows' reserved device names, which no file or directory may have (a DNS-1123 label is lower case). */
    private static final Pattern WINDOWS_RESERVED = Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]");

    @Override
    public void check(ClusterRuleContext ctx) {
        Map<String, Cluster.Node> byName = new HashMap<>();
        Map<String, Cluster.Node> byAddress = new HashMap<>();
        for (Cluster.Node node : ctx.cluster().nodes()) {
            checkName(ctx, node, byName);
            checkAddress(ctx, node, byAddress);
        }
        checkBootstrapFamily(ctx);
    }

    /**
     * LC3018 also for an IPv6 bootstrap address when other nodes join: {@code microk8s join} splits
     * {@code <address>:25000/<token>} at ':' and needs exactly two parts (JoinRule, LC1024 on the
     * seeds), so the joining nodes cannot reach the bootstrap node through it.
     */
    private static void checkBootstrapFamily(ClusterRuleContext ctx) {
        Cluster.Node boot = ctx.resolved().bootstrap();
        if (boot == null || ctx.cluster().nodes().size() < 2) {
            return;
        }
        byte[] ip = Inet.parseIp(boot.address().text());
        if (ip != null && ip.length == 16) {
            ctx.atValue(Code.BAD_NODE_ADDRESS, boot.address().pointer(), "address " + Inet.format(ip)
                    + " of the bootstrap node " + printable(boot.name().text()) + " is IPv6: the other nodes join through"
                    + " <address>:25000/<token>, which microk8s join splits at ':' into exactly two parts, so an IPv6"
                    + " address cannot be used", "give " + printable(boot.name().text()) + " its IPv4 address (IPv6 pod"
                    + " and service ranges still work, see spec.network.ipv6)");
        }
    }

    private static void checkName(ClusterRuleContext ctx, Cluster.Node node, Map<String, Cluster.Node> byName) {
        String name = node.name().text();
        String problem = nameProblem(name);
        if (problem != null) {
            ctx.atValue(Code.BAD_NODE_NAME, node.name().pointer(), "node name '" + printable(name) + "' " + problem
                    + ": launchc writes this node's seed to nodes/<name>/ and `compile --node` selects it by name,"
                    + " so it must be a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)",
                    suggestion(name));
            return;
        }
        if (WINDOWS_RESERVED.matcher(name).matches()) {
            ctx.atValue(Code.WINDOWS_RESERVED_NODE_NAME, node.name().pointer(), "node name '" + name + "' is a device name"
                    + " on Windows: the bundle holds nodes/" + name + "/, which Windows cannot extract or copy (and"
                    + " bundles often travel to an air-gapped site through a Windows machine)",
                    "rename the node, e.g. " + name + "-1");
        }
        Cluster.Node first = byName.putIfAbsent(name, node);
        if (first != null) {
            ctx.atValue(Code.DUPLICATE_NODE_NAME, node.name().pointer(), "node name " + name
                    + " is already used by the node at " + listPosition(first.pointer())
                    + ": compile writes each node's seed to nodes/" + name
                    + "/, so one seed would overwrite the other and `compile --node " + name + "` could not tell them apart",
                    "give every node its own name");
        }
    }

    /** "spec.nodes[0]" for "/spec/nodes/0". */
    static String listPosition(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return pointer.substring(1, slash).replace('/', '.') + "[" + pointer.substring(slash + 1) + "]";
    }

    /** Why {@code name} is not a DNS-1123 label, or null when it is one. */
    static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.length() > 63) {
            return "is " + name.length() + " characters long";
        }
        if (LABEL.matcher(name).matches()) {
            return null;
        }
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return "holds '" + (Character.isISOControl(c) ? "?" : String.valueOf(c)) + "'";
            }
        }
        return upper ? "has upper-case letters" : "starts or ends with '-'";
    }

    private static String suggestion(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
        s = s.replaceAll("^-+", "");
        if (s.length() > 63) {
            s = s.substring(0, 63);
        }
        s = s.replaceAll("-+$", "");
        return s.isEmpty() || nameProblem(s) != null ? "use lower-case letters, digits and '-', e.g. cp-1" : "use " + s;
    }

    private static void checkAddress(ClusterRuleContext ctx, Cluster.Node node, Map<String, Cluster.Node> byAddress) {
        String address = node.address().text();
        byte[] ip = Inet.parseIp(address);
        String name = node.name().text();
        if (ip == null) {
            ctx.atValue(Code.BAD_NODE_ADDRESS, node.address().pointer(), "address '" + printable(address) + "' of node "
                    + printable(name) + " is not an IP address: the bootstrap node's address forms the join URL"
                    + " <address>:25000/<token> that the other nodes use, and control-plane addresses go into the"
                    + " API server certificate", addressHint(address));
            return;
        }
        Cluster.Node first = byAddress.putIfAbsent(Inet.format(ip), node);
        if (first != null) {
            ctx.atValue(Code.DUPLICATE_NODE_ADDRESS, node.address().pointer(), "node " + printable(name)
                    + " has the same address as node " + printable(first.name().text()) + " (" + Inet.format(ip)
                    + "): joining nodes, the cluster agent on port 25000 and the API server certificate reach a node by"
                    + " its address, so only one of the two can be reached", "give each node the address it is reachable at");
        }
    }

    private static String addressHint(String address) {
        if (address.isEmpty()) {
            return "write the node's IPv4 or IPv6 address, e.g. 10.0.0.11";
        }
        int slash = address.indexOf('/');
        if (slash > 0 && Inet.parseCidr(address) != null) {
            return "drop the prefix length: " + address.substring(0, slash);
        }
        if (address.startsWith("[") && address.endsWith("]") && Inet.parseIpv6(address.substring(1, address.length() - 1)) != null) {
            return "drop the brackets: " + address.substring(1, address.length() - 1);
        }
        int colon = address.lastIndexOf(':');
        if (colon > 0 && address.indexOf(':') == colon && Inet.parseIpv4(address.substring(0, colon)) != null) {
            return "drop the port: " + address.substring(0, colon) + " (launchc adds :25000 itself)";
        }
        if (Inet.isDnsName(address) && !Inet.looksNumeric(address)) {
            return "use the node's IP address instead of a host name: the join URL must be IP:port/token";
        }
        return "write four decimal octets without leading zeros, e.g. 10.0.0.11, or an IPv6 address such as fd00::11";
    }
}
