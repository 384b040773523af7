package dev.launchc.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code launchc compile} in-process (the same path as {@code Main.run}) and reads its output tree. */
final class Launchc {
    private Launchc() {}

    /** Where {@code launchc compile} puts the preview of a native config's single node. */
    static Path nodeDir(Path outDir) {
        return outDir.resolve("nodes/local");
    }

    static Path certsD(Path outDir) {
        return nodeDir(outDir).resolve("args/certs.d");
    }

    /**
     * {@code launchc compile [--target TRACK] -o OUTDIR CONFIG}; fails the test (with launchc's own
     * diagnostics) unless it exits 0 and writes the containerd template preview.
     */
    static Path compile(Path config, Path outDir, String target) {
        List<String> args = new ArrayList<>(List.of("compile"));
        if (target != null) {
            args.add("--target");
            args.add(target);
        }
        args.addAll(List.of("-o", outDir.toString(), config.toString()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), () -> "launchc " + String.join(" ", args) + " failed\nstdout:\n" + r.out() + "\nstderr:\n" + r.err());
        Path template = nodeDir(outDir).resolve("args/containerd-template.toml");
        assertTrue(Files.isRegularFile(template), () -> "launchc compile wrote no " + template);
        return template;
    }

    /**
     * Renders {@code containerd-template.toml} into {@code containerd.toml} the way MicroK8s'
     * {@code run-containerd-with-args} does: one sed pass that substitutes, in this order,
     * {@code ${SNAP}}, {@code ${SNAP_DATA}}, {@code ${SNAPSHOTTER}}, {@code ${RUNTIME}} (= runc) and
     * {@code ${RUNTIME_TYPE}} (io.containerd.runc.v2 when cgroup2 is mounted, else v1). The patterns
     * are literal and end in '}', so {@code ${SNAP}} never eats the start of {@code ${SNAP_DATA}}.
     */
    static String render(String template, Path snap, Path snapData, String snapshotter) {
        assertTrue(snapshotter.equals("overlayfs") || snapshotter.equals("native"), snapshotter);
        String rendered = template
                .replace("${SNAP}", snap.toString())
                .replace("${SNAP_DATA}", snapData.toString())
                .replace("${SNAPSHOTTER}", snapshotter)
                .replace("${RUNTIME}", "runc")
                .replace("${RUNTIME_TYPE}", runtimeType());
        assertFalse(rendered.contains("${"), () -> "placeholders left after rendering like the wrapper:\n" + rendered);
        return rendered;
    }

    /** The wrapper's choice: {@code io.containerd.runc.v2} on a cgroup2 host, {@code v1} otherwise. */
    static String runtimeType() {
        return Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "io.containerd.runc.v2" : "io.containerd.runc.v1";
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            return Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
