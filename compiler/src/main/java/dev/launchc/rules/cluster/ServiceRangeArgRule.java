package dev.launchc.rules.cluster;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.net.Inet;
import dev.launchc.resolve.KubeArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * LC3029 (SERVICE_RANGE_SET_TWICE): kube-apiserver's {@code --service-cluster-ip-range} given in
 * {@code services.kubeApiServer}, cluster-wide or on a node, that is not the service range of
 * {@code spec.network}. compile derives from spec.network what must agree with the API server's
 * range: the DNS Service address and the first service IP in the certificate SANs. On 1.28 and
 * later MicroK8s' full-mode pass writes the flag back over what generate-cni.sh wrote, so the
 * cluster would run on the flag's range with those derived from the other; on 1.27 compile writes
 * spec.network's range last, so the flag would be dropped. Either way one range must be written
 * once, in spec.network.
 */
public final class ServiceRangeArgRule implements ClusterRule {
    static final String FLAG = "--service-cluster-ip-range";

    @Override
    public void check(ClusterRuleContext ctx) {
        Cluster.Network net = ctx.cluster().network();
        List<Inet.Cidr> expected = net == null ? null : networkRange(net);
        if (expected == null) {
            return; // NetworkRule reports the unparsable spec.network range (LC3019)
        }
        for (ArgEntry e : ctx.cluster().serviceArgs(ServiceFile.KUBE_APISERVER)) {
            if (FLAG.equals(e.key()) && !e.isRemoval() && !sameRange(KubeArgs.kubeliteView(e.value()), expected)) {
                String want = String.join(",", expected.stream().map(Object::toString).toList());
                ctx.atValue(Code.SERVICE_RANGE_SET_TWICE, e.pointer(), FLAG + " " + e.value().strip()
                        + " is not spec.network's service range " + want + ": compile derives the DNS Service"
                        + " address and the certificate's service IP from spec.network, so they would not match"
                        + " the API server's range", "set the range in spec.network (ipv4.serviceCIDR"
                        + (expected.size() > 1 ? ", ipv6.serviceCIDR" : "") + ") and remove " + FLAG + " here");
            }
        }
    }

    /** spec.network's service ranges as kube-apiserver gets them (IPv4 first), or null if one does not parse. */
    private static List<Inet.Cidr> networkRange(Cluster.Network net) {
        List<Inet.Cidr> out = new ArrayList<>();
        for (Cluster.IpFamily f : new Cluster.IpFamily[] {net.ipv4(), net.ipv6()}) {
            if (f != null) {
                Inet.Cidr c = Inet.parseCidr(f.serviceCidr().text().strip());
                if (c == null) {
                    return null;
                }
                out.add(c.network());
            }
        }
        return out;
    }

    private static boolean sameRange(String value, List<Inet.Cidr> expected) {
        List<Inet.Cidr> given = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            Inet.Cidr c = Inet.parseCidr(item.strip());
            given.add(c == null ? null : c.network());
        }
        return given.size() == expected.size() && given.stream().allMatch(Objects::nonNull) && given.equals(expected);
    }
}
