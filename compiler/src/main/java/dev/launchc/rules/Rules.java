package dev.launchc.rules;

import java.util.ArrayList;
import java.util.List;

/** The rules run on every native launch config (and on every seed a cluster compiles to). */
public final class Rules {
    private Rules() {}

    public static List<Rule> nativeRules() {
        List<Rule> all = new ArrayList<>();
        all.add(new VersionRule());
        all.addAll(ValueRules.all());
        all.addAll(CatalogRules.all());
        return List.copyOf(all);
    }

    /**
     * The rules that judge args and env maps and addon names alone. A cluster file is checked with
     * them through a view of its maps and addons as launch-config parts that point into the file.
     */
    public static List<Rule> clusterViewRules() {
        return List.of(new ArgKeyRule(), new ValueSafetyRule(), new ArgQuoteRule(), new KubeFlagRule(), new ServiceFlagRule(),
                new OctalIntRule(), new AdmissionPluginRule(), new FeatureGateRule(), new TrackDefaultListRule(), new AddonNameRule(),
                new SanRule(), new DuplicateSanRule(), new DuplicateAddonRule());
    }
}
