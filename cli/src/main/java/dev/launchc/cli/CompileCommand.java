package dev.launchc.cli;

import dev.launchc.catalog.Track;
import dev.launchc.cli.format.TextFormat;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.lint.FileLint;
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
        Track track = options.track();
        LoadLimits limits = options.limits();
        Inputs.Input input = Inputs.collect(List.of(file)).get(0);
        byte[] bytes = input.read(limits.maxFileBytes());
        FileLint lint = options.linter().lint(input.name(), bytes);
        boolean refuse = options.fails(List.of(lint));
        if (!lint.diagnostics().isEmpty()) {
            spec.commandLine().getErr().print(new TextFormat(false).render(List.of(lint)));
            spec.commandLine().getErr().flush();
        }
        if (refuse || lint.config() == null) {
            spec.commandLine().getErr().println("launchc: not compiled: fix the errors above; nothing was written");
            return ExitCodes.INPUT_ERRORS;
        }
        String node = "local";
        if (nodes != null && !nodes.isEmpty() && !nodes.contains(node)) {
            throw new UsageException("a native launch config compiles to the single node 'local'");
        }
        NodePlan plan = NodeCompiler.compile(node, lint.config(), track);
        OutputTree tree = new OutputTree();
        NodeRenderer.render(plan, tree);
        boolean seedHasSecret = plan.files().containsKey(NodeCompiler.TOKENS_FILE)
                || lint.config().parts().stream().anyMatch(p -> p.join() != null && !p.join().url().isEmpty());
        tree.add("nodes/" + node + "/seed/microk8s.yaml", bytes, seedHasSecret, node);
        TreeWriter.addManifest(tree);
        try {
            TreeWriter.write(outDir, tree);
        } catch (IOException e) {
            throw new UsageException("cannot write " + outDir + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
