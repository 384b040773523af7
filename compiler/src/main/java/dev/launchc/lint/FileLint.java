package dev.launchc.lint;

import dev.launchc.diag.Diagnostic;
import dev.launchc.model.internal.LaunchConfig;
import java.util.List;

/** The outcome of linting one file. {@code config} is null when the file did not load; {@code source} is for snippets. */
public record FileLint(String file, String kind, List<Diagnostic> diagnostics, LaunchConfig config,
        dev.launchc.load.SourceFile source) {
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == dev.launchc.diag.Severity.ERROR);
    }

    public boolean hasWarnings() {
        return diagnostics.stream().anyMatch(d -> d.severity() == dev.launchc.diag.Severity.WARNING);
    }
}
