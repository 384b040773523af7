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

    @Option(names = "--no-links", description = "The same as --layout copies.")
    boolean noLinks;

    /** How equal files and directories are stored; every path reads the same bytes and mode in each. */
    enum Layout {
        linked(TreeWriter.Layout.LINKED), copies(TreeWriter.Layout.COPIES), shared(TreeWriter.Layout.SHARED);

        final TreeWriter.Layout writer;

        Layout(TreeWriter.Layout writer) {
            this.writer = writer;
        }
    }

    @Option(names = "--layout", paramLabel = "LAYOUT", description = "How the preview is stored (default: ${DEFAULT-VALUE}):"
            + " linked: a file whose bytes and mode equal an earlier one's is a hard link to it (a copy where the file system has no hard links);"
            + " copies: every file on its own;"
            + " shared: as linked, and a directory that repeats whole on several nodes is stored once under shared/ and linked"
            + " from each place by a relative symbolic link (fastest for thousands of nodes; tools that do not follow links,"
            + " such as find, grep -r, cp -r and tar, see links there).")
    Layout layout = Layout.linked;

    @Mixin
    LintOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where a command line {@link #parsedByHand} prints; picocli's writer otherwise. */
    private PrintWriter err;

    private static final java.util.Map<String, String> BY_HAND_VALUES = java.util.Map.of("-o", "--output", "--output", "--output",
            "--layout", "--layout");

    /**
     * The command of an everyday compile line ({@code compile [--layout LAYOUT] -o OUTDIR FILE}, the
     * options also with '=' where picocli takes it), parsed without picocli as {@link ByHandLine}
     * reads it, which saves picocli's start-up on every compile; null for any other line, which
     * picocli then parses, reports on and helps with.
     */
    static CompileCommand parsedByHand(String... args) {
        ByHandLine line = ByHandLine.read(args, "compile", BY_HAND_VALUES, java.util.Map.of());
        if (line == null || line.positionals().size() != 1 || !line.values().containsKey("--output")) {
            return null;
        }
        CompileCommand compile = new CompileCommand();
        compile.file = line.positionals().get(0);
        compile.options = LintOptions.defaults();
        try {
            compile.outDir = Path.of(line.values().get("--output"));
            String layout = line.values().get("--layout");
            compile.layout = layout == null ? compile.layout : Layout.valueOf(layout);
        } catch (IllegalArgumentException e) { // also java.nio.file.InvalidPathException
            return null;
        }
        return compile;
    }

    /** Runs a command {@link #parsedByHand} as picocli runs one: the same output, messages and exit code. */
    int execute(PrintWriter err) {
        this.err = err;
        return ExitCodes.runByHand(this, err);
    }

    private PrintWriter err() {
        return err != null ? err : spec.commandLine().getErr();
    }

    @Override
    public Integer call() {
        if (noLinks && layout != Layout.linked && layout != Layout.copies) {
            throw new UsageException("--no-links is --layout copies; it does not go with --layout " + layout);
        }
        TreeWriter.Layout storage = noLinks ? TreeWriter.Layout.COPIES : layout.writer;
        dev.launchc.pipeline.CompileResult compiled = CompiledTree.build(options, file, nodes, err());
        if (compiled == null) {
            err().println("launchc: not compiled: fix the errors above; nothing was written");
            return ExitCodes.INPUT_ERRORS;
        }
        TreeWriter.addManifest(compiled.tree());
        try {
            TreeWriter.write(outDir, compiled.tree(), storage);
        } catch (IOException e) {
            throw new UsageException("cannot write " + outDir + ": " + dev.launchc.load.RegularFiles.problemAt(e));
        }
        // Every file written, manifest.json included.
        int files = compiled.tree().entries().size();
        int nodeCount = compiled.nodes().size();
        PrintWriter err = err();
        String dir = outDir.toString();
        err.println("launchc: wrote " + dir + (dir.endsWith("/") ? "" : "/") + " (" + nodeCount + (nodeCount == 1 ? " node, " : " nodes, ")
                + files + (files == 1 ? " file)" : " files)"));
        err.flush();
        return ExitCodes.OK;
    }
}
