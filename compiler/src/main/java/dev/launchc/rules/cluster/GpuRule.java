package dev.launchc.rules.cluster;

import dev.launchc.resolve.AddonRef;
import static dev.launchc.rules.cluster.ClusterFacts.printable;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.GpuAddon;
import dev.launchc.catalog.GpuOperator;
import dev.launchc.catalog.Track;
import dev.launchc.catalog.TrackAddon;
import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GPU nodes against the track's GPU addon ({@code gpu} on 1.28, {@code nvidia} from 1.29, per
 * {@code gpu.byTrack} in addons-extra.json) and the GPU Operator catalog.
 * <ul>
 *   <li>LC3009 (GPU_ON_UNSUPPORTED_ARCH): a node with {@code gpu} settings whose {@code arch} the
 *       GPU addon does not support (its {@code supportedArchitectures}: amd64 only).</li>
 *   <li>LC3012 (UNKNOWN_GPU_OPERATOR): {@code spec.gpu.operatorVersion} is not in the catalog.
 *       Model and MIG checks are then skipped.</li>
 *   <li>LC3011 (UNKNOWN_GPU_MODEL): a node's {@code gpu.model} that the operator version in use
 *       ({@code spec.gpu.operatorVersion}, else the track's default) does not know, or marks
 *       unsupported (its MIG ConfigMap names no config for that GPU). Names match
 *       case-insensitively. A GPU without MIG (T4, L4, …, the catalog's {@code modelsWithoutMig})
 *       is not unknown: it is fine, and only a MIG config on it is wrong (LC3010).</li>
 *   <li>LC3010 (BAD_MIG_CONFIG): a {@code gpu.migConfig} that is not valid for the model in that
 *       version (or, without a model, not in the version's ConfigMap at all); one valid on only
 *       some variants of a family name; {@code all-balanced} (the one default config that mixes
 *       profiles on a GPU) under the {@code single} MIG strategy, which is the chart default; and
 *       any config other than {@code all-disabled} under strategy {@code none}, where the device
 *       plugin ignores MIG. Different configs on different nodes are fine under {@code single}:
 *       it asks for one profile per node, not per cluster.</li>
 *   <li>LC3023 (GPU_WITHOUT_ADDON, warning): GPU nodes but neither {@code spec.gpu} nor the GPU
 *       addon (or an alias) enabled in {@code spec.addons}.</li>
 * </ul>
 */
public final class GpuRule implements ClusterRule {
    private static final String BALANCED = "all-balanced";
    private static final String DISABLED = "all-disabled";

    @Override
    public void check(ClusterRuleContext ctx) {
        Cluster cluster = ctx.cluster();
        List<Cluster.Node> gpuNodes = cluster.nodes().stream()
                .filter(n -> n.gpuModel() != null || n.migConfig() != null).toList();
        Track track = ctx.track();
        GpuAddon gpuAddon = Catalog.get().gpuAddon(track).orElse(null);
        String addon = gpuAddon == null ? null : gpuAddon.addon();
        String version = operatorVersion(ctx);
        for (Cluster.Node node : gpuNodes) {
            arch(ctx, node, addon);
            if (version != null) {
                modelAndMig(ctx, node, version);
            }
        }
        if (!gpuNodes.isEmpty() && cluster.gpu() == null && !addonEnabled(cluster, gpuAddon)) {
            Cluster.Node first = gpuNodes.get(0);
            String a = addon == null ? "the GPU addon" : addon;
            ctx.atKey(Code.GPU_WITHOUT_ADDON, first.pointer() + "/gpu", "node " + printable(first.name().text())
                    + (gpuNodes.size() > 1 ? " (and " + (gpuNodes.size() - 1) + " more)" : "")
                    + " has GPU settings, but the cluster enables no GPU addon: without " + a + " in spec.addons or a"
                    + " spec.gpu block nothing installs the GPU Operator, so the GPUs are not offered to pods and the"
                    + " MIG config is never applied",
                    addon == null ? "add a spec.gpu block" : "add '- name: " + addon + "' to spec.addons, or a spec.gpu block");
        }
    }

    /** The version in use, or null when it is unknown (reported) or the track has no default. */
    private static String operatorVersion(ClusterRuleContext ctx) {
        Cluster.Gpu gpu = ctx.cluster().gpu();
        String trackDefault = Catalog.get().gpuAddon(ctx.track()).map(GpuAddon::operatorVersionDefault).orElse(null);
        if (gpu == null || gpu.operatorVersion() == null) {
            return trackDefault;
        }
        String v = gpu.operatorVersion().text();
        List<String> known = Catalog.get().gpuOperatorVersions();
        if (known.contains(v)) {
            return v;
        }
        String hint = DidYouMean.closest(v, known).map(k -> "did you mean " + k + "?")
                .orElse("use one of " + String.join(", ", known)
                        + (trackDefault == null ? "" : " (" + ctx.track().name() + " installs " + trackDefault + " by default)"));
        ctx.atValue(Code.UNKNOWN_GPU_OPERATOR, gpu.operatorVersion().pointer(), "GPU Operator version '" + printable(v)
                + "' is not in launchc's catalog: launchc cannot check the GPU models and MIG configs of the GPU nodes"
                + " against it, nor list the images an air-gapped bundle needs", hint);
        return null;
    }

    private static void arch(ClusterRuleContext ctx, Cluster.Node node, String addon) {
        TrackAddon entry = addon == null ? null : ctx.track().addons().get(addon);
        List<String> archs = new ArrayList<>();
        if (entry != null) {
            archs.addAll(entry.supportedArchitectures());
        }
        if (archs.isEmpty()) {
            archs.add("amd64");
        }
        if (archs.contains(node.arch())) {
            return;
        }
        String archPointer = node.pointer() + "/arch";
        boolean archWritten = ClusterFacts.written(ctx, archPointer);
        String name = printable(node.name().text());
        String msg = "node " + name + " is " + node.arch() + " but has GPU settings: the "
                + (addon == null ? "GPU" : addon) + " addon on " + ctx.track().name() + " supports only "
                + String.join(", ", archs) + ", so the GPU Operator is never set up for this node and its MIG config"
                + " is not applied";
        String hint = "remove gpu from node " + name + ", or set arch: amd64 if the node is amd64";
        if (archWritten) {
            ctx.atValue(Code.GPU_ON_UNSUPPORTED_ARCH, archPointer, msg, hint);
        } else {
            ctx.atKey(Code.GPU_ON_UNSUPPORTED_ARCH, node.pointer() + "/gpu", msg, hint);
        }
    }

    private static void modelAndMig(ClusterRuleContext ctx, Cluster.Node node, String version) {
        GpuOperator op = Catalog.get().gpuOperator(version).orElse(null);
        if (op == null) {
            return;
        }
        String name = printable(node.name().text());
        String model = null;
        if (node.gpuModel() != null) {
            String written = node.gpuModel().text();
            model = op.models().stream().filter(m -> m.equalsIgnoreCase(written)).findFirst().orElse(null);
            String withoutMig = model == null ? op.modelWithoutMig(written) : null;
            if (withoutMig != null) {
                // A known GPU, only not partitionable: fine on its own, wrong only with a MIG config.
                if (node.migConfig() != null && !"all-disabled".equals(node.migConfig().text())) {
                    ctx.atValue(Code.BAD_MIG_CONFIG, node.migConfig().pointer(), "node " + name + " has GPU model "
                            + withoutMig + ", which has no MIG (Multi-Instance GPU): MIG Manager cannot partition it, so"
                            + " migConfig " + printable(node.migConfig().text()) + " is never applied",
                            "remove migConfig from node " + name);
                }
                return;
            }
            if (model == null) {
                ctx.atValue(Code.UNKNOWN_GPU_MODEL, node.gpuModel().pointer(), "GPU model '" + printable(written)
                        + "' of node " + name + " is unknown to GPU Operator " + version + ": launchc checks the node's MIG"
                        + " config against the configs that version ships for its GPU model", modelHint(written, op));
                return;
            }
            if (op.unsupported(model)) {
                String later = firstSupporting(model, version);
                ctx.atValue(Code.UNKNOWN_GPU_MODEL, node.gpuModel().pointer(), "GPU model " + model + " of node " + name
                        + " is not supported by GPU Operator " + version + ": its MIG configuration names no config for"
                        + " this GPU, so MIG Manager cannot partition it",
                        later == null ? "use a GPU model that GPU Operator " + version + " supports"
                                : "GPU Operator " + later + " supports it: set spec.gpu.operatorVersion: " + later);
                return;
            }
        }
        if (node.migConfig() == null) {
            return;
        }
        String mig = node.migConfig().text();
        String pointer = node.migConfig().pointer();
        List<String> valid = model != null ? op.migConfigs(model).orElse(List.of())
                : op.migConfigs();
        if (!valid.contains(mig)) {
            List<String> variants = model == null ? null : op.partialMigConfig(model, mig);
            if (variants != null) {
                ctx.atValue(Code.BAD_MIG_CONFIG, pointer, "MIG config " + printable(mig) + " of node " + name
                        + " is valid only on " + String.join(", ", variants) + " among the " + model + " variants in GPU"
                        + " Operator " + version + ": on the other variants MIG Manager finds no entry for the GPU and"
                        + " leaves it unpartitioned", "name the exact model (" + String.join(" or ", variants)
                        + ") or pick a config valid on every variant: " + ClusterFacts.list(valid, 6));
                return;
            }
            String where = model != null ? "for " + model + " in GPU Operator " + version
                    : "in GPU Operator " + version + "'s MIG configuration";
            String later = firstWithConfig(model, mig, version);
            String hint = later != null
                    ? mig + " exists from GPU Operator " + later + " on: set spec.gpu.operatorVersion: " + later
                    : DidYouMean.closest(mig, valid).map(c -> "did you mean " + c + "?")
                            .orElse("valid " + where + ": " + ClusterFacts.list(valid, 6));
            ctx.atValue(Code.BAD_MIG_CONFIG, pointer, "MIG config '" + printable(mig) + "' of node " + name
                    + " is not valid " + where + ": MIG Manager finds no such entry, marks the node"
                    + " nvidia.com/mig.config.state=failed and leaves the GPU unpartitioned", hint);
            return;
        }
        Cluster.Gpu gpu = ctx.cluster().gpu();
        boolean explicit = gpu != null && gpu.migStrategy() != null;
        String strategy = explicit ? gpu.migStrategy() : op.migStrategyDefault();
        String source = explicit ? "spec.gpu.mig.strategy is " + strategy
                : "the MIG strategy is " + strategy + " (the GPU Operator default when spec.gpu.mig.strategy is not set)";
        if ("single".equals(strategy) && BALANCED.equals(mig)) {
            ctx.atValue(Code.BAD_MIG_CONFIG, pointer, "MIG config " + BALANCED + " of node " + name + " mixes MIG profiles"
                    + " on each GPU, but " + source + ": with single every MIG device on a node must have the same"
                    + " profile, so the device plugin offers none of them to pods",
                    "set spec.gpu.mig.strategy: mixed, or pick a single-profile config such as "
                            + valid.stream().filter(c -> c.matches("all-\\d+g\\..*")).findFirst().orElse(DISABLED));
        } else if ("none".equals(strategy) && !DISABLED.equals(mig)) {
            ctx.atValue(Code.BAD_MIG_CONFIG, pointer, "MIG config " + printable(mig) + " of node " + name + " turns MIG"
                    + " on, but " + source + ": the device plugin then ignores MIG and offers whole GPUs, which pods"
                    + " cannot use while MIG is on", "set spec.gpu.mig.strategy: single or mixed, or use " + DISABLED);
        }
    }

    private static String modelHint(String written, GpuOperator op) {
        var close = DidYouMean.closest(written, op.models());
        if (close.isPresent()) {
            return "did you mean " + close.get() + "?";
        }
        String lower = written.toLowerCase(Locale.ROOT);
        String head = lower.contains("-") ? lower.substring(0, lower.indexOf('-')) : lower;
        List<String> similar = op.models().stream().filter(m -> m.toLowerCase(Locale.ROOT).startsWith(head)).toList();
        if (!similar.isEmpty() && !head.isEmpty()) {
            return "models named like it: " + ClusterFacts.list(similar, 8);
        }
        List<String> families = new ArrayList<>();
        op.models().forEach(m -> {
            if (op.isModelFamily(m)) {
                families.add(m);
            }
        });
        return "known models include " + ClusterFacts.list(families.isEmpty() ? op.models() : families, 10);
    }

    /** The first catalog version after {@code version} that supports {@code model}, or null. */
    private static String firstSupporting(String model, String version) {
        List<String> all = Catalog.get().gpuOperatorVersions();
        for (int i = all.indexOf(version) + 1; i < all.size(); i++) {
            GpuOperator op = Catalog.get().gpuOperator(all.get(i)).orElse(null);
            if (op != null && op.migConfigs(model).isPresent() && !op.unsupported(model)) {
                return all.get(i);
            }
        }
        return null;
    }

    /** The first catalog version after {@code version} where {@code mig} is valid (for {@code model} if given), or null. */
    private static String firstWithConfig(String model, String mig, String version) {
        List<String> all = Catalog.get().gpuOperatorVersions();
        for (int i = all.indexOf(version) + 1; i < all.size(); i++) {
            GpuOperator op = Catalog.get().gpuOperator(all.get(i)).orElse(null);
            if (op == null || model != null && op.unsupported(model)) {
                continue;
            }
            List<String> configs = model == null ? op.migConfigs() : op.migConfigs(model).orElse(List.of());
            if (configs.contains(mig)) {
                return all.get(i);
            }
        }
        return null;
    }

    private static boolean addonEnabled(Cluster cluster, GpuAddon gpuAddon) {
        List<String> names = gpuAddon == null ? List.of() : gpuAddon.names();
        for (AddonRequest a : cluster.addons()) {
            if (!a.disable() && names.contains(AddonRef.parse(a.name()).name())) {
                return true;
            }
        }
        return false;
    }
}
