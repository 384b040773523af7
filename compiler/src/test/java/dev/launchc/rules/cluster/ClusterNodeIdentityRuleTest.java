package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;

import org.junit.jupiter.api.Test;

/** NodeIdentityRule: LC3024 node name, LC3002 duplicate name, LC3018 address, LC3003 duplicate address. */
class ClusterNodeIdentityRuleTest {
    private static final String RULE = "node-identity";

    @Test
    void validNamesAndAddressesIncludingIpv6() {
        assertClean(RULE, "clean");
    }

    @Test
    void nameWithUnderscoreAndCapitals() {
        assertAll(RULE, "bad-name", error("LC3024", 7, 14, "node name 'GPU_1' holds '_': launchc writes this node's seed"
                + " to nodes/<name>/", "use gpu-1"));
    }

    @Test
    void nameWithCapitalsOnly() {
        assertAll(RULE, "upper-case-name", error("LC3024", 7, 14, "node name 'Cp-1' has upper-case letters", "use cp-1"));
    }

    @Test
    void nameThatWouldLeaveTheOutputDirectory() {
        assertAll(RULE, "name-traversal", error("LC3024", 7, 14, "node name '../etc' holds '.'", "use etc"));
    }

    @Test
    void nameLongerThan63() {
        assertAll(RULE, "name-too-long", error("LC3024", 7, 14, "is 64 characters long: launchc writes", "use " + "n".repeat(63)));
    }

    @Test
    void duplicateNameIsReportedAtTheSecondNode() {
        assertAll(RULE, "duplicate-name", error("LC3002", 10, 14, "node name cp-1 is already used by the node at"
                + " spec.nodes[0]: compile writes each node's seed to nodes/cp-1/, so one seed would overwrite the other",
                "give every node its own name"));
    }

    @Test
    void octetOutOfRange() {
        assertAll(RULE, "bad-address", error("LC3018", 7, 50, "address '10.0.0.256' of node cp-1 is not an IP address:"
                + " the bootstrap node's address forms the join URL <address>:25000/<token>",
                "write four decimal octets without leading zeros, e.g. 10.0.0.11, or an IPv6 address such as fd00::11"));
    }

    @Test
    void hostNameInsteadOfAddress() {
        assertAll(RULE, "address-host-name", error("LC3018", 7, 50, "address 'cp-1.corp.example' of node cp-1",
                "use the node's IP address instead of a host name: the join URL must be IP:port/token"));
    }

    @Test
    void addressWithPort() {
        assertAll(RULE, "address-with-port", error("LC3018", 7, 50, "address '10.0.0.11:25000' of node cp-1",
                "drop the port: 10.0.0.11 (launchc adds :25000 itself)"));
    }

    @Test
    void addressWithPrefixLength() {
        assertAll(RULE, "address-with-prefix", error("LC3018", 7, 50, "address '10.0.0.11/24' of node cp-1",
                "drop the prefix length: 10.0.0.11"));
    }

    @Test
    void duplicateAddressComparedAsAddressesNamesTheFirstNode() {
        assertAll(RULE, "duplicate-address", error("LC3003", 10, 42, "node w-2 has the same address as node w-1"
                + " (fd00::21): joining nodes", "give each node the address it is reachable at"));
    }

    @Test
    void bootstrapNodeOnIpv6CannotBeJoined() {
        assertAll(RULE, "bootstrap-ipv6", error("LC3018", 9, 50, "address fd00::11 of the bootstrap node cp-1 is IPv6:"
                + " the other nodes join through <address>:25000/<token>, which microk8s join splits at ':'",
                "give cp-1 its IPv4 address (IPv6 pod and service ranges still work, see spec.network.ipv6)"));
    }

    @Test
    void singleNodeMayUseIpv6() {
        assertClean(RULE, "single-node-ipv6");
    }
}
