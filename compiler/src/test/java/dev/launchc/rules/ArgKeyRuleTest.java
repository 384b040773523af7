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

class ArgKeyRuleTest {
    private static final Set<Code> CODES = Set.of(Code.ARG_KEY_NOT_A_FLAG, Code.ENV_KEY_NOT_A_NAME);

    @Test
    void flagWithoutDashes() {
        List<Diagnostic> d = assertFindings("arg-key/missing-dashes.yaml", CODES,
                at(Code.ARG_KEY_NOT_A_FLAG, 3, 3, "write it as --max-pods"));
        assertTrue(d.get(0).message().contains("args/kubelet"), d.get(0).message());
    }

    @Test
    void singleLetterFlagGetsOneDash() {
        assertFindings("arg-key/single-letter.yaml", CODES, at(Code.ARG_KEY_NOT_A_FLAG, 3, 3, "write it as -l"));
    }

    @Test
    void removalOfANonFlagInALaterPart() {
        assertFindings("arg-key/removal-not-a-flag.yaml", CODES,
                at(Code.ARG_KEY_NOT_A_FLAG, 7, 3, "write it as --event-ttl"));
    }

    /** SPEC §2.2's own sketch: in a flow mapping the comma ends the entry, so the value's second half turns into a key. */
    @Test
    void commaInsideAFlowMappingValue() {
        assertFindings("arg-key/flow-mapping-comma.yaml", CODES, at(Code.ARG_KEY_NOT_A_FLAG, 2, 53,
                "in a flow mapping {…} a comma ends the entry, so --authorization-mode got 'RBAC' and 'Node' became a key;"
                        + " quote the value: --authorization-mode: \"RBAC,Node\""));
    }

    /** A key written without a value on purpose (a removal) is not taken for a split value. */
    @Test
    void removalInAFlowMappingKeepsThePlainHint() {
        assertFindings("arg-key/flow-mapping-removal.yaml", CODES, at(Code.ARG_KEY_NOT_A_FLAG, 2, 39, "write it as --node-ip"));
    }

    @Test
    void leadingSpaceBeforeTheDashes() {
        assertFindings("arg-key/spaces-around-flag.yaml", CODES,
                at(Code.ARG_KEY_NOT_A_FLAG, 3, 3, "remove the spaces around it: --proxy-mode"));
        assertClean("arg-key/spaces-around-flag.yaml", Code.VALUE_HAS_SPACE);
    }

    @Test
    void flagInAnEnvMap() {
        assertFindings("arg-key/env-flag.yaml", CODES,
                at(Code.ENV_KEY_NOT_A_NAME, 3, 3, "flags belong in extraContainerdArgs"));
    }

    @Test
    void hyphenInAnEnvName() {
        assertFindings("arg-key/env-hyphen.yaml", CODES, at(Code.ENV_KEY_NOT_A_NAME, 3, 3, "write it as HTTP_PROXY"));
    }

    @Test
    void envNameStartingWithADigit() {
        assertFindings("arg-key/env-leading-digit.yaml", CODES,
                at(Code.ENV_KEY_NOT_A_NAME, 3, 3, "write it as _2FA_MODE"));
    }

    @Test
    void clean() {
        assertClean("arg-key/clean.yaml", Code.ARG_KEY_NOT_A_FLAG, Code.ENV_KEY_NOT_A_NAME);
    }
}
