package dev.launchc.cli;

import dev.launchc.catalog.Track;
import dev.launchc.cli.format.TextFormat;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.compile.SeedDeriver;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.model.internal.Cluster;
import dev.launchc.plan.NodeSeed;
import dev.launchc.render.SeedRenderer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import dev.launchc.load.LoadLimits;
import dev.launchc.plan.NodePlan;
import dev.launchc.render.NodeRenderer;
import dev.launchc.render.OutputTree;
import dev.launchc.render.TreeWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile a launch config or cluster file into per-node seeds and a byte-exact preview of each node.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "1:the input has errors (nothing written)", "2:usage or I/O problem"})
public final class CompileCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A native launch config or a cluster file.")
    String file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR", description = "Output directory (replaced atomically).")
    Path outDir;

    @Option(names = "--node", paramLabel = "NAME", description = "Only these nodes (repeatable).")
    List<String> nodes;

    @Mixin
    LintOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LoadLimits limits = options.limits();
        Inputs.Input input = Inputs.collect(List.of(file)).get(0);
        byte[] bytes = input.read(limits.maxFileBytes());
        FileLint lint = options.linter().lint(input.name(), bytes);
        if (!report(lint) || (lint.config() == null && (lint.cluster() == null || lint.cluster().cluster() == null))) {
            return refuse();
        }
        OutputTree tree = new OutputTree();
        if (lint.cluster() != null) {
            Cluster cluster = lint.cluster().cluster();
            Track track = lint.cluster().track();
            String token = JoinToken.read(cluster, input.path());
            Set<String> names = new HashSet<>();
            cluster.nodes().forEach(n -> names.add(n.name().text()));
            for (String wanted : nodes == null ? List.<String>of() : nodes) {
                if (!names.contains(wanted)) {
                    throw new UsageException("no node '" + wanted + "' in " + input.name() + "; it has " + String.join(", ", new TreeSet<>(names)));
                }
            }
            for (NodeSeed seed : SeedDeriver.derive(cluster, track, token)) {
                if (nodes != null && !nodes.isEmpty() && !nodes.contains(seed.node())) {
                    continue;
                }
                String seedText = SeedRenderer.render(cluster.name(), seed);
                String seedName = "nodes/" + seed.node() + "/seed/microk8s.yaml";
                FileLint seedLint = new Linter(track, true, options.mode(), limits)
                        .lint(input.name() + " → " + seedName, seedText.getBytes(StandardCharsets.UTF_8));
                if (!report(seedLint)) {
                    return refuse();
                }
                addNode(tree, seed.node(), NodeCompiler.compile(seed.node(), seedLint.config(), track),
                        seedText.getBytes(StandardCharsets.UTF_8), seed.holdsSecret());
            }
        } else {
            String node = "local";
            if (nodes != null && !nodes.isEmpty() && !nodes.contains(node)) {
                throw new UsageException("a native launch config compiles to the single node 'local'");
            }
            NodePlan plan = NodeCompiler.compile(node, lint.config(), options.track());
            boolean seedHasSecret = plan.files().containsKey(NodeCompiler.TOKENS_FILE)
                    || lint.config().parts().stream().anyMatch(p -> p.join() != null && !p.join().url().isEmpty());
            addNode(tree, node, plan, bytes, seedHasSecret);
        }
        TreeWriter.addManifest(tree);
        try {
            TreeWriter.write(outDir, tree);
        } catch (IOException e) {
            throw new UsageException("cannot write " + outDir + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }

    private static void addNode(OutputTree tree, String node, NodePlan plan, byte[] seed, boolean secret) {
        NodeRenderer.render(plan, tree);
        tree.add("nodes/" + node + "/seed/microk8s.yaml", seed, secret, node);
    }

    /** Prints the findings on stderr; returns false when they forbid compiling. */
    private boolean report(FileLint lint) {
        if (!lint.diagnostics().isEmpty()) {
            spec.commandLine().getErr().print(new TextFormat(false).render(List.of(lint)));
            spec.commandLine().getErr().flush();
        }
        return !options.fails(List.of(lint));
    }

    private int refuse() {
        spec.commandLine().getErr().println("launchc: not compiled: fix the errors above; nothing was written");
        return ExitCodes.INPUT_ERRORS;
    }
}
