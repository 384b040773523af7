package dev.launchc.bundle;

import static dev.launchc.bundle.BundleFixtures.AIRGAPPED;
import static dev.launchc.bundle.BundleFixtures.bundle;
import static dev.launchc.bundle.BundleFixtures.requireTool;
import static dev.launchc.bundle.BundleFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install.sh of a bundle with snaps, run with the real sh under {@code --root} and a fake
 * {@code snap} on PATH that records each call together with what the root held at that moment.
 * The order is MicroK8s' offline install (canonical/microk8s tests/libs/airgap.sh: snap install
 * snapd, the base, then microk8s from the local file; snap/hooks/install reads the launch
 * configuration, so it is placed first), then the images.
 */
class InstallSnapsTest {
    private static final String SEED = "var/snap/microk8s/common/.microk8s.yaml";
    private static final String SIDELOAD = "var/snap/microk8s/common/sideload";

    @TempDir
    Path tmp;

    private Path dir;
    private Path root;
    private Path log;
    private Path bin;

    @BeforeEach
    void unpack() throws Exception {
        Path snaps = SnapFixtures.fullSet(tmp.resolve("snaps"));
        dir = BundleFixtures.unpack(bundle(tmp.resolve("b.tar.gz"), AIRGAPPED, "--snaps", snaps.toString()),
                tmp.resolve("bundle"));
        root = Files.createDirectories(tmp.resolve("root"));
        log = tmp.resolve("snap.log");
        bin = Files.createDirectories(tmp.resolve("bin"));
        addImageArchive(dir);
        // The fake snap: logs its arguments and whether the seed and the sideloaded images exist yet.
        Path snap = bin.resolve("snap");
        Files.writeString(snap, "#!/bin/sh\n"
                + "state=\"seed=$([ -f \"$FAKE_ROOT/" + SEED + "\" ] && echo yes || echo no)"
                + " images=$([ -d \"$FAKE_ROOT/" + SIDELOAD + "\" ] && echo yes || echo no)\"\n"
                + "echo \"$* $state\" >>\"$FAKE_LOG\"\n"
                + "if [ \"$1\" = list ]; then\n"
                + "  echo 'Name      Version   Rev   Tracking       Publisher   Notes'\n"
                + "  echo \"microk8s  $FAKE_VERSION  8612  1.34/stable    canonical   classic\"\n"
                + "fi\n");
        Files.setPosixFilePermissions(snap, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * An image archive listed in SHA256SUMS, as 'bundle --pull-from' writes it (pulling needs a
     * registry; BundlePullE2ETest covers that part).
     */
    private static void addImageArchive(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("images"));
        byte[] bytes = "an OCI archive\n".getBytes();
        Files.write(dir.resolve("images/images.tar"), bytes);
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Files.writeString(dir.resolve("SHA256SUMS"), hex + "  images/images.tar\n", StandardOpenOption.APPEND);
    }

    private BundleFixtures.Result install(String version, String... args) {
        List<String> cmd = new ArrayList<>(List.of(requireTool("sh", "dash").toString(), dir.resolve("install.sh").toString(),
                "--node", "edge-w1", "--root", root.toString(), "--force"));
        cmd.addAll(List.of(args));
        return run(tmp, cmd, Map.of("PATH", bin + ":" + System.getenv("PATH"), "FAKE_LOG", log.toString(),
                "FAKE_ROOT", root.toString(), "FAKE_VERSION", version));
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void installsInMicroK8sOrder() throws IOException {
        BundleFixtures.Result r = install("v1.34.2");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(List.of(
                "ack snaps/snapd_21759.assert seed=yes images=no",
                "ack snaps/core22_1380.assert seed=yes images=no",
                "ack snaps/microk8s_8612.assert seed=yes images=no",
                "install snaps/snapd_21759.snap seed=yes images=no",
                "install snaps/core22_1380.snap seed=yes images=no",
                "install snaps/microk8s_8612.snap --classic seed=yes images=no",
                "list microk8s seed=yes images=yes"), calls(), r::describe);
        assertTrue(Files.isRegularFile(root.resolve(SIDELOAD).resolve("images.tar")), r::describe);
        assertTrue(r.stdout().contains("MicroK8s v1.34.2 is installed on node edge-w1 (track 1.34, 1.34/stable)"), r::describe);
    }

    @Test
    void saysClearlyWhenTheInstalledVersionIsOnAnotherTrack() throws IOException {
        BundleFixtures.Result r = install("v1.33.5");
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("the installed MicroK8s is 'v1.33.5', not on track 1.34"), r::describe);
    }

    @Test
    void dryRunPrintsEveryStepAndChangesNothing() throws IOException {
        BundleFixtures.Result r = install("v1.34.2", "--dry-run");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(List.of(), calls(), "no snap command runs");
        assertFalse(Files.exists(root.resolve("var")), "nothing is placed");
        List<String> steps = r.stdout().lines().filter(l -> l.startsWith("+ ")).toList();
        List<String> expected = List.of(
                "+ mkdir -p " + root + "/var/snap/microk8s/common",
                "+ cp nodes/edge-w1/seed/microk8s.yaml " + root + "/" + SEED + ".launchc-tmp",
                "+ chmod 0600 " + root + "/" + SEED + ".launchc-tmp",
                "+ mv -f " + root + "/" + SEED + ".launchc-tmp " + root + "/" + SEED,
                "+ snap ack snaps/snapd_21759.assert",
                "+ snap ack snaps/core22_1380.assert",
                "+ snap ack snaps/microk8s_8612.assert",
                "+ snap install snaps/snapd_21759.snap",
                "+ snap install snaps/core22_1380.snap",
                "+ snap install snaps/microk8s_8612.snap --classic",
                "+ mkdir -p " + root + "/" + SIDELOAD,
                "+ cp images/images.tar " + root + "/" + SIDELOAD + "/",
                "+ chmod 0644 " + root + "/" + SIDELOAD + "/images.tar",
                "+ snap list microk8s (its version must be on track 1.34)");
        assertEquals(expected, steps, r::describe);
    }

    private void assertStopsBeforeAnyChange(String changed) throws IOException {
        Files.writeString(dir.resolve(changed), "x", StandardOpenOption.APPEND);
        BundleFixtures.Result r = install("v1.34.2");
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("checksum mismatch: the bundle is damaged or was changed; nothing was installed"),
                r::describe);
        assertTrue(r.stdout().contains(changed + ": FAILED"), r::describe);
        assertEquals(List.of(), calls(), "no snap command ran");
        assertFalse(Files.exists(root.resolve(SEED)), "no seed placed");
    }

