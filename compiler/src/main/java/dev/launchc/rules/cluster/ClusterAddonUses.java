package dev.launchc.rules.cluster;

import dev.launchc.resolve.AddonRef;
import dev.launchc.catalog.AddonArgumentSpec.Arg;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.GpuAddon;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
import dev.launchc.load.Pointers;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.Cluster;
import java.util.ArrayList;
import java.util.List;

/**
 * The addons a cluster enables or disables, as the cluster addon rules see them: those written in
 * {@code spec.addons} and those other fields imply ({@code spec.network.cni} kube-ovn/cilium, and
 * {@code spec.gpu} the track's GPU addon).
 */
final class ClusterAddonUses {
    static final String CALICO = "calico";

    private ClusterAddonUses() {}

    /** One addon the cluster enables or disables, as written or implied by another field. */
    record Use(String repo, String name, String canonical, boolean disable, List<Arg> args, String pointer,
            boolean implied, boolean colonForm) {
        /** The name as a message gives it, saying which field implies it. */
        String described() {
            return implied ? name + " (from " + (pointer.equals("/spec/gpu") ? "spec.gpu" : "spec.network.cni") + ")" : name;
        }
    }

    static List<Use> of(ClusterRuleContext ctx) {
        Cluster cluster = ctx.cluster();
        Track track = ctx.track();
        List<Use> out = new ArrayList<>();
        for (AddonRequest a : cluster.addons()) {
            AddonRef an = AddonRef.parse(a.name());
            if (an.name().isEmpty()) {
                continue;
            }
            List<Arg> args = new ArrayList<>();
            String namePointer = a.pointer() + "/name";
            an.colonArgs().forEach(c -> args.add(new Arg(c, namePointer)));
            for (int i = 0; i < a.args().size(); i++) {
                args.add(new Arg(a.args().get(i), Pointers.child(a.pointer() + "/args", i)));
            }
            out.add(new Use(an.repo(), an.name(), canonical(an.name(), track), a.disable(), args, namePointer, false,
                    !an.colonArgs().isEmpty()));
        }
        String cni = cluster.network() == null ? CALICO : cluster.network().cni();
        if (("kube-ovn".equals(cni) || "cilium".equals(cni)) && !listed(out, cni)) {
            out.add(new Use(null, cni, cni, false, List.of(), "/spec/network/cni", true, false));
        }
        String gpu = Catalog.get().gpuAddon(track).map(GpuAddon::addon).orElse(null);
        if (cluster.gpu() != null && gpu != null && !listed(out, canonical(gpu, track))) {
            out.add(new Use(null, gpu, canonical(gpu, track), false, List.of(), "/spec/gpu", true, false));
        }
        return out;
    }

    private static boolean listed(List<Use> uses, String canonical) {
        return uses.stream().anyMatch(u -> !u.disable() && u.canonical().equals(canonical));
    }

    private static String canonical(String name, Track track) {
        return Catalog.get().addonFacts(name).canonical(track.name());
    }

    /** A finding on an addon: at the key of {@code spec.gpu} for the GPU addon it implies, else at the value. */
    static void report(ClusterRuleContext ctx, Use u, Code code, String message, String hint) {
        if (u.pointer().equals("/spec/gpu")) {
            ctx.atKey(code, u.pointer(), message, hint);
        } else {
            ctx.atValue(code, u.pointer(), message, hint);
        }
    }
}
