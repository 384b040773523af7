package dev.launchc.catalog;

import java.util.List;

/**
 * One addon a track bundles, as its addons.yaml lists it.
 *
 * @param repository            core or community
 * @param confinement           the confinements that offer it ("classic", "strict", both), or "" for both
 * @param supportedArchitectures the architectures it runs on
 */
public record TrackAddon(String name, String repository, String description, String version, String confinement,
        List<String> supportedArchitectures) {
    /**
     * Whether MicroK8s offers the addon under this confinement: an addon whose {@code confinement}
     * names only the other one is hidden (scripts/wrappers/common/utils.py get_available_addons).
     */
    public boolean offeredUnder(boolean strict) {
        return confinement.isEmpty() || confinement.contains(strict ? "strict" : "classic");
    }
}
