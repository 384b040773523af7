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
 * OctalIntRule: LC1042. MicroK8s writes the text (CA pkg/snap/services.go writes values verbatim);
 * pflag's int, int32 and uint parse it with strconv in base 0, where a leading 0 means octal.
 */
class OctalIntRuleTest {
    private static final Set<Code> CODES = Set.of(Code.OCTAL_INTEGER);

    @Test
    void leadingZeroIsOctal() {
        List<Diagnostic> d = assertFindings("octal-int/octal.yaml", CODES, at(Code.OCTAL_INTEGER, 3, 15, "write --max-pods: 150"));
        assertTrue(d.get(0).message().contains("reads it as octal: 104, not 150"), d.get(0).message());
    }

    @Test
    void eightAndNineDoNotParse() {
        List<Diagnostic> d = assertFindings("octal-int/not-octal.yaml", CODES,
                at(Code.OCTAL_INTEGER, 3, 28, "write --max-requests-inflight: 189"));
        assertTrue(d.get(0).message().contains("kubelite does not start"), d.get(0).message());
    }

    /**
     * A worker's kubelite does not read the kube-apiserver args file (--start-control-plane=false,
     * MicroK8s' kubelite patch) until scripts/wrappers/leave.py starts the control plane with it:
     * the finding says when it bites. The kubelet runs on a worker: its finding says nothing more.
     */
    @Test
    void aWorkersApiServerFlagBitesAfterLeave() {
        List<Diagnostic> d = assertFindings("octal-int/worker-join.yaml", CODES,
                at(Code.OCTAL_INTEGER, 3, 28, "write --max-requests-inflight: 189"),
                at(Code.OCTAL_INTEGER, 10, 15, "write --max-pods: 189"));
        assertTrue(d.get(0).message().endsWith("kubelite does not start (this node joins as a worker, which runs no"
                + " kube-apiserver once joined; it runs with these args from install until the join, and again after microk8s leave)"), d.get(0).message());
        assertTrue(d.get(1).message().endsWith("kubelite does not start"), d.get(1).message());
    }

    @Test
    void singleDigitsAndStringFlags() {
        assertClean("octal-int/clean.yaml", Code.OCTAL_INTEGER);
    }
}
