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

    public LoadLimits limits() {
        return LoadLimits.DEFAULTS.withMaxFileBytes(maxFileBytes).withMaxDepth(maxDepth).withMaxNodes(maxNodes)
                .withMaxDocuments(maxDocuments);
    }
}
