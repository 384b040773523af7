package dev.launchc.model.internal;

import dev.launchc.load.YDocument;
import java.util.List;
import java.util.Map;

/**
 * One part of a node's launch configuration, in the shape MicroK8s applies it. Every launch-config
 * version converts to this; rules and the compiler see nothing else.
 *
 * @param source the document the part came from, for positions only
 * @param extraSANs null when absent (the CSR template is left alone), empty when given as []
 */
public record Part(
        int index,
        YDocument source,
        Value version,
        Value persistentClusterToken,
        JoinRequest join,
        List<Value> extraSANs,
        String extraSANsPointer,
        Map<ServiceFile, List<ArgEntry>> serviceArgs,
        Map<ServiceFile, String> serviceArgsPointers,
        List<ArgEntry> registryConfigs,
        List<ArgEntry> configFiles,
        List<AddonRequest> addons,
        List<AddonRepo> addonRepositories) {

    public List<ArgEntry> args(ServiceFile file) {
        return serviceArgs.getOrDefault(file, List.of());
    }
}
