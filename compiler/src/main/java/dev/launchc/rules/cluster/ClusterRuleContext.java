package dev.launchc.rules.cluster;

import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
import dev.launchc.diag.Reporter;
import dev.launchc.model.internal.Cluster;
import dev.launchc.resolve.ResolvedCluster;

/** What a cluster rule sees: the cluster and its resolved facts, the track it targets, and where findings go. */
public final class ClusterRuleContext {
    private final Cluster cluster;
    private final Track track;
    private final Reporter reporter;
    private ResolvedCluster resolved;

    public ClusterRuleContext(Cluster cluster, Track track, Reporter reporter) {
        this.cluster = cluster;
        this.track = track;
        this.reporter = reporter;
    }

    public Cluster cluster() {
        return cluster;
    }

    public Track track() {
        return track;
    }

    /** The cluster's derived facts (bootstrap node, service network, CNI env), worked out once and shared with the seed derivation. */
    public ResolvedCluster resolved() {
        if (resolved == null) {
            resolved = ResolvedCluster.of(cluster);
        }
        return resolved;
    }

    public void atValue(Code code, String pointer, String message, String hint) {
        reporter.report(code, cluster.source().valuePos(pointer), pointer, message, hint);
    }

    public void atKey(Code code, String pointer, String message, String hint) {
        reporter.report(code, cluster.source().keyPos(pointer), pointer, message, hint);
    }
}
