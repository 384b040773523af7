package dev.launchc.cli;

import dev.launchc.load.LoadLimits;
import picocli.CommandLine.Option;

/** Loader limits, configurable for the rare legitimate input that needs more. */
public final class LimitOptions {
    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Largest input file accepted (default: ${DEFAULT-VALUE}).")
    long maxFileBytes = LoadLimits.DEFAULTS.maxFileBytes();

    @Option(names = "--max-depth", paramLabel = "N", description = "Deepest nesting accepted (default: ${DEFAULT-VALUE}).")
    int maxDepth = LoadLimits.DEFAULTS.maxDepth();

    @Option(names = "--max-nodes", paramLabel = "N", description = "Most YAML nodes per file, aliases expanded (default: ${DEFAULT-VALUE}).")
    long maxNodes = LoadLimits.DEFAULTS.maxNodes();

    @Option(names = "--max-documents", paramLabel = "N", description = "Most documents per file (default: ${DEFAULT-VALUE}).")
    int maxDocuments = LoadLimits.DEFAULTS.maxDocuments();

    @Option(names = "--max-cluster-nodes", paramLabel = "N",
            description = "Most nodes in a cluster file's spec.nodes (default: ${DEFAULT-VALUE}).")
    int maxClusterNodes = LoadLimits.DEFAULTS.maxClusterNodes();

    /** The limits; a limit below 1 is a usage error (a negative one would refuse every file, or none). */
    public LoadLimits limits() {
        positive("--max-file-size", maxFileBytes);
        positive("--max-depth", maxDepth);
        positive("--max-nodes", maxNodes);
        positive("--max-documents", maxDocuments);
        positive("--max-cluster-nodes", maxClusterNodes);
        return LoadLimits.DEFAULTS.withMaxFileBytes(maxFileBytes).withMaxDepth(maxDepth).withMaxNodes(maxNodes)
                .withMaxDocuments(maxDocuments).withMaxClusterNodes(maxClusterNodes);
    }

    private static void positive(String option, long value) {
        if (value < 1) {
            throw new UsageException(option + " must be at least 1, not " + value);
        }
    }
}
