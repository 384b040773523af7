package dev.launchc.rules;

import dev.launchc.catalog.AddonArgumentSpec;
import dev.launchc.diag.Code;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.Part;
import java.util.HashMap;
import java.util.Map;

/**
 * LC2011 (DUPLICATE_ADDON): an addon that an earlier entry (of this part or an earlier one) already
 * enables, or already disables; names compare as the addon they stand for on the track ({@code
 * storage} is {@code hostpath-storage} where the alias exists). MicroK8s' {@code microk8s enable}
 * skips an addon that is already enabled (reference launch-config-facts §4.8, MK
 * {@code scripts/wrappers/common/utils.py} {@code unprotected_xable}), so the second entry does
 * nothing and its arguments are silently ignored. A disable between the two makes the second one
 * meaningful and is not reported.
 */
public final class DuplicateAddonRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        Map<String, Seen> last = new HashMap<>();
        AddonRequests.forEach(ctx, (part, a, an, addon) -> {
            Seen before = last.put(addon, new Seen(part, a));
            if (before != null && before.request().disable() == a.disable()) {
                String action = a.disable() ? "disable" : "enable";
                int line = before.part().source().valuePos(before.request().pointer() + "/name").line();
                ctx.atValue(Code.DUPLICATE_ADDON, part, a.pointer() + "/name", addon + " is " + action + "d twice (first on"
                        + " line " + line + "): microk8s " + action + " skips an addon that is already " + action + "d, so"
                        + " this entry does nothing" + (a.args().isEmpty() && AddonArgumentSpec.colonArgs(a.name()).isEmpty()
                                ? "" : " and its arguments are ignored"),
                        "keep one entry, with the arguments you mean");
            }
        });
    }

    private record Seen(Part part, AddonRequest request) {}
}
