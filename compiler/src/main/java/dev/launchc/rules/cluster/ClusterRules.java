package dev.launchc.rules.cluster;

import java.util.List;

/** The rules run on every cluster file. */
public final class ClusterRules {
    private ClusterRules() {}

    public static List<ClusterRule> all() {
        return List.of();
    }
}
