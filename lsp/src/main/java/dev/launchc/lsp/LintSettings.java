package dev.launchc.lsp;

import dev.launchc.diag.Mode;
import java.nio.file.Path;

/**
 * The mode and target the server lints a document with, as {@code launchc lint} would for that file.
 * {@code target} is null for "the newest track, unless a cluster file names its own".
 */
public record LintSettings(Mode mode, String target) {
    public static final LintSettings DEFAULTS = new LintSettings(Mode.DEFAULT, null);

    /**
     * Where the settings of a file come from. The seam for a project file ({@code .launchc.yaml}) that
     * names a mode and target: until lint reads one, every file gets lint's defaults.
     */
    @FunctionalInterface
    public interface Source {
        Source DEFAULTS = file -> LintSettings.DEFAULTS;

        /** @param file the document's path, or null when its URI is not a file */
        LintSettings forFile(Path file);
    }
}
