package dev.launchc.lsp;

import dev.launchc.config.ProjectConfig;
import dev.launchc.config.ProjectConfigs;
import dev.launchc.diag.Mode;
import java.nio.file.Path;
import java.util.Set;

/**
 * The mode, target and disabled codes the server lints a document with, as {@code launchc lint}
 * would for that file. {@code target} is null for "the newest track, unless a cluster file names its own".
 */
public record LintSettings(Mode mode, String target, Set<String> disabled) {
    public static final LintSettings DEFAULTS = new LintSettings(Mode.DEFAULT, null);

    public LintSettings {
        disabled = Set.copyOf(disabled);
    }

    public LintSettings(Mode mode, String target) {
        this(mode, target, Set.of());
    }

    /** Where the settings of a file come from. */
    @FunctionalInterface
    public interface Source {
        Source DEFAULTS = file -> LintSettings.DEFAULTS;

        /** @param file the document's path, or null when its URI is not a file */
        LintSettings forFile(Path file);

        /**
         * Settings as lint takes them: {@code mode} and {@code target} given to {@code launchc lsp}
         * (null when not given) win over the {@code .launchc.yaml} found from the document's folder
         * upward, which wins over the defaults. The file is read again for every lint, so an edit to
         * it counts from the next change; one that is not valid counts as absent (lint refuses to run
         * with it, and says why).
         */
        static Source fromProjectConfig(Mode mode, String target) {
            return file -> {
                ProjectConfigs.Found found;
                try {
                    found = file == null ? null : new ProjectConfigs(null).forFile(file).orElse(null);
                } catch (ProjectConfigs.InvalidConfig e) {
                    found = null;
                }
                ProjectConfig project = found == null ? ProjectConfig.EMPTY : found.config();
                Mode m = mode != null ? mode : project.mode() != null ? project.mode() : Mode.DEFAULT;
                String t = target != null ? target : project.target();
                return new LintSettings(m, t, found == null ? Set.of() : found.disabledFor(file));
            };
        }
    }
}
