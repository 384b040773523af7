package dev.launchc.rules;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.net.Inet;
import dev.launchc.resolve.KubeArgs;
import dev.launchc.resolve.ServiceNetwork;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * LC1018 (CLUSTER_DNS_OUTSIDE_SERVICES): an address of the kubelet's {@code --cluster-dns} (the
 * last value the parts set; comma-separated for dual stack) that is not a usable address of the
 * effective service CIDR of its family (see {@link ServiceNetwork}: extraCNIEnv, else
 * kube-apiserver {@code --service-cluster-ip-range}, else the track default 10.152.183.0/24).
 * Pods are told to use that address for DNS, but the DNS Service can only get a ClusterIP inside
 * the service range, so name resolution fails in every pod. Also reported: the network address,
 * the first address (taken by the {@code kubernetes} Service) and, for IPv4, the broadcast address.
 *
 * <p>Addresses that are not IP literals are left to the flag-value checks.
 */
public final class ClusterDnsRule implements Rule {
    public static final String FLAG = "--cluster-dns";

    /** Receives what is wrong with the addresses of one --cluster-dns value; each rule words it for its file. */
    public interface AddressFindings {
        /** An address of a family the cluster has no service CIDR of. */
        void noServiceCidr(String address, int family);

        void outside(String address, Inet.Cidr cidr);

        /** @param which "the network address", "the first address (…)" or "the broadcast address" */
        void reserved(String address, Inet.Cidr cidr, String which);
    }

    @Override
    public void check(RuleContext ctx) {
        ArgEntry dns = null;
        Part dnsPart = null;
        for (Part part : ctx.config().parts()) {
            for (ArgEntry e : part.args(ServiceFile.KUBELET)) {
                if (FLAG.equals(e.key())) {
                    dns = e;
                    dnsPart = part;
                }
            }
        }
        if (dns == null || dns.isRemoval()) {
            return;
        }
        ServiceNetwork.Effective net = ctx.resolved().serviceNetwork();
        if (net == null) {
            return;
        }
        ArgEntry entry = dns;
        Part part = dnsPart;
        judge(KubeArgs.kubeliteView(dns.value()), net::ofFamily, new AddressFindings() {
            @Override
            public void noServiceCidr(String address, int family) {
                ctx.atValue(Code.CLUSTER_DNS_OUTSIDE_SERVICES, part, entry.pointer(), FLAG + " " + address + " is IPv"
                        + family + " but the cluster has no IPv" + family + " service CIDR (service CIDR " + net.describe()
                        + " from " + net.origin() + ")",
                        family == 6 ? "enable IPv6 in extraCNIEnv (IPv6_SUPPORT, IPv6_CLUSTER_CIDR, IPv6_SERVICE_CIDR) or drop this address"
                                : "drop this address or enable IPv4 in extraCNIEnv");
            }

            @Override
            public void outside(String address, Inet.Cidr cidr) {
                ctx.atValue(Code.CLUSTER_DNS_OUTSIDE_SERVICES, part, entry.pointer(), FLAG + " " + address
                        + " is outside the service CIDR " + cidr + " (from " + net.origin() + "); the DNS Service cannot get this address, so pods cannot resolve names",
                        suggestion(cidr));
            }

            @Override
            public void reserved(String address, Inet.Cidr cidr, String which) {
                ctx.atValue(Code.CLUSTER_DNS_OUTSIDE_SERVICES, part, entry.pointer(), FLAG + " " + address + " is "
                        + which + " of the service CIDR " + cidr + "; no Service can get it", suggestion(cidr));
            }
        });
    }

    /**
     * Checks each address of a --cluster-dns value (comma-separated for dual stack) against the
     * service CIDR of its family; addresses that are not IP literals are left to the flag-value checks.
     */
    public static void judge(String value, IntFunction<Inet.Cidr> serviceCidrOfFamily, AddressFindings findings) {
        for (String item : value.split(",", -1)) {
            String text = item.strip();
            byte[] ip = Inet.parseIp(text);
            if (ip == null) {
                continue;
            }
            int family = ip.length == 4 ? 4 : 6;
            Inet.Cidr cidr = serviceCidrOfFamily.apply(family);
            if (cidr == null) {
                findings.noServiceCidr(text, family);
            } else if (!cidr.contains(ip)) {
                findings.outside(text, cidr);
            } else if (reserved(cidr, ip) != null) {
                findings.reserved(text, cidr, reserved(cidr, ip));
            }
        }
    }

    private static String reserved(Inet.Cidr cidr, byte[] ip) {
        if (Arrays.equals(ip, cidr.plus(0))) {
            return "the network address";
        }
        if (Arrays.equals(ip, cidr.plus(1))) {
            return "the first address (the kubernetes Service's)";
        }
        if (cidr.family() == 4 && cidr.hostBits() > 1 && Arrays.equals(ip, cidr.last())) {
            return "the broadcast address";
        }
        return null;
    }

    /** The conventional .10 of the range, or the next free address for tiny ranges. */
    public static String suggestion(Inet.Cidr cidr) {
        byte[] ip = cidr.hostBits() >= 4 ? cidr.plus(10) : cidr.plus(2);
        if (ip == null || reserved(cidr, ip) != null) {
            return "enlarge the service CIDR " + cidr;
        }
        return "use " + Inet.format(ip) + ", inside " + cidr;
    }
}
