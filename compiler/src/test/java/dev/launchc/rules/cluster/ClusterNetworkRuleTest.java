package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NetworkRule: LC3019 CIDR and MTU, LC3005 overlap, LC3004 node inside a range, LC1015 no family,
 * LC3028 what a track without generate-cni.sh cannot apply.
 */
class ClusterNetworkRuleTest {
    private static final String RULE = "network";
    private static final String MTU_HINT = "use the node network's MTU minus the overlay overhead: 1450 for VXLAN on a"
            + " 1500-byte network, 8950 on 9000; 0 lets Calico detect it";

    @Test
    void dualStackWithTheDefaultRanges() {
        assertClean(RULE, "clean");
    }

    @Test
    void mtuZeroMeansAutodetect() {
        assertClean(RULE, "mtu-auto");
    }

    @Test
    void prefixTooLong() {
        assertAll(RULE, "bad-cidr", error("LC3019", 7, 21, "ipv4.podCIDR '10.1.0.0/33' is not a CIDR (address/prefix"
                + " length): generate-cni.sh copies it into Calico's IP pool", "write it as address/prefix, e.g. 10.1.0.0/16"));
    }

    @Test
    void addressWithoutPrefix() {
        assertAll(RULE, "bare-address", error("LC3019", 7, 25, "ipv4.serviceCIDR '10.152.183.0' is not a CIDR",
                "add the prefix length, e.g. 10.152.183.0/24"));
    }

    @Test
    void ipv6RangeInTheIpv4Block() {
        assertAll(RULE, "wrong-family", error("LC3019", 7, 25, "ipv4.serviceCIDR fd98::/108 is an IPv6 range in the ipv4"
                + " block", "move it to spec.network.ipv6 or use an IPv4 range such as 10.1.0.0/16"));
    }

    @Test
    void hostBitsSet() {
        assertAll(RULE, "host-bits", error("LC3019", 7, 21, "ipv6.podCIDR fd01::1/64 has host bits set: the range it names"
                + " is fd01::/64", "use fd01::/64"));
    }

    @Test
    void podAndServiceRangesOverlap() {
        assertAll(RULE, "overlap", error("LC3005", 7, 47, "ipv4 service CIDR 10.1.200.0/24 overlaps the pod CIDR"
                + " 10.1.0.0/16: Calico hands out pod addresses that are also Service IPs",
                "pick a service CIDR outside 10.1.0.0/16, e.g. the default 10.152.183.0/24"));
    }

    @Test
    void overlapWithADefaultPointsAtTheWrittenRange() {
        assertAll(RULE, "overlap-default", error("LC3005", 7, 21, "ipv4 pod CIDR 10.152.0.0/16 overlaps the service CIDR"
                + " 10.152.183.0/24 (the default)", "pick ipv4 pod and service CIDRs that do not share addresses"));
    }

    @Test
    void nodeInsideThePodRange() {
        assertAll(RULE, "node-in-pod-cidr", error("LC3004", 9, 50, "address 10.0.0.11 of node cp-1 lies inside the pod"
                + " CIDR 10.0.0.0/16: Calico routes that range into the pod network, so the other nodes cannot reach this"
                + " node", "move spec.network.ipv4.podCIDR to a range that no node uses"));
    }

    @Test
    void nodeInsideTheDefaultServiceRange() {
        assertAll(RULE, "node-in-default-service-cidr", error("LC3004", 7, 50, "address 10.152.183.5 of node cp-1 lies"
                + " inside the service CIDR 10.152.183.0/24 (the default): kube-proxy captures traffic",
                "move spec.network.ipv4.serviceCIDR to a range that no node uses"));
    }

    @Test
    void mtuAboveJumboFrames() {
        assertAll(RULE, "mtu-too-large", error("LC3019", 7, 10, "mtu 9216 is outside 576–9000: Calico gives every pod"
                + " interface this MTU (CALICO_VETH_MTU)", MTU_HINT));
    }

