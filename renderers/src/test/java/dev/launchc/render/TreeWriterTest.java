package dev.launchc.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    /** An existing OUTDIR keeps its mode: before, an empty folder the user had made 0700 came back 0755. */
    @Test
    void anExistingOutdirKeepsItsModeAndANewOneIs0755() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("rwx------"));
        TreeWriter.write(mine, tree("1"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(mine)));
        TreeWriter.write(mine, tree("2"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(mine)), "also over a tree of launchc's");
        Path fresh = tmp.resolve("fresh");
        TreeWriter.write(fresh, tree("1"));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        // A mode its owner could not replace the next time is not kept.
        Path readOnly = Files.createDirectories(tmp.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        TreeWriter.write(readOnly, tree("1"));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(readOnly)));
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
        for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", "a\\b", "a\0b", "", "a/", ".", "..", "a/..",
                "a/.", "./a")) {
            assertThrows(OutputTree.UnsafePathException.class, () -> t.add(bad, "x", false, null), bad);
        }
        assertTrue(t.entries().isEmpty());
        // Dots are fine where they are not a whole segment.
        for (String good : List.of(".hidden", "..x", "x..", "a/.b", "a/b..c/...", "a/b")) {
            t.add(good, "x", false, null);
        }
        assertEquals(6, t.entries().size());
    }

    @Test
    void aFileWhereADirectoryMustBeIsRefusedBeforeAnythingIsWritten() {
        for (TreeWriter.Layout layout : TreeWriter.Layout.values()) {
            OutputTree t = new OutputTree();
            t.add("nodes/a/args", "a file\n", false, "a");
            t.add("nodes/a/args/kubelet", "--x\n", false, "a");
            TreeWriter.addManifest(t);
            Path out = tmp.resolve("out-" + layout);
            IOException refused = assertThrows(IOException.class, () -> TreeWriter.write(out, t, layout));
            assertEquals("cannot create directory nodes/a/args: a file or link has that name", refused.getMessage(), layout.name());
            assertFalse(Files.exists(out), layout.name());
        }
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
    static long deadPid() throws Exception {
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

    /**
     * A compile killed while writing its manifest: the manifest goes in whole by a rename, so the
     * staging directory holds only directories and the part being written, and the next compile
     * removes it (OutputSafetyTest's SIGKILL once left one for good: half a manifest proved
     * nothing). Half a manifest under its final name still proves nothing, and stays.
     */
    @Test
    void aStagingDirectoryKilledWhileItsManifestWasWrittenGoesWithTheNextWrite() throws Exception {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, tree("1"));
        assertFalse(Files.exists(out.resolve(TreeWriter.MANIFEST_PART)), "the part is renamed, never left in a tree");
        long dead = deadPid();
        String half = Files.readString(out.resolve("manifest.json")).substring(0, 40);
        Path killed = Files.createDirectories(tmp.resolve(".out.tmp-" + dead + "-123/nodes/a/args")).getParent().getParent().getParent();
        Files.writeString(killed.resolve(TreeWriter.MANIFEST_PART), half);
        Path halfUnderItsName = Files.createDirectories(tmp.resolve(".out.tmp-" + dead + "-456"));
        Files.writeString(halfUnderItsName.resolve("manifest.json"), half);
        Path partAndMore = Files.createDirectories(tmp.resolve(".out.tmp-" + dead + "-789"));
        Files.writeString(partAndMore.resolve(TreeWriter.MANIFEST_PART), half);
        Files.writeString(partAndMore.resolve("diary.txt"), "mine");

        TreeWriter.write(out, tree("2"));

        assertFalse(Files.exists(killed), "the staging directory of a compile killed before its manifest's rename stays");
        assertTrue(Files.isDirectory(halfUnderItsName), "a directory whose manifest is not launchc's was removed");
        assertEquals("mine", Files.readString(partAndMore.resolve("diary.txt")));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    // ---- issue 20: equal files stored once ----------------------------------------------------

    private static Object inode(Path p) throws IOException {
        return Files.getAttribute(p, "unix:ino");
    }

    /** Two nodes with the same kubelet args and token, a third with its own args. */
    private static OutputTree sharedTree() {
        OutputTree t = new OutputTree();
        for (String node : List.of("a", "b", "c")) {
            t.add("nodes/" + node + "/args/kubelet", node.equals("c") ? "--c\n" : "--same\n", false, node);
            t.add("nodes/" + node + "/credentials/persistent-cluster-tokens.txt", "--same\n", true, node);
        }
        TreeWriter.addManifest(t);
        return t;
    }

    @Test
    void equalFilesAreStoredOnceAsHardLinksWithTheirMode() throws IOException {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, sharedTree());
        Path a = out.resolve("nodes/a/args/kubelet");
        Path b = out.resolve("nodes/b/args/kubelet");
        assertEquals(inode(a), inode(b));
        assertEquals(2, Files.getAttribute(a, "unix:nlink"));
        assertEquals("--c\n", Files.readString(out.resolve("nodes/c/args/kubelet")));
        assertNotEquals(inode(a), inode(out.resolve("nodes/c/args/kubelet")));
        // The tokens have the same bytes as the plain files, but a secret never shares a plain file's inode (its mode).
        Path token = out.resolve("nodes/b/credentials/persistent-cluster-tokens.txt");
        assertNotEquals(inode(a), inode(token));
        assertEquals(inode(out.resolve("nodes/a/credentials/persistent-cluster-tokens.txt")), inode(token));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(b)));
    }

    @Test
    void theCopiesLayoutWritesEveryFileOnItsOwnWithTheSameBytes() throws IOException {
        Path linked = tmp.resolve("linked");
        Path copies = tmp.resolve("copies");
        TreeWriter.write(linked, sharedTree());
        TreeWriter.write(copies, sharedTree(), TreeWriter.Layout.COPIES);
        assertEquals(listing(linked), listing(copies));
        assertNotEquals(inode(copies.resolve("nodes/a/args/kubelet")), inode(copies.resolve("nodes/b/args/kubelet")));
        assertEquals(1, Files.getAttribute(copies.resolve("nodes/a/args/kubelet"), "unix:nlink"));
    }

    @Test
    void aFailureAmongTheLinksLeavesNothingBehind() throws IOException {
        // Seven files, three of them distinct: the fifth file created is a link.
        System.setProperty(TreeWriter.FAIL_AFTER_PROPERTY, "5");
        Path out = tmp.resolve("out");
        assertThrows(IOException.class, () -> TreeWriter.write(out, sharedTree()));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void theTreeKeepsOneArrayPerDistinctContentAcrossTreesThatShareContents() {
        OutputTree t = new OutputTree();
        OutputTree node = t.sharingContents();
        t.add("x", "same", false, null);
        node.add("y", "same", false, null);
        node.add("z", "other", false, null);
        t.addAll(node);
        assertSame(t.entries().get("x").bytes(), t.entries().get("y").bytes());
        assertNotSame(t.entries().get("x").bytes(), t.entries().get("z").bytes());
        assertThrows(IllegalArgumentException.class, () -> t.addAll(node), "a clash is still refused");
    }

    @Test
    void theStreamedManifestMatchesJacksonsPrettyPrintedTree() throws IOException {
        assertManifestIsJacksonsPrettyPrintedTree(sharedTree());
        assertManifestIsJacksonsPrettyPrintedTree(new OutputTree());
        // Written in slices on all cores and joined: many entries, odd characters, entries without a node.
        OutputTree many = new OutputTree();
        for (int i = 0; i < 1_001; i++) {
            String node = i % 7 == 0 ? null : "n\u00e9-\"\\" + (i % 13);
            many.add("nodes/x" + i + "/caf\u00e9 \"q\" \u2028 \u0001/\t" + i, "c" + (i % 5), i % 3 == 0, node);
        }
        TreeWriter.addManifest(many);
        assertManifestIsJacksonsPrettyPrintedTree(many);
    }

    private static void assertManifestIsJacksonsPrettyPrintedTree(OutputTree t) throws IOException {
        if (!t.entries().containsKey(TreeWriter.MANIFEST)) {
            TreeWriter.addManifest(t);
        }
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode files = root.putArray("files");
        t.entries().forEach((path, e) -> {
            if (!path.equals(TreeWriter.MANIFEST)) {
                com.fasterxml.jackson.databind.node.ObjectNode f = files.addObject();
                f.put("path", path).put("sha256", TreeWriter.sha256(e.bytes())).put("size", e.bytes().length);
                if (e.node() != null) {
                    f.put("node", e.node());
                }
                f.put("mode", e.secret() ? "0600" : "0644");
            }
        });
        String expected = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        assertEquals(expected, new String(t.entries().get(TreeWriter.MANIFEST).bytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
