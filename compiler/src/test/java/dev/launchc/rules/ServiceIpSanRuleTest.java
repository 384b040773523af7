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

class ServiceIpSanRuleTest {
    private static final Set<Code> CODES = Set.of(Code.SERVICE_IP_NOT_IN_SANS);

    @Test
    void cniEnvServiceCidrWithoutExtraSans() {
        List<Diagnostic> d = assertFindings("service-ip-san/cni-env-without-sans.yaml", CODES,
                at(Code.SERVICE_IP_NOT_IN_SANS, 3, 22, "add \"extraSANs: [10.153.183.1]\" to this part"));
        assertTrue(d.get(0).message().contains("10.153.183.0/24"), d.get(0).message());
    }

    @Test
    void apiServerFlagWithOtherSans() {
        assertFindings("service-ip-san/apiserver-arg-sans-missing.yaml", CODES,
                at(Code.SERVICE_IP_NOT_IN_SANS, 5, 31, "add \"- 10.100.0.1\" to extraSANs"));
    }

    @Test
    void laterExtraSansReplaceTheEarlierOnes() {
        assertFindings("service-ip-san/overwritten-sans.yaml", CODES,
                at(Code.SERVICE_IP_NOT_IN_SANS, 3, 22, "add \"- 10.153.183.1\" to extraSANs"));
    }

    @Test
    void ipv6OnlyCluster() {
        assertFindings("service-ip-san/ipv6-only.yaml", CODES,
                at(Code.SERVICE_IP_NOT_IN_SANS, 6, 22, "add \"extraSANs: [fd99::1]\" to this part"));
    }

    /**
     * worker: true with an empty url joins nothing (pkg/k8sinit/apply.go, applyPart joins only when
     * join.url is set): the node runs its own API server, whose certificate needs the service IP.
     */
    @Test
    void aWorkerFlagWithoutUrlIsNoWorker() {
        assertFindings("service-ip-san/worker-no-url.yaml", CODES,
                at(Code.SERVICE_IP_NOT_IN_SANS, 3, 22, "add \"extraSANs: [10.153.183.1]\" to this part"));
    }

    @Test
    void clean() {
        assertClean("service-ip-san/clean.yaml", Code.SERVICE_IP_NOT_IN_SANS);
    }

    @Test
    void smallerRangeWithTheSameFirstAddress() {
        assertClean("service-ip-san/clean-same-first-address.yaml", Code.SERVICE_IP_NOT_IN_SANS);
    }
}
