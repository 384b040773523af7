package dev.launchc.rules;

import static dev.launchc.rules.RuleFixtures.assertClean;
import static dev.launchc.rules.RuleFixtures.assertFindings;
import static dev.launchc.rules.RuleFixtures.at;
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

    @Test
    void insideTheRangeAndDisabled() {
        assertClean("dns-addon-ip/clean.yaml", Code.DNS_ADDON_IP_OUTSIDE_SERVICES);
    }
}
