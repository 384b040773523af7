package dev.launchc.rules.cluster;

import dev.launchc.diag.Code;
import dev.launchc.images.ImageResolver;
import dev.launchc.model.internal.Cluster;

/**
 * LC3026 (IMAGES_UNKNOWN): in an air-gapped cluster ({@code spec.airgap}), every image must be in
 * the site registry or the bundle before the install. When the catalog cannot list the images of
 * an enabled addon on the target track (Helm-based addons, whose images follow the chart fetched
 * at enable time; addons the reference gives no list for), {@code launchc images} and
 * {@code launchc bundle} leave them out and the pods will not start offline. One warning per such
 * addon, at the addon (or at {@code spec.airgap} for what no addon entry names).
 */
public final class ImageListRule implements ClusterRule {
    @Override
    public void check(ClusterRuleContext ctx) {
        Cluster cluster = ctx.cluster();
        if (cluster.airgap() == null) {
            return;
        }
        ImageResolver.Result images = ImageResolver.resolve(cluster, ctx.track());
        for (ImageResolver.Unknown u : images.unknown()) {
            if (u.unknownAddon()) {
                continue; // an addon the track does not have: the addon rules report that
            }
            String pointer = u.pointer() != null ? u.pointer() : cluster.airgap().pointer();
            ctx.atValue(Code.IMAGES_UNKNOWN, pointer, "the images of " + u.name() + " on MicroK8s " + ctx.track().name()
                    + " are not known offline, so launchc images and launchc bundle leave them out and this air-gapped"
                    + " cluster (spec.airgap) cannot pull them; " + u.reason(),
                    "list them on a connected MicroK8s " + ctx.track().name() + " node where " + u.name()
                            + " runs ('microk8s ctr images ls -q') and load them into "
                            + cluster.airgap().registry().text() + " before the install");
        }
    }
}
