package dev.launchc.rules;

import java.util.List;

/** Rules that check names against the track's catalog: flags, feature gates, addons. */
final class CatalogRules {
    private CatalogRules() {}

    static List<Rule> all() {
        return List.of(new KubeFlagRule(), new ServiceFlagRule(), new OctalIntRule(), new AdmissionPluginRule(),
                new FeatureGateRule(), new TrackDefaultListRule(), new AddonNameRule(), new AddonArgsRule(), new DuplicateAddonRule(),
                new AddonConflictRule());
    }
}
