package dev.launchc.bundle;

import static dev.launchc.bundle.BundleFixtures.AIRGAPPED;
import static dev.launchc.bundle.BundleFixtures.bundle;
import static dev.launchc.bundle.BundleFixtures.requireTool;
import static dev.launchc.bundle.BundleFixtures.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install.sh as the person at the site runs it: with the real {@code sh} (dash on Debian), against a
 * fake root directory, and checked by the real {@code shellcheck}.
 */
class InstallScriptTest {
    private static final String SEED = "var/snap/microk8s/common/.microk8s.yaml";

    @TempDir
    Path tmp;

    private Path dir;
    private Path root;

    @BeforeEach
    void unpack() throws IOException {
        dir = BundleFixtures.unpack(bundle(tmp.resolve("b.tar.gz"), AIRGAPPED), tmp.resolve("bundle"));
        root = Files.createDirectories(tmp.resolve("root"));
    }

    private BundleFixtures.Result install(String... args) {
        List<String> cmd = new ArrayList<>(List.of(requireTool("sh", "dash").toString(), dir.resolve("install.sh").toString()));
        cmd.addAll(List.of(args));
        // Run from elsewhere: the script finds its bundle beside itself.
        return run(tmp, cmd);
    }

    @Test
    void passesShellcheck() {
        BundleFixtures.assertShellcheckClean(dir);
    }

    @Test
    void placesTheNodeSeedWithMode0600() throws IOException {
        BundleFixtures.Result r = install("--node", "edge-w1", "--root", root.toString(), "--force");
        assertEquals(0, r.exitCode(), r::describe);
        Path seed = root.resolve(SEED);
        assertTrue(Files.isRegularFile(seed), r::describe);
        assertArrayEquals(Files.readAllBytes(dir.resolve("nodes/edge-w1/seed/microk8s.yaml")), Files.readAllBytes(seed));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(seed)));
        assertTrue(r.stdout().contains("nodes/edge-w1/seed/microk8s.yaml: OK"), r::describe);
        assertFalse(Files.exists(root.resolve("var/snap/microk8s/common/sideload")), "no images in this bundle");
        // Again, with --root=DIR spelling: replaces the file.
        BundleFixtures.Result again = install("--node=edge-cp", "--root=" + root, "--force");
        assertEquals(0, again.exitCode(), again::describe);
        assertArrayEquals(Files.readAllBytes(dir.resolve("nodes/edge-cp/seed/microk8s.yaml")), Files.readAllBytes(seed));
    }

    /** Without snaps/, the seed is placed as before and the snap download commands of the track (1.34) are printed. */
    @Test
    void withoutSnapsPrintsTheDownloadCommandsOfTheTrack() {
        BundleFixtures.Result r = install("--node", "edge-w1", "--root", root.toString(), "--force");
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stdout().contains("install.sh:   snap download core22\n"), r::describe);
        assertTrue(r.stdout().contains("install.sh:   snap download microk8s --channel=1.34/stable\n"), r::describe);
        BundleFixtures.Result dry = install("--node", "edge-w2", "--root", tmp.resolve("dry").toString(), "--force",
                "--dry-run");
        assertEquals(0, dry.exitCode(), dry::describe);
        assertTrue(dry.stdout().contains("+ cp nodes/edge-w2/seed/microk8s.yaml "), dry::describe);
        assertFalse(Files.exists(tmp.resolve("dry")), "a dry run places nothing");
    }

    @Test
    void refusesANodeNotInTheBundle() {
        BundleFixtures.Result r = install("--node", "edge-w9", "--root", root.toString(), "--force");
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("no node 'edge-w9' in this bundle; it has: edge-cp, edge-w1, edge-w2"), r::describe);
        assertFalse(Files.exists(root.resolve(SEED)));
    }

    @Test
    void refusesAHostWithoutTheNodeAddress() {
        BundleFixtures.Result r = install("--node", "edge-w1", "--root", root.toString());
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("this host does not have the address 192.168.50.11 of node edge-w1"), r::describe);
        assertFalse(Files.exists(root.resolve(SEED)));
    }

    @Test
    void refusesACorruptedSeed() throws IOException {
        Files.writeString(dir.resolve("nodes/edge-w1/seed/microk8s.yaml"), "# changed\n", StandardOpenOption.APPEND);
        BundleFixtures.Result r = install("--node", "edge-w1", "--root", root.toString(), "--force");
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("checksum mismatch"), r::describe);
        assertFalse(Files.exists(root.resolve(SEED)));
    }

    @Test
    void refusesASeedRemovedFromSha256sums() throws IOException {
        Path sums = dir.resolve("SHA256SUMS");
        String kept = Files.readAllLines(sums).stream().filter(l -> !l.endsWith("  nodes/edge-w1/seed/microk8s.yaml"))
                .reduce("", (a, b) -> a + b + "\n");
        Files.writeString(sums, kept, StandardCharsets.UTF_8);
        BundleFixtures.Result r = install("--node", "edge-w1", "--root", root.toString(), "--force");
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("is not in SHA256SUMS"), r::describe);
        assertFalse(Files.exists(root.resolve(SEED)));
    }

    @Test
    void refusesAnUnlistedImageArchive() throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Files.writeString(dir.resolve("images/extra.tar"), "not from launchc");
        BundleFixtures.Result r = install("--node", "edge-w1", "--root", root.toString(), "--force");
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("images/extra.tar is not in SHA256SUMS"), r::describe);
        assertFalse(Files.exists(root.resolve(SEED)));
    }

    @Test
    void usageErrorsExit2() {
        BundleFixtures.Result none = install();
        assertEquals(2, none.exitCode(), none::describe);
        assertTrue(none.stderr().contains("--node NAME is required"), none::describe);
        BundleFixtures.Result unknown = install("--node", "edge-w1", "--bogus");
        assertEquals(2, unknown.exitCode(), unknown::describe);
        BundleFixtures.Result help = install("--help");
        assertEquals(0, help.exitCode(), help::describe);
        assertTrue(help.stdout().contains("edge-w2 (192.168.50.12)"), help::describe);
    }
}
