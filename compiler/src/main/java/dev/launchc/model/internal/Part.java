package dev.launchc.model.internal;

import dev.launchc.load.YDocument;
import java.util.List;
import java.util.Map;

/**
 * One part of a node's launch configuration, in the shape MicroK8s applies it. Every launch-config
 * version converts to this; rules and the compiler see nothing else. Build one with {@link #builder}:
 * a view that sets only some fields (a cluster's service maps, say) leaves the rest empty.
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

    /**
     * Whether the cluster agent runs {@code microk8s join} for this part: only when join.url is set
     * (microk8s-cluster-agent pkg/k8sinit/apply.go applyPart: if j := c.Join; j.URL != "").
     */
    public boolean joins() {
        return join != null && !join.url().isEmpty();
    }

    /** Whether this part joins the node as a worker ({@link #joins}, with {@code worker: true}). */
    public boolean joinsAsWorker() {
        return joins() && join.worker();
    }

    /** A part at {@code index} of {@code source} (null: not from a document) that sets nothing yet. */
    public static Builder builder(int index, YDocument source) {
        return new Builder(index, source);
    }

    /** Sets a part's fields by name; what is not set stays absent (null) or empty. */
    public static final class Builder {
        private final int index;
        private final YDocument source;
        private Value version;
        private Value persistentClusterToken;
        private JoinRequest join;
        private List<Value> extraSANs;
        private String extraSANsPointer;
        private Map<ServiceFile, List<ArgEntry>> serviceArgs = Map.of();
        private Map<ServiceFile, String> serviceArgsPointers = Map.of();
        private List<ArgEntry> registryConfigs = List.of();
        private List<ArgEntry> configFiles = List.of();
        private List<AddonRequest> addons = List.of();
        private List<AddonRepo> addonRepositories = List.of();

        private Builder(int index, YDocument source) {
            this.index = index;
            this.source = source;
        }

        public Builder version(Value version) {
            this.version = version;
            return this;
        }

        public Builder persistentClusterToken(Value token) {
            this.persistentClusterToken = token;
            return this;
        }

        public Builder join(JoinRequest join) {
            this.join = join;
            return this;
        }

        /** @param pointer where the list sits in the source, for findings on the list as a whole */
        public Builder extraSANs(List<Value> sans, String pointer) {
            this.extraSANs = sans;
            this.extraSANsPointer = pointer;
            return this;
        }

        /** @param pointers where each service's map sits in the source (empty: the entries carry their own) */
        public Builder serviceArgs(Map<ServiceFile, List<ArgEntry>> args, Map<ServiceFile, String> pointers) {
            this.serviceArgs = args;
            this.serviceArgsPointers = pointers;
            return this;
        }

        public Builder registryConfigs(List<ArgEntry> registryConfigs) {
            this.registryConfigs = registryConfigs;
            return this;
        }

        public Builder configFiles(List<ArgEntry> configFiles) {
            this.configFiles = configFiles;
            return this;
        }

        public Builder addons(List<AddonRequest> addons, List<AddonRepo> repositories) {
            this.addons = addons;
            this.addonRepositories = repositories;
            return this;
        }

        public Part build() {
            return new Part(index, source, version, persistentClusterToken, join, extraSANs, extraSANsPointer,
                    serviceArgs, serviceArgsPointers, registryConfigs, configFiles, addons, addonRepositories);
        }
    }
}
