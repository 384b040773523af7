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
 * ArgQuoteRule: LC1043. kubelite's ReadArgsFromFile deletes every quote (MK kubelite integration
 * patch, reference launch-config-facts §4.3); the other wrappers (MK wrappers/run-*-with-args) read
 * their file with bash's declare -a args="($(cat file))".
 */
class ArgQuoteRuleTest {
    private static final Set<Code> CODES = Set.of(Code.QUOTE_CHANGES_VALUE);
    private static final String BASH_HINT = "write the value without quotes and backslashes";

    @Test
    void kubeliteDeletesAnInnerQuote() {
        List<Diagnostic> d = assertFindings("arg-quote/kubelite-inner-quote.yaml", CODES, at(Code.QUOTE_CHANGES_VALUE, 3, 15,
                "write the value without inner quotes: kubelite cannot pass a quote to a flag"));
        assertTrue(d.get(0).message().contains("so the flag gets '150x'"), d.get(0).message());
    }

    @Test
    void trailingBackslashJoinsTheNextFlag() {
        List<Diagnostic> d = assertFindings("arg-quote/bash-trailing-backslash.yaml", CODES,
                at(Code.QUOTE_CHANGES_VALUE, 3, 14, BASH_HINT));
        assertTrue(d.get(0).message().contains("trailing backslash, which joins the next line"), d.get(0).message());
    }

    @Test
    void unpairedQuoteInABashReadFile() {
        List<Diagnostic> d = assertFindings("arg-quote/bash-unpaired-quote.yaml", CODES, at(Code.QUOTE_CHANGES_VALUE, 3, 11, BASH_HINT));
        assertTrue(d.get(0).message().contains("args/containerd"), d.get(0).message());
    }

    @Test
    void quotesAroundTheWholeValue() {
        assertClean("arg-quote/clean.yaml", Code.QUOTE_CHANGES_VALUE);
    }
}
