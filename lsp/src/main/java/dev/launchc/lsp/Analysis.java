package dev.launchc.lsp;

import dev.launchc.catalog.Track;
import dev.launchc.lint.FileLint;
import java.util.List;

/**
 * What the server knows about one version of a document: its text, lint's findings as LSP
 * diagnostics (each beside the finding it came from) and the track they were checked against.
 * {@code lint} is null for YAML that is not a launch config, which the server leaves alone.
 */
record Analysis(String uri, int version, String text, TextLines lines, FileLint lint, Track track, List<Finding> findings) {

    /** One lint finding and the diagnostic published for it. */
    record Finding(dev.launchc.diag.Diagnostic lint, org.eclipse.lsp4j.Diagnostic lsp) {}

    boolean isLaunchConfig() {
        return lint != null;
    }
}
