package dev.launchc.pipeline;

import dev.launchc.catalog.Track;
import dev.launchc.images.ImageResolver;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.compile.SeedDeriver;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.lint.SeedFindings;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.Part;
import dev.launchc.plan.NodePlan;
import dev.launchc.compile.NodeSeed;
import dev.launchc.render.NodeRenderer;
import dev.launchc.render.OutputTree;
import dev.launchc.render.SeedRenderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One input through lint and compile into the per-node files under {@code nodes/<node>/} (seed,
 * preview, plan), in memory: lint, then for a cluster the join token, the seed derivation, each
 * seed's lint and its render; for a native config the single node {@value #NATIVE_NODE}. It prints
 * nothing and writes nothing: {@code compile} writes the tree as a directory, {@code bundle} packs
 * it into its archive ({@link BundleContents}), {@code diff} compares it.
 */
public final class CompilePipeline {
    /** The single node a native launch config compiles to. */
    public static final String NATIVE_NODE = "local";

    private CompilePipeline() {}

    /** Errors fail a run; under strict, warnings do too. */
    public static boolean fails(List<FileLint> results, Mode mode) {
        boolean errors = results.stream().anyMatch(FileLint::hasErrors);
        boolean warnings = results.stream().anyMatch(FileLint::hasWarnings);
        return errors || (mode == Mode.STRICT && warnings);
    }

    /** The linter of these options, for the input itself. */
    public static Linter linter(CompileOptions options) {
        return new Linter(options.track(), options.targetExplicit(), options.mode(), options.limits(), options.filter());
    }

    /** Lints and compiles {@code source}. Never throws for the input's content or its token. */
    public static CompileResult compile(Source source, CompileOptions options) {
        Linter linter = linter(options);
        FileLint lint = source.bytes() == null ? linter.tooLarge(source.name(), source.size()) : linter.lint(source.name(), source.bytes());
        List<FileLint> reports = new ArrayList<>(List.of(lint));
        Mode mode = options.mode();
        if (fails(List.of(lint), mode) || (lint.config() == null && (lint.cluster() == null || lint.cluster().cluster() == null))) {
            return refused(reports, lint, lint.cluster() != null ? lint.cluster().track() : options.track(), source);
        }
        List<String> only = options.onlyNodes();
        OutputTree tree = new OutputTree();
        if (lint.cluster() != null) {
            Cluster cluster = lint.cluster().cluster();
            Track track = lint.cluster().track();
            String token;
            try {
                token = options.tokens().token(cluster.token(), source.path());
            } catch (PipelineException e) {
                return unusable(reports, e.getMessage(), lint, cluster, track, source);
            }
            Set<String> names = new HashSet<>();
            cluster.nodes().forEach(n -> names.add(n.name().text()));
            for (String wanted : only) {
                if (!names.contains(wanted)) {
                    return unusable(reports, "no node '" + wanted + "' in " + source.name() + "; it has "
                            + String.join(", ", new TreeSet<>(names)), lint, cluster, track, source);
                }
            }
            List<Built> built = deriveSeeds(source.name(), lint, token, only, options, tree);
            FileLint seedFindings = seedFindings(lint, built);
            reports.add(seedFindings);
            if (fails(List.of(seedFindings), mode)) {
                return new CompileResult(CompileResult.Status.REFUSED, reports, null, null, lint, cluster, track, List.of(), source.bytes());
            }
            for (Built b : built) {
                // Only when every failing finding matched one of the cluster file's own: show it as found.
                if (fails(List.of(b.lint()), mode)) {
                    reports.add(b.lint());
                    return new CompileResult(CompileResult.Status.REFUSED, reports, null, null, lint, cluster, track, List.of(),
                            source.bytes());
                }
            }
            List<CompileResult.Node> nodes = new ArrayList<>();
            for (Built b : built) {
                tree.addAll(b.files());
                nodes.add(new CompileResult.Node(b.seed().node(), b.seed().role(), b.seed().address()));
            }
            return new CompileResult(CompileResult.Status.COMPILED, reports, null, tree, lint, cluster, track, nodes, source.bytes());
        }
        if (!only.isEmpty() && !only.contains(NATIVE_NODE)) {
            return unusable(reports, "a native launch config compiles to the single node '" + NATIVE_NODE + "'", lint, null,
                    options.track(), source);
        }
        NodePlan plan = NodeCompiler.compile(NATIVE_NODE, lint.config(), options.track());
        boolean seedHasSecret = plan.files().containsKey(NodeCompiler.TOKENS_FILE)
                || lint.config().parts().stream().anyMatch(Part::joins);
        addNode(tree, NATIVE_NODE, plan, source.bytes(), seedHasSecret);
        return new CompileResult(CompileResult.Status.COMPILED, reports, null, tree, lint, null, options.track(),
                List.of(new CompileResult.Node(NATIVE_NODE, null, null)), source.bytes());
    }

