package dev.launchc.bundle;

import static dev.launchc.bundle.BundleFixtures.requireTool;
import static dev.launchc.bundle.BundleFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Snaps as 'snap download' writes them, made for tests: a real squashfs image (mksquashfs) holding
 * meta/snap.yaml, and a .assert with an account-key, a snap-declaration and a snap-revision
 * assertion whose digest fields are right (snapd's assertion format: headers, a blank line, the
 * signature). The signatures are placeholders: launchc checks digests and sizes, snapd checks
 * signatures at 'snap ack'.
 */
final class SnapFixtures {
    private SnapFixtures() {}

    /** A snap named NAME_REVISION.snap in dir, with the given meta/snap.yaml, and its .assert. */
    static Path snap(Path dir, String name, String revision, String snapYaml) {
        Path file = dir.resolve(name + "_" + revision + ".snap");
        squashfs(file, snapYaml);
        writeAssert(file, name, revision, sha3(file), size(file));
        return file;
    }

    static Path microk8s(Path dir, String revision, String version, String confinement) {
        return snap(dir, "microk8s", revision, "name: microk8s\nversion: " + version + "\nsummary: Kubernetes\n"
                + "confinement: " + confinement + "\nbase: core22\ngrade: stable\n");
    }

    static Path base(Path dir, String name, String revision) {
        return snap(dir, name, revision, "name: " + name + "\nversion: '16-2.61'\ntype: base\n");
    }

    /** A folder with snapd, core22 and a classic microk8s v1.34.2, as the air-gapped example (1.34) needs. */
    static Path fullSet(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        snap(dir, "snapd", "21759", "name: snapd\nversion: '2.63'\ntype: snapd\n");
        base(dir, "core22", "1380");
        microk8s(dir, "8612", "v1.34.2", "classic");
        return dir;
    }

    /** A squashfs image holding only meta/snap.yaml. */
    static void squashfs(Path file, String snapYaml) {
        try {
            Path src = Files.createTempDirectory("snap-src-");
            Files.createDirectories(src.resolve("meta"));
            Files.writeString(src.resolve("meta/snap.yaml"), snapYaml);
            BundleFixtures.Result r = run(src, List.of(requireTool("mksquashfs", "squashfs-tools").toString(), src.toString(),
                    file.toString(), "-noappend", "-no-progress", "-quiet", "-all-root", "-no-xattrs"));
            assertEquals(0, r.exitCode(), r::describe);
            Files.delete(src.resolve("meta/snap.yaml"));
            Files.delete(src.resolve("meta"));
            Files.delete(src);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .assert beside a snap, with the given snap-revision fields. */
    static Path writeAssert(Path snap, String name, String revision, String sha3, long size) {
        String snapId = "id" + name.hashCode();
        String text = "type: account-key\nauthority-id: canonical\npublic-key-sha3-384: AAAA\naccount-id: canonical\n"
                + "name: test\nsince: 2016-04-01T00:00:00.0Z\nbody-length: 8\nsign-key-sha3-384: AAAA\n\nQUJDREVG\n\n"
                + "c2lnbmF0dXJl\n\n"
                + "type: snap-declaration\nauthority-id: canonical\nseries: 16\nsnap-id: " + snapId + "\npublisher-id: canonical\n"
                + "snap-name: " + name + "\ntimestamp: 2024-01-01T00:00:00Z\nsign-key-sha3-384: AAAA\n\nc2lnbmF0dXJl\n\n"
                + "type: snap-revision\nauthority-id: canonical\nsnap-sha3-384: " + sha3 + "\ndeveloper-id: canonical\n"
                + "snap-id: " + snapId + "\nsnap-revision: " + revision + "\nsnap-size: " + size + "\n"
                + "timestamp: 2024-01-01T00:00:00Z\nsign-key-sha3-384: AAAA\n\nc2lnbmF0dXJl\n";
        Path out = snap.resolveSibling(name + "_" + revision + ".assert");
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** SHA3-384 of a file, base64url without padding, as snap-revision's snap-sha3-384 holds it. */
    static String sha3(Path file) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA3-384").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The air-gapped example with spec.confinement: strict, written beside its join token. */
    static Path strictCluster(Path dir) {
        try {
            Files.createDirectories(dir);
            Path example = BundleFixtures.AIRGAPPED;
            String text = Files.readString(example);
            String strict = text.replace("  microk8s: \"1.34\"\n", "  microk8s: \"1.34\"\n  confinement: strict\n");
            assertEquals(false, strict.equals(text), "the example names track 1.34");
            // The strict snap cannot read /etc/ssl/plant7-ca.pem (LC3055): its CA goes where containerd's
            // network-bind plug lets it read (AppArmor abstractions/ssl_certs).
            String movedCa = strict.replace("/etc/ssl/plant7-ca.pem", "/usr/local/share/ca-certificates/plant7-ca.crt");
            assertEquals(false, movedCa.equals(strict), "the example names its registry CA");
            strict = movedCa;
            Files.copy(example.resolveSibling("join-token.txt"), dir.resolve("join-token.txt"));
            return Files.writeString(dir.resolve("cluster.yaml"), strict);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
