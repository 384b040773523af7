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
}
