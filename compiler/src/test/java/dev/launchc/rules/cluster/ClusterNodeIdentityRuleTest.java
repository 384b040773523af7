package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.assertFindings;
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

    /** Windows cannot extract nodes/aux/ or nodes/com1/ from a bundle; "console" is no device name. */
    @Test
    void windowsDeviceNamesWarn() {
        assertFindings(RULE, "windows-device-name", java.util.Set.of("LC3045"),
                ClusterFixtures.warning("LC3045", 7, 14, "node name 'aux' is a device name on Windows: the bundle holds"
                        + " nodes/aux/, which Windows cannot extract", "rename the node, e.g. aux-1"),
                ClusterFixtures.warning("LC3045", 8, 14, "node name 'com1' is a device name on Windows", "rename the node, e.g. com1-1"));
    }

    /** The cluster-node limit (LoadLimits.maxClusterNodes, --max-cluster-nodes) ends the lint before the schema. */
    @Test
    void moreNodesThanTheLimitIsOneFinding() {
        dev.launchc.lint.Linter linter = new dev.launchc.lint.Linter(dev.launchc.catalog.Catalog.get().track("1.32").orElseThrow(),
                dev.launchc.diag.Mode.DEFAULT, dev.launchc.load.LoadLimits.DEFAULTS.withMaxClusterNodes(2));
        var diagnostics = linter.lint("too-many-nodes.yaml", ClusterFixtures.bytes("/rules/cluster/" + RULE + "/too-many-nodes.yaml"))
                .diagnostics();
        org.junit.jupiter.api.Assertions.assertEquals(1, diagnostics.size(), diagnostics::toString);
        org.junit.jupiter.api.Assertions.assertEquals("LC0005", diagnostics.get(0).code());
        org.junit.jupiter.api.Assertions.assertEquals("the cluster has 3 nodes; the limit is 2", diagnostics.get(0).message());
        org.junit.jupiter.api.Assertions.assertEquals("raise it with --max-cluster-nodes if the cluster really has this many nodes",
                diagnostics.get(0).hint());
        org.junit.jupiter.api.Assertions.assertEquals(6, diagnostics.get(0).line());
        assertClean(RULE, "too-many-nodes");
    }
}
