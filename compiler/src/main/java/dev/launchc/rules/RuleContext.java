package dev.launchc.rules;

import dev.launchc.catalog.KubeFlags;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
import dev.launchc.diag.Reporter;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;

/** What a rule sees: the internal model, the target track's catalog, and where findings go. */
public final class RuleContext {
    private final LaunchConfig config;
    private final Track track;
    private final KubeFlags kube;
    private final Reporter reporter;

    public RuleContext(LaunchConfig config, Track track, KubeFlags kube, Reporter reporter) {
        this.config = config;
        this.track = track;
        this.kube = kube;
        this.reporter = reporter;
    }

    public LaunchConfig config() {
        return config;
    }

    public Track track() {
        return track;
    }

    /** Flags of the track's Kubernetes minor; null when the catalog does not cover it. */
    public KubeFlags kube() {
        return kube;
    }

    /** A finding about the value at {@code pointer} in {@code part}. */
    public void atValue(Code code, Part part, String pointer, String message, String hint) {
        reporter.report(code, part.source().valuePos(pointer), pointer, message, hint);
    }

    /** A finding about the key at {@code pointer} in {@code part} (unknown or misspelt names). */
    public void atKey(Code code, Part part, String pointer, String message, String hint) {
        reporter.report(code, part.source().keyPos(pointer), pointer, message, hint);
    }
}
