package dev.launchc.rules;

import static dev.launchc.rules.RuleFixtures.assertClean;
import static dev.launchc.rules.RuleFixtures.assertFindings;
import static dev.launchc.rules.RuleFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * DnsAddonIpRule: LC1041 for the dns addon's cluster IP (its second argument) outside the effective
 * service CIDR; canonical/microk8s-core-addons addons/dns/enable creates the kube-dns Service with it.
 */
class DnsAddonIpRuleTest {
    private static final Set<Code> CODES = Set.of(Code.DNS_ADDON_IP_OUTSIDE_SERVICES);

    @Test
    void outsideTheTrackDefault() {
        List<Diagnostic> d = assertFindings("dns-addon-ip/outside-default.yaml", CODES,
                at(Code.DNS_ADDON_IP_OUTSIDE_SERVICES, 4, 30, "use 10.152.183.10, inside 10.152.183.0/24"));
        assertTrue(d.get(0).message().contains("cluster IP 10.0.0.10 is outside the service CIDR 10.152.183.0/24"),
                d.get(0).message());
    }

    /** The old default address in the colon form, after extraCNIEnv moved the range. */
    @Test
    void outsideTheCniEnvRangeInTheColonForm() {
        List<Diagnostic> d = assertFindings("dns-addon-ip/outside-cni-env.yaml", CODES,
                at(Code.DNS_ADDON_IP_OUTSIDE_SERVICES, 6, 11, "use 10.153.183.10, inside 10.153.183.0/24"));
        assertTrue(d.get(0).message().contains("extraCNIEnv IPv4_SERVICE_CIDR"), d.get(0).message());
    }

    @Test
    void theKubernetesServiceAddress() {
        List<Diagnostic> d = assertFindings("dns-addon-ip/first-address.yaml", CODES,
                at(Code.DNS_ADDON_IP_OUTSIDE_SERVICES, 4, 16, "use 10.152.183.10, inside 10.152.183.0/24"));
        assertTrue(d.get(0).message().contains("the first address"), d.get(0).message());
    }

    /**
     * The 1.27 branch's addons/dns/enable sets DNSIP=10.152.183.10 and replaces it only with a
     * non-empty second argument ([[ -n "$DNSIPARG" ]]), whatever the service range; from 1.28 a
     * missing one lets the API server pick an address of the range. Before, a 1.27 config that moved
     * the range and enabled dns without a cluster IP passed, and its dns addon never came up.
     */
    @Test
    void theFixedDefaultOf127OutsideAMovedRange() {
        List<String> found = CatalogRuleFixtures.lint("dns-addon-ip", "default-127-custom-range", "1.27", Set.of("LC1041")).stream()
                .map(d -> d.line() + ":" + d.column() + " " + d.message() + " [hint: " + d.hint() + "]").toList();
        String finding = " the cluster IP 10.152.183.10 that the dns addon of track 1.27 uses when none is given is outside the"
                + " service CIDR 10.200.0.0/16 (10.200.0.0/16 from --service-cluster-ip-range in extraKubeAPIServerArgs): the dns"
                + " addon's enable script creates the kube-dns Service with this address, the API server refuses it, and DNS is"
                + " not set up [hint: pass the cluster IP as the dns addon's second argument (args: [\"\", ADDRESS]): use"
                + " 10.200.0.10, inside 10.200.0.0/16]";
        assertEquals(List.of("7:11" + finding, "8:11" + finding), found);
        assertEquals(List.of(), CatalogRuleFixtures.lint("dns-addon-ip", "default-127-custom-range", "1.28", Set.of("LC1041")));
    }

    @Test
    void insideTheRangeAndDisabled() {
        assertClean("dns-addon-ip/clean.yaml", Code.DNS_ADDON_IP_OUTSIDE_SERVICES);
    }
}
