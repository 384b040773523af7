package dev.launchc.rules;

import dev.launchc.catalog.AddonArgumentSpec;
import dev.launchc.catalog.Catalog;
import dev.launchc.resolve.ServiceNetwork;
import dev.launchc.diag.Code;
import dev.launchc.net.Inet;
import java.util.function.IntFunction;

/**
 * LC1041 (DNS_ADDON_IP_OUTSIDE_SERVICES): the dns addon's second argument, the ClusterIP of the
 * kube-dns Service, that is not a usable address of the service CIDR of its family (the effective
 * one of {@link ServiceNetwork}). The core dns addon's {@code enable}
 * (canonical/microk8s-core-addons {@code addons/dns/enable}) applies the CoreDNS manifest with that
 * {@code clusterIP} under {@code set -e}; the API server refuses a Service address outside its
 * range (or the range's network, first or broadcast address), so the enable fails and no DNS is set
 * up. Without that argument (or with an empty one) the 1.27 script uses 10.152.183.10 whatever the
 * service range (the catalog's positional default), which is judged the same way; from 1.28 the
 * script lets the API server pick an address then. A value that is no IP address is
 * {@link AddonArgsRule}'s.
 */
public final class DnsAddonIpRule implements Rule {
    static final String DNS = "dns";

    /** Where {@link #judge} reports; the caller chooses the diagnostic code. */
    @FunctionalInterface
    public interface Sink {
        void report(String pointer, String message, String hint);
    }

    @Override
    public void check(RuleContext ctx) {
        AddonRequests.forEach(ctx, (part, a, an, addon) -> {
            if (a.disable() || !DNS.equals(addon) || !AddonRequests.bundled(an)) {
                return;
            }
            String track = ctx.track().name();
            AddonArgumentSpec.Arg ip = clusterIp(AddonArgsRule.use(a, an, track));
            AddonArgumentSpec spec = Catalog.get().addonFacts(addon).argsFor("enable", track);
            String fixed = (ip == null || ip.text().isEmpty()) && spec != null ? spec.positionalDefault(2, track) : null;
            ServiceNetwork.Effective net = ip == null && fixed == null ? null : ctx.resolved().serviceNetwork();
            if (net == null) {
                return;
            }
            if (fixed != null) {
                // No cluster IP given, and the track's script has a fixed one (1.27: 10.152.183.10).
                judge(new AddonArgumentSpec.Arg(fixed, a.pointer() + "/name"), "the cluster IP " + fixed
                        + " that the dns addon of track " + track + " uses when none is given", net::ofFamily,
                        net.describe() + " from " + net.origin(), (pointer, message, hint) -> ctx.atValue(
                                Code.DNS_ADDON_IP_OUTSIDE_SERVICES, part, pointer, message,
                                "pass the cluster IP as the dns addon's second argument (args: [\"\", ADDRESS]): " + hint));
            } else {
                judge(ip, net::ofFamily, net.describe() + " from " + net.origin(),
                        (pointer, message, hint) -> ctx.atValue(Code.DNS_ADDON_IP_OUTSIDE_SERVICES, part, pointer,
                                message, hint));
            }
        });
    }

    /** The second positional argument of a dns enable (its first is the nameserver list), or null. */
    public static AddonArgumentSpec.Arg clusterIp(AddonArgumentSpec.Use dns) {
        int positional = 0;
        for (AddonArgumentSpec.Arg a : dns.args()) {
            if (!a.text().startsWith("-") && ++positional == 2) {
                return a;
            }
        }
        return null;
    }

    /** Reports the dns addon's ClusterIP {@code ip} when no Service can get it; {@code origin} names the range. */
    public static void judge(AddonArgumentSpec.Arg ip, IntFunction<Inet.Cidr> serviceCidrOfFamily, String origin,
            Sink sink) {
        judge(ip, "the dns addon's cluster IP " + ip.text().strip(), serviceCidrOfFamily, origin, sink);
    }

    /** As {@link #judge(AddonArgumentSpec.Arg, IntFunction, String, Sink)}, with {@code what} naming the address in the message. */
    static void judge(AddonArgumentSpec.Arg ip, String what, IntFunction<Inet.Cidr> serviceCidrOfFamily, String origin,
            Sink sink) {
        String effect = ": the dns addon's enable script creates the kube-dns Service with this address, the API server"
                + " refuses it, and DNS is not set up";
        ClusterDnsRule.judge(ip.text(), serviceCidrOfFamily, new ClusterDnsRule.AddressFindings() {
            @Override
            public void noServiceCidr(String address, int family) {
                sink.report(ip.pointer(), what + " is IPv" + family + " but the cluster has no IPv" + family
                        + " service CIDR (" + origin + ")" + effect, "use an address of the service CIDR");
            }

            @Override
            public void outside(String address, Inet.Cidr cidr) {
                sink.report(ip.pointer(), what + " is outside the service CIDR " + cidr + " (" + origin + ")" + effect,
                        ClusterDnsRule.suggestion(cidr));
            }

            @Override
            public void reserved(String address, Inet.Cidr cidr, String which) {
                sink.report(ip.pointer(), what + " is " + which + " of the service CIDR " + cidr + effect,
                        ClusterDnsRule.suggestion(cidr));
            }
        });
    }
}
