package dev.launchc.cli;

import dev.launchc.cli.format.ReportFormat;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Validate launch configs and cluster files against the schema and MicroK8s' semantics.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed unless --strict)", "1:the input has errors", "2:usage or I/O problem"})
public final class LintCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "File, directory (recursive *.yaml, *.yml; YAML that is not a launch config, such as a workflow or a manifest, is skipped), or - for stdin.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json, sarif or junit (default: ${DEFAULT-VALUE}).")
    ReportFormat.Kind format = ReportFormat.Kind.text;

    @Mixin
    LintOptions options;

    @Option(names = {"-q", "--quiet"}, description = "Text format: print only errors, no summary line.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also name every clean file and the time taken (on stderr).")
    boolean verbose;

    @Option(names = "--cache", paramLabel = "DIR", description = "Replay the findings of files linted before with the same"
            + " name and bytes (and the same launchc build, catalog, target, mode and limits) from DIR; new results are added."
            + " Off by default. DIR is created, or must be empty or a launchc cache.")
    java.nio.file.Path cacheDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The linter, built on first use: a run whose every file is a cache hit never needs the catalog's rules or the schema. */
    private Linter linter;

    private synchronized Linter linter() {
        if (linter == null) {
            linter = options.linter();
        }
        return linter;
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        LoadLimits limits = options.limits();
        List<Inputs.Input> inputs = Inputs.collect(paths);
        PrintWriter err = spec.commandLine().getErr();
        LintCache cache = cacheDir == null ? null : LintCache.open(cacheDir, LintCache.context(options));
        Progress progress = Progress.on(err, inputs.size(), !quiet && inputs.size() >= Progress.WORTH_SHOWING);
        // A null result: a file the walk found that is not a launch config (a workflow, a manifest).
        List<FileLint> linted = inputs.parallelStream()
                .map(in -> {
                    byte[] bytes = in.read(limits.maxFileBytes());
                    String key = cache == null ? null : cache.key(in.name(), in.walked(), bytes);
                    LintCache.Result hit = key == null ? null : cache.get(key);
                    FileLint r;
                    if (hit != null) {
                        r = LintCache.replay(in.name(), hit);
                    } else {
                        r = in.walked() ? linter().lintIfLaunchConfig(in.name(), bytes) : linter().lint(in.name(), bytes);
                        if (key != null) {
                            cache.put(key, r);
                        }
                    }
                    progress.step();
                    return r;
                })
                .toList();
        progress.done();
        if (cache != null) {
            saveCache(cache, err);
        }
        List<FileLint> results = linted.stream().filter(Objects::nonNull).toList();
        reportSkipped(inputs, linted, err);
        if (quiet && format == ReportFormat.Kind.text) {
            results = results.stream().map(LintCommand::errorsOnly).toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        String report = ReportFormat.of(format).render(results);
        if (quiet && format == ReportFormat.Kind.text) {
            report = report.substring(0, report.lastIndexOf('\n', report.length() - 2) + 1);
        }
        out.print(report);
        out.flush();
        if (verbose) {
            results.stream().filter(r -> r.diagnostics().isEmpty()).forEach(r -> err.println("ok " + r.file()));
            err.printf("launchc: %d files in %d ms%n", results.size(), (System.nanoTime() - start) / 1_000_000);
            err.flush();
        }
        return options.fails(results) ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
    }

    private void saveCache(LintCache cache, PrintWriter err) {
        try {
            cache.save();
        } catch (java.io.IOException | RuntimeException e) {
            // The cache only saves time: the findings stand, the next run lints these files again.
            err.println("launchc: warning: cannot update the cache in " + cacheDir + ": " + e.getMessage());
        }
        if (verbose) {
            err.printf("launchc: cache %s: %d hits, %d linted%n", cacheDir, cache.hits(), cache.misses());
        }
        err.flush();
    }

    private void reportSkipped(List<Inputs.Input> inputs, List<FileLint> linted, PrintWriter err) {
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (linted.get(i) == null) {
                skipped.add(inputs.get(i).name());
            }
        }
        if (skipped.isEmpty() || quiet) {
            return;
        }
        err.println("launchc: skipped " + (skipped.size() == 1 ? "1 YAML file that is not a launch config"
                : skipped.size() + " YAML files that are not launch configs")
                + " (no version:, no launchc.dev/ apiVersion:, no launch-config key); name a file to lint it anyway"
                + (verbose ? ":" : "; --verbose lists them"));
        if (verbose) {
            skipped.forEach(name -> err.println("  " + name));
        }
        err.flush();
    }

    private static FileLint errorsOnly(FileLint r) {
        return new FileLint(r.file(), r.kind(), r.diagnostics().stream()
                .filter(d -> d.severity() == dev.launchc.diag.Severity.ERROR).toList(), r.config(), r.source(), r.cluster());
    }
}
