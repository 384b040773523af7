package dev.launchc.lint;

import static dev.launchc.lint.RuleSet.Input.CLUSTER;
import static dev.launchc.lint.RuleSet.Input.CLUSTER_VIEW;
import static dev.launchc.lint.RuleSet.Input.NATIVE;

import dev.launchc.rules.AddonArgsRule;
import dev.launchc.rules.AddonNameRule;
import dev.launchc.rules.AddonConflictRule;
import dev.launchc.rules.AdmissionPluginRule;
import dev.launchc.rules.ArgKeyRule;
import dev.launchc.rules.ArgQuoteRule;
import dev.launchc.rules.ClusterDnsRule;
import dev.launchc.rules.CniEnvRule;
import dev.launchc.rules.ConfigFileRule;
import dev.launchc.rules.DnsAddonIpRule;
import dev.launchc.rules.DuplicateAddonRule;
import dev.launchc.rules.DuplicateSanRule;
import dev.launchc.rules.FeatureGateRule;
import dev.launchc.rules.Http2CipherRule;
import dev.launchc.rules.JoinRule;
import dev.launchc.rules.KubeFlagRule;
import dev.launchc.rules.NodeAllocatableRule;
import dev.launchc.rules.OctalIntRule;
import dev.launchc.rules.RegistryConfigRule;
import dev.launchc.rules.Rule;
import dev.launchc.rules.SanRule;
import dev.launchc.rules.ServiceFlagRule;
import dev.launchc.rules.ServiceIpSanRule;
import dev.launchc.rules.ShellValueRule;
import dev.launchc.rules.TokenRule;
import dev.launchc.rules.TrackDefaultListRule;
import dev.launchc.rules.ValueSafetyRule;
import dev.launchc.rules.VersionRule;
import dev.launchc.rules.cluster.AddonAirgapRule;
import dev.launchc.rules.cluster.AddonConfinementRule;
import dev.launchc.rules.cluster.ClusterAddonArgsRule;
import dev.launchc.rules.cluster.ClusterAddonConflictRule;
import dev.launchc.rules.cluster.ClusterDnsArgRule;
import dev.launchc.rules.cluster.ClusterRule;
import dev.launchc.rules.cluster.ControlPlaneRule;
import dev.launchc.rules.cluster.DnsAddonArgRule;
import dev.launchc.rules.cluster.GpuRule;
import dev.launchc.rules.cluster.ImageListRule;
import dev.launchc.rules.cluster.LabelTaintRule;
import dev.launchc.rules.cluster.NetworkRule;
import dev.launchc.rules.cluster.NodeIdentityRule;
import dev.launchc.rules.cluster.RegistryRule;
import dev.launchc.rules.cluster.ServiceRangeArgRule;
import dev.launchc.rules.cluster.StrictHostPathRule;
import dev.launchc.rules.cluster.UnusedRegistryHostRule;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every rule launchc runs, declared once, one line each, with the inputs it judges. Each input
 * runs its rules in the declared order (the order in which findings at one position are listed,
 * and which findings a file's cap keeps). A new rule is its class and one line here.
 */
public final class RuleSet {
    /** What a rule reads. */
    public enum Input {
        /** A cluster file, through its internal model and its track (these rules run first). */
        CLUSTER,
        /** Each part of a native launch config, and of every seed a cluster file derives. */
        NATIVE,
        /** A cluster file's service maps, addons and extraSANs, seen as launch-config parts that point into the file. */
        CLUSTER_VIEW
    }

    private RuleSet() {}

    /** One rule: a cluster rule, or a rule over launch-config parts with the inputs it runs on. */
    private record Entry(ClusterRule clusterRule, Rule partRule, Set<Input> inputs) {}

    private static Entry cluster(ClusterRule rule) {
        return new Entry(rule, null, EnumSet.of(CLUSTER));
    }

    private static Entry on(Rule rule, Input first, Input... more) {
        return new Entry(null, rule, EnumSet.of(first, more));
    }

    private static final List<Entry> ALL = List.of(
            // whole cluster files
            cluster(new NodeIdentityRule()),
            cluster(new ControlPlaneRule()),
            cluster(new NetworkRule()),
            cluster(new ClusterDnsArgRule()),
            cluster(new DnsAddonArgRule()),
            cluster(new ServiceRangeArgRule()),
            cluster(new RegistryRule()),
            cluster(new UnusedRegistryHostRule()),
            cluster(new LabelTaintRule()),
            cluster(new GpuRule()),
            cluster(new ClusterAddonConflictRule()),
            cluster(new ClusterAddonArgsRule()),
            cluster(new AddonConfinementRule()),
            cluster(new AddonAirgapRule()),
            cluster(new StrictHostPathRule()),
            cluster(new ImageListRule()),
            // launch-config parts: the values themselves
            on(new VersionRule(), NATIVE),
            on(new ArgKeyRule(), NATIVE, CLUSTER_VIEW),
            on(new ValueSafetyRule(), NATIVE, CLUSTER_VIEW),
            on(new ArgQuoteRule(), NATIVE, CLUSTER_VIEW),
            on(new SanRule(), NATIVE, CLUSTER_VIEW),
            on(new DuplicateSanRule(), NATIVE, CLUSTER_VIEW),
            on(new CniEnvRule(), NATIVE),
            on(new ClusterDnsRule(), NATIVE),
            on(new DnsAddonIpRule(), NATIVE),
            on(new ServiceIpSanRule(), NATIVE),
            on(new RegistryConfigRule(), NATIVE),
            on(new ConfigFileRule(), NATIVE),
            on(new JoinRule(), NATIVE),
            on(new TokenRule(), NATIVE),
            on(new ShellValueRule(), NATIVE, CLUSTER_VIEW),
            // launch-config parts: names against the track's catalog
            on(new KubeFlagRule(), NATIVE, CLUSTER_VIEW),
            on(new ServiceFlagRule(), NATIVE, CLUSTER_VIEW),
            on(new OctalIntRule(), NATIVE, CLUSTER_VIEW),
            on(new AdmissionPluginRule(), NATIVE, CLUSTER_VIEW),
            on(new FeatureGateRule(), NATIVE, CLUSTER_VIEW),
            on(new TrackDefaultListRule(), NATIVE, CLUSTER_VIEW),
            on(new NodeAllocatableRule(), NATIVE),
            on(new Http2CipherRule(), NATIVE),
            on(new AddonNameRule(), NATIVE, CLUSTER_VIEW),
            on(new AddonArgsRule(), NATIVE),
            on(new DuplicateAddonRule(), NATIVE, CLUSTER_VIEW),
            on(new AddonConflictRule(), NATIVE));

    private static final List<ClusterRule> CLUSTER_RULES = ALL.stream().filter(e -> e.clusterRule() != null)
            .map(Entry::clusterRule).toList();
    private static final List<Rule> NATIVE_RULES = partRules(NATIVE);
    private static final List<Rule> CLUSTER_VIEW_RULES = partRules(CLUSTER_VIEW);

    private static List<Rule> partRules(Input input) {
        return ALL.stream().filter(e -> e.partRule() != null && e.inputs().contains(input)).map(Entry::partRule).toList();
    }

    /** The rules run on every cluster file, before its view. */
    public static List<ClusterRule> clusterRules() {
        return CLUSTER_RULES;
    }

    /** The rules run on every native launch config (and on every seed a cluster compiles to). */
    public static List<Rule> nativeRules() {
        return NATIVE_RULES;
    }

    /**
     * The rules that judge args and env maps, addon names and SANs alone: a cluster file is checked
     * with them through a view of its maps, addons and SANs as launch-config parts.
     */
    public static List<Rule> clusterViewRules() {
        return CLUSTER_VIEW_RULES;
    }
}
