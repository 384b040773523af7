package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;

import org.junit.jupiter.api.Test;

/** LabelTaintRule: LC3021 labels (--node-labels), LC3022 taints (--register-with-taints). */
class ClusterLabelTaintRuleTest {
    private static final String RULE = "label-taint";
    private static final String NEVER = "compile puts it into kubelet --node-labels, and kubelet refuses to start with"
            + " it, so node w-1 never registers";

    @Test
    void prefixedKubeletAllowedAndEmptyValuesAndTaintsPerEffect() {
        assertClean(RULE, "clean");
    }

    @Test
    void nodeRoleIsRefusedByKubelet() {
        assertAll(RULE, "node-role", error("LC3021", 10, 16, "label node-role.kubernetes.io/worker of node w-1 is in the"
                + " node-role.kubernetes.io namespace, which kubelet may not set on its own node",
                "drop it here and label the node after it joins: microk8s kubectl label node w-1"
                        + " node-role.kubernetes.io/worker="));
    }

    @Test
    void nodeRestrictionIsRefusedByKubelet() {
        assertAll(RULE, "node-restriction", error("LC3021", 10, 16, "in the node-restriction.kubernetes.io namespace",
                "use a prefix of your own (e.g. example.com/pool) or node.kubernetes.io/, or set it with kubectl after"
                        + " the node joins"));
    }

    @Test
    void k8sIoSubdomainIsRefusedByKubelet() {
        assertAll(RULE, "k8s-io", error("LC3021", 10, 16, "label app.k8s.io/team of node w-1 is in the app.k8s.io"
                + " namespace", "use a prefix of your own (e.g. example.com/team) or node.kubernetes.io/, or set it with"
                + " kubectl after the node joins"));
    }

    @Test
    void keyWithSpace() {
        assertAll(RULE, "bad-key", error("LC3021", 10, 16, "label key 'team name' of node w-1 has a name that is not"
                + " letters, digits, '-', '_' and '.' starting and ending with a letter or digit: " + NEVER, "use e.g. team-name"));
    }

    @Test
    void upperCasePrefix() {
        assertAll(RULE, "upper-case-prefix", error("LC3021", 10, 16, "has a prefix 'Example.com' that is not a lower-case"
                + " DNS subdomain", "write the prefix in lower case: example.com/team"));
    }

    @Test
    void commaWouldSplitTheFlag() {
        assertAll(RULE, "comma-value", error("LC3021", 10, 22, "value 'ml,infra' of label team on node w-1 holds ',',"
                + " which splits the comma-separated kubelet flag into two entries",
                "use one value without ',' or '='; put several facts into several labels"));
    }

    @Test
    void equalsInKey() {
        assertAll(RULE, "equals-key", error("LC3021", 10, 16, "label key 'team=ml' of node w-1 holds '='",
                "remove the ',' and '=': give each label its own key"));
    }

    @Test
    void valueLongerThan63() {
        assertAll(RULE, "long-value", error("LC3021", 10, 22, "is 64 characters long (at most 63)", "use e.g. " + "v".repeat(63)));
    }

    @Test
    void valueStartingWithDash() {
        assertAll(RULE, "bad-value", error("LC3021", 10, 22, "value '-ml-' of label team on node w-1 is not letters",
                "use e.g. ml"));
    }

    @Test
    void taintKeyWithTwoSlashes() {
        assertAll(RULE, "taint-bad-key", error("LC3022", 11, 17, "taint key 'gpu/nvidia/a100' of node w-1 has more than"
                + " one '/': compile puts it into kubelet --register-with-taints",
                "use a name such as example.com/team: letters, digits, '-', '_', '.', an optional DNS prefix and one '/'"));
    }

    @Test
    void taintValueWithSpace() {
        assertAll(RULE, "taint-bad-value", error("LC3022", 11, 35, "value 'ml team' of taint dedicated on node w-1",
                "use e.g. ml-team"));
    }

    @Test
    void duplicateTaintKeyAndEffect() {
        assertAll(RULE, "taint-duplicate", error("LC3022", 12, 17, "node w-1 has two taints dedicated with effect"
                + " NoSchedule: kubelet refuses --register-with-taints with duplicated taints", "keep one of them"));
    }
}
