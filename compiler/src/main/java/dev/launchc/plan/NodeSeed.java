package dev.launchc.plan;

import dev.launchc.model.internal.ServiceFile;
import java.util.List;
import java.util.Map;

/**
 * The launch config one node of a cluster gets, as data: the renderers write it as the native
 * YAML seed, and the seed then goes through the native pipeline like any hand-written file.
 */
public record NodeSeed(String node, String role, String address, List<Part> parts) {

    /** One document of the seed. Maps keep their order; a null value removes a flag. */
    public record Part(
            String comment,
            String version,
            String persistentClusterToken,
            String joinUrl,
            boolean worker,
            List<String> extraSANs,
            Map<ServiceFile, Map<String, String>> args,
            Map<String, FileContent.HostsToml> registries,
            List<Addon> addons,
            List<Repository> repositories) {}

    public record Addon(String name, List<String> args, boolean disable) {}

    public record Repository(String name, String url, String reference) {}

    /** True when a part carries the token: the seed file is then written with mode 0600. */
    public boolean holdsSecret() {
        return parts.stream().anyMatch(p -> p.persistentClusterToken() != null || p.joinUrl() != null);
    }
}
