package dev.launchc.cli;

import dev.launchc.render.TreeWriter;
import java.io.IOException;
import java.io.PrintWriter;
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

    @Option(names = "--no-links", description = "Write every file of the preview on its own. By default a file"
            + " whose bytes and mode equal an earlier one's is a hard link to it (a copy where the file system has no hard links).")
    boolean noLinks;

    @Mixin
    LintOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        dev.launchc.pipeline.CompileResult compiled = CompiledTree.build(options, file, nodes, spec.commandLine().getErr());
        if (compiled == null) {
            spec.commandLine().getErr().println("launchc: not compiled: fix the errors above; nothing was written");
            return ExitCodes.INPUT_ERRORS;
        }
        TreeWriter.addManifest(compiled.tree());
        try {
            TreeWriter.write(outDir, compiled.tree(), noLinks ? TreeWriter.Layout.COPIES : TreeWriter.Layout.LINKED);
        } catch (IOException e) {
            throw new UsageException("cannot write " + outDir + ": " + e.getMessage());
        }
        // Every file written, manifest.json included.
        int files = compiled.tree().entries().size();
        int nodeCount = compiled.nodes().size();
        PrintWriter err = spec.commandLine().getErr();
        String dir = outDir.toString();
        err.println("launchc: wrote " + dir + (dir.endsWith("/") ? "" : "/") + " (" + nodeCount + (nodeCount == 1 ? " node, " : " nodes, ")
                + files + (files == 1 ? " file)" : " files)"));
        err.flush();
        return ExitCodes.OK;
    }
}
