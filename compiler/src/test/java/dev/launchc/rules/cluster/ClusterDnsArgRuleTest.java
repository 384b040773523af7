package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;

import org.junit.jupiter.api.Test;

/** ClusterDnsArgRule: LC1018 for a services.kubelet --cluster-dns against spec.network's service CIDRs. */
class ClusterDnsArgRuleTest {
    private static final String RULE = "dns-arg";
    private static final String LEAVE_OUT = "; or leave --cluster-dns out: compile derives it from spec.network";
    private static final String UNRESOLVED = ": the DNS Service cannot get this address, so pods cannot resolve names";

    /** Cluster-wide inside a custom range, and dual stack on a node: one address per family, each inside. */
    @Test
    void insideTheServiceCidrOfEachFamily() {
        assertClean(RULE, "clean");
    }

    @Test
    void outsideTheDefaultServiceCidr() {
        assertAll(RULE, "outside-default", error("LC1018", 8, 22, "--cluster-dns 10.20.0.53 is outside the service CIDR"
                + " 10.152.183.0/24 (spec.network.ipv4.serviceCIDR, the default)" + UNRESOLVED,
                "use 10.152.183.10, inside 10.152.183.0/24" + LEAVE_OUT));
    }

    /** The old default address after the range moved: on 1.27 as well, where compile sets the API server's range. */
    @Test
    void outsideACustomServiceCidr() {
        assertAll(RULE, "outside-custom", error("LC1018", 9, 30, "--cluster-dns 10.152.183.10 is outside the service CIDR"
                + " 10.153.0.0/16 (spec.network.ipv4.serviceCIDR)" + UNRESOLVED, "use 10.153.0.10, inside 10.153.0.0/16" + LEAVE_OUT));
    }

    @Test
    void theKubernetesServiceAddressOnANode() {
        assertAll(RULE, "node-first-address", error("LC1018", 10, 89, "--cluster-dns 10.152.183.1 is the first address (the"
                + " kubernetes Service's) of the service CIDR 10.152.183.0/24 (spec.network.ipv4.serviceCIDR, the default);"
                + " no Service can get it", "use 10.152.183.10, inside 10.152.183.0/24" + LEAVE_OUT));
    }

    @Test
    void anIpv6AddressWithoutAnIpv6Block() {
        assertAll(RULE, "ipv6-without-family", error("LC1018", 7, 30, "--cluster-dns fd98::a is IPv6 but the cluster has no"
                + " IPv6 service CIDR (spec.network has no ipv6 block)",
                "add spec.network.ipv6 for dual stack, or drop this address" + LEAVE_OUT));
    }

    @Test
    void anIpv4AddressWithIpv4TurnedOff() {
        assertAll(RULE, "ipv4-off", error("LC1018", 10, 30, "--cluster-dns 10.152.183.10 is IPv4 but the cluster has no IPv4"
                + " service CIDR (spec.network.ipv4 is turned off)", "drop this address" + LEAVE_OUT));
    }

    /** With the range itself unreadable, every address would look wrong: only the range is reported. */
    @Test
    void aServiceCidrThatDoesNotParseIsReportedAlone() {
        assertAll(RULE, "unparsed-service-cidr", error("LC3019", 7, 25, "ipv4.serviceCIDR '10.153.0.0' is not a CIDR",
                "add the prefix length, e.g. 10.153.0.0/24"));
    }
}
