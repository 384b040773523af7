package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;
import static dev.launchc.rules.cluster.ClusterFixtures.info;
import static dev.launchc.rules.cluster.ClusterFixtures.warning;

import org.junit.jupiter.api.Test;

/** ControlPlaneRule: LC3006 none, LC3007 two, LC3008 HA, LC3017 joining nodes without a token. */
class ClusterControlPlaneRuleTest {
    private static final String RULE = "control-plane";

    @Test
    void singleNodeNeedsNoToken() {
        assertClean(RULE, "single-node");
    }

    @Test
    void noControlPlane() {
        assertAll(RULE, "no-control-plane", error("LC3006", 7, 3, "none of the 2 nodes has role control-plane: the first"
                + " control-plane node bootstraps the cluster", "set role: control-plane on the node that should"
                + " bootstrap the cluster (1 or 3 control-plane nodes)"));
    }

    @Test
    void twoControlPlanesWarnAtTheSecondRole() {
        assertAll(RULE, "two-control-planes", warning("LC3007", 11, 13, "2 control-plane nodes (cp-1, cp-2) give no"
                + " quorum advantage over 1: dqlite needs 3 voters for high availability, and with 2 the datastore"
                + " stops accepting writes when either node is down",
                "add a third control-plane node for high availability, or make cp-2 a worker"));
    }

    @Test
    void threeControlPlanesAreHighlyAvailable() {
        assertAll(RULE, "three-control-planes", info("LC3008", 7, 3,
                "high availability with 3 control-plane nodes (cp-1, cp-2, cp-3)", null));
    }

    @Test
    void moreThanThreeStandBy() {
        assertAll(RULE, "four-control-planes", info("LC3008", 7, 3, "with 4 control-plane nodes (cp-1, cp-2, cp-3, cp-4):"
                + " dqlite replicates the datastore to 3 voters and keeps working while one control-plane node is down;"
                + " the others stand by to replace a lost voter", null));
    }

    @Test
    void joiningNodesNeedAToken() {
        assertAll(RULE, "missing-token", error("LC3017", 6, 3, "2 nodes but no spec.join.token: the nodes other than"
                + " cp-1 join the cluster with a token", "add spec.join: {token: {fromEnv: LAUNCHC_JOIN_TOKEN}} (or"
                + " {fromFile: PATH})"));
    }
}
