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
 * DuplicateAddonRule: LC2011. MK scripts/wrappers/common/utils.py (unprotected_xable) skips an addon
 * that is already enabled, so a second entry's arguments are ignored.
 */
class DuplicateAddonRuleTest {
    private static final Set<Code> CODES = Set.of(Code.DUPLICATE_ADDON);
    private static final String HINT = "keep one entry, with the arguments you mean";

    @Test
    void againInALaterPartAndThroughAnAlias() {
        List<Diagnostic> d = assertFindings("duplicate-addon/twice.yaml", CODES,
                at(Code.DUPLICATE_ADDON, 9, 11, HINT), at(Code.DUPLICATE_ADDON, 11, 11, HINT));
        assertTrue(d.get(0).message().contains("metallb is enabled twice (first on line 3)"), d.get(0).message());
        assertTrue(d.get(0).message().contains("its arguments are ignored"), d.get(0).message());
        assertTrue(d.get(1).message().startsWith("hostpath-storage is enabled twice (first on line 5)"), d.get(1).message());
    }

    @Test
    void disableInBetween() {
        assertClean("duplicate-addon/clean.yaml", Code.DUPLICATE_ADDON);
    }
}
