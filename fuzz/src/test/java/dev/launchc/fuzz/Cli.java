package dev.launchc.fuzz;

import dev.launchc.cli.LaunchcCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import picocli.CommandLine;

/** The CLI in-process, and what the tests need around it: files, trees, modes. */
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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = LaunchcCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString(), List.of(args));
    }

    public static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root (surefire sets launchc.repo). */
    public static Path repo() {
        return Path.of(System.getProperty("launchc.repo", "..")).toAbsolutePath().normalize();
    }

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

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small cluster (one control plane, two workers, a mirror) whose join token is read from {@code token.txt}. */
    public static String cluster(String name) {
        return "apiVersion: launchc.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: " + name + "\nspec:\n"
                + "  microk8s: \"1.34\"\n"
                + "  network:\n    ipv4: {podCIDR: 10.1.0.0/16, serviceCIDR: 10.152.183.0/24}\n"
                + "  registries:\n    mirrors:\n      docker.io: [\"https://mirror.corp.example:5000\"]\n"
                + "  addons:\n    - name: dns\n"
                + "  join:\n    token:\n      fromFile: token.txt\n"
                + "  nodes:\n"
                + "    - {name: cp-1, role: control-plane, address: 10.0.0.11}\n"
                + "    - {name: w-1, role: worker, address: 10.0.0.21}\n"
                + "    - {name: w-2, role: worker, address: 10.0.0.22, labels: {zone: a}}\n";
    }
}
