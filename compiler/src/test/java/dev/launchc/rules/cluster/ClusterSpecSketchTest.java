package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.error;
import static dev.launchc.rules.cluster.ClusterFixtures.info;
import static dev.launchc.rules.cluster.ClusterFixtures.warning;

import org.junit.jupiter.api.Test;

/**
 * The cluster file sketched in SPEC §2.2, verbatim, linted through the whole pipeline: exactly
 * these findings, all codes.
 */
class ClusterSpecSketchTest {
    @Test
    void sketchFromTheSpec() {
        assertAll("spec", "sketch",
                // {--authorization-mode: RBAC,Node} is a flow mapping: the comma ends the first entry, so
                // "Node" is a second key (with a null value) and the flag's value is just "RBAC".
                error("LC1008", 21, 48, "'Node' in services.kubeApiServer is not a flag", "in a flow mapping {…} a comma ends the entry, so --authorization-mode got 'RBAC' and 'Node' became a key;"
                        + " quote the value: --authorization-mode: \"RBAC,Node\""),
                // nvidia fetches its chart from helm.ngc.nvidia.com, and the sketch is air-gapped.
                warning("LC3025", 27, 13, "addon nvidia needs the internet when it is enabled",
                        "workaround: preinstall host drivers and use host mode (maintainer workaround in"
                                + " canonical/microk8s#3881) (--gpu-operator-driver); or no chart-path flag: pre-create a"
                                + " local helm repo alias named nvidia or install the chart manually with the same values"
                                + " (§4.4) [inferred, not documented]"),
                info("LC3008", 34, 3, "high availability with 3 control-plane nodes (cp-1, cp-2, cp-3)", null));
    }
}
