package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.error;

import org.junit.jupiter.api.Test;

/**
 * ClusterAddonConflictRule: LC3014 conflicts.
 * The fixtures are under {@code rules/cluster/addon/}, shared by the cluster addon rules.
 */
class ClusterAddonConflictRuleTest {
    private static final String RULE = "addon";

    // ---- LC3014

    @Test
    void cniAddonWhileCalicoIsTheDefault() {
        assertAll(RULE, "cni-default-conflict", error("LC3014", 7, 13, "addon kube-ovn replaces Calico, but"
                + " spec.network.cni is calico (the default)", "set spec.network.cni: kube-ovn and drop the addon from"
                + " spec.addons"));
    }

    @Test
    void cniAddonBesideAnotherPrimaryCni() {
        assertAll(RULE, "cni-two-primaries", error("LC3014", 8, 13, "addon kube-ovn replaces the pod network, but"
                + " spec.network.cni is cilium, which replaces it too",
                "keep one: remove kube-ovn from spec.addons or change spec.network.cni"));
    }

    @Test
    void conflictingAddonsFromTheFacts() {
        assertAll(RULE, "conflicting-pair", error("LC3014", 10, 13, "addons kube-ovn and cilium exclude each other: both"
                + " replace the primary CNI", "keep one of kube-ovn and cilium"));
    }

    @Test
    void requiredDependencyDisabled() {
        assertAll(RULE, "disabled-dependency", error("LC3014", 10, 13, "addon kube-ovn requires ha-cluster, but"
                + " spec.addons disables it", "remove the disable of ha-cluster or drop kube-ovn"));
    }
}
