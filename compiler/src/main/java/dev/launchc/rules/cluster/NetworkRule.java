package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFacts.printable;
import static dev.launchc.rules.cluster.ClusterFacts.written;

import dev.launchc.diag.Code;
import dev.launchc.load.Yaml11;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.Value;
import dev.launchc.net.Inet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The pod network: CIDRs, node addresses against them, and the MTU.
 * <ul>
 *   <li>LC3019 (BAD_NETWORK_CIDR): a pod or service CIDR that is not {@code address/prefix}, is of
 *       the other IP family than its block ({@code ipv4}/{@code ipv6}), or has host bits set
 *       ({@code 10.1.2.3/16}); also an MTU outside 576–9000 (1280–9000 with IPv6 on), 0 meaning
 *       "let Calico detect it". All go into {@code extraCNIEnv}, which MicroK8s'
 *       {@code generate-cni.sh} copies into Calico's pool, kube-proxy and kube-apiserver.</li>
 *   <li>LC3005 (OVERLAPPING_CIDRS): the pod and the service CIDR of one family overlap. Reported at
 *       whichever of the two the file writes (the service CIDR when both).</li>
 *   <li>LC3004 (NODE_ADDRESS_IN_CLUSTER_CIDR): a node address inside a pod or service CIDR: traffic
 *       to that node would be routed into the pod network or captured by kube-proxy.</li>
 *   <li>LC1015 (CNI_NO_FAMILY): {@code ipv4.enabled: false} with no {@code ipv6} block.</li>
 *   <li>LC3028 (NETWORK_NOT_APPLICABLE): on a track without {@code generate-cni.sh} (1.27), what
 *       only that script applies: a pod CIDR other than Calico's bundled 10.1.0.0/16, an
 *       {@code ipv6} block, a non-zero MTU. The service CIDR is not among them: compile writes it
 *       into kube-apiserver's {@code --service-cluster-ip-range} itself.</li>
 * </ul>
 * Not checked: the service CIDR's size limits of kube-apiserver (they changed with the
 * MultiCIDRServiceAllocator feature), and the MTU for CNIs other than Calico.
 */
