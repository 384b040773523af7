package dev.launchc.bundle;

import static dev.launchc.bundle.BundleFixtures.AIRGAPPED;
import static dev.launchc.bundle.BundleFixtures.bundle;
import static dev.launchc.bundle.BundleFixtures.launchc;
import static dev.launchc.bundle.BundleFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code launchc bundle --verify}: intact bundles pass; changed, incomplete and crafted ones fail with exit 1. */
class BundleVerifyTest {
    @TempDir
    Path tmp;

    private BundleFixtures.Run verify(Path bundle) {
        return launchc("bundle", "--verify", bundle.toString());
    }

    private void assertRefused(Path bundle, String expected) {
        BundleFixtures.Run r = verify(bundle);
        assertEquals(1, r.exitCode(), r::err);
        assertTrue(r.err().contains(expected), r::err);
        assertTrue(r.err().contains("is not intact"), r::err);
    }

    private Path withSnaps() {
        return bundle(tmp.resolve("b.tar.gz"), AIRGAPPED, "--snaps", SnapFixtures.fullSet(tmp.resolve("snaps")).toString());
    }

    /** Entry name -> bytes (null for a folder), edited, then written as a new tar.gz; SHA256SUMS rewritten on request. */
    private Path rewrite(Path bundle, Consumer<Map<String, byte[]>> edit, boolean resum) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        read(bundle).forEach((k, v) -> entries.put(k, v.dir() ? null : v.bytes()));
        edit.accept(entries);
        if (resum) {
            StringBuilder sums = new StringBuilder();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                if (e.getValue() != null && !e.getKey().equals("SHA256SUMS")) {
                    sums.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(e.getValue())))
                            .append("  ").append(e.getKey()).append('\n');
                }
            }
            entries.put("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path out = tmp.resolve("edited-" + System.nanoTime() + ".tar.gz");
        try (OutputStream os = Files.newOutputStream(out); GZIPOutputStream gz = new GZIPOutputStream(os);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                // Names kept as given, a leading '/' included, as a crafted archive would carry them.
                TarArchiveEntry te = new TarArchiveEntry(e.getKey(), true);
                if (e.getValue() != null) {
                    te.setSize(e.getValue().length);
                }
                tar.putArchiveEntry(te);
                if (e.getValue() != null) {
                    tar.write(e.getValue());
                }
                tar.closeArchiveEntry();
            }
        }
        return out;
    }

    @Test
    void anIntactBundlePasses() {
        BundleFixtures.Run r = verify(withSnaps());
        assertEquals(0, r.exitCode(), r::err);
        assertTrue(r.out().contains("intact: "), r::out);
        assertTrue(r.out().contains("3 snaps match their assertions"), r::out);
        BundleFixtures.Run plain = verify(bundle(tmp.resolve("plain.tar.gz"), AIRGAPPED));
        assertEquals(0, plain.exitCode(), plain::err);
        assertTrue(plain.out().contains("no snaps"), plain::out);
    }

    @Test
    void aChangedSeedFailsItsChecksum() throws Exception {
        Path edited = rewrite(withSnaps(), m -> m.put("nodes/edge-w1/seed/microk8s.yaml", "# changed\n".getBytes()), false);
        assertRefused(edited, "nodes/edge-w1/seed/microk8s.yaml: checksum does not match SHA256SUMS: the file was changed or damaged [LC3054]");
    }

    @Test
    void aSnapThatNoLongerMatchesItsAssertionFailsEvenWithFreshSums() throws Exception {
        Path edited = rewrite(withSnaps(), m -> {
            byte[] snap = m.get("snaps/core22_1380.snap").clone();
            snap[0] ^= 1;
            m.put("snaps/core22_1380.snap", snap);
        }, true);
        assertRefused(edited, "snaps/: core22_1380.snap: snap-sha3-384 in core22_1380.assert is");
    }

    @Test
    void anAddedFileAndAMissingReadmeAreReported() throws Exception {
        Path edited = rewrite(withSnaps(), m -> {
            m.remove("README.txt");
            m.put("extra.sh", "echo hi\n".getBytes());
        }, false);
        BundleFixtures.Run r = verify(edited);
        assertEquals(1, r.exitCode(), r::err);
        assertTrue(r.err().contains("extra.sh: not listed in SHA256SUMS"), r::err);
        assertTrue(r.err().contains("README.txt: listed in SHA256SUMS but missing from the bundle"), r::err);
        assertTrue(r.err().contains("README.txt is missing: the bundle is incomplete"), r::err);
    }

    @Test
    void aNameClimbingOutIsRefused() throws Exception {
        assertRefused(rewrite(withSnaps(), m -> m.put("../evil.sh", "x".getBytes()), false),
                "../evil.sh: a name that climbs out of the bundle folder");
        assertRefused(rewrite(withSnaps(), m -> m.put("/etc/evil", "x".getBytes()), false),
                "/etc/evil: an absolute name");
        // Refused too (launchc never writes such a name), but it neither is absolute nor climbs out.
        assertRefused(rewrite(withSnaps(), m -> m.put("./extra.sh", "x".getBytes()), false),
                "./extra.sh: not a plain relative name");
    }

    @Test
    void linksAndDevicesAreRefused() throws Exception {
        Path out = tmp.resolve("links.tar.gz");
        try (OutputStream os = Files.newOutputStream(out); GZIPOutputStream gz = new GZIPOutputStream(os);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            TarArchiveEntry link = new TarArchiveEntry("install.sh", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            TarArchiveEntry dev = new TarArchiveEntry("null", TarArchiveEntry.LF_CHR);
            tar.putArchiveEntry(dev);
            tar.closeArchiveEntry();
        }
        BundleFixtures.Run r = verify(out);
        assertEquals(1, r.exitCode(), r::err);
        assertTrue(r.err().contains("install.sh: not a plain file (a link, device or FIFO)"), r::err);
        assertTrue(r.err().contains("null: not a plain file"), r::err);
    }

    /** 64 MiB of zeros gzip to about 64 KiB: far beyond what any real bundle uncompresses to. */
    @Test
    void aSizeBombStopsEarly() throws Exception {
        Path out = tmp.resolve("bomb.tar.gz");
        try (OutputStream os = Files.newOutputStream(out); GZIPOutputStream gz = new GZIPOutputStream(os);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            TarArchiveEntry big = new TarArchiveEntry("images/zeros.tar");
            long size = 64L << 20;
            big.setSize(size);
            tar.putArchiveEntry(big);
            byte[] zeros = new byte[1 << 20];
            for (long i = 0; i < size; i += zeros.length) {
                tar.write(zeros);
            }
            tar.closeArchiveEntry();
        }
        assertRefused(out, "a size bomb");
    }

    @Test
    void notAGzipIsRefused() throws IOException {
        Path out = Files.writeString(tmp.resolve("text.tar.gz"), "not a bundle");
        assertRefused(out, "cannot be read as a .tar.gz");
    }

    @Test
    void bytesAfterTheGzipStreamAreRefused() throws IOException {
        // gzip -d says "trailing garbage ignored" and exits 2, so the tar -xzf of the README fails
        Path out = bundle(tmp.resolve("trailing.tar.gz"), AIRGAPPED);
        Files.write(out, "garbage\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        assertRefused(out, "cannot be read as a .tar.gz");
    }

    @Test
    void aBundleOfConcatenatedGzipMembersPasses() throws IOException {
        // gzip -d reads every member of a stream as one; so does tar -xzf
        Path plain = bundle(tmp.resolve("one.tar.gz"), AIRGAPPED);
        byte[] whole;
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(plain))) {
            whole = in.readAllBytes();
        }
        Path two = tmp.resolve("two.tar.gz");
        try (OutputStream os = Files.newOutputStream(two)) {
            int half = whole.length / 2;
            for (int[] range : new int[][] {{0, half}, {half, whole.length}}) {
                GZIPOutputStream gz = new GZIPOutputStream(os);
                gz.write(whole, range[0], range[1] - range[0]);
                gz.finish();
            }
        }
        BundleFixtures.Run r = verify(two);
        assertEquals(0, r.exitCode(), r::err);
    }

    @Test
    void verifyTakesNoOtherInput() {
        BundleFixtures.Run r = launchc("bundle", "--verify", "x.tar.gz", "-o", "y.tar.gz");
        assertEquals(2, r.exitCode(), r::err);
    }
}
