package dev.launchc.rules;

import static dev.launchc.rules.RuleFixtures.assertClean;
import static dev.launchc.rules.RuleFixtures.assertFindings;
import static dev.launchc.rules.RuleFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.KubeFlags;
import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * AdmissionPluginRule: LC1044 against the catalog's removedAdmissionPlugins (kube-apiserver's
 * admission options refuse a plugin they do not register; PodSecurityPolicy gone in 1.25,
 * SecurityContextDeny in 1.30 by kubernetes PR 122612, PersistentVolumeLabel in 1.31 by PR 124505).
 */
class AdmissionPluginRuleTest {
    private static final Set<Code> CODES = Set.of(Code.REMOVED_ADMISSION_PLUGIN);

    @Test
    void podSecurityPolicyOnAMinorAfter125() {
        List<Diagnostic> d = assertFindings("admission-plugin/psp.yaml", CODES, at(Code.REMOVED_ADMISSION_PLUGIN, 3, 31,
                "write --enable-admission-plugins: EventRateLimit,NodeRestriction; Pod Security Admission (PodSecurity, on by"
                        + " default) replaces PodSecurityPolicy"));
        assertTrue(d.get(0).message().contains("PodSecurityPolicy (removed in 1.25), which Kubernetes 1.32 no longer has"),
                d.get(0).message());
    }

    /** The disable list is validated too; on 1.32 both plugins are gone. */
    @Test
    void disablingRemovedPlugins() {
        List<Diagnostic> d = assertFindings("admission-plugin/disable-removed.yaml", CODES,
                at(Code.REMOVED_ADMISSION_PLUGIN, 3, 32, "remove the flag"));
        assertTrue(d.get(0).message().contains("PersistentVolumeLabel (removed in 1.31), SecurityContextDeny (removed in 1.30)"),
                d.get(0).message());
    }

    @Test
    void catalogKnowsWhenEachWasRemoved() {
        KubeFlags k130 = Catalog.get().kube("1.30").orElseThrow();
        assertEquals("1.30", k130.admissionPluginRemovedIn("SecurityContextDeny"));
        assertNull(k130.admissionPluginRemovedIn("PersistentVolumeLabel"), "1.30 still has PersistentVolumeLabel");
        assertEquals("1.25", Catalog.get().kube("1.27").orElseThrow().admissionPluginRemovedIn("PodSecurityPolicy"));
    }

    @Test
    void pluginsThatExist() {
        assertClean("admission-plugin/clean.yaml", Code.REMOVED_ADMISSION_PLUGIN);
    }
}
