package dev.launchc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Pos;
import dev.launchc.diff.Difference;
import dev.launchc.diff.NodeState;
import dev.launchc.json.JsonTrees;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.pipeline.CompileResult;
import dev.launchc.pipeline.TokenSource;
import dev.launchc.render.OutputTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The two sides of {@code launchc diff} as node states: a config compiled in memory exactly as
 * {@code compile} does, a compile OUTDIR, or (ACTUAL only) a live node's args from an inspection
 * report or a copy of the directory.
 */
final class DiffInputs {
    /**
     * One side.
     *
     * @param live      true for a single live node (report or args directory), false for configs
     * @param nodeLines where each node is in the user's file (a cluster file's node entry, a native
     *                  config's first line): the place to show a difference no line of it set
     */
    record Side(String name, List<NodeState> nodes, Track track, boolean live, Map<String, Difference.ConfigLine> nodeLines) {}

    private static final String SEED = "seed/microk8s.yaml";

    private DiffInputs() {}

    /** A cluster file, a native config or a compile OUTDIR. */
    static Side config(LintOptions options, String arg, PrintWriter err) {
        Path path = Path.of(arg);
        if (Files.isDirectory(path.resolve("nodes"))) {
            return outdir(options, arg, path);
        }
        if (Files.isDirectory(path)) {
            throw new UsageException(arg + ": a directory without nodes/; expected a cluster file, a launch config or a compile OUTDIR");
        }
        CompileResult compiled = CompiledTree.build(options, arg, null, err, TokenSource.STAND_IN);
        if (compiled == null) {
            throw new UsageException(arg + " does not compile: fix the errors above");
        }
        LintOptions.Settings settings = options.settings(path);
        Linter seedLinter = new Linter(compiled.track(), true, settings.mode(), options.limits(), settings.filter());
        List<NodeState> nodes = new ArrayList<>();
        Map<String, Difference.ConfigLine> nodeLines = new java.util.HashMap<>();
        if (compiled.cluster() != null) {
            for (Cluster.Node n : compiled.cluster().nodes()) {
                Pos pos = compiled.cluster().source().valuePos(n.name().pointer());
                nodeLines.put(n.name().text(), new Difference.ConfigLine(arg, pos.line(), pos.column()));
            }
        }
        for (CompileResult.Node node : compiled.nodes()) {
            nodeLines.putIfAbsent(node.name(), new Difference.ConfigLine(arg, 1, 1));
            String base = "nodes/" + node.name() + "/";
            SortedMap<String, String> files = new TreeMap<>();
            byte[] seed = null;
            for (Map.Entry<String, OutputTree.Entry> e : compiled.tree().entries().entrySet()) {
                if (e.getKey().startsWith(base + "args/")) {
                    files.put(e.getKey().substring((base + "args/").length()), new String(e.getValue().bytes(), StandardCharsets.UTF_8));
                } else if (e.getKey().equals(base + SEED)) {
                    seed = e.getValue().bytes();
                }
            }
            LaunchConfig config;
            String configFile;
            if (compiled.cluster() == null) {
                config = compiled.lint().config();
                configFile = arg;
            } else {
                configFile = base + SEED;
                config = seed == null ? null : seedLinter.lint(configFile, seed).config();
            }
            nodes.add(new NodeState(node.name(), files, config, configFile));
        }
        return new Side(arg, List.copyOf(nodes), compiled.track(), false, Map.copyOf(nodeLines));
    }

    /** A compile OUTDIR: each node's args/ preview and its seed; the track from its plan.json. */
    private static Side outdir(LintOptions options, String arg, Path dir) {
        List<Path> nodeDirs;
        try (Stream<Path> list = Files.list(dir.resolve("nodes"))) {
            // A node's args/ is a directory, or in the shared layout a link launchc wrote to one.
            nodeDirs = list.filter(p -> Files.isDirectory(p.resolve("args"), LinkOption.NOFOLLOW_LINKS) || isLinkedDirectory(dir, p.resolve("args")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UsageException("cannot read " + arg + ": " + e.getMessage());
        }
        if (nodeDirs.isEmpty()) {
            throw new UsageException(arg + ": no nodes/<node>/args/ in it; is it a compile OUTDIR?");
        }
        LintOptions.Settings settings = options.settings(dir);
        Track track = settings.targetExplicit() ? settings.track() : planTrack(nodeDirs.get(0)).orElse(settings.track());
        Linter linter = new Linter(track, true, settings.mode(), options.limits(), settings.filter());
        List<NodeState> nodes = new ArrayList<>();
        for (Path nodeDir : nodeDirs) {
            SortedMap<String, String> files = NodeArgsReader.fromDirectory(nodeDir.resolve("args"), options.limits(), dir);
            Path seed = nodeDir.resolve(SEED);
            LaunchConfig config = null;
            String configFile = null;
            if (Files.isRegularFile(seed, LinkOption.NOFOLLOW_LINKS)) {
                configFile = seed.toString();
                FileLint lint = linter.lint(configFile, new Inputs.Input(configFile, seed, false).read(options.limits().maxFileBytes()));
                config = lint.config();
            }
            nodes.add(new NodeState(nodeDir.getFileName().toString(), files, config, configFile));
        }
        return new Side(arg, List.copyOf(nodes), track, false, Map.of());
    }

    private static boolean isLinkedDirectory(Path outdir, Path link) {
        try {
            return dev.launchc.render.SharedDirectories.linkedDirectory(outdir, link) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static java.util.Optional<Track> planTrack(Path nodeDir) {
        Path plan = nodeDir.resolve("plan.json");
        if (!Files.isRegularFile(plan)) {
            return java.util.Optional.empty();
        }
        try (InputStream in = Files.newInputStream(plan)) {
            JsonNode root = JsonTrees.read(in);
            return Catalog.get().track(root.path("track").asText(""));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** ACTUAL: a report tarball, an extracted report or args directory, or else a config or OUTDIR. */
    static Side actual(LintOptions options, String arg, PrintWriter err) {
        Path path = Path.of(arg);
        if (!Files.exists(path)) {
            throw new UsageException("cannot read " + arg + ": no such file or directory");
        }
        if (Files.isRegularFile(path) && NodeArgsReader.isTarball(path)) {
            return live(arg, NodeArgsReader.fromTarball(path, options.limits()));
        }
        if (Files.isDirectory(path) && !Files.isDirectory(path.resolve("nodes"))) {
            return live(arg, NodeArgsReader.fromDirectory(NodeArgsReader.argsDirectory(path), options.limits()));
        }
        return config(options, arg, err);
    }

    private static Side live(String arg, SortedMap<String, String> files) {
        return new Side(arg, List.of(NodeState.live(null, files)), null, true, Map.of());
    }
}
