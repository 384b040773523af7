package dev.launchc.config;

import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Reporter;
import dev.launchc.load.LoadLimits;
import dev.launchc.load.LoadedFile;
import dev.launchc.load.YDocument;
import dev.launchc.load.YMap;
import dev.launchc.load.YNode;
import dev.launchc.load.YScalar;
import dev.launchc.load.YSeq;
import dev.launchc.load.YamlLoader;
import dev.launchc.schema.SchemaCheck;
import dev.launchc.schema.SchemaId;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A project's {@code .launchc.yaml}: defaults for target and mode, codes to disable or enable, globs
 * that directory walks skip, and per-path overrides. Checked against its own published schema
 * ({@link #SCHEMA}). Paths given to it are relative to the folder that holds the file.
 *
 * @param target  the track, or null
 * @param mode    the mode, or null
 */
public record ProjectConfig(String target, Mode mode, List<String> disable, List<String> enable, List<String> exclude,
        List<Override> overrides) {
    public static final String FILE_NAME = ".launchc.yaml";
    public static final SchemaId SCHEMA = new SchemaId("config", "v1");
    public static final ProjectConfig EMPTY = new ProjectConfig(null, null, List.of(), List.of(), List.of(), List.of());

    /** Settings for the files that match one of {@code files}. */
    public record Override(List<String> files, List<String> disable, List<String> enable) {}

    /** A parsed file, or the findings that stop it from being used. */
    public record Parsed(ProjectConfig config, List<Diagnostic> problems) {
        public boolean failed() {
            return config == null;
        }
    }

    public static Parsed parse(String name, byte[] bytes) {
        Reporter reporter = new Reporter(name, Mode.STRICT);
        LoadedFile file = new YamlLoader(LoadLimits.DEFAULTS).load(name, bytes, reporter);
        if (file.failed()) {
            return new Parsed(null, reporter.diagnostics());
        }
        YMap root = null;
        for (YDocument doc : file.documents()) {
            if (doc.isEmpty()) {
                continue;
            }
            new SchemaCheck(SCHEMA, Map.of()).check(doc, reporter);
            if (root == null && doc.root() instanceof YMap m) {
                root = m;
            }
        }
        if (root == null) {
            return reporter.hasErrors() ? new Parsed(null, reporter.diagnostics()) : new Parsed(EMPTY, List.of());
        }
        List<Override> overrides = new ArrayList<>();
        if (root.get("overrides") instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YMap o) {
                    overrides.add(new Override(strings(o.get("files")), codes(o, "disable", reporter),
                            codes(o, "enable", reporter)));
                }
            }
        }
        ProjectConfig config = new ProjectConfig(text(root.get("target")), mode(root.get("mode")),
                codes(root, "disable", reporter), codes(root, "enable", reporter), strings(root.get("exclude")),
                List.copyOf(overrides));
        return reporter.hasErrors() ? new Parsed(null, reporter.diagnostics()) : new Parsed(config, reporter.diagnostics());
    }

    /** The codes disabled for a file at {@code relativePath}: the top-level lists, then each matching override in order. */
    public Set<String> disabledFor(String relativePath) {
        Set<String> disabled = new LinkedHashSet<>(disable);
        disabled.removeAll(enable);
        for (Override o : overrides) {
            if (matchesAny(o.files(), relativePath)) {
                disabled.addAll(o.disable());
                disabled.removeAll(o.enable());
            }
        }
        return disabled;
    }

    /** True when a directory walk should skip the file at {@code relativePath}, or a folder above it. */
    public boolean excludes(String relativePath) {
        if (exclude.isEmpty()) {
            return false; // the common case, asked for each file of a walk
        }
        Path p = Path.of(relativePath);
        for (int n = 1; n <= p.getNameCount(); n++) {
            Path prefix = p.getRoot() == null ? p.subpath(0, n) : p.getRoot().resolve(p.subpath(0, n));
            if (matchesAny(exclude, prefix.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(List<String> globs, String relativePath) {
        Path p = Path.of(relativePath);
        for (String glob : globs) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            // "**/x.yaml" also matches x.yaml at the top, as in .gitignore.
            if (m.matches(p) || glob.startsWith("**/") && FileSystems.getDefault()
                    .getPathMatcher("glob:" + glob.substring(3)).matches(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Codes listed under {@code key}, upper-cased; an unknown code, or one that may not be silenced
     * ({@link Code#suppressible()}) under disable, is an error at its position.
     */
    private static List<String> codes(YMap map, String key, Reporter reporter) {
        List<String> out = new ArrayList<>();
        if (!(map.get(key) instanceof YSeq seq)) {
            return out;
        }
        for (YNode item : seq.items()) {
            if (!(item instanceof YScalar s)) {
                continue;
            }
            String id = s.text().toUpperCase(Locale.ROOT);
            Code code = Code.byId(id).orElse(null);
            if (code == null) {
                reporter.report(Code.TYPE_MISMATCH, s.pos(), "", "'" + s.text() + "' under " + key + " is no launchc code",
                        "see launchc explain, or docs/reference/codes.md");
            } else if ("disable".equals(key) && !code.suppressible()) {
                reporter.report(Code.TYPE_MISMATCH, s.pos(), "", code.id() + " (" + code.title()
                        + ") protects the node or your files and cannot be disabled", "remove it from disable");
            } else {
                out.add(id);
            }
        }
        return out;
    }

    private static List<String> strings(YNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YScalar s) {
                    out.add(s.text());
                }
            }
        }
        return out;
    }

    private static String text(YNode node) {
        return node instanceof YScalar s && !s.isNull() ? s.text() : null;
    }

    private static Mode mode(YNode node) {
        String text = text(node);
        return text == null ? null : switch (text) {
            case "strict" -> Mode.STRICT;
            case "compat" -> Mode.COMPAT;
            default -> Mode.DEFAULT;
        };
    }
}
