package dev.launchc.bundle;

import static dev.launchc.bundle.BundleFixtures.AIRGAPPED;
import static dev.launchc.bundle.BundleFixtures.bundle;
import static dev.launchc.bundle.BundleFixtures.launchc;
import static dev.launchc.bundle.BundleFixtures.read;
import static dev.launchc.bundle.BundleFixtures.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code launchc bundle --snaps DIR}: snaps made with mksquashfs and assertions with the right (or
 * deliberately wrong) digest fields. The file naming, the assertion headers and the channels follow
 * canonical/microk8s tests/libs/airgap.sh (snap download, snap ack, snap install of local files)
 * and snapd's snap-revision assertion (snap-sha3-384, snap-size, snap-revision).
 */
class SnapBundleTest {
    @TempDir
    Path tmp;

    private BundleFixtures.Run refused(Path snaps, Path cluster) {
        Path out = tmp.resolve("refused.tar.gz");
        BundleFixtures.Run r = launchc("bundle", "-o", out.toString(), "--snaps", snaps.toString(), cluster.toString());
        assertEquals(1, r.exitCode(), () -> "stdout:\n" + r.out() + "\nstderr:\n" + r.err());
        assertTrue(r.err().contains("no bundle written"), r::err);
        assertFalse(Files.exists(out), "no bundle is written");
        return r;
    }

