package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;

import org.junit.jupiter.api.Test;

/**
 * DnsAddonArgRule: LC3035 for spec.network.dns.upstream entries and LC1041 for a dns addon cluster
 * IP outside spec.network. canonical/microk8s-core-addons addons/dns/enable runs `ip route get` on
 * each nameserver and creates the kube-dns Service with the cluster IP.
 */
class DnsAddonArgRuleTest {
    private static final String RULE = "dns-addon";
    private static final String UPSTREAM_HINT = "write nameserver IP addresses only, one per entry (e.g. 10.0.0.53), or"
            + " leave upstream out to use the host's /etc/resolv.conf";

    @Test
    void upstreamEntriesThatAreNotAddresses() {
        assertAll(RULE, "upstream-garbage",
                error("LC3035", 8, 18, "'8.8.8.8;1.1.1.1' is not an IP address (separate nameservers with ',')", UPSTREAM_HINT),
                error("LC3035", 8, 37, "'10.0.0.53:53' is not an IP address (a port cannot be given)", UPSTREAM_HINT),
                error("LC3035", 8, 53, "'dns.google' is not an IP address", UPSTREAM_HINT),
                error("LC3035", 8, 65, "/etc/resolv.conf stands for the host's resolvers and cannot be listed with other"
                        + " nameservers", UPSTREAM_HINT));
    }

    @Test
    void explicitClusterIpOutsideTheServiceCidr() {
        assertAll(RULE, "ip-outside", error("LC1041", 11, 25, "the dns addon's cluster IP 10.152.183.10 is outside the"
                + " service CIDR 10.153.0.0/16 (spec.network)", "use 10.153.0.10, inside 10.153.0.0/16"));
    }

    @Test
    void addressesInsideTheRange() {
        assertClean(RULE, "clean");
    }
}
