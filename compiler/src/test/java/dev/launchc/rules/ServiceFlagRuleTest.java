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
 * ServiceFlagRule: LC1003 for the cluster agent's flags, as canonical/microk8s-cluster-agent
 * cmd/cluster-agent.go registers them (cobra exits on an unknown flag).
 */
class ServiceFlagRuleTest {
    private static final Set<Code> CODES = Set.of(Code.UNKNOWN_FLAG);

    @Test
    void unknownClusterAgentFlags() {
        List<Diagnostic> d = assertFindings("service-flag/unknown.yaml", CODES,
                at(Code.UNKNOWN_FLAG, 3, 3, "its flags: --bind, --certfile, --enable-metrics, --help, --keyfile,"
                        + " --launch-configurations-enable, --launch-configurations-interval, --timeout, -h"),
                at(Code.UNKNOWN_FLAG, 5, 3, "did you mean --timeout?"));
        assertTrue(d.get(0).message().contains("unknown cluster-agent flag --bind-address: the cluster-agent service exits"
                + " with \"unknown flag\""), d.get(0).message());
    }

    @Test
    void knownFlagsRemovalsAndUnlistedServices() {
        assertClean("service-flag/clean.yaml", Code.UNKNOWN_FLAG);
    }
}