    @Test
    void carriesTheSnapsListedInSha256sums() throws Exception {
        Path snaps = SnapFixtures.fullSet(tmp.resolve("snaps"));
        Map<String, BundleFixtures.Item> items = read(bundle(tmp.resolve("b.tar.gz"), AIRGAPPED, "--snaps", snaps.toString()));
        List<String> names = items.keySet().stream().filter(n -> n.startsWith("snaps/") && !n.endsWith("/")).toList();
        assertEquals(List.of("snaps/core22_1380.assert", "snaps/core22_1380.snap", "snaps/microk8s_8612.assert",
                "snaps/microk8s_8612.snap", "snaps/snapd_21759.assert", "snaps/snapd_21759.snap"), names);
        String sums = text(items.get("SHA256SUMS"));
        for (String n : names) {
            byte[] original = Files.readAllBytes(snaps.resolve(n.substring("snaps/".length())));
            assertArrayEquals(original, items.get(n).bytes(), n);
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
            assertTrue(sums.contains(hex + "  " + n + "\n"), n);
        }
        for (String n : List.of("install.sh", "README.txt")) {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(items.get(n).bytes()));
            assertTrue(sums.contains(hex + "  " + n + "\n"), n + " is covered by SHA256SUMS");
        }
        String readme = text(items.get("README.txt"));
        assertTrue(readme.contains("snaps from channel 1.34/stable, base snap core22"), readme);
        assertTrue(readme.contains("snap download microk8s --channel=1.34/stable"), readme);
        assertTrue(readme.contains("snap install snaps/microk8s_8612.snap --classic"), readme);
        assertTrue(readme.contains("sh install.sh --node edge-w2"), readme);
        String install = text(items.get("install.sh"));
        assertTrue(install.contains("run snap install 'snaps/microk8s_8612.snap' --classic"), install);
    }

    /** Two bundles from the same inputs are the same bytes, with snaps as without. */
    @Test
    void reproducibleWithAndWithoutSnaps() throws IOException {
        Path snaps = SnapFixtures.fullSet(tmp.resolve("snaps"));
        Path a = bundle(tmp.resolve("a.tar.gz"), AIRGAPPED, "--snaps", snaps.toString());
        Path b = bundle(tmp.resolve("b.tar.gz"), AIRGAPPED, "--snaps", snaps.toString());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        Path c = bundle(tmp.resolve("c.tar.gz"), AIRGAPPED);
        Path d = bundle(tmp.resolve("d.tar.gz"), AIRGAPPED);
        assertArrayEquals(Files.readAllBytes(c), Files.readAllBytes(d));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
    }

    @Test
    void refusesASnapChangedAfterItsAssertion() throws IOException {
        Path snaps = SnapFixtures.fullSet(tmp.resolve("snaps"));
        Path snap = snaps.resolve("core22_1380.snap");
        byte[] bytes = Files.readAllBytes(snap);
        bytes[bytes.length - 1] ^= 1;
        Files.write(snap, bytes);
        BundleFixtures.Run r = refused(snaps, AIRGAPPED);
        assertTrue(r.err().contains("core22_1380.snap: snap-sha3-384 in core22_1380.assert is "), r::err);
        assertTrue(r.err().contains("[LC3051]"), r::err);
    }

    @Test
    void refusesAWrongSize() {
        Path snaps = SnapFixtures.fullSet(tmp.resolve("snaps"));
        Path snap = snaps.resolve("microk8s_8612.snap");
        SnapFixtures.writeAssert(snap, "microk8s", "8612", SnapFixtures.sha3(snap), SnapFixtures.size(snap) + 1);
        BundleFixtures.Run r = refused(snaps, AIRGAPPED);
        assertTrue(r.err().contains("microk8s_8612.snap: snap-size in microk8s_8612.assert is " + (SnapFixtures.size(snap) + 1)
                + ", the file has " + SnapFixtures.size(snap) + " bytes [LC3051]"), r::err);
    }

    @Test
    void refusesARevisionOtherThanTheFileName() throws IOException {
        Path snaps = SnapFixtures.fullSet(tmp.resolve("snaps"));
        Path snap = snaps.resolve("microk8s_8612.snap");
        Path other = SnapFixtures.writeAssert(snap, "microk8s", "8613", SnapFixtures.sha3(snap), SnapFixtures.size(snap));
        Files.move(other, snaps.resolve("microk8s_8612.assert"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BundleFixtures.Run r = refused(snaps, AIRGAPPED);
        assertTrue(r.err().contains("snap-revision in microk8s_8612.assert is 8613, the file name says 8612 [LC3051]"), r::err);
    }

    @Test
    void refusesAMissingAssertionAndAnUnrelatedFile() throws IOException {
        Path snaps = SnapFixtures.fullSet(tmp.resolve("snaps"));
        Files.delete(snaps.resolve("snapd_21759.assert"));
        Files.writeString(snaps.resolve("notes.txt"), "hello");
        BundleFixtures.Run r = refused(snaps, AIRGAPPED);
        assertTrue(r.err().contains("snapd_21759.snap has no snapd_21759.assert beside it"), r::err);
        assertTrue(r.err().contains("notes.txt is not a snap or an assertion from 'snap download'"), r::err);
        assertTrue(r.err().contains("[LC3052]"), r::err);
    }

    @Test
    void refusesALinkInsteadOfAFile() throws IOException {
        Path snaps = SnapFixtures.fullSet(tmp.resolve("snaps"));
        Path real = tmp.resolve("elsewhere.assert");
        Files.move(snaps.resolve("core22_1380.assert"), real);
        Files.createSymbolicLink(snaps.resolve("core22_1380.assert"), real);
        BundleFixtures.Run r = refused(snaps, AIRGAPPED);
        assertTrue(r.err().contains("core22_1380.assert is not a snap or an assertion"), r::err);
    }

    /** The track's base (core22 from 1.34, versions.yaml snap_base) is named with the command that fetches it. */
    @Test
    void namesTheMissingBaseAndMicrok8sWithTheirDownloadCommands() throws IOException {
        Path snaps = Files.createDirectories(tmp.resolve("snaps"));
        SnapFixtures.base(snaps, "core20", "2264");
        BundleFixtures.Run r = refused(snaps, AIRGAPPED);
        assertTrue(r.err().contains("no core22 snap in the snaps folder: MicroK8s 1.34 runs on core22; get it with:"
                + " snap download core22 [LC3052]"), r::err);
        assertTrue(r.err().contains("no microk8s snap in the snaps folder; get it with: snap download microk8s"
                + " --channel=1.34/stable [LC3052]"), r::err);
        assertTrue(r.err().contains("core20_2264.snap: core20 is not a snap this bundle installs"), r::err);
    }

    @Test
    void strictClusterNamesTheStrictChannel() throws IOException {
        Path snaps = Files.createDirectories(tmp.resolve("snaps"));
        SnapFixtures.base(snaps, "core22", "1380");
        BundleFixtures.Run r = refused(snaps, SnapFixtures.strictCluster(tmp.resolve("strict")));
        assertTrue(r.err().contains("snap download microk8s --channel=1.34-strict/stable"), r::err);
    }

    @Test
    void refusesTwoMicrok8sSnaps() {
        Path snaps = SnapFixtures.fullSet(tmp.resolve("snaps"));
        SnapFixtures.microk8s(snaps, "8700", "v1.34.3", "classic");
        BundleFixtures.Run r = refused(snaps, AIRGAPPED);
        assertTrue(r.err().contains("more than one microk8s snap (microk8s_8612.snap, microk8s_8700.snap); keep one"), r::err);
    }

    /** meta/snap.yaml read with unsquashfs: a 1.33 snap for a 1.34 cluster is refused. */
    @Test
    void refusesAMicrok8sOfAnotherTrack() throws IOException {
        BundleFixtures.requireTool("unsquashfs", "squashfs-tools");
        Path snaps = SnapFixtures.fullSet(tmp.resolve("snaps"));
        Files.delete(snaps.resolve("microk8s_8612.snap"));
        SnapFixtures.microk8s(snaps, "8612", "v1.33.5", "classic");
        BundleFixtures.Run r = refused(snaps, AIRGAPPED);
        assertTrue(r.err().contains("microk8s_8612.snap is MicroK8s v1.33.5 (meta/snap.yaml), not on track 1.34; get the"
                + " right one with: snap download microk8s --channel=1.34/stable [LC3053]"), r::err);
    }

    @Test
    void refusesAClassicSnapForAStrictCluster() {
        BundleFixtures.requireTool("unsquashfs", "squashfs-tools");
        Path snaps = SnapFixtures.fullSet(tmp.resolve("snaps"));
        BundleFixtures.Run r = refused(snaps, SnapFixtures.strictCluster(tmp.resolve("strict")));
        assertTrue(r.err().contains("microk8s_8612.snap is the classic MicroK8s snap (meta/snap.yaml), but the cluster's"
                + " spec.confinement is strict; get the right one with: snap download microk8s --channel=1.34-strict/stable"),
                r::err);
    }

    @Test
    void strictBundleInstallsWithoutClassicAndConnectsTheInterfaces() throws IOException {
        Path snaps = Files.createDirectories(tmp.resolve("snaps"));
        SnapFixtures.base(snaps, "core22", "1380");
        SnapFixtures.microk8s(snaps, "8620", "v1.34.2", "strict");
        Map<String, BundleFixtures.Item> items = read(bundle(tmp.resolve("b.tar.gz"),
                SnapFixtures.strictCluster(tmp.resolve("strict")), "--snaps", snaps.toString()));
        String install = text(items.get("install.sh"));
        assertTrue(install.contains("run snap install 'snaps/microk8s_8620.snap'\n"), install);
        assertFalse(install.contains("--classic"), install);
        // The interfaces of connect-all-interfaces.sh on canonical/microk8s 1.34-strict.
        assertTrue(install.contains("for plug in 'account-control' 'docker-privileged' 'kubernetes-support'"), install);
        String readme = text(items.get("README.txt"));
        assertTrue(readme.contains("MicroK8s 1.34, strict confinement: snaps from channel 1.34-strict/stable"), readme);
        assertTrue(readme.contains("snap download microk8s --channel=1.34-strict/stable"), readme);
    }
}
