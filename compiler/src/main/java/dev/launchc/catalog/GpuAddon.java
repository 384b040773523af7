package dev.launchc.catalog;

import java.util.List;
import java.util.stream.Stream;

/**
 * The GPU addon of a track: {@code gpu} on 1.28, {@code nvidia} (alias {@code gpu}) from 1.29. On
 * a track the GPU facts ({@code gpu.byTrack} of addons-extra.json) do not cover, the track's own
 * {@code gpu} addon if it has one, with {@link #covered()} false and no operator facts (1.27).
 *
 * @param addon                    the addon's name
 * @param aliases                  other names that enable it
 * @param covered                  the GPU facts describe this track: flag style and default operator version are known
 * @param flagStyle                "legacy" (1.28's gpu addon: {@code --driver}, {@code --version}, {@code --set}) or
 *                                 "gpu-operator-prefixed" ({@code --gpu-operator-driver}, …); null when not covered
 * @param operatorVersionDefault   the GPU Operator version the addon installs when none is given, or null
 */
public record GpuAddon(String addon, List<String> aliases, boolean covered, String flagStyle, String operatorVersionDefault) {
    /** True when {@code name} (without repository or arguments) enables this addon. */
    public boolean isNamed(String name) {
        return addon.equals(name) || aliases.contains(name);
    }

    /** The addon and its aliases. */
    public List<String> names() {
        return Stream.concat(Stream.of(addon), aliases.stream()).toList();
    }

    /** True when the addon takes the unprefixed flags of 1.28's gpu addon. */
    public boolean legacyFlags() {
        return "legacy".equals(flagStyle);
    }
}
