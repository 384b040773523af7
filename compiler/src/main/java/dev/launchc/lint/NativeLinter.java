package dev.launchc.lint;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.KubeFlags;
import dev.launchc.catalog.Track;
import dev.launchc.convert.NativeV0_1Converter;
import dev.launchc.convert.NativeV0_2Converter;
import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.diag.Reporter;
import dev.launchc.load.LoadedFile;
import dev.launchc.load.YDocument;
import dev.launchc.load.YMap;
import dev.launchc.model.bind.RecordBinder;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;
import dev.launchc.model.nativecfg.v0_1.LaunchConfigV0_1;
import dev.launchc.model.nativecfg.v0_2.LaunchConfigV0_2;
import dev.launchc.rules.Rule;
import dev.launchc.rules.RuleContext;
import dev.launchc.rules.Rules;
import dev.launchc.resolve.Semver;
import dev.launchc.schema.SchemaCheck;
import dev.launchc.schema.SchemaId;
import dev.launchc.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A native launch config through the pipeline: schema (as the target track's parser), versioned
 * model, internal model, rules. Parts that MicroK8s would skip as empty are skipped here too.
 */
public final class NativeLinter {
    private static final Map<String, String> KEYS_OF_0_2 = Map.of(
            "extraCNIEnv", "a launch-config 0.2.0 key (MicroK8s 1.28 and later)",
            "extraFIPSEnv", "a launch-config 0.2.0 key (MicroK8s 1.28 and later)");

    private NativeLinter() {}

    /** The schema of the parser that the track ships: the newest launch-config version it accepts. */
    public static SchemaId parserSchema(Track track) {
        Semver max = Semver.parse(track.launchConfigMax());
        return max != null && max.compareTo(Semver.parse("0.2.0")) >= 0
                ? new SchemaId("native", "0.2.0") : new SchemaId("native", "0.1.0");
    }

    /** Lints the file's documents; returns the internal model of its non-empty parts. */
    public static LaunchConfig lint(LoadedFile file, Track track, Reporter reporter) {
        SchemaId schema = parserSchema(track);
        SchemaCheck check = new SchemaCheck(schema, "0.1.0".equals(schema.version()) ? KEYS_OF_0_2 : Map.of());
        List<Part> parts = new ArrayList<>();
        for (YDocument doc : file.documents()) {
            if (doc.isEmpty()) {
                continue;
            }
            check.check(doc, reporter);
            if (!(doc.root() instanceof YMap)) {
                continue;
            }
            LaunchConfigV0_2 bound = "0.1.0".equals(schema.version())
                    ? NativeV0_1Converter.toV0_2(RecordBinder.bind(doc.root(), LaunchConfigV0_1.class))
                    : RecordBinder.bind(doc.root(), LaunchConfigV0_2.class);
            if (isZero(bound)) {
                reporter.report(Code.EMPTY_PART, doc.start(), "", "part " + (doc.index() + 1)
                        + " sets nothing MicroK8s reads; it is skipped", null);
                continue;
            }
            parts.add(NativeV0_2Converter.toInternal(parts.size(), doc, bound));
        }
        LaunchConfig config = new LaunchConfig(file.source().name(), schema.version(), parts);
        KubeFlags kube = Catalog.get().kube(track.kubernetesMinor()).orElse(null);
        RuleContext ctx = new RuleContext(config, track, kube, reporter);
        for (Rule rule : Rules.nativeRules()) {
            rule.check(ctx);
        }
        return config;
    }

    /** Top-level keys of every launch-config version, from the newest schema. */
    private static final Set<String> NATIVE_KEYS = nativeKeys();

    private static Set<String> nativeKeys() {
        Set<String> keys = new HashSet<>();
        SchemaRegistry.raw(new SchemaId("native", "0.2.0")).path("properties").fieldNames().forEachRemaining(keys::add);
        return Set.copyOf(keys);
    }

    /**
     * True when the mapping has a key of the native format, or one a typo away from it: a launch
     * config that lacks its version, or whose keys are all misspelled, is still a launch config.
     */
    static boolean hasNativeKey(YMap map) {
        for (YMap.Entry e : map.entries()) {
            String key = e.key().text();
            // Short words (on, jobs, kind, data) are a typo away from short keys such as join, and
            // every Kubernetes manifest's apiVersion is three edits from version: too weak a sign.
            if (NATIVE_KEYS.contains(key) || key.length() >= 7 && !"apiVersion".equals(key)
                    && DidYouMean.closest(key, NATIVE_KEYS).isPresent()) {
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