    @Test
    void aChangedSnapStopsIt() throws IOException {
        assertStopsBeforeAnyChange("snaps/microk8s_8612.snap");
    }

    @Test
    void aChangedAssertionStopsIt() throws IOException {
        assertStopsBeforeAnyChange("snaps/core22_1380.assert");
    }

    @Test
    void aChangedSeedStopsIt() throws IOException {
        assertStopsBeforeAnyChange("nodes/edge-w1/seed/microk8s.yaml");
    }

    @Test
    void aChangedImageArchiveStopsIt() throws IOException {
        assertStopsBeforeAnyChange("images/images.tar");
    }

    /** A comment appended to install.sh changes its checksum: the script checks itself too. */
    @Test
    void aChangedInstallScriptStopsIt() throws IOException {
        assertStopsBeforeAnyChange("install.sh");
    }

    @Test
    void anUnlistedSnapStopsIt() throws IOException {
        Files.writeString(dir.resolve("snaps/extra_1.snap"), "x");
        BundleFixtures.Result r = install("v1.34.2");
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("snaps/extra_1.snap is not in SHA256SUMS"), r::describe);
        assertEquals(List.of(), calls());
    }

    /** Strict: no --classic, then every interface of the strict snap's connect-all-interfaces.sh (1.34-strict). */
    @Test
    void strictInstallsWithoutClassicAndConnectsInterfaces() throws Exception {
        Path snaps = Files.createDirectories(tmp.resolve("strict-snaps"));
        SnapFixtures.base(snaps, "core22", "1380");
        SnapFixtures.microk8s(snaps, "8620", "v1.34.2", "strict");
        dir = BundleFixtures.unpack(bundle(tmp.resolve("s.tar.gz"), SnapFixtures.strictCluster(tmp.resolve("strict")),
                "--snaps", snaps.toString()), tmp.resolve("strict-bundle"));
        BundleFixtures.Result r = install("v1.34.2");
        assertEquals(0, r.exitCode(), r::describe);
        List<String> calls = calls().stream().map(c -> c.replace(" seed=yes images=no", "")).toList();
        assertEquals(List.of("ack snaps/core22_1380.assert", "ack snaps/microk8s_8620.assert", "install snaps/core22_1380.snap",
                "install snaps/microk8s_8620.snap", "connect microk8s:account-control"), calls.subList(0, 5), r::describe);
        assertEquals(23, calls.stream().filter(c -> c.startsWith("connect microk8s:")).count(), r::describe);
        assertTrue(calls.contains("connect microk8s:dot-config-helm"), r::describe);
        BundleFixtures.assertShellcheckClean(dir);
    }

    @Test
    void passesShellcheck() {
        BundleFixtures.assertShellcheckClean(dir);
    }

    @Test
    void theWholeBundlePassesSha256sumCheck() {
        BundleFixtures.Result r = run(dir, List.of(requireTool("sha256sum", "coreutils").toString(), "-c", "SHA256SUMS"));
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stdout().contains("install.sh: OK"), r::describe);
        assertTrue(r.stdout().contains("README.txt: OK"), r::describe);
        assertTrue(r.stdout().contains("snaps/microk8s_8612.snap: OK"), r::describe);
    }
}
