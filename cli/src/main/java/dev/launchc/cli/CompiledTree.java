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
            List<Node> nodes = new ArrayList<>();
            for (NodeSeed seed : SeedDeriver.derive(cluster, track, token)) {
                if (only != null && !only.isEmpty() && !only.contains(seed.node())) {
                    continue;
                }
                String seedText = SeedRenderer.render(cluster.name(), seed);
                String seedName = "nodes/" + seed.node() + "/seed/microk8s.yaml";
                FileLint seedLint = new Linter(track, true, options.mode(), limits)
                        .lint(input.name() + " → " + seedName, seedText.getBytes(StandardCharsets.UTF_8));
                if (!report(options, seedLint, err)) {
                    return null;
                }
                addNode(tree, seed.node(), NodeCompiler.compile(seed.node(), seedLint.config(), track),
                        seedText.getBytes(StandardCharsets.UTF_8), seed.holdsSecret());
                nodes.add(new Node(seed.node(), seed.role(), seed.address()));
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
