package dev.launchc.cli;

import dev.launchc.catalog.Track;
import dev.launchc.cli.format.TextFormat;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.compile.SeedDeriver;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import dev.launchc.model.internal.Cluster;
import dev.launchc.plan.NodePlan;
import dev.launchc.plan.NodeSeed;
import dev.launchc.render.NodeRenderer;
import dev.launchc.render.OutputTree;
import dev.launchc.render.SeedRenderer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One input file through lint and compile into the per-node files under {@code nodes/<node>/}
 * (seed, preview, plan), without a manifest and without touching the disk. {@code compile} writes
 * this tree as a directory, {@code bundle} packs it into its archive.
 */
final class CompiledTree {
    /** One node of the result: its name and address (null for a native config's single node). */
    record Node(String name, String role, String address) {}

    /**
     * The compiled input.
     *
     * @param cluster the cluster, or null for a native launch config
     * @param track   the track the files were compiled for
     * @param source  the input's bytes (a native config is its own seed)
     */
    record Result(OutputTree tree, FileLint lint, Cluster cluster, Track track, List<Node> nodes, byte[] source) {}

    /** The single node a native launch config compiles to. */
    static final String NATIVE_NODE = "local";

    private CompiledTree() {}

    /**
     * Lints and compiles {@code file}, printing every finding on {@code err}.
     *
     * @param only the nodes to compile (null or empty: all)
     * @return null when the findings forbid compiling (the caller says what was not written)
     */
    static Result build(LintOptions options, String file, List<String> only, PrintWriter err) {
        LoadLimits limits = options.limits();
        Inputs.Input input = Inputs.collect(List.of(file)).get(0);
        byte[] bytes = input.read(limits.maxFileBytes());
        FileLint lint = options.linter().lint(input.name(), bytes);
        if (!report(options, lint, err)
                || (lint.config() == null && (lint.cluster() == null || lint.cluster().cluster() == null))) {
            return null;
        }
        OutputTree tree = new OutputTree();
        if (lint.cluster() != null) {
            Cluster cluster = lint.cluster().cluster();
            Track track = lint.cluster().track();
            String token = JoinToken.read(cluster, input.path());
            Set<String> names = new HashSet<>();
            cluster.nodes().forEach(n -> names.add(n.name().text()));
            for (String wanted : only == null ? List.<String>of() : only) {
                if (!names.contains(wanted)) {
                    throw new UsageException("no node '" + wanted + "' in " + input.name() + "; it has "
                            + String.join(", ", new TreeSet<>(names)));
                }
            }
            // Nodes are independent: derive, lint and render them on every core, then report in order.
            Linter seedLinter = new Linter(track, true, options.mode(), limits);
            List<Built> built = SeedDeriver.derive(cluster, track, token).parallelStream()
                    .filter(seed -> only == null || only.isEmpty() || only.contains(seed.node()))
                    .map(seed -> build(input.name(), cluster.name(), seed, seedLinter, options, track, tree.sharingContents()))
                    .toList();
            List<Node> nodes = new ArrayList<>();
            for (Built b : built) {
                if (!report(options, b.lint(), err)) {
                    return null;
                }
                tree.addAll(b.files());
                nodes.add(new Node(b.seed().node(), b.seed().role(), b.seed().address()));
            }
            return new Result(tree, lint, cluster, track, List.copyOf(nodes), bytes);
        }
        if (only != null && !only.isEmpty() && !only.contains(NATIVE_NODE)) {
            throw new UsageException("a native launch config compiles to the single node '" + NATIVE_NODE + "'");
        }
        NodePlan plan = NodeCompiler.compile(NATIVE_NODE, lint.config(), options.track());
        boolean seedHasSecret = plan.files().containsKey(NodeCompiler.TOKENS_FILE)
                || lint.config().parts().stream().anyMatch(p -> p.join() != null && !p.join().url().isEmpty());
        addNode(tree, NATIVE_NODE, plan, bytes, seedHasSecret);
        return new Result(tree, lint, null, options.track(), List.of(new Node(NATIVE_NODE, null, null)), bytes);
    }

    /** One node's seed, its lint, and (when it lints clean) its rendered files, in a tree sharing the result's contents. */
    private record Built(NodeSeed seed, FileLint lint, OutputTree files) {}

    private static Built build(String input, String clusterName, NodeSeed seed, Linter linter, LintOptions options, Track track,
            OutputTree files) {
        byte[] seedBytes = SeedRenderer.render(clusterName, seed).getBytes(StandardCharsets.UTF_8);
        FileLint seedLint = linter.lint(input + " → nodes/" + seed.node() + "/seed/microk8s.yaml", seedBytes);
        if (!options.fails(List.of(seedLint))) {
            addNode(files, seed.node(), NodeCompiler.compile(seed.node(), seedLint.config(), track), seedBytes, seed.holdsSecret());
        }
        return new Built(seed, seedLint, files);
    }

    private static void addNode(OutputTree tree, String node, NodePlan plan, byte[] seed, boolean secret) {
        NodeRenderer.render(plan, tree);
        tree.add("nodes/" + node + "/seed/microk8s.yaml", seed, secret, node);
    }

    /** Prints the findings on {@code err}; returns false when they forbid going on. */
    static boolean report(LintOptions options, FileLint lint, PrintWriter err) {
        if (!lint.diagnostics().isEmpty()) {
            err.print(new TextFormat(false).render(List.of(lint)));
            err.flush();
        }
        return !options.fails(List.of(lint));
    }
}
