package dev.launchc.rules.cluster;

import dev.launchc.resolve.AddonRef;
import dev.launchc.catalog.AddonArgumentSpec;
import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Code;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.Value;
import dev.launchc.rules.DnsAddonIpRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The dns addon's arguments as the cluster file decides them.
 * <ul>
 *   <li>LC3035 (BAD_DNS_UPSTREAM): an entry of {@code spec.network.dns.upstream} that is not an IP
 *       address. Compile joins the entries with ',' into the addon's first argument, and the core
 *       dns addon's {@code enable} (canonical/microk8s-core-addons {@code addons/dns/enable}) runs
 *       {@code ip route get} on each and exits 1 for anything else ({@code a;b}, {@code host:port},
 *       host names); {@code /etc/resolv.conf} works only alone.</li>
 *   <li>LC1041 (DNS_ADDON_IP_OUTSIDE_SERVICES): a cluster IP given in the dns addon's own
 *       {@code args} that no Service of {@code spec.network}'s service CIDR can get.</li>
 * </ul>
 */
public final class DnsAddonArgRule implements ClusterRule {
    private static final String RESOLV_CONF = "/etc/resolv.conf";

    @Override
    public void check(ClusterRuleContext ctx) {
        Cluster.Network net = ctx.cluster().network();
        upstream(ctx, net.upstream());
        for (AddonRequest a : ctx.cluster().addons()) {
            AddonRef an = AddonRef.parse(a.name());
            if (a.disable() || !"dns".equals(Catalog.get().addonFacts(an.name()).canonical(ctx.track().name()))) {
                continue;
            }
            List<AddonArgumentSpec.Arg> args = new ArrayList<>();
            an.colonArgs().forEach(c -> args.add(new AddonArgumentSpec.Arg(c, a.pointer() + "/name")));
            for (int i = 0; i < a.args().size(); i++) {
                args.add(new AddonArgumentSpec.Arg(a.args().get(i), a.pointer() + "/args/" + i));
            }
            AddonArgumentSpec.Arg ip = DnsAddonIpRule.clusterIp(new AddonArgumentSpec.Use(an.name(), "dns", false, args,
                    a.pointer() + "/name", !an.colonArgs().isEmpty()));
            if (ip != null && ctx.resolved().serviceCidrsParse()) {
                DnsAddonIpRule.judge(ip, ctx.resolved()::serviceNetwork, "spec.network",
                        (pointer, message, hint) -> ctx.atValue(Code.DNS_ADDON_IP_OUTSIDE_SERVICES, pointer, message, hint));
            }
        }
    }

    private static void upstream(ClusterRuleContext ctx, List<Value> upstream) {
        for (Value v : upstream) {
            String text = v.text().strip();
            String problem;
            if (text.equals(RESOLV_CONF)) {
                problem = upstream.size() == 1 ? null : RESOLV_CONF + " stands for the host's resolvers and cannot be"
                        + " listed with other nameservers";
            } else {
                problem = text.isEmpty() ? "the entry is empty" : AddonArgumentSpec.nameserversProblem(text);
            }
            if (problem != null) {
                ctx.atValue(Code.BAD_DNS_UPSTREAM, v.pointer(), "upstream nameserver: " + problem + "; compile passes"
                        + " the list to the dns addon, whose enable script accepts only IP addresses, so it fails and"
                        + " the cluster has no DNS", "write nameserver IP addresses only, one per entry (e.g. 10.0.0.53),"
                        + " or leave upstream out to use the host's /etc/resolv.conf");
            }
        }
    }
}
