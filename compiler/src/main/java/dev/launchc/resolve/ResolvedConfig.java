package dev.launchc.resolve;

import dev.launchc.catalog.Track;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.ServiceFile;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a node ends up with from one launch config on one track, each fact computed once: the
 * effective cni-env, the service network it and the API server's args decide, and the flags each
 * Kubernetes component is started with. The rules read
 * these facts from here instead of working them out each on their own.
 */
public final class ResolvedConfig {
    private final LaunchConfig config;
    private final Track track;
    private boolean cniEnvDone;
    private CniEnv cniEnv;
    private boolean serviceNetworkDone;
    private ServiceNetwork.Effective serviceNetwork;
    private final Map<ServiceFile, KubeArgs> kubeArgs = new EnumMap<>(ServiceFile.class);

    public ResolvedConfig(LaunchConfig config, Track track) {
        this.config = config;
        this.track = track;
    }

    /** The effective {@code args/cni-env} ({@link CniEnv#of}); null when no part sets extraCNIEnv or the track has no generate-cni.sh. */
    public CniEnv cniEnv() {
        if (!cniEnvDone) {
            cniEnv = CniEnv.of(config, track);
            cniEnvDone = true;
        }
        return cniEnv;
    }

    /** The effective service CIDRs and the input that decides them; null when that input is unusable. */
    public ServiceNetwork.Effective serviceNetwork() {
        if (!serviceNetworkDone) {
            serviceNetwork = ServiceNetwork.of(config, track, cniEnv());
            serviceNetworkDone = true;
        }
        return serviceNetwork;
    }

    /** The flags a Kubernetes component's args file ends with on the node ({@link KubeArgs}). */
    public KubeArgs kubeArgs(ServiceFile file) {
        if (file.kubeComponent() == null) {
            throw new IllegalArgumentException(file + " is not a Kubernetes component's args file");
        }
        return kubeArgs.computeIfAbsent(file, f -> KubeArgs.of(config, track, f));
    }
}
