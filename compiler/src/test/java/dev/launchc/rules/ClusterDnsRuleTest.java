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

class ClusterDnsRuleTest {
    private static final Set<Code> CODES = Set.of(Code.CLUSTER_DNS_OUTSIDE_SERVICES);
    private static final String DEFAULT_HINT = "use 10.152.183.10, inside 10.152.183.0/24";

    @Test
    void outsideTheTrackDefault() {
        List<Diagnostic> d = assertFindings("cluster-dns/outside-default.yaml", CODES,
                at(Code.CLUSTER_DNS_OUTSIDE_SERVICES, 3, 18, DEFAULT_HINT));
        assertTrue(d.get(0).message().contains("the default kube-apiserver args of MicroK8s 1.32"), d.get(0).message());
    }

    @Test
    void outsideTheCniEnvServiceCidr() {
        List<Diagnostic> d = assertFindings("cluster-dns/outside-cni-env.yaml", CODES,
                at(Code.CLUSTER_DNS_OUTSIDE_SERVICES, 8, 18, "use 10.153.183.10, inside 10.153.183.0/24"));
        assertTrue(d.get(0).message().contains("extraCNIEnv IPv4_SERVICE_CIDR"), d.get(0).message());
    }

    @Test
    void outsideTheApiServerFlag() {
        assertFindings("cluster-dns/outside-apiserver-arg.yaml", CODES,
                at(Code.CLUSTER_DNS_OUTSIDE_SERVICES, 5, 18, "use 10.100.0.10, inside 10.100.0.0/16"));
    }

    /**
     * kubelite deletes every quote of an args line (canonical/microk8s
     * build-scripts/components/kubernetes/patches/v1.NN.0/0000-Kubelite-integration.patch, ReadArgsFromFile):
     * the quoted range and address are what the components read.
     */
    @Test
    void outsideTheApiServerFlagBothQuoted() {
        assertFindings("cluster-dns/outside-quoted.yaml", CODES,
                at(Code.CLUSTER_DNS_OUTSIDE_SERVICES, 5, 18, "use 10.100.0.10, inside 10.100.0.0/16"));
    }

    @Test
    void ipv6AddressWithoutIpv6Services() {
        assertFindings("cluster-dns/ipv6-without-family.yaml", CODES, at(Code.CLUSTER_DNS_OUTSIDE_SERVICES, 3, 18,
                "enable IPv6 in extraCNIEnv (IPv6_SUPPORT, IPv6_CLUSTER_CIDR, IPv6_SERVICE_CIDR) or drop this address"));
    }

    @Test
    void firstAddressBelongsToTheKubernetesService() {
        assertFindings("cluster-dns/first-address.yaml", CODES,
                at(Code.CLUSTER_DNS_OUTSIDE_SERVICES, 3, 18, DEFAULT_HINT));
    }

    @Test
    void lastPartWins() {
        assertFindings("cluster-dns/last-part-wins.yaml", CODES,
                at(Code.CLUSTER_DNS_OUTSIDE_SERVICES, 7, 18, DEFAULT_HINT));
    }

    @Test
    void cleanDefaultLaunchConfig() {
        assertClean("cluster-dns/clean.yaml", Code.CLUSTER_DNS_OUTSIDE_SERVICES);
    }

    @Test
    void cleanDualStack() {
        assertClean("cluster-dns/clean-dual-stack.yaml", Code.CLUSTER_DNS_OUTSIDE_SERVICES);
    }
}
