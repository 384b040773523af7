package dev.launchc.rules.cluster;

import java.util.List;

/** The rules run on every cluster file. */
public final class ClusterRules {
    private ClusterRules() {}

    private static final List<ClusterRule> ALL = List.of(
            new NodeIdentityRule(),
            new ControlPlaneRule(),
            new NetworkRule(),
            new ClusterDnsArgRule(),
            new DnsAddonArgRule(),
            new ServiceRangeArgRule(),
            new RegistryRule(),
            new UnusedRegistryHostRule(),
            new LabelTaintRule(),
            new GpuRule(),
            new ClusterAddonConflictRule(),
            new ClusterAddonArgsRule(),
            new AddonConfinementRule(),
            new AddonAirgapRule(),
            new StrictHostPathRule(),
            new ImageListRule());

    public static List<ClusterRule> all() {
        return ALL;
    }
}
