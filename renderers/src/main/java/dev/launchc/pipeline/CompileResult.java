package dev.launchc.pipeline;

import dev.launchc.catalog.Track;
import dev.launchc.lint.FileLint;
import dev.launchc.model.internal.Cluster;
import dev.launchc.render.OutputTree;
import java.util.List;

/**
 * What the compile pipeline made of one input.
 *
 * @param status   whether the tree was compiled, the findings forbid it, or the input cannot be used
 * @param reports  the findings to tell, in order: the input's own, then the derived seeds' told at
 *                 the cluster file's lines, then (only when those match the cluster file's own) the
 *                 failing seed's; a caller shows the ones that hold a finding
 * @param problem  why the input cannot be used ({@link Status#UNUSABLE}), else null; never a secret
 * @param tree     the per-node files under {@code nodes/<node>/} (seed, preview, plan), without a
 *                 manifest; null unless compiled
 * @param lint     the input's own findings and what was read
 * @param cluster  the cluster, or null for a native launch config
 * @param track    the track the files were compiled for
 * @param nodes    the compiled nodes, in the cluster file's order; empty unless compiled
 * @param source   the input's bytes (a native config is its own seed); null when too large to read
 */
public record CompileResult(Status status, List<FileLint> reports, String problem, OutputTree tree, FileLint lint, Cluster cluster,
        Track track, List<Node> nodes, byte[] source) {
    public enum Status {
        /** Every node compiled: the tree is complete. */
        COMPILED,
        /** The findings forbid compiling (errors, or warnings under strict); nothing to write. */
        REFUSED,
        /** The input cannot be used ({@link #problem()}): a usage problem, not a finding. */
        UNUSABLE
    }

    /** One node of the result: its name, role and address (role and address null for a native config's single node). */
    public record Node(String name, String role, String address) {}

    public CompileResult {
        reports = List.copyOf(reports);
        nodes = List.copyOf(nodes);
    }

    public boolean compiled() {
        return status == Status.COMPILED;
    }
}
