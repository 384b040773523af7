package dev.launchc.diff;

import dev.launchc.model.internal.LaunchConfig;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One node as the diff sees it: the text of every file under its {@code args/} directory, by path
 * relative to that directory, and, when it came from a config, the launch config that made it.
 *
 * @param config the node's launch config (a native file or a cluster node's seed), or null for a live node
 * @param configFile how to name that config in output (the user's path, or the seed's path in a compile OUTDIR)
 */
public record NodeState(String node, SortedMap<String, String> files, LaunchConfig config, String configFile) {
    public NodeState {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** A live node: its args files only. */
    public static NodeState live(String node, java.util.Map<String, String> files) {
        return new NodeState(node, new TreeMap<>(files), null, null);
    }
}
