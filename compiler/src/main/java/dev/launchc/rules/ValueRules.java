package dev.launchc.rules;

import java.util.List;

/** Rules about the values themselves: keys, addresses, CIDRs, files, join data. */
final class ValueRules {
    private ValueRules() {}

    static List<Rule> all() {
        return List.of(
                new ArgKeyRule(),
                new ValueSafetyRule(),
                new ArgQuoteRule(),
                new SanRule(),
                new DuplicateSanRule(),
                new CniEnvRule(),
                new ClusterDnsRule(),
                new DnsAddonIpRule(),
                new ServiceIpSanRule(),
                new RegistryConfigRule(),
                new ConfigFileRule(),
                new JoinRule(),
                new TokenRule(),
                new ShellValueRule());
    }
}
