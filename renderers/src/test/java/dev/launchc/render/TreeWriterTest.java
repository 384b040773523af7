package dev.launchc.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWriterTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearHook() {
        System.clearProperty(TreeWriter.FAIL_AFTER_PROPERTY);
    }

    private static OutputTree tree(String marker) {
        OutputTree t = new OutputTree();
        t.add("nodes/a/args/kubelet", "--x=" + marker + "\n", false, "a");
        t.add("nodes/a/credentials/persistent-cluster-tokens.txt", "secret-" + marker + "\n", true, "a");
        t.add("nodes/b/args/kubelet", "--y=" + marker + "\n", false, "b");
        TreeWriter.addManifest(t);
        return t;
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p) + (Files.isRegularFile(p) ? ":" + read(p) : "")).sorted().toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void writesEveryFileWithModesAndAManifest() throws IOException {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, tree("1"));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out.resolve("nodes/a/credentials/persistent-cluster-tokens.txt"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("nodes/a/args/kubelet"))));
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"path\" : \"nodes/b/args/kubelet\""));
        assertTrue(manifest.contains(TreeWriter.sha256("--y=1\n".getBytes())));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "no staging directory is left behind");
        }
    }

    @Test
    void aFailureAfterTheFirstFileLeavesTheOldTreeUntouched() throws IOException {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, tree("old"));
        List<String> before = listing(out);
        System.setProperty(TreeWriter.FAIL_AFTER_PROPERTY, "1");
        assertThrows(IOException.class, () -> TreeWriter.write(out, tree("new")));
        assertEquals(before, listing(out));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "the staging directory is removed");
        }
    }

    /** Writers run on several threads; after a failure every one of them has stopped before the staging directory goes. */
    @Test
    void aFailureAmongManyFilesStopsEveryWriterAndLeavesNothingBehind() throws IOException {
        OutputTree big = new OutputTree();
        for (int i = 0; i < 3000; i++) {
            big.add("nodes/n" + (i % 300) + "/args/f" + i, "--x=" + i + "\n", i % 7 == 0, "n" + (i % 300));
        }
        Path out = tmp.resolve("big");
        for (int failAfter : new int[] {1, 500, 2999}) {
            System.setProperty(TreeWriter.FAIL_AFTER_PROPERTY, Integer.toString(failAfter));
            IOException e = assertThrows(IOException.class, () -> TreeWriter.write(out, big));
            assertEquals("test hook: failing after " + failAfter + " files", e.getMessage());
            assertFalse(Files.exists(out));
            try (Stream<Path> s = Files.list(tmp)) {
                assertEquals(List.of(), s.toList(), "the staging directory is removed, with nothing written after");
            }
        }
        System.clearProperty(TreeWriter.FAIL_AFTER_PROPERTY);
        TreeWriter.write(out, big);
        for (int i = 0; i < 3000; i += 499) {
            Path f = out.resolve("nodes/n" + (i % 300) + "/args/f" + i);
            assertEquals("--x=" + i + "\n", Files.readString(f));
            assertEquals(i % 7 == 0 ? "rw-------" : "rw-r--r--",
                    java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
    }

    @Test
    void aFailureWhenNothingExistedLeavesNothing() {
        Path out = tmp.resolve("fresh");
        System.setProperty(TreeWriter.FAIL_AFTER_PROPERTY, "2");
        assertThrows(IOException.class, () -> TreeWriter.write(out, tree("x")));
        assertFalse(Files.exists(out));
    }

    @Test
    void aSecondWriteReplacesTheWholeTree() throws IOException {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, tree("1"));
        OutputTree smaller = new OutputTree();
        smaller.add("nodes/c/plan.json", "{}\n", false, "c");
        TreeWriter.addManifest(smaller);
        TreeWriter.write(out, smaller);
        assertFalse(Files.exists(out.resolve("nodes/a")), "files of the old tree do not linger");
        assertTrue(Files.exists(out.resolve("nodes/c/plan.json")));
    }

    @Test
    void refusesToReplaceADirectoryLaunchcDidNotWrite() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(out.resolve("precious.txt"), "keep");
        IOException e = assertThrows(IOException.class, () -> TreeWriter.write(out, tree("1")));
        assertTrue(e.getMessage().contains("manifest.json"));
        assertEquals("keep", Files.readString(out.resolve("precious.txt")));
    }

    @Test
    void refusesASymlinkedOutputDirectory() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertThrows(IOException.class, () -> TreeWriter.write(link, tree("1")));
        try (Stream<Path> s = Files.list(real)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void pathsThatClimbOutAreRejectedBeforeAnythingIsWritten() {
        OutputTree t = new OutputTree();
        for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", "a\\b", "a\0b", "")) {
            assertThrows(OutputTree.UnsafePathException.class, () -> t.add(bad, "x", false, null), bad);
        }
        assertTrue(t.entries().isEmpty());
    }

    // ---- issue 15: ownership, one-step swap, leftovers ------------------------------------------

    /** A web app's directory holds a manifest.json of its own: compile must not delete it (it did, with exit 0). */
    @Test
    void refusesADirectoryWhoseManifestIsNotLaunchcs() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("webapp"));
        Files.writeString(out.resolve("manifest.json"), "{\"name\": \"My PWA\", \"start_url\": \"/\"}\n");
        Files.writeString(out.resolve("index.html"), "<h1>keep</h1>");
        IOException e = assertThrows(IOException.class, () -> TreeWriter.write(out, tree("1")));
        assertTrue(e.getMessage().contains("launchc did not write"), e.getMessage());
        assertEquals("<h1>keep</h1>", Files.readString(out.resolve("index.html")));
    }

    /** launchc's own tree, once a user added a file to it, is not launchc's alone any more. */
    @Test
    void refusesATreeHoldingAFileItsManifestDoesNotList() throws IOException {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, tree("1"));
        Files.writeString(out.resolve("nodes/a/notes.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> TreeWriter.write(out, tree("2")));
        assertTrue(e.getMessage().contains("does not list nodes/a/notes.txt"), e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("nodes/a/notes.txt")));
    }

    @Test
    void refusesATreeWhoseFileIsNotTheSizeItsManifestSays() throws IOException {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, tree("1"));
        Files.writeString(out.resolve("nodes/b/args/kubelet"), "--y=edited by hand, longer\n");
        assertThrows(IOException.class, () -> TreeWriter.write(out, tree("2")));
        assertEquals("--y=edited by hand, longer\n", Files.readString(out.resolve("nodes/b/args/kubelet")));
    }

    /** On Linux (this test's machine) the previous tree and the new one trade places in one renameat2 call. */
    @Test
    void replacingATreeIsOneExchange() throws IOException {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, tree("1"));
        assertEquals(OutputSwap.Step.RENAME, OutputSwap.lastStep());
        TreeWriter.write(out, tree("2"));
        assertEquals(OutputSwap.Step.EXCHANGE, OutputSwap.lastStep(), "renameat2(RENAME_EXCHANGE) was not used");
        assertEquals("--x=2\n", Files.readString(out.resolve("nodes/a/args/kubelet")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "the previous tree is left behind");
        }
    }

    @Test
    void withoutRenameExchangeTheFallbackStillReplacesTheTree() throws IOException {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, tree("1"));
        System.setProperty(OutputSwap.NO_EXCHANGE_PROPERTY, "true");
        try {
            TreeWriter.write(out, tree("2"));
        } finally {
            System.clearProperty(OutputSwap.NO_EXCHANGE_PROPERTY);
        }
        assertEquals(OutputSwap.Step.TWO_RENAMES, OutputSwap.lastStep());
        assertEquals("--x=2\n", Files.readString(out.resolve("nodes/a/args/kubelet")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList());
        }
    }

    /** A process id that no running process has: one that has just ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    /**
     * What a killed compile leaves beside OUTDIR (a staging directory with part of its files, or a
     * previous tree) goes with the next compile of that OUTDIR; a directory with a file launchc did
     * not write, or one of a live process, stays.
     */
    @Test
    void theNextWriteRemovesStaleStagingDirectoriesItOwns() throws Exception {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, tree("1"));
        long dead = deadPid();
        Path partial = Files.createDirectories(tmp.resolve(".out.tmp-" + dead + "-123/nodes/a/args"));
        Files.copy(out.resolve("manifest.json"), tmp.resolve(".out.tmp-" + dead + "-123/manifest.json"));
        Files.writeString(partial.resolve("kubelet"), "--x=1\n");
        Path onlyDirs = Files.createDirectories(tmp.resolve(".out.tmp-" + dead + "-456/nodes/b"));
        Path previous = tmp.resolve(".out.old-" + dead + "-789");
        copyTree(out, previous);
        Path foreign = Files.createDirectories(tmp.resolve(".out.tmp-" + dead + "-999"));
        Files.writeString(foreign.resolve("diary.txt"), "mine");
        Path live = Files.createDirectories(tmp.resolve(".out.tmp-" + ProcessHandle.current().parent().orElseThrow().pid() + "-1"));
        Path otherOutdir = Files.createDirectories(tmp.resolve(".other.tmp-" + dead + "-1"));

        TreeWriter.write(out, tree("2"));

        assertFalse(Files.exists(partial.getParent().getParent().getParent()), "a partial staging directory stays");
        assertFalse(Files.exists(onlyDirs.getParent().getParent()), "a staging directory of empty directories stays");
        assertFalse(Files.exists(previous), "a previous tree stays");
        assertEquals("mine", Files.readString(foreign.resolve("diary.txt")));
        assertTrue(Files.isDirectory(live), "a live process's staging directory was removed");
        assertTrue(Files.isDirectory(otherOutdir), "another OUTDIR's staging directory was removed");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
