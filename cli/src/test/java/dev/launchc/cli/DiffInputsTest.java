package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.golden.Golden;
import dev.launchc.load.LoadLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What diff accepts as ACTUAL, and the hostile reports it refuses (exit 2, one line, no stack trace). */
class DiffInputsTest {
    @TempDir
    Path tmp;

    private static final Path NATIVE = Golden.REPO.resolve("examples/native/every-field.yaml");

    private Map<String, String> preview() {
        return new TreeMap<>(DiffFixtures.compiled(NATIVE, null).files());
    }

    private static void assertRefused(CliRun run, String why) {
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(why), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnchangedReportHasNoDifference() throws IOException {
        Path report = DiffFixtures.report(tmp.resolve("inspection-report-1.tar.gz"), preview());
        CliRun run = CliRun.of("diff", NATIVE.toString(), report.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("no differences\n", run.out());
    }

    @Test
    void theReportExtractedTheReportFolderAndTheArgsDirectoryAllWork() throws IOException {
        Map<String, String> files = preview();
        files.put("kubelet", files.get("kubelet") + "--v=4\n");
        Path args = tmp.resolve("x/inspection-report/args");
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.createDirectories(args.resolve(e.getKey()).getParent());
            Files.writeString(args.resolve(e.getKey()), e.getValue());
        }
        for (Path actual : List.of(tmp.resolve("x"), tmp.resolve("x/inspection-report"), args)) {
            CliRun run = CliRun.of("diff", NATIVE.toString(), actual.toString());
            assertEquals(1, run.exitCode(), actual + ": " + run.err());
            assertTrue(run.out().contains("unexpected      --v: \"4\""), run.out());
        }
    }

    /** A tarball with one crafted entry beside a normal report. */
    private Path hostile(String name, byte type, String linkTarget) throws IOException {
        Path tarball = tmp.resolve("inspection-report-hostile.tar.gz");
        try (OutputStream out = Files.newOutputStream(tarball);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (Map.Entry<String, String> e : preview().entrySet()) {
                DiffFixtures.file(tar, "inspection-report/args/" + e.getKey(), e.getValue());
            }
            TarArchiveEntry e = new TarArchiveEntry(name, type, true);
            if (linkTarget != null) {
                e.setLinkName(linkTarget);
            }
            if (type == TarConstants.LF_NORMAL) {
                byte[] bytes = "x\n".getBytes(StandardCharsets.UTF_8);
                e.setSize(bytes.length);
                tar.putArchiveEntry(e);
                tar.write(bytes);
            } else {
                tar.putArchiveEntry(e);
            }
            tar.closeArchiveEntry();
        }
        return tarball;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/cron.d/x", "inspection-report/args/../../x", "../inspection-report/args/kubelet", "./../x"})
    void aTarballWithAnAbsoluteOrClimbingPathIsRefused(String name) throws IOException {
        assertRefused(CliRun.of("diff", NATIVE.toString(), hostile(name, TarConstants.LF_NORMAL, null).toString()), "unsafe path");
    }

    @Test
    void linksAndDevicesInArgsAreRefused() throws IOException {
        assertRefused(CliRun.of("diff", NATIVE.toString(),
                hostile("inspection-report/args/evil", TarConstants.LF_SYMLINK, "/etc/shadow").toString()), "not a regular file");
        assertRefused(CliRun.of("diff", NATIVE.toString(),
                hostile("inspection-report/args/hard", TarConstants.LF_LINK, "inspection-report/args/kubelet").toString()), "not a regular file");
        assertRefused(CliRun.of("diff", NATIVE.toString(),
                hostile("inspection-report/args/dev", TarConstants.LF_CHR, null).toString()), "not a regular file");
        assertRefused(CliRun.of("diff", NATIVE.toString(),
                hostile("inspection-report/args/fifo", TarConstants.LF_FIFO, null).toString()), "not a regular file");
    }

    @Test
    void anArgsFileOverTheFileSizeLimitIsRefused() throws IOException {
        Map<String, String> files = preview();
        files.put("kubelet", "--a=" + "x".repeat(200_000) + "\n");
        Path report = DiffFixtures.report(tmp.resolve("big.tar.gz"), files);
        assertRefused(CliRun.of("diff", "--max-file-size", "100000", NATIVE.toString(), report.toString()), "over the limit of 100000");
    }

    @Test
    void aCompressionBombEndsAtTheInflateBound() throws IOException {
        Path tarball = tmp.resolve("bomb.tar.gz");
        try (OutputStream out = Files.newOutputStream(tarball);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry e = new TarArchiveEntry("inspection-report/journal.log");
            e.setSize(32L << 20);
            tar.putArchiveEntry(e);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 32; i++) {
                tar.write(zeros);
            }
            tar.closeArchiveEntry();
        }
        assertTrue(Files.size(tarball) < 1 << 20, "the bomb is small: " + Files.size(tarball));
        UsageException e = assertThrows(UsageException.class, () -> NodeArgsReader.fromTarball(tarball, LoadLimits.DEFAULTS, 8L << 20));
        assertTrue(e.getMessage().contains("compression bomb"), e.getMessage());
    }

    @Test
    void aTarballWithoutArgsIsNotAReport() throws IOException {
        Path tarball = tmp.resolve("other.tar.gz");
        try (OutputStream out = Files.newOutputStream(tarball);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            DiffFixtures.file(tar, "something/else.txt", "x");
        }
        assertRefused(CliRun.of("diff", NATIVE.toString(), tarball.toString()), "no inspection-report/args/");
    }

    @Test
    void garbageNamedLikeATarballIsRefused() throws IOException {
        Path tarball = Files.write(tmp.resolve("inspection-report-x.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        assertRefused(CliRun.of("diff", NATIVE.toString(), tarball.toString()), "cannot read");
    }

    @Test
    void aSymlinkInAnArgsDirectoryIsRefused() throws IOException {
        Path args = Files.createDirectories(tmp.resolve("args"));
        Files.writeString(args.resolve("kubelet"), "--a=1\n");
        Files.createSymbolicLink(args.resolve("kube-apiserver"), Path.of("/etc/hostname"));
        assertRefused(CliRun.of("diff", NATIVE.toString(), args.toString()), "not a regular file");
    }

    @Test
    void usageErrors() throws IOException {
        Path report = DiffFixtures.report(tmp.resolve("r.tar.gz"), preview());
        Path cluster = Golden.REPO.resolve("examples/gpu/cluster.yaml");
        assertRefused(CliRun.of("diff", cluster.toString(), report.toString()), "name one with --node");
        assertRefused(CliRun.of("diff", "--node", "nope", cluster.toString(), report.toString()), "no node 'nope'");
        assertRefused(CliRun.of("diff", NATIVE.toString(), tmp.resolve("missing").toString()), "no such file");
        Path existing = Files.writeString(tmp.resolve("keep.yaml"), "mine\n");
        assertRefused(CliRun.of("diff", "--remediate", existing.toString(), NATIVE.toString(), report.toString()), "refusing to overwrite");
        assertEquals("mine\n", Files.readString(existing));
    }
}
