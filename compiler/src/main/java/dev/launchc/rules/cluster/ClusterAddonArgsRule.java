package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFacts.printable;

import dev.launchc.catalog.AddonArgumentSpec;
import dev.launchc.catalog.AddonFacts;
import dev.launchc.diag.Code;
import dev.launchc.rules.cluster.ClusterAddonUses.Use;

/**
 * The arguments of the addons a cluster file writes, against the addon facts (addons-extra.json).
 * Names unknown to the track, unavailable ones and deprecated aliases are not checked here:
 * compile lints every node's seed with the native rules (LC1026, LC1027, LC2001).
 * <ul>
 *   <li>LC3015 (BAD_ADDON_ARGS): arguments that the facts' {@code args} spec for the track and
 *       action rejects: an unknown option when the spec is {@code complete}, a missing value, a
 *       value outside {@code values} or not matching {@code pattern} (registry {@code --size}),
 *       a missing {@code required} option (kube-ovn {@code --force}), an old and a new option name
 *       together, too many positional arguments, a wrong literal, and value checks by
 *       {@code meta}: MetalLB ranges ({@code A-B|CIDR[,...]}), IP addresses ({@code IP},
 *       {@code A.B.C.D}), nameservers ({@code IP[,IP...] | /etc/resolv.conf}); also arguments to
 *       an addon that takes none, and to an alias that does not forward them ({@link AddonArgumentSpec},
 *       shared with the native LC1040).</li>
 *   <li>LC3016 (ADDON_PROMPTS): an addon whose facts {@code prompts} for the action fire because no
 *       positional argument is given (metallb enable, hostpath-storage disable).</li>
 * </ul>
 */
public final class ClusterAddonArgsRule implements ClusterRule {
    @Override
    public void check(ClusterRuleContext ctx) {
        for (Use u : ClusterAddonUses.of(ctx)) {
            if (!u.implied()) {
                args(ctx, u);
            }
        }
    }

    private static void args(ClusterRuleContext ctx, Use u) {
        String action = u.disable() ? "disable" : "enable";
        AddonArgumentSpec.Checked checked = AddonArgumentSpec.check(ctx.track().name(),
                new AddonArgumentSpec.Use(u.name(), u.canonical(), u.disable(), u.args(), u.pointer(), u.colonForm()));
        checked.problems().forEach(p -> ctx.atValue(Code.BAD_ADDON_ARGS, p.pointer(), p.message(), p.hint()));
        if (checked.stopped()) {
            return;
        }
        AddonArgumentSpec spec = checked.spec();
        for (AddonFacts.Prompt p : checked.facts().prompts()) {
            if (p.action().equals(action) && checked.positional() == 0) {
                String example = spec == null ? null : spec.positionalExample();
                String boot = ctx.resolved().bootstrapName();
                ctx.atValue(Code.ADDON_PROMPTS, u.pointer(), u.name() + " " + action + " waits for input ("
                        + or(p.what(), "an interactive prompt") + ": " + or(p.when(), "no arguments")
                        + "); the cluster agent runs microk8s " + action + " without a terminal, so the step hangs or fails"
                        + (boot == null ? "" : " on the bootstrap node " + printable(boot)),
                        or(p.avoid(), "pass the arguments it asks for") + (example == null ? "" : ", e.g. args: [" + example + "]"));
            }
        }
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
