package dev.launchc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.rules.Rule;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule set: each input runs its rules in the order the four former lists ran them. */
class RuleSetTest {
    static List<String> names(List<?> rules) {
        return rules.stream().map(r -> r.getClass().getName().replace("dev.launchc.rules.", "")).toList();
    }

    @Test
    void nativeInputsRunTheVersionRuleThenTheValueRulesThenTheCatalogRules() {
        assertEquals(List.of("VersionRule",
                "ArgKeyRule", "ValueSafetyRule", "ArgQuoteRule", "SanRule", "DuplicateSanRule", "CniEnvRule",
                "ClusterDnsRule", "DnsAddonIpRule", "ServiceIpSanRule", "RegistryConfigRule", "ConfigFileRule", "JoinRule",
                "TokenRule", "ShellValueRule",
                "KubeFlagRule", "ServiceFlagRule", "OctalIntRule", "AdmissionPluginRule", "FeatureGateRule",
                "TrackDefaultListRule", "NodeAllocatableRule", "Http2CipherRule", "AddonNameRule", "AddonArgsRule",
                "DuplicateAddonRule", "AddonConflictRule"),
                names(RuleSet.nativeRules()));
    }

    @Test
    void clusterFilesRunTheClusterRulesInTheirOrder() {
        assertEquals(List.of("cluster.NodeIdentityRule", "cluster.ControlPlaneRule", "cluster.NetworkRule",
                "cluster.ClusterDnsArgRule", "cluster.DnsAddonArgRule", "cluster.ServiceRangeArgRule", "cluster.RegistryRule",
                "cluster.UnusedRegistryHostRule", "cluster.LabelTaintRule", "cluster.GpuRule", "cluster.ClusterAddonConflictRule",
                "cluster.ClusterAddonArgsRule", "cluster.AddonConfinementRule", "cluster.AddonAirgapRule",
                "cluster.StrictHostPathRule", "cluster.ImageListRule"), names(RuleSet.clusterRules()));
    }

    @Test
    void theClusterViewRunsNativeRulesThatJudgeMapsAddonNamesAndSans() {
        List<Rule> view = RuleSet.clusterViewRules();
        assertEquals(List.of("ArgKeyRule", "ValueSafetyRule", "ArgQuoteRule", "SanRule", "DuplicateSanRule",
                "ShellValueRule", "KubeFlagRule", "ServiceFlagRule", "OctalIntRule", "AdmissionPluginRule", "FeatureGateRule",
                "TrackDefaultListRule", "AddonNameRule", "DuplicateAddonRule"), names(view));
        // The view shares the native rules' instances: a rule is declared once.
        assertTrue(RuleSet.nativeRules().containsAll(view));
        assertEquals(RuleSet.nativeRules().size(), new HashSet<>(RuleSet.nativeRules()).size());
    }
}