    /**
     * YAML 1.1 reads these as numbers, but compile writes the MTU's text into CALICO_VETH_MTU as it
     * stands (yaml.v2 keeps a scalar's text for a string target), so the value Calico gets is checked.
     */
    @ParameterizedTest
    @CsvSource({"mtu-yaml11-0x96, 0x96", "mtu-yaml11-150, 1_50", "mtu-yaml11-1e400, 1e400", "mtu-yaml11-0150, 0150"})
    void numbersInYaml11FormsAreWrittenAsText(String fixture, String mtu) {
        assertAll(RULE, fixture, error("LC3019", 7, 10, "mtu " + mtu + " is written as CALICO_VETH_MTU=" + mtu
                + " as it stands", "write the MTU in decimal digits without a leading zero, e.g. mtu: 1450"));
    }

    @Test
    void hugeIntegerIsTooLarge() {
        assertAll(RULE, "mtu-huge", error("LC3019", 7, 10, "mtu 99999999999999999999999 is outside 576–9000", MTU_HINT));
    }

    @Test
    void ipv6NeedsAtLeast1280() {
        assertAll(RULE, "mtu-too-small-for-ipv6", error("LC3019", 8, 10, "mtu 1200 is outside 1280–9000: Calico gives"
                + " every pod interface this MTU (CALICO_VETH_MTU); IPv6 needs an MTU of at least 1280", MTU_HINT));
    }

    // ---- a track without generate-cni.sh (1.27)

    private static final String NO_GENERATE_CNI = "MicroK8s 1.27 has no generate-cni.sh, and its install hook copies"
            + " Calico's bundled manifest unchanged (no launch config can edit it)";
    private static final String LATER = "target MicroK8s 1.28 or later, where generate-cni.sh applies it";

    /** Compile writes the service CIDR into kube-apiserver itself; the defaults, written out, change nothing. */
    @Test
    void serviceCidrAndDefaultsOn127() {
        assertClean(RULE, "1-27-service-cidr");
    }

    @Test
    void podCidrOn127() {
        assertAll(RULE, "1-27-pod-cidr", error("LC3028", 7, 21, "ipv4.podCIDR 10.2.0.0/16 cannot be applied: "
                + NO_GENERATE_CNI + ", so Calico keeps handing out pod addresses from 10.1.0.0/16",
                "remove podCIDR to use 10.1.0.0/16, or " + LATER));
    }

    /** On 1.27 only the service range reaches the nodes (kube-apiserver); a pod CIDR of any kind cannot be applied. */
    @Test
    void brokenRangesOn127() {
        assertAll(RULE, "1-27-bad-cidrs",
                error("LC3028", 7, 21, "ipv4.podCIDR 10.2.0.0/33 cannot be applied: " + NO_GENERATE_CNI,
                        "remove podCIDR to use 10.1.0.0/16, or " + LATER),
                error("LC3019", 7, 47, "ipv4.serviceCIDR '10.153.0.0/33' is not a CIDR (address/prefix length): compile"
                        + " writes it into kube-apiserver's --service-cluster-ip-range on every node (MicroK8s 1.27 has no"
                        + " generate-cni.sh), which refuses it, so kube-apiserver does not start",
                        "write it as address/prefix, e.g. 10.1.0.0/16"));
    }

    @Test
    void ipv6On127() {
        assertAll(RULE, "1-27-ipv6", error("LC3028", 8, 5, "IPv6 cannot be set up: " + NO_GENERATE_CNI
                + "; that manifest's IP pool is IPv4 only", "remove spec.network.ipv6, or " + LATER));
    }

    @Test
    void mtuOn127() {
        assertAll(RULE, "1-27-mtu", error("LC3028", 7, 10, "mtu 1450 cannot be applied: " + NO_GENERATE_CNI,
                "remove mtu, or " + LATER));
    }

    @Test
    void anMtuOutOfRangeOn127IsReportedOnce() {
        assertAll(RULE, "1-27-mtu-too-large", error("LC3019", 7, 10, "mtu 9216 is outside 576–9000", MTU_HINT));
    }

    @Test
    void noIpFamily() {
        assertAll(RULE, "no-family", error("LC1015", 7, 21, "IPv4 is turned off and there is no ipv6 block",
                "remove ipv4.enabled: false, or add spec.network.ipv6 for an IPv6-only cluster"));
    }
}
