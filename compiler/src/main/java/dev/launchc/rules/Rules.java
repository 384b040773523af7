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
     * The rules that judge args and env maps alone. A cluster file's service maps are checked with
     * them, through a view of those maps as launch-config parts that point into the cluster file.
     */
    public static List<Rule> serviceArgRules() {
        return List.of(new ArgKeyRule(), new ValueSafetyRule(), new KubeFlagRule(), new FeatureGateRule());
    }
}
