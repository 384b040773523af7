package dev.launchc.plan;

import java.util.List;

/**
 * What a planned file holds, as data. Text is final; the structured kinds are rendered by the
 * renderers module's templates, which own the escaping of their format.
 */
public sealed interface FileContent {
    /** Final text, e.g. an args file after MicroK8s' update algorithm. */
    record Text(String text) implements FileContent {}

    /**
     * The CSR template. {@code generated} is the cluster agent's file (numbered from 0, extra SANs
     * added); otherwise the snap's stock template (numbered from 1).
     */
    record CsrConf(boolean generated, List<String> dnsNames, List<String> ipAddresses) implements FileContent {}

    /** MicroK8s' containerd template with the track's facts filled in. */
    record ContainerdTemplate(String sandboxImage) implements FileContent {}

    /** A registry hosts.toml generated from structured settings (cluster files). */
    record HostsToml(String server, List<HostEntry> hosts) implements FileContent {}

    /** One {@code [host."…"]} table. */
    record HostEntry(String url, List<String> capabilities, String ca, String clientCert, String clientKey,
            boolean skipVerify, boolean overridePath) {}

    /** The node's plan.json, rendered from the plan itself. */
    record PlanJson() implements FileContent {}
}
