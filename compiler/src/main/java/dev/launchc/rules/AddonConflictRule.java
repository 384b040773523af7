package dev.launchc.rules;

import dev.launchc.catalog.AddonFacts;
import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Code;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LC1045 (ADDONS_CONFLICT): an addon enabled while another one that the addon facts list as
 * {@code conflicts} is still enabled by an earlier entry (kube-ovn and cilium both replace the
 * primary CNI). MicroK8s enables both in turn; the second fights the first over every pod's
 * network. A disable of the first in between is honoured. Cluster files report the same as LC3014.
 */
public final class AddonConflictRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        String track = ctx.track().name();
        Map<String, Integer> enabledAt = new LinkedHashMap<>();
        Map<String, String> byFullName = new HashMap<>();
        AddonRequests.forEach(ctx, (part, a, an, addon) -> {
            if (a.disable()) {
                enabledAt.remove(addon);
                return;
            }
            // The addon's own conflicts looked up by name: comparing against every earlier addon
            // took time quadratic in the list.
            for (AddonFacts.Conflict conflict : Catalog.get().addonFacts(addon).conflicts()) {
                String earlier = byFullName.get(conflict.addon());
                if (earlier != null && enabledAt.containsKey(earlier)) {
                    ctx.atValue(Code.ADDONS_CONFLICT, part, a.pointer() + "/name", "addons " + earlier + " (line "
                            + enabledAt.get(earlier) + ") and " + addon + " exclude each other on " + track + ": "
                            + (conflict.reason() == null ? "the addon facts say so" : conflict.reason()) + ", so enabling both breaks the"
                            + " pod network", "keep one of " + earlier + " and " + addon);
                }
            }
            enabledAt.putIfAbsent(addon, part.source().valuePos(a.pointer() + "/name").line());
            byFullName.putIfAbsent(Catalog.get().addonFacts(addon).fullName(), addon);
        });
    }
}
