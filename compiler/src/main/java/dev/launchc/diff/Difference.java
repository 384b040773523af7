package dev.launchc.diff;

/**
 * One difference between what a config makes of a node and what the node holds.
 *
 * @param file      the path under the node's {@code args/} directory, e.g. {@code kubelet}
 * @param key       the flag, env key or TOML key; null for a whole file or a text difference
 * @param expected  the value as the config writes it (null when there is none)
 * @param actual    the value on the node (null when there is none)
 * @param line      where in the config the expectation comes from, or null
 * @param writtenBy who writes this outside the launch configuration (an addon, MicroK8s itself),
 *                  or null when it is drift of the user's config
 */
public record Difference(String node, String file, DiffKind kind, String key, String expected, String actual,
        ConfigLine line, String writtenBy) {

    /** A config location: the file as the user named it, 1-based line and column. */
    public record ConfigLine(String file, int line, int column) {}

    /** True when the difference is the user's drift, not a file MicroK8s or an addon writes. */
    public boolean isDrift() {
        return writtenBy == null;
    }
}
