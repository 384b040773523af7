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
 * AddonArgsRule: LC1040 for native addon arguments the addon's script rejects. The dns cases follow
 * canonical/microk8s-core-addons addons/dns/enable: every ',' becomes a blank, each word must pass
 * `ip route get`, else exit 1.
 */
class AddonArgsRuleTest {
    private static final Set<Code> CODES = Set.of(Code.ADDON_ARGS_REJECTED);
    private static final String NAMESERVER_HINT = "list nameserver IP addresses separated by ',' (no port, no host names), or /etc/resolv.conf";

    @Test
    void semicolonSeparatedNameservers() {
        List<Diagnostic> d = assertFindings("addon-args/dns-semicolon.yaml", CODES, at(Code.ADDON_ARGS_REJECTED, 4, 12, NAMESERVER_HINT));
        assertTrue(d.get(0).message().contains("'8.8.8.8;1.1.1.1' is not an IP address (separate nameservers with ',')"),
                d.get(0).message());
    }

    @Test
    void nameserverWithAPort() {
        List<Diagnostic> d = assertFindings("addon-args/dns-host-port.yaml", CODES, at(Code.ADDON_ARGS_REJECTED, 4, 12, NAMESERVER_HINT));
        assertTrue(d.get(0).message().contains("(a port cannot be given)"), d.get(0).message());
    }

    @Test
    void nameserverHostName() {
        List<Diagnostic> d = assertFindings("addon-args/dns-hostname.yaml", CODES, at(Code.ADDON_ARGS_REJECTED, 4, 12, NAMESERVER_HINT));
        assertTrue(d.get(0).message().contains("'dns.google' is not an IP address"), d.get(0).message());
    }

    @Test
    void malformedMetalLbRangeInTheColonForm() {
        List<Diagnostic> d = assertFindings("addon-args/metallb-range.yaml", CODES, at(Code.ADDON_ARGS_REJECTED, 3, 11,
                "write ranges as FIRST-LAST (10.64.140.43-10.64.140.49) or CIDRs (192.168.1.240/28), comma-separated"));
        assertTrue(d.get(0).message().contains("'10.64.140.43-10.64.140' is not a range of two IP addresses"), d.get(0).message());
    }

    /** Blank-separated and IPv6 nameservers, /etc/resolv.conf, CIDR ranges: the scripts take them. */
    @Test
    void whatTheScriptsAccept() {
        assertClean("addon-args/clean.yaml", Code.ADDON_ARGS_REJECTED);
    }

    /**
     * addons/dns/enable (canonical/microk8s-core-addons) takes an empty argument as a missing one:
     * the host's resolvers for the first, {@code [ x"${DNSIP}" == "x" ]} (10.152.183.10 with the
     * default service range, else an address the API server picks) for the second,
     * {@code [ -z "$CLUSTER_DOMAIN" ]} (cluster.local) for the third. Before, the empty second one
     * was "not an IP address: the enable script rejects it".
     */
    @Test
    void emptyDnsArgumentsAreTheDefaults() {
        assertClean("addon-args/dns-empty-arguments.yaml", Code.ADDON_ARGS_REJECTED);
    }

    /** An addon of a repository the config adds is not described by the facts. */
    @Test
    void ownRepositoryIsNotJudged() {
        assertClean("addon-args/own-repo.yaml", Code.ADDON_ARGS_REJECTED);
    }

    @Test
    void compatKeepsItAWarning() {
        assertTrue(Code.ADDON_ARGS_REJECTED.verdict() == Code.Verdict.IGNORED, "MicroK8s accepts the file at install");
    }
}
