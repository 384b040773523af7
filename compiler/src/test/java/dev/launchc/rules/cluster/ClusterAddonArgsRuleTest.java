package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;
import static dev.launchc.rules.cluster.ClusterFixtures.warning;

import org.junit.jupiter.api.Test;

/**
 * ClusterAddonArgsRule: LC3015 arguments, LC3016 prompts.
 * The fixtures are under {@code rules/cluster/addon/}, shared by the cluster addon rules.
 */
class ClusterAddonArgsRuleTest {
    private static final String RULE = "addon";
    private static final String RANGES = "write ranges as FIRST-LAST (10.64.140.43-10.64.140.49) or CIDRs"
            + " (192.168.1.240/28), comma-separated";

    @Test
    void validArgumentsOfManyAddons() {
        assertClean(RULE, "clean");
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
}
