package dev.launchc.rules.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.launchc.catalog.Catalog;
import dev.launchc.rules.AddonArgCheck;
import dev.launchc.catalog.GpuOperator;
import dev.launchc.catalog.Track;
import dev.launchc.resolve.HostPort;
import java.util.ArrayList;
import java.util.List;

/**
 * Small lookups the cluster rules share: track ranges of catalog facts, the GPU addon of a track,
 * addon names as {@code microk8s enable} reads them, and text helpers for messages.
 */
final class ClusterFacts {
    private ClusterFacts() {}

    /** addons-extra.json facts of one addon, or a missing node. */
    static JsonNode addonFacts(String name) {
        return AddonArgCheck.addonFacts(name);
    }

    /** {@code gpu.byTrack.<track>}, or a missing node (1.27: the facts do not cover it). */
    static JsonNode gpuByTrack(Track track) {
        return Catalog.get().addonFacts().path("gpu").path("byTrack").path(track.name());
    }

    /** The GPU addon of a track: {@code gpu} on 1.28, {@code nvidia} from 1.29; else the track's {@code gpu} addon if it has one. */
    static String gpuAddon(Track track) {
        String named = gpuByTrack(track).path("addon").asText(null);
        if (named != null) {
            return named;
        }
        return track.addons().containsKey("gpu") ? "gpu" : null;
    }

    /** The names that enable the GPU addon on a track (the addon and its aliases). */
    static List<String> gpuAddonNames(Track track) {
        List<String> out = new ArrayList<>();
        String addon = gpuAddon(track);
        if (addon != null) {
            out.add(addon);
        }
        gpuByTrack(track).path("aliases").forEach(a -> out.add(a.asText()));
        return out;
    }

    /** The GPU Operator version the track's GPU addon installs when none is given, or null. */
    static String defaultOperatorVersion(Track track) {
        return gpuByTrack(track).path("gpuOperatorVersionDefault").asText(null);
    }

    /** The catalog entry of one GPU Operator version ({@link GpuOperator#data()}), or a missing node. */
    static JsonNode gpuOperatorRaw(String version) {
        return Catalog.get().gpuOperator(version).map(GpuOperator::data).orElse(MissingNode.getInstance());
    }

    /** An addon reference as {@code microk8s enable} reads it: {@code [repo/]name[:arg[:arg…]]}. */
    record AddonName(String repo, String name, List<String> colonArgs) {
        static AddonName parse(String token) {
            String t = token.strip();
            int c = t.indexOf(':');
            String head = c < 0 ? t : t.substring(0, c);
            List<String> colon = AddonArgCheck.colonArgs(t);
            int slash = head.indexOf('/');
            return slash < 0 ? new AddonName(null, head, colon)
                    : new AddonName(head.substring(0, slash), head.substring(slash + 1), colon);
        }
    }

    /** True when the file itself holds the value at {@code pointer} (not a default). */
    static boolean written(ClusterRuleContext ctx, String pointer) {
        return ctx.cluster().source().at(pointer) != null;
    }

    /** Text safe to quote in a message: control characters shown as '?', cut at 80 characters. */
    static String printable(String s) {
        return AddonArgCheck.printable(s);
    }

    /** "a, b, c" for up to {@code max} items, then "… (N in all)". */
    static String list(List<String> items, int max) {
        return AddonArgCheck.list(items, max);
    }

    /** Null when {@code s} is {@code host[:port]} ({@link HostPort#problem}); otherwise what is wrong with it. */
    static String hostPortProblem(String s) {
        return HostPort.problem(s, ClusterFacts::printable);
    }
}
