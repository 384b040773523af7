package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFacts.written;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.model.internal.Value;
import dev.launchc.net.Inet;
import dev.launchc.resolve.KubeArgs;
import dev.launchc.rules.ClusterDnsRule;

/**
 * LC1018 (CLUSTER_DNS_OUTSIDE_SERVICES) for a kubelet {@code --cluster-dns} given in
 * {@code services.kubelet}, cluster-wide or on a node: each address must be a usable address of
 * the service CIDR of its family in {@code spec.network}, the range every seed gives the API server
 * (through extraCNIEnv and generate-cni.sh, or on 1.27 through {@code --service-cluster-ip-range}).
 * The native rule would find the same in each derived seed, where the user could not act on it.
 * Reported at the value in the cluster file; a node's value is checked even where it overrides the
 * cluster-wide one, and the cluster-wide one even where every node overrides it.
 */
public final class ClusterDnsArgRule implements ClusterRule {
    private static final String LEAVE_OUT = "; or leave --cluster-dns out: compile derives it from spec.network";

    @Override
    public void check(ClusterRuleContext ctx) {
        Cluster.Network net = ctx.cluster().network();
        if (!ctx.resolved().serviceCidrsParse()) {
            return; // NetworkRule reports the CIDR (LC3019); judged against nothing, every address would look wrong
        }
        for (ArgEntry e : ctx.cluster().serviceArgs(ServiceFile.KUBELET)) {
            if (ClusterDnsRule.FLAG.equals(e.key()) && !e.isRemoval()) {
                check(ctx, net, e);
            }
        }
    }

    private static void check(ClusterRuleContext ctx, Cluster.Network net, ArgEntry dns) {
        String flag = ClusterDnsRule.FLAG;
        ClusterDnsRule.judge(KubeArgs.kubeliteView(dns.value()), ctx.resolved()::serviceNetwork, new ClusterDnsRule.AddressFindings() {
            @Override
            public void noServiceCidr(String address, int family) {
                ctx.atValue(Code.CLUSTER_DNS_OUTSIDE_SERVICES, dns.pointer(), flag + " " + address + " is IPv" + family
                        + " but the cluster has no IPv" + family + " service CIDR"
                        + (family == 4 ? " (spec.network.ipv4 is turned off)" : " (spec.network has no ipv6 block)")
                        + ": no Service can get this address, so pods cannot resolve names through it",
                        (family == 6 ? "add spec.network.ipv6 for dual stack, or drop this address" : "drop this address")
                                + LEAVE_OUT);
            }

            @Override
            public void outside(String address, Inet.Cidr cidr) {
                ctx.atValue(Code.CLUSTER_DNS_OUTSIDE_SERVICES, dns.pointer(), flag + " " + address
                        + " is outside the service CIDR " + cidr + " (" + origin(ctx, net, cidr.family()) + "): the DNS"
                        + " Service cannot get this address, so pods cannot resolve names",
                        ClusterDnsRule.suggestion(cidr) + LEAVE_OUT);
            }

            @Override
            public void reserved(String address, Inet.Cidr cidr, String which) {
                ctx.atValue(Code.CLUSTER_DNS_OUTSIDE_SERVICES, dns.pointer(), flag + " " + address + " is " + which
                        + " of the service CIDR " + cidr + " (" + origin(ctx, net, cidr.family()) + "); no Service can"
                        + " get it", ClusterDnsRule.suggestion(cidr) + LEAVE_OUT);
            }
        });
    }

    private static String origin(ClusterRuleContext ctx, Cluster.Network net, int family) {
        Value v = (family == 4 ? net.ipv4() : net.ipv6()).serviceCidr();
        return "spec.network.ipv" + family + ".serviceCIDR" + (written(ctx, v.pointer()) ? "" : ", the default");
    }
}
