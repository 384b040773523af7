package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;

import org.junit.jupiter.api.Test;

/**
 * AddonConfinementRule: LC3050 addons the strictly confined snap does not offer.
 * The fixtures are under {@code rules/cluster/addon/}, shared by the cluster addon rules.
 */
class AddonConfinementRuleTest {
    private static final String RULE = "addon";

    // ---- LC3050: the addons.yaml 'confinement' field as MicroK8s reads it
    // (scripts/wrappers/common/utils.py get_available_addons, canonical/microk8s 1.34-strict)

    private static String strictOnly(String what, String addon) {
        return "addon " + what + " is not offered by the strictly confined MicroK8s 1.34 (spec.confinement: strict): its"
                + " addons.yaml entry says confinement 'classic', so 'microk8s enable " + addon + "' finds no such addon"
                + " on the node";
    }

    @Test
    void strictRefusesAClassicOnlyAddon() {
        assertAll(RULE, "strict-nvidia", error("LC3050", 8, 13, strictOnly("nvidia", "nvidia"),
                "remove nvidia, or use spec.confinement: classic"));
    }

    @Test
    void strictRefusesImpliedClassicOnlyAddons() {
        assertAll(RULE, "strict-implied",
                error("LC3050", 7, 18, strictOnly("kube-ovn (from spec.network.cni)", "kube-ovn"),
                        "remove kube-ovn, or use spec.confinement: classic"),
                error("LC3050", 8, 3, strictOnly("nvidia (from spec.gpu)", "nvidia"),
                        "remove nvidia, or use spec.confinement: classic"));
    }

    @Test
    void strictAcceptsAddonsWithoutAConfinementLimitAndDisabledOnes() {
        assertClean(RULE, "strict-clean");
    }

    @Test
    void classicKeepsTheGpuAddon() {
        assertClean(RULE, "classic-nvidia");
    }
}
