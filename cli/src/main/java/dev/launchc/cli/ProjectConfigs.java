package dev.launchc.cli;

import dev.launchc.cli.format.TextFormat;
import dev.launchc.config.ProjectConfig;
import dev.launchc.lint.FileLint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds each input's {@code .launchc.yaml}: the one in its folder or the nearest folder above, or
 * the file {@code --config} names for every input. Each folder is looked at and each file parsed
 * once per run.
 */
final class ProjectConfigs {
    /** A config file and the folder its globs are relative to. */
    record Found(ProjectConfig config, Path dir) {
        /** The input's path relative to the config's folder, with '/' separators. */
        String relative(Path file) {
            Path abs = file.toAbsolutePath().normalize();
            Path rel = abs.startsWith(dir) ? dir.relativize(abs) : abs;
            return rel.toString().replace(java.io.File.separatorChar, '/');
        }
    }

    private final Path explicit;
    private final Map<Path, Optional<Found>> byDir = new ConcurrentHashMap<>();
    private volatile Found explicitFound;

    ProjectConfigs(Path explicit) {
        this.explicit = explicit;
    }

    /** The config that applies to {@code file} (null: stdin, searched from the working folder), if any. */
    Optional<Found> forFile(Path file) {
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
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        ProjectConfig.Parsed parsed = ProjectConfig.parse(file.toString(), bytes);
        if (parsed.failed()) {
            String findings = new TextFormat(false).findings(List.of(new FileLint(file.toString(), "config",
                    parsed.problems(), null, null)));
            throw new UsageException("settings file " + file + " is not valid:\n" + findings.stripTrailing());
        }
        return new Found(parsed.config(), file.toAbsolutePath().normalize().getParent());
    }
}
