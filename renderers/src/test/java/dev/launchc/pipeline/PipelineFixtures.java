package dev.launchc.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test fixtures of the pipeline, shared with the cli and fuzz tests (the renderers' test-jar):
 * input files and a small cluster.
 */
public final class PipelineFixtures {
    private PipelineFixtures() {}

    public static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code file}, creating its folder. */
    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory for one fuzz target's files, removed when the JVM ends. */
    public static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root (surefire sets launchc.repo). */
    public static Path repo() {
        return Path.of(System.getProperty("launchc.repo", "..")).toAbsolutePath().normalize();
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