    /**
     * The lint of an input as compile judges it: for a cluster file whose own findings let it
     * compile, the findings of the seeds it derives are added, told at the cluster file's lines
     * ({@link SeedFindings}). So {@code launchc lint}, the editor and compile agree: a cluster file
     * that lints clean compiles, and what a seed would break is shown where the user wrote it. The
     * seeds are derived with the stand-in token (nothing is read; the token changes no verdict on a
     * value the file holds). Any other lint comes back as it is.
     */
    public static FileLint lintWithSeeds(FileLint lint, CompileOptions options) {
        if (lint == null || lint.cluster() == null || lint.cluster().cluster() == null || fails(List.of(lint), options.mode())) {
            return lint;
        }
        Cluster cluster = lint.cluster().cluster();
        String token = TokenSource.STAND_IN.token(cluster.token(), null);
        List<Diagnostic> seedFindings = seedFindings(lint, deriveSeeds(lint.file(), lint, token, List.of(), options, null)).diagnostics();
        if (seedFindings.isEmpty()) {
            return lint;
        }
        List<Diagnostic> all = new ArrayList<>(lint.diagnostics());
        all.addAll(seedFindings);
        all.sort(Diagnostic.BY_POSITION);
        return new FileLint(lint.file(), lint.kind(), List.copyOf(all), lint.config(), lint.source(), lint.cluster());
    }

    /**
     * Derives the seeds of the linted cluster (of the nodes in {@code only}; empty: all), and lints
     * each as its node will read it. With a {@code tree}, each seed that lints clean is also rendered
     * into it with its node's files. Nodes are independent: this runs on every core, in node order.
     */
    private static List<Built> deriveSeeds(String name, FileLint lint, String token, List<String> only, CompileOptions options,
            OutputTree tree) {
        Cluster cluster = lint.cluster().cluster();
        Track track = lint.cluster().track();
        Linter seedLinter = new Linter(track, true, options.mode(), options.limits(), options.filter());
        List<NodeSeed> seeds = SeedDeriver.derive(cluster, track, token).stream()
                .filter(seed -> only.isEmpty() || only.contains(seed.node()))
                .toList();
        return AllCores.map(seeds, seed -> build(name, cluster.name(), seed, seedLinter, options.mode(), track,
                tree == null ? null : tree.sharingContents()));
    }

    /** The seeds' findings, each told once at the cluster file's line that caused it. */
    private static FileLint seedFindings(FileLint lint, List<Built> built) {
        Cluster cluster = lint.cluster().cluster();
        // Each node's place in the list, found once: a lookup per seed would make this quadratic in nodes.
        Map<String, Integer> nodeIndex = new HashMap<>();
        for (int i = cluster.nodes().size() - 1; i >= 0; i--) {
            nodeIndex.put(cluster.nodes().get(i).name().text(), i); // the first of equal names wins, as before
        }
        List<SeedFindings.Seed> seeds = new ArrayList<>();
        for (Built b : built) {
            seeds.add(new SeedFindings.Seed(b.seed().node(), nodeIndex.getOrDefault(b.seed().node(), -1), b.lint(), b.seed().origins()));
        }
        return new FileLint(lint.file(), lint.kind(), SeedFindings.inClusterFile(lint, cluster, seeds), null, lint.source());
    }

    /**
     * Every container image a linted input needs: a cluster's on its own track, a native config's
     * as the single node {@value #NATIVE_NODE} on {@code track}.
     */
    public static ImageResolver.Result images(FileLint lint, Track track) {
        if (lint.cluster() != null) {
            return ImageResolver.resolve(lint.cluster().cluster(), lint.cluster().track());
        }
        return ImageResolver.resolve(lint.config(), track, NATIVE_NODE);
    }

    private static CompileResult refused(List<FileLint> reports, FileLint lint, Track track, Source source) {
        Cluster cluster = lint.cluster() == null ? null : lint.cluster().cluster();
        return new CompileResult(CompileResult.Status.REFUSED, reports, null, null, lint, cluster, track, List.of(), source.bytes());
    }

    private static CompileResult unusable(List<FileLint> reports, String problem, FileLint lint, Cluster cluster, Track track,
            Source source) {
        return new CompileResult(CompileResult.Status.UNUSABLE, reports, problem, null, lint, cluster, track, List.of(), source.bytes());
    }

    /** One node's seed, its lint, and (when it lints clean and was rendered) its files, in a tree sharing the result's contents. */
    private record Built(NodeSeed seed, FileLint lint, OutputTree files) {}

    private static Built build(String input, String clusterName, NodeSeed seed, Linter linter, Mode mode, Track track,
            OutputTree files) {
        byte[] seedBytes = SeedRenderer.render(clusterName, seed).getBytes(StandardCharsets.UTF_8);
        FileLint seedLint = linter.lint(input + " → nodes/" + seed.node() + "/seed/microk8s.yaml", seedBytes);
        if (files != null && !fails(List.of(seedLint), mode)) {
            addNode(files, seed.node(), NodeCompiler.compile(seed.node(), seedLint.config(), track), seedBytes, seed.holdsSecret());
        }
        // A clean seed's lint is only asked for its (no) findings from here on: its parsed tree and
        // model would otherwise stay alive for every node until the end of a 10,000-node compile.
        return new Built(seed, seedLint.forReport(), files);
    }

    private static void addNode(OutputTree tree, String node, NodePlan plan, byte[] seed, boolean secret) {
        NodeRenderer.render(plan, tree);
        tree.add("nodes/" + node + "/seed/microk8s.yaml", seed, secret, node);
    }
}
