package dev.launchc.hostile;

import dev.launchc.cli.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The CLI in-process, and what the hostile-input tests need around it: trees, modes, a fuzz budget. */
public final class Cli {
    private Cli() {}

    /** One run: exit code, stdout, stderr. */
    public record Run(int code, String out, String err, List<String> args) {
        public String all() {
            return out + err;
        }

        public String describe() {
            return "launchc " + String.join(" ", args) + " -> exit " + code + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }

        /** No Java stack trace and no internal error reached the user. */
        public boolean clean() {
            String all = all();
            return !all.contains("\tat ") && !all.contains("internal error");
        }
    }

    public static Run run(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.exitCode(), r.out(), r.err(), List.of(args));
    }

    /**
     * How long each Jazzer target of this module fuzzes under JAZZER_FUZZ=1 (.ci/fuzz), the fuzz
     * module's budget too. No effect in regression mode, where a target runs once over its corpus.
     */
    public static final String BUDGET = "30s";

    /**
     * Every entry under {@code root} (not following links): its relative path, its type, its mode
     * and, for files, its bytes as text; a symbolic link by its target. Two equal snapshots mean
     * an untouched tree.
     */
    public static TreeMap<String, String> snapshot(Path root) {
        TreeMap<String, String> out = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "link -> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel + "/", mode(p));
                } else {
                    out.put(rel, mode(p) + " " + new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Regular files under {@code root}, relative paths. */
    public static List<String> files(Path root) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> out.add(root.relativize(p).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }
}
