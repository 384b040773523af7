package dev.launchc.cli;

import dev.launchc.cli.format.TextFormat;
import dev.launchc.lint.FileLint;
import dev.launchc.pipeline.CompileOptions;
import dev.launchc.pipeline.CompilePipeline;
import dev.launchc.pipeline.CompileResult;
import dev.launchc.pipeline.Source;
import dev.launchc.pipeline.TokenSource;
import java.io.PrintWriter;
import java.util.List;

/**
 * The command line's side of the compile pipeline ({@link CompilePipeline}): reads the input named on
 * the command line with the options and settings file that apply to it, and prints the findings.
 */
final class CompiledTree {
    private CompiledTree() {}

    /**
     * Lints and compiles {@code file}, printing every finding on {@code err}.
     *
     * @param only   the nodes to compile (null or empty: all)
     * @param tokens where a cluster's join token comes from
     * @return null when the findings forbid compiling (the caller says what was not written)
     * @throws UsageException when the input cannot be used (unreadable, token not usable, no such node)
     */
    static CompileResult build(LintOptions options, String file, List<String> only, PrintWriter err, TokenSource tokens) {
        Inputs.Input input = Inputs.collect(List.of(file)).get(0);
        LintOptions.Settings settings = options.settings(input.path());
        CompileResult result = CompilePipeline.compile(source(input, options.limits().maxFileBytes()),
                new CompileOptions(settings.track(), settings.targetExplicit(), settings.mode(), options.limits(), settings.filter(),
                        only, tokens));
        result.reports().forEach(lint -> print(lint, err));
        if (result.status() == CompileResult.Status.UNUSABLE) {
            throw new UsageException(result.problem());
        }
        return result.compiled() ? result : null;
    }

    /** As {@link #build(LintOptions, String, List, PrintWriter, TokenSource)} with the token the cluster file names. */
    static CompileResult build(LintOptions options, String file, List<String> only, PrintWriter err) {
        return build(options, file, only, err, TokenSource.DECLARED);
    }

    /** The input's bytes, or its size when it is larger than the limit (the pipeline then reports LC0005). */
    static Source source(Inputs.Input input, long maxBytes) {
        try {
            return Source.of(input.name(), input.path(), input.read(maxBytes));
        } catch (Inputs.TooLarge e) {
            return Source.tooLarge(input.name(), input.path(), e.size);
        }
    }

    /** Prints the findings on {@code err}; returns false when they forbid going on. */
    static boolean report(dev.launchc.diag.Mode mode, FileLint lint, PrintWriter err) {
        print(lint, err);
        return !LintOptions.fails(List.of(lint), mode);
    }

    private static void print(FileLint lint, PrintWriter err) {
        if (!lint.diagnostics().isEmpty()) {
            err.print(new TextFormat(false).findings(List.of(lint)));
            err.flush();
        }
    }
}
