package dev.launchc.cli;

import dev.launchc.catalog.Track;
import dev.launchc.cli.format.TextFormat;
import dev.launchc.config.ProjectConfig;
import dev.launchc.config.ProjectConfigs;
import dev.launchc.diag.Code;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Suppressions;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every command that lints takes: mode, target track, loader limits, the codes to silence, and
 * the project's {@code .launchc.yaml}. Flags win over the file; the file wins over the defaults.
 */
public final class LintOptions {
    @Mixin
    ModeOptions modes;

    @Mixin
    TargetOption target;

    @Mixin
    LimitOptions limitOptions;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file to use instead of the " + ProjectConfig.FILE_NAME + " found in each input's folder or above it.")
    Path config;

    @Option(names = "--disable", paramLabel = "CODES", split = ",", description = "Do not report these codes (e.g. LC2002,LC1003).")
    List<String> disable = new ArrayList<>();

    @Option(names = "--enable", paramLabel = "CODES", split = ",", description = "Report these codes although " + ProjectConfig.FILE_NAME + " disables them.")
    List<String> enable = new ArrayList<>();

    @Option(names = "--no-ignore", description = "Show every finding: ignore the '# launchc: ignore[...]' comments.")
    boolean noIgnore;

    private ProjectConfigs configs;
    /** The choice of every input that no settings file applies to: the flags' alone, made once. */
    private volatile Choice withoutSettingsFile;
    private final Map<Settings, Linter> linters = new ConcurrentHashMap<>();

    /** The options of a command line that gives none of their flags, as picocli builds them. */
    static LintOptions defaults() {
        LintOptions options = new LintOptions();
        options.modes = new ModeOptions();
        options.target = new TargetOption();
        options.limitOptions = new LimitOptions();
        return options;
    }

    /** The settings for one input, once flags and its settings file are combined. */
    public record Settings(Track track, boolean targetExplicit, Mode mode, Suppressions.Filter filter) {}

    public LoadLimits limits() {
        return limitOptions.limits();
    }

    /**
     * The settings and linter shared by every file under one settings file without overrides (or
     * under none): a walk of thousands of files asks for them once per file.
     */
    private record Shared(ProjectConfigs.Found found, Settings settings, Linter linter) {}

    private volatile Shared lastShared;

    /**
     * What an input's flags and settings file choose, before the catalog is read: the target track
     * by name (null: the catalog's newest). A cached lint keys on this, so that a hit needs no
     * catalog; {@link #settings(Choice)} resolves the track.
     */
    public record Choice(String target, boolean targetExplicit, Mode mode, Suppressions.Filter filter) {}

    /** The settings of an input file (null: stdin or no file; the working folder's settings apply). */
    public Settings settings(Path file) {
        ProjectConfigs.Found found = found(file).orElse(null);
        if (found != null && !found.config().overrides().isEmpty()) {
            return settings(choice(file, found));
        }
        Shared shared = lastShared;
        if (shared == null || shared.found() != found) {
            Settings settings = settings(found == null ? choice(file) : choice(file, found));
            shared = new Shared(found, settings, linter(settings));
            lastShared = shared;
        }
        return shared.settings();
    }

    /** The settings of a choice: its track resolved; an unknown track is a usage error. */
    public Settings settings(Choice c) {
        return new Settings(track(c.target()), c.targetExplicit(), c.mode(), c.filter());
    }

    /** What {@code file}'s flags and settings file choose; its track is not looked up yet. */
    public Choice choice(Path file) {
        ProjectConfigs.Found found = found(file).orElse(null);
        if (found != null && !found.config().overrides().isEmpty()) {
            return choice(file, found);
        }
        Choice flagsOnly = withoutSettingsFile;
        if (found == null && flagsOnly != null) {
            return flagsOnly;
        }
        return choice(file, found);
    }

