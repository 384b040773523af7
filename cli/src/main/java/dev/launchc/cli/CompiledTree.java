package dev.launchc.cli;

import dev.launchc.catalog.Track;
import dev.launchc.cli.format.TextFormat;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.compile.SeedDeriver;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.lint.SeedFindings;
import dev.launchc.load.LoadLimits;
import dev.launchc.model.internal.Cluster;
import dev.launchc.plan.NodePlan;
import dev.launchc.compile.NodeSeed;
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
        return build(options, file, only, err, false);
    }

    /**
     * A stand-in for the join token where only the args files matter ({@code diff}): it is never
     * read nor written, so a pull-request check needs no secret. The token changes the seed, never
     * a file under args/.
     */
    static final String STAND_IN_TOKEN = "0".repeat(32);

    /** As {@link #build(LintOptions, String, List, PrintWriter)}; {@code standInToken} compiles without reading the token. */
    static Result build(LintOptions options, String file, List<String> only, PrintWriter err, boolean standInToken) {
        LoadLimits limits = options.limits();
        Inputs.Input input = Inputs.collect(List.of(file)).get(0);
        LintOptions.Settings settings = options.settings(input.path());
        Inputs.Linted linted = input.lint(options.linter(settings), limits.maxFileBytes(), false);
        byte[] bytes = linted.bytes();
        FileLint lint = linted.lint();
        if (!report(settings.mode(), lint, err)
                || (lint.config() == null && (lint.cluster() == null || lint.cluster().cluster() == null))) {
            return null;
        }
        OutputTree tree = new OutputTree();
        if (lint.cluster() != null) {
            Cluster cluster = lint.cluster().cluster();
            Track track = lint.cluster().track();
            String token = standInToken && cluster.token() != null ? STAND_IN_TOKEN : JoinToken.read(cluster, input.path());
            Set<String> names = new HashSet<>();
            cluster.nodes().forEach(n -> names.add(n.name().text()));
            for (String wanted : only == null ? List.<String>of() : only) {
                if (!names.contains(wanted)) {
                    throw new UsageException("no node '" + wanted + "' in " + input.name() + "; it has "
                            + String.join(", ", new TreeSet<>(names)));
                }
            }
            // Nodes are independent: derive, lint and render them on every core, then report in order.
            Linter seedLinter = new Linter(track, true, settings.mode(), limits, settings.filter());
            List<Built> built = SeedDeriver.derive(cluster, track, token).parallelStream()
                    .filter(seed -> only == null || only.isEmpty() || only.contains(seed.node()))
                    .map(seed -> build(input.name(), cluster.name(), seed, seedLinter, settings.mode(), track, tree.sharingContents()))
                    .toList();
            // Seed findings are told once, at the cluster file's line that caused them.
            List<SeedFindings.Seed> seeds = new ArrayList<>();
            for (Built b : built) {
                seeds.add(new SeedFindings.Seed(b.seed().node(), nodeIndex(cluster, b.seed().node()), b.lint(), b.seed().origins()));
            }
            FileLint seedFindings = new FileLint(lint.file(), lint.kind(),
                    SeedFindings.inClusterFile(lint, cluster, seeds), null, lint.source());
            if (!report(settings.mode(), seedFindings, err)) {
                return null;
            }
            for (Built b : built) {
                // Only when every failing finding matched one of the cluster file's own: show it as found.
                if (LintOptions.fails(List.of(b.lint()), settings.mode())) {
                    report(settings.mode(), b.lint(), err);
                    return null;
                }
            }
            List<Node> nodes = new ArrayList<>();
            for (Built b : built) {
                tree.addAll(b.files());
                nodes.add(new Node(b.seed().node(), b.seed().role(), b.seed().address()));
            }
            return new Result(tree, lint, cluster, track, List.copyOf(nodes), bytes);
        }
        if (only != null && !only.isEmpty() && !only.contains(NATIVE_NODE)) {
            throw new UsageException("a native launch config compiles to the single node '" + NATIVE_NODE + "'");
        }
        NodePlan plan = NodeCompiler.compile(NATIVE_NODE, lint.config(), settings.track());
        boolean seedHasSecret = plan.files().containsKey(NodeCompiler.TOKENS_FILE)
                || lint.config().parts().stream().anyMatch(p -> p.join() != null && !p.join().url().isEmpty());
        addNode(tree, NATIVE_NODE, plan, bytes, seedHasSecret);
        return new Result(tree, lint, null, settings.track(), List.of(new Node(NATIVE_NODE, null, null)), bytes);
    }

    private static int nodeIndex(Cluster cluster, String name) {
        for (int i = 0; i < cluster.nodes().size(); i++) {
            if (cluster.nodes().get(i).name().text().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** One node's seed, its lint, and (when it lints clean) its rendered files, in a tree sharing the result's contents. */
    private record Built(NodeSeed seed, FileLint lint, OutputTree files) {}

    private static Built build(String input, String clusterName, NodeSeed seed, Linter linter, dev.launchc.diag.Mode mode, Track track,
            OutputTree files) {
        byte[] seedBytes = SeedRenderer.render(clusterName, seed).getBytes(StandardCharsets.UTF_8);
        FileLint seedLint = linter.lint(input + " → nodes/" + seed.node() + "/seed/microk8s.yaml", seedBytes);
        if (!LintOptions.fails(List.of(seedLint), mode)) {
            addNode(files, seed.node(), NodeCompiler.compile(seed.node(), seedLint.config(), track), seedBytes, seed.holdsSecret());
        }
        return new Built(seed, seedLint, files);
    }

    private static void addNode(OutputTree tree, String node, NodePlan plan, byte[] seed, boolean secret) {
        NodeRenderer.render(plan, tree);
        tree.add("nodes/" + node + "/seed/microk8s.yaml", seed, secret, node);
    }

    /** Prints the findings on {@code err}; returns false when they forbid going on. */
    static boolean report(dev.launchc.diag.Mode mode, FileLint lint, PrintWriter err) {
        if (!lint.diagnostics().isEmpty()) {
            err.print(new TextFormat(false).findings(List.of(lint)));
            err.flush();
        }
        return !LintOptions.fails(List.of(lint), mode);
    }
}
