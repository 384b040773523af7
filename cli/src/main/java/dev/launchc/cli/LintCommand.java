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

    @Option(names = "--fix", description = "Apply the safe fixes in place (a clear did-you-mean, YAML 1.1 quoting, the first service IP in extraSANs, version 0.2.0), then report what is left.")
    boolean fix;

    @Option(names = "--dry-run", description = "With --fix: print the changes as a unified diff and write nothing (exit 1 when a file would change).")
    boolean dryRun;

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files of a directory walk that match (repeatable; relative to the working folder, e.g. 'vendor/**').")
    List<String> exclude = new ArrayList<>();

    /** One input's outcome: its lint, the mode its settings chose, and what --fix did. */
    private record Outcome(FileLint lint, dev.launchc.diag.Mode mode, FileFixer.Fixed fixed) {}

    @Option(names = "--cache", paramLabel = "DIR", description = "Replay the findings of files linted before with the same"
            + " name and bytes (and the same launchc build, catalog, target, mode, silenced codes and limits) from DIR; new results are added."
            + " The same line over unchanged files and folders is replayed whole."
            + " Off by default. DIR is created, or must be empty or a launchc cache.")
    java.nio.file.Path cacheDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The arguments of a command line {@link #parsedByHand}; picocli's parse result has them otherwise. */
    private List<String> commandLine;

    /** Where a command line {@link #parsedByHand} prints; picocli's writers otherwise. */
    private PrintWriter out;
    private PrintWriter err;

    /**
     * The command of an everyday lint line, parsed without picocli, whose model of the command
     * (built from the annotations by reflection) costs more at start-up than a cached lint of
     * thousands of files takes; null for any other line, which picocli then parses, reports on and
     * helps with. It takes only what it reads exactly as picocli does: paths (neither empty nor
     * starting with '-' or '@', which picocli expands as an argument file), {@code --cache DIR},
     * {@code --format FORMAT} (also with '='), {@code -q}/{@code --quiet}, {@code -v}/{@code --verbose},
     * each at most once. Anything else (another option, a repeated one, stdin, a bad value) is null.
     */
    static LintCommand parsedByHand(String... args) {
        ByHandLine line = ByHandLine.read(args, "lint", BY_HAND_VALUES, BY_HAND_FLAGS);
        if (line == null || line.positionals().isEmpty()) {
            return null;
        }
        LintCommand lint = new LintCommand();
        lint.commandLine = List.of(args);
        lint.paths = new ArrayList<>(line.positionals());
        lint.options = LintOptions.defaults();
        lint.quiet = line.flags().contains("--quiet");
        lint.verbose = line.flags().contains("--verbose");
        try {
            String cache = line.values().get("--cache");
            lint.cacheDir = cache == null ? null : java.nio.file.Path.of(cache);
            String format = line.values().get("--format");
            lint.format = format == null ? lint.format : ReportFormat.Kind.valueOf(format);
        } catch (IllegalArgumentException e) { // also java.nio.file.InvalidPathException
            return null;
        }
        return lint;
    }

    private static final java.util.Map<String, String> BY_HAND_VALUES = java.util.Map.of("--cache", "--cache", "--format", "--format");
    private static final java.util.Map<String, String> BY_HAND_FLAGS = java.util.Map.of("-q", "--quiet", "--quiet", "--quiet",
            "-v", "--verbose", "--verbose", "--verbose");

    /** Runs a command {@link #parsedByHand} as picocli runs one: the same output, messages and exit code. */
    int execute(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        return ExitCodes.runByHand(this, err);
    }

    private PrintWriter out() {
        return out != null ? out : spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return err != null ? err : spec.commandLine().getErr();
    }

    /**
     * The clock of a run's start, against which a file's last change must be {@link FileStamp#SETTLE}
     * old for its stamp to be recorded. Tests move it ahead to treat files they just wrote as settled.
     */
    static java.time.Clock clock = java.time.Clock.systemUTC();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        if (dryRun && !fix) {
            throw new UsageException("--dry-run goes with --fix");
        }
        // The whole run replayed from its memo when nothing it depends on has changed (RunMemo).
        String context = cacheDir == null || fix ? null : LintCache.context(options);
        RunMemo memo = context == null ? null : memo(context);
        // Only from launchc's own cache directory (a first run makes one, and records the memo there).
        if (memo != null && LintCache.isCache(cacheDir)) {
            int replayed = memo.replay(out(), err());
            if (replayed >= 0) {
                return replayed;
            }
        }
        LoadLimits limits = options.limits();
        dev.launchc.config.ProjectConfig cliExcludes = new dev.launchc.config.ProjectConfig(null, null, List.of(), List.of(),
                exclude, List.of());
        // While this core walks the inputs, the other reads the cache's context and segments, then
        // looks ahead over the files the walk has found so far (their stamps' keys, or digests).
        DigestPrefetch prefetch = cacheDir == null || fix ? null : new DigestPrefetch(limits.maxFileBytes());
        // Before any stamp is read: a stamp is recorded only for a file that changed well before it (FileStamp).
        java.time.Instant runStart = java.time.Instant.now(clock);
        java.util.concurrent.CompletableFuture<LintCache> preparing = prefetch == null ? null
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    LintCache prepared = LintCache.prepare(cacheDir, context);
                    prefetch.run(prepared, options::choice);
                    return prepared;
                });
        List<Inputs.Input> inputs;
        List<Inputs.Input> found;
        Inputs.Walks walks = new Inputs.Walks();
        try {
            found = Inputs.collect(paths, prefetch == null ? file -> { } : prefetch::offer, walks);
            inputs = found.stream()
                    // A walk skips the settings files themselves, and what --exclude or their exclude: names.
                    .filter(in -> !in.walked() || !in.path().getFileName().toString().equals(dev.launchc.config.ProjectConfig.FILE_NAME)
                            && (exclude.isEmpty() || !cliExcludes.excludes(in.path().normalize().toString())) && !options.excluded(in.path()))
                    .toList();
        } finally {
            if (prefetch != null) {
                prefetch.stop();
            }
        }
        if (fix && inputs.stream().anyMatch(in -> in.path() == null)) {
            throw new UsageException("--fix rewrites files; it cannot fix stdin");
        }
        // What this run prints on stderr, kept for its memo.
        java.io.StringWriter errText = memo == null ? null : new java.io.StringWriter();
        PrintWriter err = errText == null ? err() : new PrintWriter(new TeeWriter(err(), errText));
        LintCache cache = preparing == null ? null : joined(preparing).open();
        // The stamp each input's result was found or linted under (RunMemo), by the input's place.
        FileStamp[] vouched = new FileStamp[inputs.size()];
        Progress progress = Progress.on(err, inputs.size(), !quiet && inputs.size() >= Progress.WORTH_SHOWING);
        // A null result: a file the walk found that is not a launch config (a workflow, a manifest).
        List<Outcome> outcomes = dev.launchc.pipeline.AllCores.map(places(inputs.size()), place -> {
            Inputs.Input in = inputs.get(place);
            // A cached lint resolves the settings (and reads the catalog) only on a miss.
            LintOptions.Settings settings = cache == null || fix ? options.settings(in.path()) : null;
            LintOptions.Choice choice = settings == null ? options.choice(in.path()) : null;
            // --fix rewrites files from a fresh lint; a replayed result has no fixes to apply.
            Inputs.Linted read = settings != null ? in.lint(options.linter(settings), limits.maxFileBytes(), in.walked())
                    : cached(cache, prefetch, in, choice, limits, runStart, vouched, place);
            byte[] bytes = read.bytes();
            FileLint r = read.lint();
            FileFixer.Fixed fixed = null;
            if (fix && r != null && bytes != null) {
                Linter linter = options.linter(settings);
                fixed = FileFixer.fix(in.name(), bytes, r, linter);
                r = fixed.lint();
                if (fixed.changed() && !dryRun) {
                    FileFixer.write(in.path(), bytes, fixed.after());
                }
            }
            // As compile judges it, once, on what is reported (a cached result is stored so already).
            if (settings != null) {
                r = options.asCompiled(r, settings);
            }
            progress.step();
            return r == null ? null : new Outcome(r.forReport(), settings != null ? settings.mode() : choice.mode(), fixed);
        });
        progress.done();
        boolean cacheSaved = cache == null || saveCache(cache, err);
        List<FileLint> linted = outcomes.stream().map(o -> o == null ? null : o.lint()).toList();
        List<FileLint> results = linted.stream().filter(Objects::nonNull).toList();
        boolean failed = outcomes.stream().filter(Objects::nonNull)
                .anyMatch(o -> !o.lint().diagnostics().isEmpty() && LintOptions.fails(List.of(o.lint()), o.mode()));
        if (fix) {
            return reportFixes(outcomes, err, failed);
        }
        reportSkipped(inputs, linted, err);
        if (quiet && format == ReportFormat.Kind.text) {
            results = results.stream().map(LintCommand::errorsOnly).toList();
        }
        PrintWriter out = out();
        String report = ReportFormat.of(format).render(results);
        if (quiet && format == ReportFormat.Kind.text) {
            report = report.substring(0, report.lastIndexOf('\n', report.length() - 2) + 1);
        }
        out.print(report);
        out.flush();
        int exitCode = failed ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
        if (memo != null && cacheSaved && !progress.shown() && !walks.skippedLink) {
            err.flush();
            memo.record(cacheDir, found, inputs, vouched, walks, runStart, exitCode, report, errText.toString());
        }
        if (verbose) {
            results.stream().filter(r -> r.diagnostics().isEmpty()).forEach(r -> err.println("ok " + r.file()));
            err.printf("launchc: %d files in %d ms%n", results.size(), (System.nanoTime() - start) / 1_000_000);
            err.flush();
        }
        return exitCode;
    }

    /** 0, 1, ... n - 1: the inputs' places, which the cores take one at a time. */
    private static List<Integer> places(int n) {
        Integer[] places = new Integer[n];
        for (int i = 0; i < n; i++) {
            places[i] = i;
        }
        return java.util.Arrays.asList(places);
    }

    /**
     * The memo of this command line, or null when the run cannot have one: without --cache, with
     * --fix or --verbose (whose output holds times and counts), --config (a settings file the memo
     * does not watch), stdin, or an argument file.
     */
    private RunMemo memo(String context) {
        List<String> line = commandLine != null ? commandLine
                : spec == null ? null : spec.commandLine().getParseResult().originalArgs();
        if (line == null || verbose || options.config != null || !RunMemo.possibleFor(line)) {
            return null;
        }
        return RunMemo.of(LintCache.contextDir(cacheDir, context), context, line);
    }

    /**
     * After --fix: the diff (--dry-run) or the findings that are left, and a line counting the fixes.
     * A dry run fails when it would change a file, so that CI can ask "is everything fixed?".
     */
    private Integer reportFixes(List<Outcome> outcomes, PrintWriter err, boolean failed) {
        PrintWriter out = out();
        int fixes = 0;
        int files = 0;
        List<FileLint> left = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o == null) {
                continue;
            }
            left.add(o.lint());
            if (o.fixed().changed()) {
                fixes += o.fixed().fixes();
                files++;
                if (dryRun) {
                    out.print(dev.launchc.cli.format.UnifiedDiff.of(o.lint().file(), o.fixed().before(), o.fixed().after()));
                }
            }
        }
        if (!dryRun) {
            out.print(ReportFormat.of(format).render(left));
        }
        out.flush();
        if (!quiet) {
            err.println("launchc: " + (dryRun ? "would fix " : "fixed ") + fixes + (fixes == 1 ? " finding" : " findings")
                    + " in " + files + (files == 1 ? " file" : " files"));
            err.flush();
        }
        if (dryRun) {
            return files > 0 || failed ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
        }
        return failed ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
    }

    /**
     * A replayed result when the cache has this name and settings with the same stamp
     * ({@link FileStamp}: the file is not read) or the same bytes; otherwise a fresh lint, which is
     * added. The linter is only built on a miss: a run whose every file hits never needs the
     * catalog's rules or the schema.
     */
    private Inputs.Linted cached(LintCache cache, DigestPrefetch prefetch, Inputs.Input in, LintOptions.Choice choice,
            LoadLimits limits, java.time.Instant runStart, FileStamp[] vouched, int place) {
        // By the file's stamp first (the look-ahead's, or one read now): no read of its bytes at all.
        // Not through a link: a link's stamp is its target's, and a link flipped to another file and
        // back during the read (a deploy's "current" link) would vouch for bytes it does not describe;
        // such an input is found by its bytes only.
        DigestPrefetch.Stamped stamped = in.link() ? null : prefetch.stamped(in);
        FileStamp stamp = stamped != null ? stamped.stamp() : in.path() == null || in.link() ? null : FileStamp.of(in.path());
        LintCache.Key stampKey = stamped != null ? stamped.key()
                : stamp == null ? null : cache.stampKey(in.name(), in.walked(), choice, stamp);
        if (stampKey != null) {
            LintCache.Result hit = cache.getByStamp(stampKey);
            if (hit != null) {
                vouched[place] = stamp;
                return new Inputs.Linted(null, LintCache.replay(in.name(), hit));
            }
        }
        // The look-ahead's digest only with its own stamp, read before those bytes (it keeps no digest without one).
        byte[] digest = stamped != null || !FileStamp.AVAILABLE ? prefetch.digest(in.path()) : null;
        LintCache.Key key = digest == null ? null : cache.key(in.name(), in.walked(), choice, digest);
        Inputs.Linted linted = key == null ? null : replayed(cache, key, in, null);
        // Whether the stamp is known to describe the bytes found: the look-ahead's digest was made
        // between its stamp and a stat that gave that stamp again.
        boolean stampHolds = linted != null;
        boolean aliasing = stampKey != null && stamp.settledBefore(runStart);
        if (linted == null) {
            byte[] bytes;
            try {
                bytes = in.read(limits.maxFileBytes());
            } catch (Inputs.TooLarge tooLarge) {
                // Not cached: Input.lint reports it with the file's real size (the size check reads nothing).
                return in.lint(options.linter(options.settings(choice)), limits.maxFileBytes(), in.walked());
            }
            // Read before its bytes, the stamp changes with them, unless a link or a folder on the
            // way was swapped to another settled file (no status-change time moves): the stamp must
            // still be the file's right after the read (not after the lint, when a swap back hides it).
            stampHolds = aliasing && stamp.equals(FileStamp.of(in.path()));
            key = cache.key(in.name(), in.walked(), choice, LintCache.contentDigest(bytes));
            linted = replayed(cache, key, in, bytes);
            if (linted == null) {
                LintOptions.Settings settings = options.settings(choice);
                Linter linter = options.linter(settings);
                FileLint r = options.asCompiled(in.walked() ? linter.lintIfLaunchConfig(in.name(), bytes) : linter.lint(in.name(), bytes),
                        settings);
                cache.put(key, r);
                linted = new Inputs.Linted(bytes, r);
            }
        }
        if (aliasing && stampHolds) {
            cache.alias(stampKey, key);
            vouched[place] = stamp;
        }
        return linted;
    }

    /** The cached result under {@code key}, replayed; null on a miss. */
    private static Inputs.Linted replayed(LintCache cache, LintCache.Key key, Inputs.Input in, byte[] bytes) {
        LintCache.Result hit = cache.get(key);
        // Without the bytes when they were not read here: only --fix needs them, and it never replays.
        return hit == null ? null : new Inputs.Linted(bytes, LintCache.replay(in.name(), hit));
    }

    /** The value of a finished task, or what it threw as it was thrown. */
    private static <T> T joined(java.util.concurrent.CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Saves what the run added to the cache; false when it could not (and said so). */
    private boolean saveCache(LintCache cache, PrintWriter err) {
        boolean saved = true;
        try {
            cache.save();
        } catch (java.io.IOException | RuntimeException e) {
            // The cache only saves time: the findings stand, the next run lints these files again.
            err.println("launchc: warning: cannot update the cache in " + cacheDir + ": " + e.getMessage());
            saved = false;
        }
        if (verbose) {
            err.printf("launchc: cache %s: %d hits, %d linted (%d of the hits by file stamp, not read)%n", cacheDir,
                    cache.hits(), cache.misses(), cache.unread());
        }
        err.flush();
        return saved;
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
