package dev.launchc.rules;

import dev.launchc.catalog.CatalogHistory;
import dev.launchc.catalog.KubeFlags;
import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.resolve.KubeArgs;

/**
 * {@code --feature-gates} in the five Kubernetes args files, parsed the way component-base's
 * feature gate does ({@code Name=bool} items split at commas, blanks trimmed, empty items skipped)
 * and checked against the gates of the target track's Kubernetes minor. Every finding points at
 * the value and names the gate.
 *
 * <ul>
 *   <li>LC1004 (UNKNOWN_FEATURE_GATE): a gate the minor does not have (the component refuses to
 *       start: "unrecognized feature gate"). kube-apiserver accepts a {@code kube:} prefix from
 *       1.33 on; any other prefix, or a prefix on another component, is unknown.</li>
 *   <li>LC1028 (BAD_FLAG_VALUE): an item without {@code =bool}, a value Go's ParseBool rejects,
 *       or a gate locked to its default set to the other value.</li>
 * </ul>
 * On a config that joins as a worker, a control-plane component's finding says when that component
 * runs: from install until the join, and after {@code microk8s leave} ({@link RuleContext#whenItRuns}).
 */
public final class FeatureGateRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        KubeFlags kube = ctx.kube();
        if (kube == null) {
            return;
        }
        ctx.forEachKubeArg((part, component, e) -> {
            if (KubeFlags.normalize(e.key()).equals("--feature-gates")) {
                check(ctx, kube, part, component, e);
            }
        });
    }

    private static void check(RuleContext ctx, KubeFlags kube, Part part, String component, ArgEntry e) {
        String value = KubeArgs.kubeliteView(e.value());
        for (String item : value.split(",", -1)) {
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String key = (eq < 0 ? item : item.substring(0, eq)).strip();
            if (key.isEmpty()) {
                ctx.atValue(Code.UNKNOWN_FEATURE_GATE, part, e.pointer(), "empty feature gate name in " + component
                        + " --feature-gates item '" + item + "'" + ctx.whenItRuns(component), "write Name=true or Name=false");
                continue;
            }
            if (!checkName(ctx, kube, part, component, e, key)) {
                continue;
            }
            String name = key.substring(key.indexOf(':') + 1);
            if (eq < 0) {
                ctx.atValue(Code.BAD_FLAG_VALUE, part, e.pointer(), "feature gate " + key + " in " + component
                        + " --feature-gates has no value" + ctx.whenItRuns(component), "write " + key + "=true or " + key + "=false");
                continue;
            }
            String text = item.substring(eq + 1).strip();
            if (!KubeFlagRule.isGoBool(text)) {
                ctx.atValue(Code.BAD_FLAG_VALUE, part, e.pointer(), "feature gate " + key + " takes true or false, not '"
                        + text + "'" + ctx.whenItRuns(component), "write " + key + "=true or " + key + "=false");
                continue;
            }
            if (text.contains("$")) {
                continue;
            }
            boolean wanted = KubeFlagRule.parseGoBool(text);
            KubeFlags.Gate gate = kube.gate(name);
            boolean def = kube.gateDefault(name, component);
            if (gate.locked() && wanted != def) {
                ctx.atValue(Code.BAD_FLAG_VALUE, part, e.pointer(), "feature gate " + key + " is locked to " + def
                        + " in " + kube.minor() + "; " + component + " refuses to start with " + key + "=" + text
                        + ctx.whenItRuns(component),
                        "remove " + key + "=" + text + " from --feature-gates");
            }
        }
    }

    /** Reports an unknown gate name; true when the name is a gate of the minor. */
    private static boolean checkName(RuleContext ctx, KubeFlags kube, Part part, String component, ArgEntry e,
            String key) {
        int colon = key.indexOf(':');
        String name = colon < 0 ? key : key.substring(colon + 1);
        if (colon >= 0) {
            String prefix = key.substring(0, colon);
            if (!kube.gatePrefixes(component).contains(prefix)) {
                String hint = kube.gate(name) != null ? "write " + name + " without the " + prefix + ": prefix"
                        + (kube.gatePrefixes(component).isEmpty() ? "; " + component + " in " + kube.minor()
                                + " takes no component prefix" : "") : null;
                ctx.atValue(Code.UNKNOWN_FEATURE_GATE, part, e.pointer(), "unknown feature gate " + key + " for "
                        + component + " in Kubernetes " + kube.minor() + ctx.whenItRuns(component), hint);
                return false;
            }
        }
        if (kube.gate(name) != null) {
            return true;
        }
        String hint;
        String removed = kube.gateRemovedIn(name);
        if (removed != null) {
            hint = name + " was removed in Kubernetes " + removed;
        } else {
            hint = CatalogHistory.kubeHistory(kube.minor(), k -> k.gate(name) != null, name);
            if (hint == null) {
                hint = DidYouMean.hint(name, kube.gateNames()).orElse(null);
            }
        }
        ctx.atValue(Code.UNKNOWN_FEATURE_GATE, part, e.pointer(), "unknown feature gate " + key + " for "
                + component + " in Kubernetes " + kube.minor() + ctx.whenItRuns(component), hint);
        return false;
    }
}
