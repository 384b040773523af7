package dev.launchc.rules;

import static dev.launchc.rules.RuleFixtures.assertClean;
import static dev.launchc.rules.RuleFixtures.assertFindings;
import static dev.launchc.rules.RuleFixtures.at;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CniEnvRuleTest {
    private static final Set<Code> CODES = Set.of(Code.CNI_BAD_CIDR, Code.CNI_FAMILY_INCOMPLETE, Code.CNI_NO_FAMILY,
            Code.CNI_UNSUPPORTED, Code.CNI_BAD_BOOLEAN);
    private static final String CALICO = "set CNI: calico, or leave CNI out; other CNIs are installed as addons after the install";

    @Test
    void hostBitsSet() {
        List<Diagnostic> d = assertFindings("cni-env/host-bits.yaml", CODES,
                at(Code.CNI_BAD_CIDR, 3, 22, "use the network address 10.2.0.0/16"));
        assertTrue(d.get(0).message().contains("'10.2.0.1/16' has host bits set"), d.get(0).message());
    }

    @Test
    void ipv6HostBitsSet() {
        assertFindings("cni-env/ipv6-host-bits.yaml", CODES,
                at(Code.CNI_BAD_CIDR, 4, 22, "use the network address fd02::/64"));
    }

    @Test
    void wrongFamily() {
        assertFindings("cni-env/wrong-family.yaml", CODES,
                at(Code.CNI_BAD_CIDR, 3, 22, "move it to IPv6_SERVICE_CIDR"));
    }

    @Test
    void addressWithoutPrefix() {
        assertFindings("cni-env/not-a-cidr.yaml", CODES,
                at(Code.CNI_BAD_CIDR, 3, 22, "add a prefix length, e.g. 10.2.0.0/16"));
    }

    @Test
    void twoFamiliesInOneKey() {
        assertFindings("cni-env/two-cidrs-in-one-key.yaml", CODES, at(Code.CNI_BAD_CIDR, 4, 22,
                "give one CIDR per key; generate-cni.sh joins IPv4 and IPv6 itself for dual stack"));
    }

    @Test
    void ipv6EnabledWithoutItsCidrs() {
        List<Diagnostic> d = assertFindings("cni-env/ipv6-incomplete.yaml", CODES, at(Code.CNI_FAMILY_INCOMPLETE, 3, 17,
                "set IPv6_CLUSTER_CIDR: fd01::/64 and IPv6_SERVICE_CIDR: fd98::/108 in extraCNIEnv"));
        assertTrue(d.get(0).message().contains("IPv6_CLUSTER_CIDR and IPv6_SERVICE_CIDR are not set"), d.get(0).message());
    }

    @Test
    void removedServiceCidrPointsAtTheRemoval() {
        assertFindings("cni-env/removed-service-cidr.yaml", CODES, at(Code.CNI_FAMILY_INCOMPLETE, 3, 3,
                "set IPv4_SERVICE_CIDR: 10.152.183.0/24 in extraCNIEnv"));
    }

    @Test
    void emptyClusterCidr() {
        assertFindings("cni-env/empty-cluster-cidr.yaml", CODES, at(Code.CNI_FAMILY_INCOMPLETE, 3, 22,
                "set IPv4_CLUSTER_CIDR: 10.1.0.0/16 in extraCNIEnv"));
    }

    @Test
    void noFamilyEnabled() {
        assertFindings("cni-env/no-family.yaml", CODES,
                at(Code.CNI_NO_FAMILY, 3, 17, "set IPv4_SUPPORT: true (the default) or IPv6_SUPPORT: true"));
    }

    @Test
    void yesIsNotTrue() {
        List<Diagnostic> d = assertFindings("cni-env/yes-boolean.yaml", CODES,
                at(Code.CNI_BAD_BOOLEAN, 3, 17, "write IPv6_SUPPORT: true"));
        assertTrue(d.get(0).message().contains("IPv6_SUPPORT is 'yes'"), d.get(0).message());
    }

    @Test
    void capitalisedTrueDisablesTheOnlyFamily() {
        assertFindings("cni-env/capitalised-true.yaml", CODES,
                at(Code.CNI_NO_FAMILY, 3, 17, "set IPv4_SUPPORT: true (the default) or IPv6_SUPPORT: true"),
                at(Code.CNI_BAD_BOOLEAN, 3, 17, "write IPv4_SUPPORT: true"));
    }

    @Test
    void otherCni() {
        assertFindings("cni-env/flannel.yaml", CODES, at(Code.CNI_UNSUPPORTED, 3, 8, CALICO));
    }

    @Test
    void removedCni() {
        assertFindings("cni-env/cni-removed.yaml", CODES, at(Code.CNI_UNSUPPORTED, 3, 3, CALICO));
    }

    @Test
    void laterPartRemovesACidr() {
        assertFindings("cni-env/later-part-breaks.yaml", CODES,
                at(Code.CNI_FAMILY_INCOMPLETE, 10, 3, "set IPv6_CLUSTER_CIDR: fd01::/64 in extraCNIEnv"));
    }

    @Test
    void cleanDualStack() {
        assertClean("cni-env/clean.yaml", CODES.toArray(Code[]::new));
    }

    @Test
    void onlyTheEffectiveValueCounts() {
        assertClean("cni-env/clean-overridden.yaml", CODES.toArray(Code[]::new));
    }
}
