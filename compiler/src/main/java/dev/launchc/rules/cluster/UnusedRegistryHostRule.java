package dev.launchc.rules.cluster;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * LC3036 (UNUSED_REGISTRY_HOST): a {@code spec.registries.hosts} entry whose {@code host[:port]}
 * is not the host of any mirror endpoint nor the air-gap registry. Compile looks the TLS settings
 * up by the endpoint's {@code host[:port]} when it writes each {@code [host."…"]} table, so such an
 * entry reaches no hosts.toml and is dropped without a word; usually the key misses the port or
 * spells the host differently from the endpoint URL.
 */
public final class UnusedRegistryHostRule implements ClusterRule {
    @Override
    public void check(ClusterRuleContext ctx) {
        Cluster cluster = ctx.cluster();
        Set<String> used = new LinkedHashSet<>();
        for (Cluster.Mirror m : cluster.mirrors()) {
            for (Value endpoint : m.endpoints()) {
                used.add(Cluster.HostTls.keyOf(endpoint.text()));
            }
        }
        if (cluster.airgap() != null) {
            used.add(cluster.airgap().registry().text().strip());
        }
        for (Cluster.HostTls tls : cluster.hostTls().values()) {
            // A key that is no host[:port] at all is RegistryRule's (LC1019, LC1020).
            if (!used.contains(tls.host()) && ClusterFacts.hostPortProblem(tls.host()) == null) {
                List<String> endpoints = new ArrayList<>(used);
                ctx.atKey(Code.UNUSED_REGISTRY_HOST, tls.pointer(), "registries.hosts entry "
                        + ClusterFacts.printable(tls.host()) + " is not the host of any mirror endpoint"
                        + (cluster.airgap() == null ? "" : " nor the air-gap registry") + ", so compile writes its settings"
                        + " nowhere", endpoints.isEmpty() ? "add a mirror whose endpoint is on this host, or remove the entry"
                                : "key it by an endpoint's host[:port] exactly (" + ClusterFacts.list(endpoints, 4)
                                        + "), or remove it");
            }
        }
    }
}
