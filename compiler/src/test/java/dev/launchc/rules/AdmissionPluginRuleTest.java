package dev.launchc.rules;

import static dev.launchc.rules.RuleFixtures.assertClean;
import static dev.launchc.rules.RuleFixtures.assertFindings;
import static dev.launchc.rules.RuleFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.KubeFlags;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * AdmissionPluginRule: LC1044 against the catalog's removedAdmissionPlugins (kube-apiserver's
 * admission options refuse a plugin they do not register; PodSecurityPolicy gone in 1.25,
 * SecurityContextDeny in 1.30 by kubernetes PR 122612, PersistentVolumeLabel in 1.31 by PR 124505),
 * and LC1046 against the catalog's admissionPlugins (AllOrderedPlugins in kubernetes'
 * pkg/kubeapiserver/options/plugins.go of each release; apiserver's AdmissionOptions.Validate
 * refuses any name not registered, matched exactly).
 */
class AdmissionPluginRuleTest {
    private static final Set<Code> CODES = Set.of(Code.REMOVED_ADMISSION_PLUGIN, Code.UNKNOWN_ADMISSION_PLUGIN);

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

    /** A misspelt name, and one in the wrong case: both unknown to the API server, each with the name meant. */
    @Test
    void aMisspeltPluginIsUnknown() {
        List<Diagnostic> d = assertFindings("admission-plugin/misspelt.yaml", CODES,
                at(Code.UNKNOWN_ADMISSION_PLUGIN, 3, 31, "did you mean NodeRestriction? (names are matched exactly)"),
                at(Code.UNKNOWN_ADMISSION_PLUGIN, 4, 32, "did you mean DefaultStorageClass? (names are matched exactly)"));
        assertTrue(d.get(0).message().contains("names NodeRestrictions, which is not an admission plugin of Kubernetes 1.32: the API"
                + " server refuses unknown admission plugins and does not start"), d.get(0).message());
    }

    @Test
    void aPluginOfANewerMinorIsUnknownToThisOne() {
        List<Diagnostic> d = assertFindings("admission-plugin/newer.yaml", CODES, at(Code.UNKNOWN_ADMISSION_PLUGIN, 3, 31,
                "it arrives in Kubernetes 1.33: target a track with that minor or newer, or remove it"));
        assertTrue(d.get(0).message().contains("names PodTopologyLabels, which Kubernetes 1.32 does not have yet"), d.get(0).message());
    }

    /** Every plugin each minor of the catalog registers passes, in both lists, whatever the track. */
    @Test
    void everyRegisteredPluginOfEveryMinorPasses() {
        assertEquals(10, Catalog.get().tracks().size(), Catalog.get().tracks().toString());
        for (String name : Catalog.get().tracks()) {
            Track track = Catalog.get().track(name).orElseThrow();
            String minor = track.kubernetesMinor();
            KubeFlags kube = Catalog.get().kube(minor).orElseThrow();
            assertTrue(kube.admissionPlugins().size() >= 30, minor + ": " + kube.admissionPlugins());
            String all = String.join(",", kube.admissionPlugins());
            byte[] config = ("version: 0.2.0\nextraKubeAPIServerArgs:\n  --enable-admission-plugins: " + all
                    + "\n  --disable-admission-plugins: " + all + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            List<Diagnostic> d = RuleFixtures.lint("all-" + minor + ".yaml", config, track).stream()
                    .filter(f -> CODES.contains(f.code())).toList();
            assertEquals(List.of(), d, minor);
        }
    }

    /** What the catalog says each minor registers, where it changed (plugins.go at each release). */
    @Test
    void catalogKnowsWhichMinorHasWhichPlugin() {
        assertTrue(Catalog.get().kube("1.29").orElseThrow().admissionPlugins().contains("SecurityContextDeny"));
        assertFalse(Catalog.get().kube("1.30").orElseThrow().admissionPlugins().contains("SecurityContextDeny"));
        assertTrue(Catalog.get().kube("1.30").orElseThrow().admissionPlugins().contains("PersistentVolumeLabel"));
        assertFalse(Catalog.get().kube("1.31").orElseThrow().admissionPlugins().contains("PersistentVolumeLabel"));
        assertFalse(Catalog.get().kube("1.32").orElseThrow().admissionPlugins().contains("PodTopologyLabels"));
        assertEquals("1.33", Catalog.get().kube("1.32").orElseThrow().admissionPluginAddedIn("PodTopologyLabels"));
        assertTrue(Catalog.get().kube("1.33").orElseThrow().admissionPlugins().contains("PodTopologyLabels"));
        assertNull(Catalog.get().kube("1.33").orElseThrow().admissionPluginAddedIn("PodTopologyLabels"));
        // The generated kube-apiserver reference of 1.35 lists 37 plugins, NodeDeclaredFeatureValidator new among them.
        assertEquals(37, Catalog.get().kube("1.35").orElseThrow().admissionPlugins().size());
        assertEquals("1.35", Catalog.get().kube("1.34").orElseThrow().admissionPluginAddedIn("NodeDeclaredFeatureValidator"));
        assertTrue(Catalog.get().kube("1.36").orElseThrow().admissionPlugins().containsAll(
                List.of("PodResizeValidator", "PodGroupProtection", "JobValidation", "PodGroupWorkloadExists")));
    }
}
