package dev.launchc.cli;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import picocli.CommandLine.Option;

/** {@code --target TRACK}, shared by every command that reads the catalog. */
public final class TargetOption {
    @Option(names = "--target", paramLabel = "TRACK",
            description = "MicroK8s track whose rules and defaults apply (default: the newest in the catalog).")
    String target;

    /** True when --target was given; it then wins over a cluster file's spec.microk8s. */
    public boolean explicit() {
        return target != null;
    }

    public Track track() {
        return track(target == null ? Catalog.get().newestTrack() : target);
    }

    /** The catalog's track of that name; an unknown name is a usage error. */
    static Track track(String name) {
        return Catalog.get().track(name).orElseThrow(() -> new UsageException(
                "unknown track '" + name + "'; the catalog has " + String.join(", ", Catalog.get().tracks())));
    }
}
