package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;
import static dev.launchc.rules.cluster.ClusterFixtures.warning;

import org.junit.jupiter.api.Test;

/**
 * The cluster AddonRule: LC3014 conflicts, LC3015 arguments, LC3016 prompts, LC3013/LC3025 addons
 * that need the internet in an air-gapped cluster, LC3050 addons the strictly confined snap does not offer.
 */
class ClusterAddonRuleTest {
    private static final String RULE = "addon";
    private static final String RANGES = "write ranges as FIRST-LAST (10.64.140.43-10.64.140.49) or CIDRs"
            + " (192.168.1.240/28), comma-separated";
    private static final String NVIDIA_WORKAROUND = "workaround: preinstall host drivers and use host mode (maintainer"
            + " workaround in canonical/microk8s#3881) (--gpu-operator-driver); or no chart-path flag: pre-create a"
            + " local helm repo alias named nvidia or install the chart manually with the same values (§4.4)"
            + " [inferred, not documented]";

    @Test
    void validArgumentsOfManyAddons() {
        assertClean(RULE, "clean");
    }

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

    // ---- LC3015

    @Test
    void metallbRangeBackwards() {
        assertAll(RULE, "metallb-reversed", error("LC3015", 8, 14, "argument 1 (ranges) of metallb:"
                + " '10.64.140.49-10.64.140.43' ends before it starts", RANGES));
    }

    @Test
    void metallbSingleAddress() {
        assertAll(RULE, "metallb-single-ip", error("LC3015", 8, 14, "'10.64.140.43' is neither a range FIRST-LAST nor a"
                + " CIDR", RANGES));
    }

    @Test
    void colonFormSplitsIpv6() {
        assertAll(RULE, "metallb-colon-ipv6", error("LC3015", 7, 13, "the colon form 'metallb:fd00::10-fd00::20' is split"
                + " at every ':', so metallb gets 5 arguments",
                "write name: metallb and put the value into args: [\"fd00::10-fd00::20\"]"));
    }

    @Test
    void registrySizeBelow20Gi() {
        assertAll(RULE, "registry-size", error("LC3015", 8, 14, "option --size of registry does not accept '10Gi' (it"
                + " must be >= 20Gi, in Gi units)", "write e.g. --size=20Gi"));
    }

    @Test
    void registrySizeInGigabytesAsSeparateValue() {
        assertAll(RULE, "registry-size-units", error("LC3015", 8, 22, "does not accept '40G'", "write e.g. --size=20Gi"));
    }

    @Test
    void misspeltOption() {
        assertAll(RULE, "registry-unknown-option", error("LC3015", 8, 14, "registry has no option --sise on 1.32",
                "did you mean --size?"));
    }

    @Test
    void optionWithoutItsValue() {
        assertAll(RULE, "option-needs-value", error("LC3015", 8, 14, "option --size of registry needs a value",
                "write --size=20Gi"));
    }

    @Test
    void valueOutsideTheAllowedSet() {
        assertAll(RULE, "hostpath-values", error("LC3015", 8, 18, "option --reclaim-policy of hostpath-storage takes"
                + " Delete or Retain, not 'delete'", "write --reclaim-policy=Delete"));
    }

    @Test
    void requiredOptionMissing() {
        assertAll(RULE, "kube-ovn-without-force", error("LC3015", 8, 13, "kube-ovn needs --force: its enable script"
                + " refuses to run without it", "add --force to the args of kube-ovn"));
    }

    @Test
    void switchGivenAValue() {
        assertAll(RULE, "switch-with-value", error("LC3015", 9, 14, "option --force of kube-ovn is a switch and takes no"
                + " value, not 'yes'", "write --force alone"));
    }

    @Test
    void oldAndNewOptionNameTogether() {
        assertAll(RULE, "old-and-new-option", error("LC3015", 7, 13, "nvidia gets both --driver and"
                + " --gpu-operator-driver, the old and the new name of one option", "keep --gpu-operator-driver only"));
    }

    @Test
    void addonThatTakesNoArguments() {
        assertAll(RULE, "takes-no-args", error("LC3015", 8, 14, "rbac takes no arguments: MicroK8s ignores 'strict'",
                "remove the args of rbac"));
    }

    @Test
    void aliasThatDropsArguments() {
        assertAll(RULE, "alias-drops-args",
                warning("LC2001", 7, 13, "storage is a deprecated alias of hostpath-storage on 1.32", "use hostpath-storage"),
                error("LC3015", 8, 14, "storage does not pass its arguments on to"
                + " hostpath-storage", "use hostpath-storage with its own options"));
    }

    @Test
    void dnsDomainArgumentOnlyFrom133() {
        assertAll(RULE, "dns-too-many", error("LC3015", 8, 40, "dns takes at most 2 positional arguments on 1.32, so"
                + " 'cluster.local' is not used as intended", "remove it"));
    }

    // The script reads the argument with read -ra, so blanks separate nameservers as well as commas
    // (canonical/microk8s-core-addons addons/dns/enable); the hint no longer forbids spaces.
    @Test
    void dnsNameserversSeparatedWrongly() {
        assertAll(RULE, "dns-bad-nameserver", error("LC3015", 8, 14, "argument 1 (nameservers) of dns:"
                + " '10.0.0.53;10.0.0.54' is not an IP address",
                "list nameserver IP addresses separated by ',' (no port, no host names), or /etc/resolv.conf"));
    }

    // ---- LC3016

    @Test
    void metallbWithoutRangesPrompts() {
        assertAll(RULE, "metallb-prompt", error("LC3016", 7, 13, "metallb enable waits for input (interactive prompt for"
                + " the ranges: no address range argument); the cluster agent runs microk8s enable without a terminal,"
                + " so the step hangs or fails on the bootstrap node cp-1",
                "pass the ranges as argument 1, e.g. args: [10.64.140.43-10.64.140.49]"));
    }

    @Test
    void hostpathDisableWithoutDestroyStoragePrompts() {
        assertAll(RULE, "hostpath-disable-prompt", error("LC3016", 7, 13, "hostpath-storage disable waits for input"
                + " (interactive Y/N question: destroy-storage is not given)", "pass destroy-storage, e.g. args:"
                + " [destroy-storage]"));
    }

    @Test
    void hostpathDisableWithDestroyStorage() {
        assertClean(RULE, "hostpath-disable-literal");
    }

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
