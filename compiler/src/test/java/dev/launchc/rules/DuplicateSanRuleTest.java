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

/** DuplicateSanRule: LC2010 (CA pkg/util/csr.go writes every entry into the CSR template). */
class DuplicateSanRuleTest {
    private static final Set<Code> CODES = Set.of(Code.DUPLICATE_SAN);
    private static final String HINT = "remove the copy, or write the address you meant";

    @Test
    void sameAddressWrittenTwoWaysAndNameInAnotherCase() {
        List<Diagnostic> d = assertFindings("duplicate-san/same-ip-and-name.yaml", CODES,
                at(Code.DUPLICATE_SAN, 6, 5, HINT), at(Code.DUPLICATE_SAN, 7, 5, HINT));
        assertTrue(d.get(0).message().contains("'fd00:0::1' repeats 'fd00::1' on line 4"), d.get(0).message());
    }

    @Test
    void eachPartReplacesTheTemplate() {
        assertClean("duplicate-san/clean.yaml", Code.DUPLICATE_SAN);
    }
}
