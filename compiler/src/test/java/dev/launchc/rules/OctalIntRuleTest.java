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

    @Test
    void singleDigitsAndStringFlags() {
        assertClean("octal-int/clean.yaml", Code.OCTAL_INTEGER);
    }
}
