package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;
import static dev.launchc.rules.cluster.ClusterFixtures.warning;

import org.junit.jupiter.api.Test;

/**
 * AddonAirgapRule: LC3013/LC3025 addons that need the internet in an air-gapped cluster.
 * The fixtures are under {@code rules/cluster/addon/}, shared by the cluster addon rules.
 */
class AddonAirgapRuleTest {
    private static final String RULE = "addon";
    private static final String NVIDIA_WORKAROUND = "workaround: preinstall host drivers and use host mode (maintainer"
            + " workaround in canonical/microk8s#3881) (--gpu-operator-driver); or no chart-path flag: pre-create a"
            + " local helm repo alias named nvidia or install the chart manually with the same values (§4.4)"
            + " [inferred, not documented]";

    // ---- LC3013 / LC3025

    @Test
    void airGappedWithLocalAddonsOnly() {
        assertClean(RULE, "airgap-local");
    }

    @Test
    void airGappedAddonWithoutWorkaround() {
        assertAll(RULE, "airgap-no-workaround",
                warning("LC3026", 8, 7, "the images of mayastor on MicroK8s 1.32 are not known offline",
                        "list them on a connected MicroK8s 1.32 node where mayastor runs ('microk8s ctr images ls -q') and"
                                + " load them into registry.corp.example:5000 before the install"),
                error("LC3013", 8, 13, "addon mayastor needs the internet when it is"
                + " enabled (helm dependency update), and no offline workaround is known",
                "remove mayastor, or install it by hand from a host with internet access (see"
                        + " canonical/microk8s-core-addons#263)"));
    }

    @Test
    void airGappedAddonWithWorkaround() {
        assertAll(RULE, "airgap-workaround", warning("LC3025", 8, 13, "addon nvidia needs the internet when it is enabled"
                + " (helm repo add nvidia https://helm.ngc.nvidia.com/nvidia", NVIDIA_WORKAROUND));
    }

    @Test
    void airGappedGpuBlockImpliesTheAddon() {
        assertAll(RULE, "airgap-implied-gpu", warning("LC3025", 7, 3, "addon nvidia (from spec.gpu) needs the internet",
                NVIDIA_WORKAROUND));
    }

    @Test
    void airGappedCniImpliesTheAddon() {
        assertAll(RULE, "airgap-implied-cni", warning("LC3025", 8, 10, "addon cilium (from spec.network.cni) needs the"
                + " internet", "workaround: skips only the CLI download (--skip-cilium-cli) [inferred, not documented]"),
                warning("LC3026", 8, 10, "the images of cilium on MicroK8s 1.32 are not known offline",
                        "list them on a connected MicroK8s 1.32 node where cilium runs ('microk8s ctr images ls -q') and"
                                + " load them into registry.corp.example:5000 before the install"));
    }

    @Test
    void ingressNeedsTheInternetFrom135() {
        assertAll(RULE, "airgap-ingress-1-36", warning("LC3025", 8, 13, "addon ingress needs the internet when it is"
                + " enabled (helm repo add traefik", "workaround: pre-populate a local chart repo; no official doc (-r,"
                + " -V) [inferred, not documented]"));
    }

    @Test
    void gpuAddonOn128HasNoKnownWorkaround() {
        assertAll(RULE, "airgap-gpu-1-28", error("LC3013", 8, 13, "addon gpu needs the internet when it is enabled (helm"
                + " repo https://nvidia.github.io/gpu-operator, images from nvcr.io)",
                "remove gpu, or install it by hand from a host with internet access"));
    }
}
