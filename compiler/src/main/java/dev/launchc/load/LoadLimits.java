package dev.launchc.load;

/**
 * Bounds on what one input may cost. Every hostile input (alias bombs, deep nesting, huge files)
 * ends at one of these with a diagnostic instead of exhausting time or memory.
 */
public record LoadLimits(
        long maxFileBytes,
        int maxDepth,
        long maxNodes,
        int maxAliases,
        int maxDocuments) {

    public static final LoadLimits DEFAULTS = new LoadLimits(8L * 1024 * 1024, 100, 500_000, 100, 10_000);

    public LoadLimits withMaxFileBytes(long bytes) {
        return new LoadLimits(bytes, maxDepth, maxNodes, maxAliases, maxDocuments);
    }

    public LoadLimits withMaxDepth(int depth) {
        return new LoadLimits(maxFileBytes, depth, maxNodes, maxAliases, maxDocuments);
    }

    public LoadLimits withMaxNodes(long nodes) {
        return new LoadLimits(maxFileBytes, maxDepth, nodes, maxAliases, maxDocuments);
    }

    public LoadLimits withMaxDocuments(int documents) {
        return new LoadLimits(maxFileBytes, maxDepth, maxNodes, maxAliases, documents);
    }
}
