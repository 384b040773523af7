package dev.launchc.rules;

import com.fasterxml.jackson.databind.JsonNode;
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
            for (JsonNode conflict : AddonArgCheck.addonFacts(addon).path("conflicts")) {
                String earlier = byFullName.get(conflict.path("addon").asText());
                if (earlier != null && enabledAt.containsKey(earlier)) {
                    ctx.atValue(Code.ADDONS_CONFLICT, part, a.pointer() + "/name", "addons " + earlier + " (line "
                            + enabledAt.get(earlier) + ") and " + addon + " exclude each other on " + track + ": "
                            + conflict.path("reason").asText("the addon facts say so") + ", so enabling both breaks the"
                            + " pod network", "keep one of " + earlier + " and " + addon);
                }
            }
            enabledAt.putIfAbsent(addon, part.source().valuePos(a.pointer() + "/name").line());
            byFullName.putIfAbsent(AddonConflicts.fullName(addon), addon);
        });
    }
}
