package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.warning;

import org.junit.jupiter.api.Test;

/** UnusedRegistryHostRule: LC3036, a registries.hosts entry compile never looks up (SeedDeriver keys by host[:port]). */
class UnusedRegistryHostRuleTest {
    private static final String RULE = "registry-host";

    @Test
    void entryWithoutThePortOfTheEndpoint() {
        assertAll(RULE, "unused", warning("LC3036", 10, 7, "registries.hosts entry mirror.corp.example is not the host of"
                + " any mirror endpoint, so compile writes its settings nowhere",
                "key it by an endpoint's host[:port] exactly (mirror.corp.example:5000), or remove it"));
    }

    /** A mirror endpoint with a path and the air-gap registry both use their entries. */
    @Test
    void mirrorAndAirgapRegistryEntries() {
        assertClean(RULE, "clean");
    }
}
