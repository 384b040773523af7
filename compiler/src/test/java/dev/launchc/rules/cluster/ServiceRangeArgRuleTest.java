package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;

import org.junit.jupiter.api.Test;

/** ServiceRangeArgRule: LC3029 for a services.kubeApiServer --service-cluster-ip-range that is not spec.network's. */
class ServiceRangeArgRuleTest {
    private static final String RULE = "service-range";
    private static final String WHY = ": compile derives the DNS Service address and the certificate's service IP from"
            + " spec.network, so they would not match the API server's range";

    /** The same ranges as spec.network, dual stack in its order; a removal on a node. */
    @Test
    void theSameRangeOrARemoval() {
        assertClean(RULE, "clean");
    }

    /**
     * kubelite deletes every quote of an args line (canonical/microk8s
     * build-scripts/components/kubernetes/patches/v1.NN.0/0000-Kubelite-integration.patch, ReadArgsFromFile):
     * a quoted range is the same range.
     */
    @Test
    void aQuotedRangeIsTheRangeKubeliteReads() {
        assertClean(RULE, "quoted");
    }

    @Test
    void anotherRangeThanTheDefault() {
        assertAll(RULE, "default-range", error("LC3029", 8, 35, "--service-cluster-ip-range 10.96.0.0/12 is not"
                + " spec.network's service range 10.152.183.0/24" + WHY,
                "set the range in spec.network (ipv4.serviceCIDR) and remove --service-cluster-ip-range here"));
    }

    /** On 1.27 compile writes spec.network's range after the service args: the node's flag would be dropped. */
    @Test
    void theOldDefaultOnANodeOn127() {
        assertAll(RULE, "node-on-1-27", error("LC3029", 13, 53, "--service-cluster-ip-range 10.152.183.0/24 is not"
                + " spec.network's service range 10.153.0.0/16" + WHY,
                "set the range in spec.network (ipv4.serviceCIDR) and remove --service-cluster-ip-range here"));
    }

    /** Dual stack: a flag with the IPv4 range alone lacks the IPv6 one. */
    @Test
    void aDualStackRangeNeedsBothFamilies() {
        assertAll(RULE, "missing-ipv6", error("LC3029", 9, 49, "--service-cluster-ip-range 10.152.183.0/24 is not"
                + " spec.network's service range 10.152.183.0/24,fd98::/108" + WHY,
                "set the range in spec.network (ipv4.serviceCIDR, ipv6.serviceCIDR) and remove --service-cluster-ip-range here"));
    }
}
