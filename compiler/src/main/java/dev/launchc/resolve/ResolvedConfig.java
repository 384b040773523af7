package dev.launchc.resolve;

import dev.launchc.catalog.Track;
import dev.launchc.model.internal.LaunchConfig;

/**
 * What a node ends up with from one launch config on one track, each fact computed once: the
 * effective cni-env and the service network it and the API server's args decide. The rules read
 * these facts from here instead of working them out each on their own.
 */
public final class ResolvedConfig {
    private final LaunchConfig config;
    private final Track track;
    private boolean cniEnvDone;
    private CniEnv cniEnv;
    private boolean serviceNetworkDone;
    private ServiceNetwork.Effective serviceNetwork;

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
}
