package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFacts.printable;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.Cluster;
import java.util.List;

/**
 * How many control-plane nodes the cluster has, and whether the others can join.
 * <ul>
 *   <li>LC3006 (NO_CONTROL_PLANE): no node has {@code role: control-plane}. The first one
 *       bootstraps the cluster; without it there is nothing to join.</li>
 *   <li>LC3007 (CONTROL_PLANE_COUNT, warning): exactly 2 control-plane nodes. MicroK8s' dqlite
 *       datastore needs 3 voters for high availability; with 2, losing either one stops writes,
 *       so the second node adds a failure point and no fault tolerance.</li>
 *   <li>LC3008 (HIGH_AVAILABILITY, info): 3 or more control-plane nodes.</li>
 *   <li>LC3017 (MISSING_JOIN_TOKEN): more than one node and no {@code spec.join.token}: compile
 *       needs the token for the bootstrap node's {@code persistentClusterToken} and every other
 *       node's {@code join.url}.</li>
 * </ul>
 * The findings about the whole node list point at the {@code nodes} key.
 */
public final class ControlPlaneRule implements ClusterRule {
    private static final String NODES = "/spec/nodes";

    @Override
    public void check(ClusterRuleContext ctx) {
        Cluster cluster = ctx.cluster();
        List<Cluster.Node> nodes = cluster.nodes();
        if (nodes.isEmpty()) {
            return;
        }
        List<Cluster.Node> cps = cluster.controlPlanes();
        if (cps.isEmpty()) {
            ctx.atKey(Code.NO_CONTROL_PLANE, NODES, "none of the " + count(nodes.size(), "node")
                    + " has role control-plane: the first control-plane node bootstraps the cluster and every other"
                    + " node joins it, so no node would start a cluster and the workers would have nothing to join",
                    "set role: control-plane on the node that should bootstrap the cluster (1 or 3 control-plane nodes)");
        } else if (cps.size() == 2) {
            ctx.atValue(Code.CONTROL_PLANE_COUNT, cps.get(1).pointer() + "/role", "2 control-plane nodes ("
                    + names(cps) + ") give no quorum advantage over 1: dqlite needs 3 voters for high availability,"
                    + " and with 2 the datastore stops accepting writes when either node is down",
                    "add a third control-plane node for high availability, or make " + printable(cps.get(1).name().text())
                            + " a worker");
        } else if (cps.size() >= 3) {
            ctx.atKey(Code.HIGH_AVAILABILITY, NODES, "high availability with " + cps.size() + " control-plane nodes ("
                    + names(cps) + "): dqlite replicates the datastore to 3 voters and keeps working while one"
                    + " control-plane node is down" + (cps.size() > 3 ? "; the others stand by to replace a lost voter" : ""),
                    null);
        }
        if (nodes.size() > 1 && cluster.token() == null) {
            String boot = ctx.resolved().bootstrapName();
            String who = boot == null ? "the nodes" : "the nodes other than " + printable(boot);
            ctx.atKey(Code.MISSING_JOIN_TOKEN, NODES, nodes.size() + " nodes but no spec.join.token: " + who
                    + " join the cluster with a token that compile reads from spec.join.token (an environment variable"
                    + " or a file), so their seeds cannot be written",
                    "add spec.join: {token: {fromEnv: LAUNCHC_JOIN_TOKEN}} (or {fromFile: PATH})");
        }
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String names(List<Cluster.Node> nodes) {
        return ClusterFacts.list(nodes.stream().map(n -> printable(n.name().text())).toList(), 5);
    }
}
