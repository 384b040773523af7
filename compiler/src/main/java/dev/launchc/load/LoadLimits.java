package dev.launchc.load;

/**
 * Bounds on what one input may cost. Every hostile input (alias bombs, deep nesting, huge files,
 * a cluster of tens of thousands of nodes) ends at one of these with a diagnostic instead of
 * exhausting time or memory.
 *
 * @param maxClusterNodes most entries in a cluster file's {@code spec.nodes}: each costs a seed, a
 *                        lint and some 30 files, so 20,000 of them took 46 s and 2 GB
 */
public record LoadLimits(
        long maxFileBytes,
        int maxDepth,
        long maxNodes,
        int maxAliases,
        int maxDocuments,
        int maxClusterNodes) {

    public static final LoadLimits DEFAULTS = new LoadLimits(8L * 1024 * 1024, 100, 500_000, 100, 10_000, 5_000);

    public LoadLimits withMaxFileBytes(long bytes) {
        return new LoadLimits(bytes, maxDepth, maxNodes, maxAliases, maxDocuments, maxClusterNodes);
    }

    public LoadLimits withMaxDepth(int depth) {
        return new LoadLimits(maxFileBytes, depth, maxNodes, maxAliases, maxDocuments, maxClusterNodes);
    }

    public LoadLimits withMaxNodes(long nodes) {
        return new LoadLimits(maxFileBytes, maxDepth, nodes, maxAliases, maxDocuments, maxClusterNodes);
    }

    public LoadLimits withMaxDocuments(int documents) {
        return new LoadLimits(maxFileBytes, maxDepth, maxNodes, maxAliases, documents, maxClusterNodes);
    }

    public LoadLimits withMaxClusterNodes(int clusterNodes) {
        return new LoadLimits(maxFileBytes, maxDepth, maxNodes, maxAliases, maxDocuments, clusterNodes);
    }
}
