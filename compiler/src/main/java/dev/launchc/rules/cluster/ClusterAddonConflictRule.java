package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterAddonUses.CALICO;

import dev.launchc.catalog.AddonFacts;
import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Code;
import dev.launchc.model.internal.Cluster;
import dev.launchc.rules.cluster.ClusterAddonUses.Use;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LC3014 (ADDON_CONFLICT): an addon that replaces Calico (facts {@code cni.replaces}) while
 * {@code spec.network.cni} is calico or the other primary CNI; two addons that the facts list as
 * {@code conflicts}; an addon whose required or unconditionally enabled dependency
 * {@code spec.addons} disables. The native counterpart is LC1045 (AddonConflictRule).
 */
public final class ClusterAddonConflictRule implements ClusterRule {
    @Override
    public void check(ClusterRuleContext ctx) {
        List<Use> uses = ClusterAddonUses.of(ctx);
        Cluster.Network net = ctx.cluster().network();
        String cni = net == null ? CALICO : net.cni();
        boolean cniWritten = ClusterFacts.written(ctx, "/spec/network/cni");
        List<Use> enabled = uses.stream().filter(u -> !u.disable()).toList();
        for (Use u : enabled) {
            if (u.implied()) {
                continue;
            }
            AddonFacts facts = Catalog.get().addonFacts(u.canonical());
            if (!CALICO.equals(facts.cniReplaces()) || u.canonical().equals(cni) || "none".equals(cni)) {
                continue;
            }
            if (CALICO.equals(cni)) {
                ctx.atValue(Code.ADDON_CONFLICT, u.pointer(), "addon " + u.name() + " replaces Calico, but"
                        + " spec.network.cni is calico" + (cniWritten ? "" : " (the default)") + ": compile configures"
                        + " Calico as the pod network while " + u.name() + " removes it, so the nodes end up with a pod"
                        + " network that launchc did not configure",
                        "set spec.network.cni: " + u.canonical() + " and drop the addon from spec.addons");
            } else {
                ctx.atValue(Code.ADDON_CONFLICT, u.pointer(), "addon " + u.name() + " replaces the pod network, but"
                        + " spec.network.cni is " + cni + ", which replaces it too: two primary CNIs fight over every"
                        + " pod's interface", "keep one: remove " + u.name() + " from spec.addons or change spec.network.cni");
            }
        }
        // Each addon against the earlier ones it names as a conflict, found by name: comparing every
        // pair took time quadratic in the list (20,000 addons: 15 s).
        Map<String, Use> firstByFullName = new HashMap<>();
        Map<Use, Integer> index = new IdentityHashMap<>();
        for (int j = 0; j < enabled.size(); j++) {
            Use b = enabled.get(j);
            if (b.implied()) {
                continue; // reported against spec.network.cni above
            }
            AddonFacts bf = Catalog.get().addonFacts(b.canonical());
            List<Map.Entry<Use, AddonFacts.Conflict>> found = new ArrayList<>();
            for (AddonFacts.Conflict c : bf.conflicts()) {
                Use a = firstByFullName.get(c.addon());
                if (a != null) {
                    found.add(Map.entry(a, c));
                }
            }
            found.sort(Comparator.comparing(e -> index.get(e.getKey())));
            for (Map.Entry<Use, AddonFacts.Conflict> e : found) {
                Use a = e.getKey();
                String reason = e.getValue().reason();
                ctx.atValue(Code.ADDON_CONFLICT, b.pointer(), "addons " + a.name() + " and " + b.name()
                        + " exclude each other: " + (reason == null ? "the facts say so" : reason)
                        + ", so enabling both breaks the pod network of every node",
                        "keep one of " + a.name() + " and " + b.name());
            }
            index.put(b, j);
            firstByFullName.putIfAbsent(bf.fullName(), b);
        }
        Set<String> disabled = new LinkedHashSet<>();
        uses.stream().filter(Use::disable).forEach(u -> disabled.add(u.canonical()));
        for (Use u : enabled) {
            for (AddonFacts.Dependency dep : Catalog.get().addonFacts(u.canonical()).dependencies()) {
                String targetName = dep.addonName();
                if (dep.unconditional() && dep.range().holds(ctx.track().name()) && disabled.contains(targetName)) {
                    ctx.atValue(Code.ADDON_CONFLICT, u.pointer(), "addon " + u.name() + (dep.kind().equals("requires")
                            ? " requires " + targetName + ", but spec.addons disables it: enabling " + u.name() + " fails"
                            : " enables " + targetName + " itself, but spec.addons disables it: the two entries undo each other"),
                            "remove the disable of " + targetName + " or drop " + u.name());
                }
            }
        }
    }
}
