package dev.launchc.compile;

import dev.launchc.model.internal.ServiceFile;
import dev.launchc.plan.FileContent;
import dev.launchc.resolve.Origins;
import java.util.List;
import java.util.Map;

/**
 * The launch config one node of a cluster gets, as data: the renderers write it as the native
 * YAML seed, and the seed then goes through the native pipeline like any hand-written file.
 * {@code origins} tells, for each derived value, the cluster-file entry it comes from.
 */
public record NodeSeed(String node, String role, String address, List<Part> parts, Origins origins) {

    /** A seed whose values have no recorded cluster-file origin. */
    public NodeSeed(String node, String role, String address, List<Part> parts) {
        this(node, role, address, parts, Origins.NONE);
    }

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
