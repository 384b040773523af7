package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFacts.printable;

import dev.launchc.catalog.AddonFacts;
import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Code;
import dev.launchc.rules.cluster.ClusterAddonUses.Use;
import java.util.ArrayList;
import java.util.List;

/**
 * LC3013 (ADDON_NEEDS_INTERNET) and LC3025 (ADDON_NEEDS_INTERNET_WORKAROUND, warning): with
 * {@code spec.airgap}, an enabled addon whose facts {@code network} entry for the track says
 * {@code needsInternet}; LC3025 when the facts list an available workaround. Addons the file
 * implies count too: {@code spec.network.cni} kube-ovn/cilium and {@code spec.gpu} (the track's
 * GPU addon). Addons the facts do not classify are not reported.
 */
public final class AddonAirgapRule implements ClusterRule {
    @Override
    public void check(ClusterRuleContext ctx) {
        if (ctx.cluster().airgap() == null) {
            return;
        }
        for (Use u : ClusterAddonUses.of(ctx)) {
            if (!u.disable()) {
                internet(ctx, u);
            }
        }
    }

    private static void internet(ClusterRuleContext ctx, Use u) {
        AddonFacts.Network entry = Catalog.get().addonFacts(u.canonical()).networkOn(ctx.track().name());
        if (entry == null || !entry.needsInternet()) {
            return;
        }
        List<String> fetches = entry.fetches();
        List<String> workarounds = new ArrayList<>();
        for (AddonFacts.Workaround w : entry.workarounds()) {
            if (!w.available()) {
                continue;
            }
            List<String> flags = w.flags();
            String text = (w.note() != null ? w.note() : (w.kind() == null ? "workaround" : w.kind()).replace('-', ' '))
                    + (flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")")
                    + (w.inferred() ? " [inferred, not documented]" : "");
            workarounds.add(text);
        }
        String what = u.described();
        String fetch = fetches.isEmpty() ? "" : " (" + ClusterFacts.list(fetches, 3) + ")";
        String boot = ctx.resolved().bootstrapName();
        String where = boot == null ? "the node that enables it" : "the bootstrap node " + printable(boot);
        List<String> issues = entry.issues();
        if (workarounds.isEmpty()) {
            ClusterAddonUses.report(ctx, u, Code.ADDON_NEEDS_INTERNET, "addon " + what + " needs the internet when it is enabled"
                    + fetch + ", and no offline workaround is known: in this air-gapped cluster (spec.airgap) enabling it fails on "
                    + where, "remove " + u.name() + ", or install it by hand from a host with internet access"
                            + (issues.isEmpty() ? "" : " (see " + String.join(", ", issues) + ")"));
        } else {
            ClusterAddonUses.report(ctx, u, Code.ADDON_NEEDS_INTERNET_WORKAROUND, "addon " + what
                    + " needs the internet when it is enabled" + fetch + ", but the cluster is air-gapped (spec.airgap):"
                    + " enabling it fails on " + where + " unless you prepare a workaround",
                    "workaround: " + String.join("; or ", workarounds));
        }
    }
}
