package dev.launchc.lint;

import dev.launchc.catalog.Track;
import dev.launchc.config.ProjectConfig;
import dev.launchc.convert.LaunchConfigVersions;
import dev.launchc.diag.Code;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Reporter;
import dev.launchc.diag.Suppressions;
import dev.launchc.schema.SchemaId;
import java.util.ArrayList;
import java.util.List;
import dev.launchc.load.LoadLimits;
import dev.launchc.load.LoadedFile;
import dev.launchc.load.YDocument;
import dev.launchc.load.YMap;
import dev.launchc.load.YScalar;
import dev.launchc.load.YamlLoader;

/** Lints one file of either kind: recognises a native file by {@code version:}, a cluster file by {@code apiVersion:}. */
public final class Linter {
    public static final String KIND_NATIVE = "native";
    public static final String KIND_CLUSTER = "cluster";

    /** Every published schema: each registered launch-config version's, oldest first, then cluster and settings. */
    public static List<SchemaId> publishedSchemas() {
        List<SchemaId> out = new ArrayList<>();
        LaunchConfigVersions.all().forEach(v -> out.add(v.schema()));
        out.add(ClusterLinter.SCHEMA);
        out.add(ProjectConfig.SCHEMA);
        return List.copyOf(out);
    }

    private final Track track;
    private final Mode mode;
    private final YamlLoader loader;
    private final LoadLimits limits;

    private final boolean targetExplicit;
    private final Suppressions.Filter filter;

    public Linter(Track track, Mode mode, LoadLimits limits) {
        this(track, false, mode, limits);
    }

    /** @param targetExplicit true when the track was named on the command line: it wins over a cluster's spec.microk8s */
    public Linter(Track track, boolean targetExplicit, Mode mode, LoadLimits limits) {
        this(track, targetExplicit, mode, limits, Suppressions.Filter.NONE);
    }

    /** @param filter the codes the run disables, and whether inline suppression comments count */
    public Linter(Track track, boolean targetExplicit, Mode mode, LoadLimits limits, Suppressions.Filter filter) {
        this.filter = filter;
        this.targetExplicit = targetExplicit;
        this.track = track;
        this.mode = mode;
        this.loader = new YamlLoader(limits);
        this.limits = limits;
    }

    public FileLint lint(String name, byte[] bytes) {
        return lint(name, bytes, false);
    }

    /**
     * As {@link #lint(String, byte[])}, but returns null for YAML that is not a launch config: a file
     * that a directory walk found among workflows, manifests and compose files. Such a file reads as
     * YAML and none of its documents has {@code version:}, a {@code launchc.dev/} apiVersion, or a
     * key of the native format. A file that is not valid YAML is linted, since nothing tells.
     */
    public FileLint lintIfLaunchConfig(String name, byte[] bytes) {
        return lint(name, bytes, true);
    }

    /**
     * The finding for an input over the size limit, which was not read.
     *
     * @param size its real size, or -1 when it cannot be known (standard input)
     */
    public FileLint tooLarge(String name, long size) {
        Reporter reporter = new Reporter(name, mode);
        LoadedFile file = loader.tooLarge(name, size, reporter);
        return new FileLint(name, KIND_NATIVE, reporter.diagnostics(), null, file.source());
    }

    private FileLint lint(String name, byte[] bytes, boolean onlyLaunchConfigs) {
        Reporter reporter = new Reporter(name, mode);
        LoadedFile file = loader.load(name, bytes, reporter);
        if (file.failed()) {
            return new FileLint(name, KIND_NATIVE, filtered(name, file, reporter), null, file.source());
        }
        if (onlyLaunchConfigs && !isLaunchConfig(file)) {
            return null;
        }
        String kind = kindOf(file);
        if (KIND_CLUSTER.equals(kind)) {
            ClusterLinter.Result result = ClusterLinter.lint(file, track, targetExplicit, limits.maxClusterNodes(), reporter);
            return new FileLint(name, kind, filtered(name, file, reporter), null, file.source(), result);
        }
        var config = NativeLinter.lint(file, track, reporter);
        return new FileLint(name, kind, filtered(name, file, reporter), config, file.source());
    }

    /** The findings once disabled codes and the file's suppression comments have silenced theirs. */
    private List<Diagnostic> filtered(String name, LoadedFile file, Reporter reporter) {
        return Suppressions.apply(name, file.source() == null ? null : file.source().text(), reporter.diagnostics(),
                filter, mode);
    }

    static boolean isLaunchConfig(LoadedFile file) {
        for (YDocument doc : file.documents()) {
            if (doc.root() instanceof YMap m && (m.has("version") || meantAsCluster(m) || NativeLinter.hasNativeKey(m))) {
                return true;
            }
        }
        return false;
    }

    /** A cluster file, also with a mistyped apiVersion ("launchc.dev.v1alpha1", "Launchc.dev/v1"), or a kind: Cluster. */
    private static boolean meantAsCluster(YMap map) {
        return map.get("apiVersion") instanceof YScalar api && api.text().toLowerCase(java.util.Locale.ROOT).contains("launchc")
                || map.get("kind") instanceof YScalar kind && "Cluster".equals(kind.text()) && map.has("spec");
    }

    static String kindOf(LoadedFile file) {
        for (YDocument doc : file.documents()) {
            if (ClusterLinter.isCluster(doc) || doc.root() instanceof YMap m && m.has("apiVersion") && !m.has("version")) {
                return KIND_CLUSTER;
            }
        }
        return KIND_NATIVE;
    }
}
