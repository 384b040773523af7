package dev.launchc.rules;

import static dev.launchc.rules.RuleFixtures.assertClean;
import static dev.launchc.rules.RuleFixtures.assertFindings;
import static dev.launchc.rules.RuleFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRuleTest {
    private static final Set<Code> CODES = Set.of(Code.SHORT_TOKEN);
    private static final String HINT = "use a random token of 32 characters, e.g. the output of 'openssl rand -hex 16'";

    @Test
    void shortToken() {
        List<Diagnostic> d = assertFindings("token/short.yaml", CODES, at(Code.SHORT_TOKEN, 2, 25, HINT));
        assertEquals("persistentClusterToken has 8 characters; microk8s join requires at least 32, so no node can join"
                + " with it", d.get(0).message());
    }

    @Test
    void thirtyOneCharactersInASecondPart() {
        assertFindings("token/second-part.yaml", CODES, at(Code.SHORT_TOKEN, 5, 25, HINT));
    }

    @Test
    void clean() {
        assertClean("token/clean.yaml", Code.SHORT_TOKEN);
    }
}
