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

/** AddonConflictRule: LC1045 from the addon facts' conflicts (kube-ovn and cilium both replace the primary CNI). */
class AddonConflictRuleTest {
    private static final Set<Code> CODES = Set.of(Code.ADDONS_CONFLICT);

    @Test
    void twoPrimaryCnisAcrossParts() {
        List<Diagnostic> d = assertFindings("addon-conflict/two-cnis.yaml", CODES,
                at(Code.ADDONS_CONFLICT, 9, 11, "keep one of kube-ovn and cilium"));
        assertTrue(d.get(0).message().contains("addons kube-ovn (line 4) and cilium exclude each other on 1.32: both replace"
                + " the primary CNI"), d.get(0).message());
    }

    @Test
    void disabledBeforeTheOtherComesIn() {
        assertClean("addon-conflict/clean.yaml", Code.ADDONS_CONFLICT);
    }
}
