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

class ValueSafetyRuleTest {
    private static final Set<Code> CODES = Set.of(Code.VALUE_HAS_LINE_BREAK, Code.VALUE_HAS_SPACE);
    private static final String ONE_LINE =
            "write the value on one line; a YAML block scalar (| or >) keeps its final line break, use a plain or quoted scalar";

    @Test
    void blockScalarKeepsItsLineFeed() {
        List<Diagnostic> d = assertFindings("value-safety/block-scalar-newline.yaml", CODES,
                at(Code.VALUE_HAS_LINE_BREAK, 3, 18, ONE_LINE));
        assertTrue(d.get(0).message().contains("args/kubelet"), d.get(0).message());
    }

    @Test
    void escapedLineFeedInjectsAFlag() {
        assertFindings("value-safety/injected-flag.yaml", CODES, at(Code.VALUE_HAS_LINE_BREAK, 3, 21, ONE_LINE));
    }

    @Test
    void carriageReturnInAnEnvValue() {
        assertFindings("value-safety/carriage-return-env.yaml", CODES,
                at(Code.VALUE_HAS_LINE_BREAK, 3, 15, "remove the carriage return (\\r)"));
    }

    @Test
    void nulInAValue() {
        List<Diagnostic> d = assertFindings("value-safety/nul.yaml", CODES,
                at(Code.VALUE_HAS_LINE_BREAK, 3, 16, "remove the NUL character"));
        assertTrue(d.get(0).message().contains("args/k8s-dqlite"), d.get(0).message());
    }

    @Test
    void unicodeLineSeparator() {
        assertFindings("value-safety/line-separator.yaml", CODES,
                at(Code.VALUE_HAS_LINE_BREAK, 3, 11, "remove the line separator (U+2028)"));
    }

    @Test
    void lineFeedInAKey() {
        assertFindings("value-safety/key-newline.yaml", CODES,
                at(Code.VALUE_HAS_LINE_BREAK, 3, 3, "remove the line feed (\\n)"));
    }

    @Test
    void spaceInAKubeliteValue() {
        List<Diagnostic> d = assertFindings("value-safety/space-in-kubelite-value.yaml", CODES,
                at(Code.VALUE_HAS_SPACE, 3, 31, "remove the spaces (write lists as a,b without spaces); quoting does not help"));
        assertTrue(d.get(0).message().contains("args/kube-apiserver"), d.get(0).message());
    }

    @Test
    void tabInAKubeliteValue() {
        List<Diagnostic> d = assertFindings("value-safety/tab-in-kubelite-value.yaml", CODES,
                at(Code.VALUE_HAS_SPACE, 3, 18, "remove the spaces (write lists as a,b without spaces); quoting does not help"));
        assertTrue(d.get(0).message().contains("holds a tab"), d.get(0).message());
    }

    @Test
    void spaceInAKubeliteFlagName() {
        assertFindings("value-safety/space-in-kubelite-flag.yaml", CODES,
                at(Code.VALUE_HAS_SPACE, 3, 3, "remove the spaces from the flag name"));
    }

    @Test
    void clean() {
        assertClean("value-safety/clean.yaml", Code.VALUE_HAS_LINE_BREAK, Code.VALUE_HAS_SPACE);
    }
}
