package dev.launchc.rules.cluster;

import dev.launchc.catalog.Track;
import dev.launchc.catalog.TrackAddon;
import dev.launchc.diag.Code;
import dev.launchc.rules.cluster.ClusterAddonUses.Use;

/**
 * LC3050 (ADDON_NOT_UNDER_STRICT): with {@code spec.confinement: strict}, an enabled addon
 * (written or implied) whose track catalog entry's {@code confinement} does not name
 * {@code strict}: the strictly confined snap does not offer it
 * (scripts/wrappers/common/utils.py get_available_addons on the track's strict branch).
 */
public final class AddonConfinementRule implements ClusterRule {
    @Override
    public void check(ClusterRuleContext ctx) {
        if (!ctx.cluster().strict()) {
            return;
        }
        for (Use u : ClusterAddonUses.of(ctx)) {
            if (!u.disable()) {
                confinement(ctx, u);
            }
        }
    }

    private static void confinement(ClusterRuleContext ctx, Use u) {
        Track track = ctx.track();
        TrackAddon addon = track.addons().get(u.canonical());
        if (addon == null || addon.offeredUnder(true)) {
            return;
        }
        ClusterAddonUses.report(ctx, u, Code.ADDON_NOT_UNDER_STRICT, "addon " + u.described() + " is not offered by the"
                + " strictly confined MicroK8s " + track.name() + " (spec.confinement: strict): its addons.yaml entry says"
                + " confinement '" + addon.confinement() + "', so 'microk8s enable " + u.canonical()
                + "' finds no such addon on the node", "remove " + u.name() + ", or use spec.confinement: classic");
    }
}
