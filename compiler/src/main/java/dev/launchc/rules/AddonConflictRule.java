package dev.launchc.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchc.diag.Code;
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
        AddonRequests.forEach(ctx, (part, a, an, addon) -> {
            if (a.disable()) {
                enabledAt.remove(addon);
                return;
            }
            for (Map.Entry<String, Integer> earlier : enabledAt.entrySet()) {
                JsonNode conflict = AddonConflicts.between(earlier.getKey(), addon);
                if (conflict != null) {
                    ctx.atValue(Code.ADDONS_CONFLICT, part, a.pointer() + "/name", "addons " + earlier.getKey() + " (line "
                            + earlier.getValue() + ") and " + addon + " exclude each other on " + track + ": "
                            + conflict.path("reason").asText("the addon facts say so") + ", so enabling both breaks the"
                            + " pod network", "keep one of " + earlier.getKey() + " and " + addon);
                }
            }
            enabledAt.putIfAbsent(addon, part.source().valuePos(a.pointer() + "/name").line());
        });
    }
}