public final class NetworkRule implements ClusterRule {
    static final int MTU_MAX = 9000;
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)");
    static final int MTU_MIN_V4 = 576;
    static final int MTU_MIN_V6 = 1280;

    private record Range(String role, Value value, Inet.Cidr cidr) {}

    @Override
    public void check(ClusterRuleContext ctx) {
        Cluster.Network net = ctx.cluster().network();
        if (net == null) {
            return;
        }
        List<Range> ranges = new ArrayList<>();
        family(ctx, net.ipv4(), 4, ranges);
        family(ctx, net.ipv6(), 6, ranges);
        if (net.ipv4() == null && net.ipv6() == null) {
            ctx.atValue(Code.CNI_NO_FAMILY, "/spec/network/ipv4/enabled", "IPv4 is turned off and there is no ipv6"
                    + " block: MicroK8s' generate-cni.sh needs at least one IP family and fails the install on every node",
                    "remove ipv4.enabled: false, or add spec.network.ipv6 for an IPv6-only cluster");
        }
        nodes(ctx, ranges);
        boolean mtuInRange = mtu(ctx, net);
        if (!ctx.track().runsGenerateCni()) {
            withoutGenerateCni(ctx, net, mtuInRange);
        }
    }

    /**
     * On 1.27 the install hook copies Calico's manifest unchanged (reference tracks/1.27/generate-cni.txt)
     * and a launch config has no way to edit it, so these settings would be dropped without a word.
     */
    private static void withoutGenerateCni(ClusterRuleContext ctx, Cluster.Network net, boolean mtuInRange) {
        String track = "MicroK8s " + ctx.track().name() + " has no generate-cni.sh, and its install hook copies Calico's"
                + " bundled manifest unchanged (no launch config can edit it)";
        String later = "target MicroK8s 1.28 or later, where generate-cni.sh applies it";
        if (net.ipv4() != null && written(ctx, net.ipv4().podCidr().pointer())) {
            Inet.Cidr pod = Inet.parseCidr(net.ipv4().podCidr().text());
            Inet.Cidr bundled = Inet.parseCidr(Cluster.DEFAULT_POD_CIDR_V4);
            if (!bundled.equals(pod)) {
                ctx.atValue(Code.NETWORK_NOT_APPLICABLE, net.ipv4().podCidr().pointer(), "ipv4.podCIDR "
                        + printable(net.ipv4().podCidr().text().strip())
                        + " cannot be applied: " + track + ", so Calico keeps handing out pod addresses from " + bundled
                        + " (and kube-proxy keeps --cluster-cidr=" + bundled + ")",
                        "remove podCIDR to use " + bundled + ", or " + later);
            }
        }
        if (net.ipv6() != null) {
            ctx.atKey(Code.NETWORK_NOT_APPLICABLE, "/spec/network/ipv6", "IPv6 cannot be set up: " + track
                    + "; that manifest's IP pool is IPv4 only, so pods would get no IPv6 addresses",
                    "remove spec.network.ipv6, or " + later);
        }
        if (net.mtu() != null && mtuInRange && Long.parseLong(net.mtu().text().strip()) != 0) {
            ctx.atValue(Code.NETWORK_NOT_APPLICABLE, net.mtu().pointer(), "mtu " + net.mtu().text().strip()
                    + " cannot be applied: " + track + ", so Calico keeps detecting the MTU itself",
                    "remove mtu, or " + later);
        }
    }

    private static void family(ClusterRuleContext ctx, Cluster.IpFamily f, int family, List<Range> ranges) {
        if (f == null) {
            return;
        }
        Range pod = cidr(ctx, "pod CIDR", f.podCidr(), family);
        Range svc = cidr(ctx, "service CIDR", f.serviceCidr(), family);
        if (pod != null) {
            ranges.add(pod);
        }
        if (svc != null) {
            ranges.add(svc);
        }
        if (pod == null || svc == null || !overlap(pod.cidr(), svc.cidr())) {
            return;
        }
        boolean svcWritten = written(ctx, svc.value().pointer());
        Range at = svcWritten || !written(ctx, pod.value().pointer()) ? svc : pod;
        Range other = at == svc ? pod : svc;
        String fam = "ipv" + family;
        String alt = family == 4 ? Cluster.DEFAULT_SERVICE_CIDR_V4 : Cluster.DEFAULT_SERVICE_CIDR_V6;
        String hint = at == svc && !overlap(pod.cidr(), Inet.parseCidr(alt))
                ? "pick a service CIDR outside " + pod.cidr() + ", e.g. the default " + alt
                : "pick " + fam + " pod and service CIDRs that do not share addresses";
        ctx.atValue(Code.OVERLAPPING_CIDRS, at.value().pointer(), fam + " " + at.role() + " " + at.cidr() + " overlaps the "
                + other.role() + " " + other.cidr() + (written(ctx, other.value().pointer()) ? "" : " (the default)")
                + ": Calico hands out pod addresses that are also Service IPs, and kube-proxy captures traffic to those"
                + " pods", hint);
    }

    /** The parsed range, or null after reporting LC3019. */
    private static Range cidr(ClusterRuleContext ctx, String role, Value v, int family) {
        String fam = "ipv" + family;
        String field = fam + "." + (role.startsWith("pod") ? "podCIDR" : "serviceCIDR");
        String text = v.text();
        boolean pod = role.startsWith("pod");
        Inet.Cidr c = Inet.parseCidr(text);
        if (pod && !ctx.track().runsGenerateCni()) {
            // Not applied at all on such a track: LC3028 says so, whatever the value.
            return c != null && c.family() == family && c.isNetwork() ? new Range(role, v, c) : null;
        }
        String why = why(ctx, pod);
        if (c == null) {
            byte[] bare = Inet.parseIp(text);
            String hint = bare != null ? "add the prefix length, e.g. " + text
                    + (bare.length == 4 ? (pod ? "/16" : "/24") : (pod ? "/64" : "/108"))
                    : "write it as address/prefix, e.g. " + (family == 4 ? "10.1.0.0/16" : "fd01::/64");
            String refused = ctx.track().runsGenerateCni() ? ", which refuse it, so the nodes get no pod network"
                    : ", which refuses it, so kube-apiserver does not start";
            ctx.atValue(Code.BAD_NETWORK_CIDR, v.pointer(), field + " '" + printable(text) + "' is not a CIDR"
                    + " (address/prefix length):" + why + refused, hint);
            return null;
        }
        if (c.family() != family) {
            ctx.atValue(Code.BAD_NETWORK_CIDR, v.pointer(), field + " " + c + " is an IPv" + c.family() + " range in the "
                    + fam + " block:" + why + " as the " + fam + " range, where it does not fit",
                    "move it to spec.network.ipv" + c.family() + " or use an IPv" + family + " range such as "
                            + (family == 4 ? "10.1.0.0/16" : "fd01::/64"));
            return null;
        }
        if (!c.isNetwork()) {
            ctx.atValue(Code.BAD_NETWORK_CIDR, v.pointer(), field + " " + printable(text) + " has host bits set: the range"
                    + " it names is " + c.network() + ", so the address part is probably a typo;" + why + " as written",
                    "use " + c.network());
            return null;
        }
        return new Range(role, v, c);
    }

    /** Where a range goes on the nodes, for the messages: on a track without generate-cni.sh only the service range goes anywhere. */
    private static String why(ClusterRuleContext ctx, boolean pod) {
        if (ctx.track().runsGenerateCni()) {
            return " generate-cni.sh copies it into Calico's IP pool and the --cluster-cidr /"
                    + " --service-cluster-ip-range flags of every node";
        }
        return " compile writes it into kube-apiserver's --service-cluster-ip-range on every node (MicroK8s "
                + ctx.track().name() + " has no generate-cni.sh)";
    }

    static boolean overlap(Inet.Cidr a, Inet.Cidr b) {
        if (a == null || b == null || a.family() != b.family()) {
            return false;
        }
        return a.prefix() <= b.prefix() ? a.contains(b.address()) : b.contains(a.address());
    }

    private static void nodes(ClusterRuleContext ctx, List<Range> ranges) {
        for (Cluster.Node node : ctx.cluster().nodes()) {
            byte[] ip = Inet.parseIp(node.address().text());
            if (ip == null) {
                continue;
            }
            for (Range r : ranges) {
                if (r.cidr().contains(ip)) {
                    String field = "spec.network.ipv" + r.cidr().family() + "." + (r.role().startsWith("pod") ? "podCIDR" : "serviceCIDR");
                    ctx.atValue(Code.NODE_ADDRESS_IN_CLUSTER_CIDR, node.address().pointer(), "address " + Inet.format(ip)
                            + " of node " + printable(node.name().text()) + " lies inside the " + r.role() + " " + r.cidr()
                            + (written(ctx, r.value().pointer()) ? "" : " (the default)") + ": "
                            + (r.role().startsWith("pod") ? "Calico routes that range into the pod network"
                                    : "kube-proxy captures traffic to that range for Services")
                            + ", so the other nodes cannot reach this node at its address",
                            "move " + field + " to a range that no node uses");
                    break;
                }
            }
        }
    }

    /** False when the MTU is no integer or LC3019 was reported for it. */
    private static boolean mtu(ClusterRuleContext ctx, Cluster.Network net) {
        Value v = net.mtu();
        if (v == null) {
            return true;
        }
        String text = v.text().strip();
        if (!DECIMAL.matcher(text).matches()) {
            if (Yaml11.number(text) == null) {
                return false; // the schema reports a value that is no number
            }
            // YAML 1.1 reads 0x96, 1_50, 0150 or 1e400 as a number, but compile writes the text as it stands.
            ctx.atValue(Code.BAD_NETWORK_CIDR, v.pointer(), "mtu " + text + " is written as CALICO_VETH_MTU=" + text
                    + " as it stands: Calico's CNI config takes the MTU as a JSON number, which is plain decimal digits, so the pod"
                    + " network does not come up",
                    "write the MTU in decimal digits without a leading zero, e.g. mtu: 1450");
            return false;
        }
        // Clamped so that huge integers compare as too large instead of overflowing.
        long mtu = new BigInteger(text).max(BigInteger.valueOf(-1)).min(BigInteger.valueOf(MTU_MAX + 1)).longValue();
        if (mtu == 0) {
            return true;
        }
        boolean v6 = net.ipv6() != null;
        int min = v6 ? MTU_MIN_V6 : MTU_MIN_V4;
        if (mtu >= min && mtu <= MTU_MAX) {
            return true;
        }
        String why = mtu > MTU_MAX
                ? "no common network carries frames that large, so pod traffic between nodes would be dropped"
                : v6 ? "IPv6 needs an MTU of at least 1280, so pods would get no IPv6 traffic"
                        : "IPv4 hosts must accept 576-byte packets, so pod traffic would break";
        ctx.atValue(Code.BAD_NETWORK_CIDR, v.pointer(), "mtu " + text + " is outside " + min + "–" + MTU_MAX
                + ": Calico gives every pod interface this MTU (CALICO_VETH_MTU); " + why,
                "use the node network's MTU minus the overlay overhead: 1450 for VXLAN on a 1500-byte network,"
                        + " 8950 on 9000; 0 lets Calico detect it");
        return false;
    }
}
