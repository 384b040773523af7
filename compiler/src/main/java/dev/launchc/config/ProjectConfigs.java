package dev.launchc.config;

import dev.launchc.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds each input's {@code .launchc.yaml}: the one in its folder or the nearest folder above, or
 * the file an explicit setting names for every input. Each folder is looked at and each file parsed
 * once per instance: {@code lint} keeps one for a run, the language server takes a fresh one per
 * lint so that an edited settings file counts.
 */
public final class ProjectConfigs {
    /** A config file and the folder its globs are relative to. */
    public record Found(ProjectConfig config, Path dir) {
        /** The input's path relative to the config's folder, with '/' separators. */
        public String relative(Path file) {
            Path abs = file.toAbsolutePath().normalize();
            Path rel = abs.startsWith(dir) ? dir.relativize(abs) : abs;
            return rel.toString().replace(java.io.File.separatorChar, '/');
        }

        /** The codes the file disables for {@code file} (null: stdin or no file, the top-level lists only). */
        public java.util.Set<String> disabledFor(Path file) {
            return config.disabledFor(file == null ? "" : relative(file));
        }
    }

    /** A settings file that cannot be read, or is not valid: {@code problems} holds its findings, if any. */
    public static final class InvalidConfig extends RuntimeException {
        private final Path file;
        private final transient List<Diagnostic> problems;

        InvalidConfig(Path file, String message, List<Diagnostic> problems) {
            super(message);
            this.file = file;
            this.problems = List.copyOf(problems);
        }

        public Path file() {
            return file;
        }

        public List<Diagnostic> problems() {
            return problems;
        }
    }

    private final Path explicit;
    private final Map<Path, Optional<Found>> byDir = new ConcurrentHashMap<>();
    private volatile Found explicitFound;

    /** @param explicit the settings file for every input, or null to search each input's folders */
    public ProjectConfigs(Path explicit) {
        this.explicit = explicit;
    }

    /**
     * The config that applies to {@code file} (null: stdin, searched from the working folder), if any.
     *
     * @throws InvalidConfig when the file that applies cannot be read or is not valid
     */
    public Optional<Found> forFile(Path file) {
        if (explicit != null) {
            if (explicitFound == null) {
                explicitFound = load(explicit);
            }
            return Optional.of(explicitFound);
        }
        Path start = file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().normalize().getParent();
        return start == null ? Optional.empty() : inDir(start);
    }

    private Optional<Found> inDir(Path dir) {
        Optional<Found> known = byDir.get(dir);
        if (known != null) {
            return known;
        }
        Path candidate = dir.resolve(ProjectConfig.FILE_NAME);
        Optional<Found> found = Files.isRegularFile(candidate) ? Optional.of(load(candidate))
                : dir.getParent() == null ? Optional.empty() : inDir(dir.getParent());
        byDir.put(dir, found);
        return found;
    }

    private static Found load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidConfig(file, "cannot read " + file + ": " + e.getMessage(), List.of());
        }
        ProjectConfig.Parsed parsed = ProjectConfig.parse(file.toString(), bytes);
        if (parsed.failed()) {
            throw new InvalidConfig(file, "settings file " + file + " is not valid", parsed.problems());
        }
        return new Found(parsed.config(), file.toAbsolutePath().normalize().getParent());
    }
}
