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