    private Choice choice(Path file, ProjectConfigs.Found found) {
        ProjectConfig project = found == null ? ProjectConfig.EMPTY : found.config();
        String track = target.explicit() || project.target() == null ? target.target : project.target();
        Mode mode = modes.explicit() || project.mode() == null ? modes.mode() : project.mode();
        Set<String> disabled = new LinkedHashSet<>(found == null ? Set.of() : found.disabledFor(file));
        try {
            disabled.addAll(codes(disable, "--disable"));
            disabled.removeAll(codes(enable, "--enable"));
        } catch (UsageException e) {
            track(track); // an unknown track is reported first, as when the track was looked up first
            throw e;
        }
        Choice choice = new Choice(track, target.explicit() || project.target() != null, mode, new Suppressions.Filter(disabled, noIgnore));
        if (found == null) {
            withoutSettingsFile = choice;
        }
        return choice;
    }

    /** The catalog's track of that name (null: the newest). */
    private static Track track(String name) {
        return TargetOption.track(name == null ? dev.launchc.catalog.Catalog.get().newestTrack() : name);
    }


    /** The linter for an input file's settings, shared by every input with the same settings. */
    public Linter linter(Settings s) {
        Shared shared = lastShared;
        if (shared != null && shared.settings() == s) {
            return shared.linter();
        }
        return linters.computeIfAbsent(s, k -> new Linter(k.track(), k.targetExplicit(), k.mode(), limits(), k.filter()));
    }

    /**
     * {@code lint} as compile judges: a cluster file that lints clean also gets the findings of the
     * seeds it derives, at its own lines ({@link dev.launchc.pipeline.CompilePipeline#lintWithSeeds}).
     */
    public FileLint asCompiled(FileLint lint, Settings s) {
        return dev.launchc.pipeline.CompilePipeline.lintWithSeeds(lint, new dev.launchc.pipeline.CompileOptions(s.track(),
                s.targetExplicit(), s.mode(), limits(), s.filter(), List.of(), dev.launchc.pipeline.TokenSource.STAND_IN));
    }

    /** True when a directory walk should skip {@code file}: its settings file excludes it. */
    public boolean excluded(Path file) {
        return found(file).map(f -> f.config().excludes(f.relative(file))).orElse(false);
    }

    /** The settings file for an input; one that cannot be used is a usage error that shows its findings. */
    private java.util.Optional<ProjectConfigs.Found> found(Path file) {
        // A walk meets a folder's files one after another: its settings file is looked up once.
        Path folder = file == null ? null : file.getParent();
        FolderSettings last = lastFolder;
        if (folder != null && last != null && last.folder().equals(folder)) {
            return last.found();
        }
        try {
            java.util.Optional<ProjectConfigs.Found> found = configs().forFile(file);
            if (folder != null) {
                lastFolder = new FolderSettings(folder, found);
            }
            return found;
        } catch (ProjectConfigs.InvalidConfig e) {
            if (e.problems().isEmpty()) {
                throw new UsageException(e.getMessage());
            }
            String findings = new TextFormat(false).findings(List.of(new FileLint(e.file().toString(), "config",
                    e.problems(), null, null)));
            throw new UsageException(e.getMessage() + ":\n" + findings.stripTrailing());
        }
    }

    /** Errors fail a run; under --strict (or the settings file's mode: strict), warnings do too. */
    public static boolean fails(List<FileLint> results, Mode mode) {
        return dev.launchc.pipeline.CompilePipeline.fails(results, mode);
    }

    /** The settings file found for a folder's files, as named (the same name always finds the same file). */
    private record FolderSettings(Path folder, java.util.Optional<ProjectConfigs.Found> found) {}

    private volatile FolderSettings lastFolder;

    // Synchronized: lint --cache's look-ahead asks from its own thread while the walk goes on.
    private synchronized ProjectConfigs configs() {
        if (configs == null) {
            configs = new ProjectConfigs(config);
        }
        return configs;
    }

    /** Upper-cased codes; an unknown one, or one that may never be silenced, is a usage error. */
    private static List<String> codes(List<String> given, String flag) {
        List<String> out = new ArrayList<>();
        for (String g : given) {
            String id = g.strip().toUpperCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            Code code = Code.byId(id).orElseThrow(() -> new UsageException(flag + ": '" + g + "' is no launchc code"));
            if ("--disable".equals(flag) && !code.suppressible()) {
                throw new UsageException("--disable: " + code.id() + " (" + code.title()
                        + ") protects the node or your files and cannot be disabled");
            }
            out.add(id);
        }
        return out;
    }
}
