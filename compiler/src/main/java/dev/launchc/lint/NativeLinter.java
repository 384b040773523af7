package dev.launchc.lint;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.KubeFlags;
import dev.launchc.catalog.Track;
import dev.launchc.convert.LaunchConfigVersion;
import dev.launchc.convert.LaunchConfigVersions;
import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.diag.Reporter;
import dev.launchc.load.LoadedFile;
import dev.launchc.load.YDocument;
import dev.launchc.load.YMap;
import dev.launchc.model.bind.RecordBinder;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;
import dev.launchc.rules.Rule;
import dev.launchc.rules.RuleContext;
import dev.launchc.resolve.Semver;
import dev.launchc.schema.SchemaCheck;
import dev.launchc.schema.SchemaId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A native launch config through the pipeline: schema (as the target track's parser), versioned
 * model, internal model, rules. Parts that MicroK8s would skip as empty are skipped here too.
 */
public final class NativeLinter {
    private NativeLinter() {}

    /**
     * The launch-config version of the parser that the track ships: the newest registered version
     * the track accepts (the catalog's launch-config range), or the oldest when it accepts none.
     */
    public static LaunchConfigVersion parserVersion(Track track) {
        Semver max = Semver.parse(track.launchConfigMax());
        List<LaunchConfigVersion> versions = LaunchConfigVersions.all();
        LaunchConfigVersion parser = versions.get(0);
        for (LaunchConfigVersion v : versions) {
            Semver semver = Semver.parse(v.version());
            if (max != null && semver != null && semver.compareTo(max) <= 0
                    && semver.compareTo(Semver.parse(parser.version())) > 0) {
                parser = v;
            }
        }
        return parser;
    }

    /** The schema of the parser that the track ships. */
    public static SchemaId parserSchema(Track track) {
        return parserVersion(track).schema();
    }

    /**
     * The keys a newer registered version adds to {@code parser}, each with how findings name it:
     * "a launch-config 0.2.0 key (MicroK8s 1.28 and later)", the oldest catalog track that reads it.
     */
    static Map<String, String> keysOfLaterVersions(LaunchConfigVersion parser) {
        Map<String, String> later = new LinkedHashMap<>();
        List<LaunchConfigVersion> versions = LaunchConfigVersions.all();
        for (LaunchConfigVersion v : versions.subList(versions.indexOf(parser) + 1, versions.size())) {
            for (String key : v.keys()) {
                if (!parser.keys().contains(key) && !later.containsKey(key)) {
                    later.put(key, "a launch-config " + v.version() + " key (" + firstTrackReading(v) + ")");
                }
            }
        }
        return later;
    }

    /** The schema checks of the parsers, for one state of the version registry (a test may register a version). */
    private record SchemaChecks(List<LaunchConfigVersion> versions, Map<LaunchConfigVersion, SchemaCheck> byParser) {}

    private static volatile SchemaChecks schemaChecks = new SchemaChecks(List.of(), Map.of());

    /**
     * The schema check for documents that {@code parser} reads, made once: the keys of later versions
     * it names take every catalog track's range to work out, which is the same for every file.
     */
    private static SchemaCheck schemaCheck(LaunchConfigVersion parser) {
        SchemaChecks checks = schemaChecks;
        List<LaunchConfigVersion> registered = LaunchConfigVersions.all();
        if (checks.versions() != registered) {
            checks = new SchemaChecks(registered, new ConcurrentHashMap<>());
            schemaChecks = checks;
        }
        return checks.byParser().computeIfAbsent(parser, v -> new SchemaCheck(v.schema(), keysOfLaterVersions(v)));
    }

    private static String firstTrackReading(LaunchConfigVersion version) {
        Semver semver = Semver.parse(version.version());
        for (String name : Catalog.get().tracks()) {
            Track track = Catalog.get().track(name).orElseThrow();
            Semver max = Semver.parse(track.launchConfigMax());
            if (semver != null && max != null && semver.compareTo(max) <= 0) {
                return "MicroK8s " + name + " and later";
            }
        }
        return "no MicroK8s track in the catalog reads it";
    }

    /** Lints the file's documents with the target track's parser; returns the internal model of its non-empty parts. */
    public static LaunchConfig lint(LoadedFile file, Track track, Reporter reporter) {
        return lint(file, parserVersion(track), track, reporter);
    }

    /** Lints the file's documents as {@code version} reads them, with the rules of {@code track}. */
    public static LaunchConfig lint(LoadedFile file, LaunchConfigVersion version, Track track, Reporter reporter) {
        SchemaCheck check = schemaCheck(version);
        List<Part> parts = new ArrayList<>();
        for (YDocument doc : file.documents()) {
            if (doc.isEmpty()) {
                continue;
            }
            check.check(doc, reporter);
            if (!(doc.root() instanceof YMap)) {
                continue;
            }
            Record bound = version.bind(doc.root());
            if (isZero(bound)) {
                reporter.report(Code.EMPTY_PART, doc.start(), "", "part " + (doc.index() + 1)
                        + " sets nothing MicroK8s reads; it is skipped", null);
                continue;
            }
            parts.add(version.toInternal(parts.size(), doc, bound));
        }
        LaunchConfig config = new LaunchConfig(file.source().name(), version.version(), parts);
        KubeFlags kube = Catalog.get().kube(track.kubernetesMinor()).orElse(null);
        RuleContext ctx = new RuleContext(config, track, kube, reporter, version::serviceKey);
        for (Rule rule : RuleSet.nativeRules()) {
            rule.check(ctx);
        }
        return config;
    }

    /**
     * Top-level keys of the native format, from the newest version's schema: each version keeps
     * the keys of the ones before it (a version that drops one would add its keys here).
     */
    private static Set<String> nativeKeys() {
        return LaunchConfigVersions.newest().keys();
    }

    /**
     * True when the mapping has a key of the native format, or one a typo away from it: a launch
     * config that lacks its version, or whose keys are all misspelled, is still a launch config.
     */
    static boolean hasNativeKey(YMap map) {
        Set<String> nativeKeys = nativeKeys();
        for (YMap.Entry e : map.entries()) {
            String key = e.key().text();
            // Short words (on, jobs, kind, data) are a typo away from short keys such as join, and
            // every Kubernetes manifest's apiVersion is three edits from version: too weak a sign.
            if (nativeKeys.contains(key) || key.length() >= 7 && !"apiVersion".equals(key)
                    && DidYouMean.closest(key, nativeKeys).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** MicroK8s' isZero: a part whose every field is empty is skipped ({@code extraSANs: []} counts as empty). */
    static boolean isZero(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            return s.isEmpty();
        }
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        if (value instanceof Record r) {
            for (Object component : RecordBinder.componentValues(r)) {
                if (!isZero(component)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
