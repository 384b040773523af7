package dev.launchc.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20: the shared layout stores a directory that repeats whole once and links its places to it. */
class SharedLayoutTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearHook() {
        System.clearProperty(TreeWriter.FAIL_AFTER_PROPERTY);
    }

    /**
     * Four nodes: a, b and d with the same args/ (two files and a subdirectory), c with its own
     * kubelet args; every node with its own seed; a and b with the same secret token.
     */
    private static OutputTree cluster() {
        OutputTree t = new OutputTree();
        for (String node : List.of("a", "b", "c", "d")) {
            t.add("nodes/" + node + "/args/kubelet", node.equals("c") ? "--c\n" : "--same\n", false, node);
            t.add("nodes/" + node + "/args/kube-proxy", "--proxy\n", false, node);
            t.add("nodes/" + node + "/args/certs.d/docker.io/hosts.toml", "server = \"https://docker.io\"\n", false, node);
            t.add("nodes/" + node + "/seed/microk8s.yaml", "version: 0.2.0\n# " + node + "\n", false, node);
            if (!node.equals("d")) {
                t.add("nodes/" + node + "/credentials/persistent-cluster-tokens.txt", node.equals("c") ? "c-token\n" : "token\n", true, node);
            }
        }
        TreeWriter.addManifest(t);
        return t;
    }

    /** Every path as it reads (links followed), with its bytes and mode; the store itself left out. */
    private static Map<String, String> asRead(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(p).toString();
                if (!path.startsWith(SharedDirectories.STORE + "/")) {
                    files.put(path, Files.readString(p) + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                }
            }
        }
        return files;
    }

    @Test
    void everyPathReadsTheSameBytesAndModeAsTheCopiesLayout() throws IOException {
        Path shared = tmp.resolve("shared-out");
        Path copies = tmp.resolve("copies-out");
        TreeWriter.write(shared, cluster(), TreeWriter.Layout.SHARED);
        TreeWriter.write(copies, cluster(), TreeWriter.Layout.COPIES);
        Map<String, String> expected = asRead(copies);
        assertEquals(cluster().entries().size(), expected.size(), "the copies layout has a file at every path");
        assertEquals(expected, asRead(shared));
        assertEquals(Files.readString(copies.resolve(TreeWriter.MANIFEST)), Files.readString(shared.resolve(TreeWriter.MANIFEST)),
                "the manifest lists the paths as they read, whatever the layout");
    }

    @Test
    void aRepeatingDirectoryIsOneRelativeLinkToOneStoredCopy() throws IOException {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED);
        Path argsA = out.resolve("nodes/a/args");
        assertTrue(Files.isSymbolicLink(argsA));
        assertEquals(Path.of("../../shared/args-1"), Files.readSymbolicLink(argsA));
        assertEquals(Files.readSymbolicLink(argsA), Files.readSymbolicLink(out.resolve("nodes/d/args")));
        // c's args differ in kubelet, but its certs.d/ is the same as everyone's: only that is linked.
        assertFalse(Files.isSymbolicLink(out.resolve("nodes/c/args")));
        assertTrue(Files.isSymbolicLink(out.resolve("nodes/c/args/certs.d")));
        assertEquals("--c\n", Files.readString(out.resolve("nodes/c/args/kubelet")));
        // The links of one target are names of one link inode: no inode per node.
        assertEquals(Files.getAttribute(argsA, "unix:ino", LinkOption.NOFOLLOW_LINKS),
                Files.getAttribute(out.resolve("nodes/b/args"), "unix:ino", LinkOption.NOFOLLOW_LINKS));
        // Seeds differ on every node: a real directory each.
        assertFalse(Files.isSymbolicLink(out.resolve("nodes/a/seed")));
        // The secret token of a and b is shared with its mode; c's own token is not.
        Path token = out.resolve("nodes/b/credentials/persistent-cluster-tokens.txt");
        assertTrue(Files.isSymbolicLink(out.resolve("nodes/b/credentials")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        assertFalse(Files.isSymbolicLink(out.resolve("nodes/c/credentials")));
        try (Stream<Path> store = Files.list(out.resolve("shared"))) {
            assertEquals(List.of("args-1", "certs.d-1", "credentials-1"),
                    store.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theStoreTakesANameTheTreeDoesNotUse() throws IOException {
        OutputTree t = new OutputTree();
        t.add("shared/readme", "mine\n", false, null);
        t.add("nodes/a/args/x", "1\n", false, "a");
        t.add("nodes/b/args/x", "1\n", false, "b");
        SharedDirectories.Plan plan = SharedDirectories.plan(t.entries());
        // The outermost repeating directories are the nodes' own (named for the first of them).
        assertEquals(Map.of("nodes/a", "../shared-1/a-1", "nodes/b", "../shared-1/a-1"), plan.links());
        assertNotNull(plan.files().get("shared/readme"));
        assertNotNull(plan.files().get("shared-1/a-1/args/x"));
    }

    @Test
    void aDirectoryIsSharedOnlyWithEqualNamesBytesAndModes() throws IOException {
        OutputTree t = new OutputTree();
        t.add("nodes/a/x/f", "1\n", false, "a");
        t.add("nodes/b/x/f", "1\n", true, "b"); // the same bytes, but a secret
        t.add("nodes/c/x/g", "1\n", false, "c"); // the same bytes under another name
        t.add("nodes/d/x/f", "2\n", false, "d"); // the same name, other bytes
        SharedDirectories.Plan plan = SharedDirectories.plan(t.entries());
        assertEquals(Map.of(), plan.links());
        assertEquals(t.entries().keySet(), plan.files().keySet());
    }

    @Test
    void aReplacedSharedTreeAndALinkedTreeReplaceEachOther() throws IOException {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED);
        TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED);
        TreeWriter.write(out, cluster(), TreeWriter.Layout.LINKED);
        assertFalse(Files.exists(out.resolve("shared")));
        TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED);
        assertTrue(Files.isSymbolicLink(out.resolve("nodes/a/args")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "no staging or old tree is left behind");
        }
    }

    @Test
    void aLinkLaunchcDoesNotWriteMakesTheTreeNotLaunchcs() throws IOException {
        Path out = tmp.resolve("out");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep"), "not launchc's\n");
        TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED);
        Path link = out.resolve("nodes/a/args");
        // A relative and an absolute link out of the tree, one to a file, one into a linked directory, one to its own directory.
        for (Path target : List.of(Path.of("../../../outside"), outside, Path.of("../../manifest.json"), Path.of("../b/args"),
                Path.of("."))) {
            Files.delete(link);
            Files.createSymbolicLink(link, target);
            IOException refused = assertThrows(IOException.class, () -> TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED),
                    "a link to " + target);
            assertTrue(refused.getMessage().contains("nodes/a/args is a symbolic link launchc does not write"), refused.getMessage());
            assertTrue(Files.exists(outside.resolve("keep")));
        }
        Files.delete(link);
        Files.createSymbolicLink(link, Path.of("../../shared/args-1"));
        Files.createSymbolicLink(out.resolve("shared/args-1/extra"), Path.of("../certs.d-1"));
        IOException refused = assertThrows(IOException.class, () -> TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED));
        assertTrue(refused.getMessage().contains("inside a linked directory"), refused.getMessage());
        Files.delete(out.resolve("shared/args-1/extra"));
        Files.writeString(out.resolve("shared/args-1/extra"), "added by hand\n");
        refused = assertThrows(IOException.class, () -> TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED));
        assertTrue(refused.getMessage().contains("it does not list nodes/a/args/extra"), refused.getMessage());
        Files.delete(out.resolve("shared/args-1/extra"));
        TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED);
    }

    @Test
    void anUnusedStoredCopyIsAFileTheManifestDoesNotList() throws IOException {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED);
        Files.createDirectories(out.resolve("shared/extra-1"));
        Files.writeString(out.resolve("shared/extra-1/f"), "x\n");
        IOException refused = assertThrows(IOException.class, () -> TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED));
        assertTrue(refused.getMessage().contains("it does not list shared/extra-1/f"), refused.getMessage());
    }

    @Test
    void aFailureAmongTheSymbolicLinksLeavesNothingBehind() throws IOException {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED);
        Map<String, String> before = asRead(out);
        int physicalFiles = SharedDirectories.plan(cluster().entries()).files().size() - 1; // the manifest is not counted
        System.setProperty(TreeWriter.FAIL_AFTER_PROPERTY, Integer.toString(physicalFiles + 2));
        IOException failed = assertThrows(IOException.class, () -> TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED));
        assertTrue(failed.getMessage().contains("test hook"), failed.getMessage());
        assertEquals(before, asRead(out));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "the staging directory is removed");
        }
    }

    @Test
    void withoutRepeatsTheSharedLayoutIsTheLinkedOne() throws IOException {
        OutputTree t = new OutputTree();
        t.add("nodes/local/args/kubelet", "--x\n", false, "local");
        t.add("nodes/local/seed/microk8s.yaml", "version: 0.2.0\n", false, "local");
        TreeWriter.addManifest(t);
        Path out = tmp.resolve("out");
        TreeWriter.write(out, t, TreeWriter.Layout.SHARED);
        assertFalse(Files.exists(out.resolve("shared")));
        assertFalse(Files.isSymbolicLink(out.resolve("nodes/local/args")));
        assertEquals("--x\n", Files.readString(out.resolve("nodes/local/args/kubelet")));
    }

    @Test
    void aKilledRunsSharedTreeBesideOutdirIsRemovedAsLaunchcs() throws Exception {
        Path out = tmp.resolve("out");
        TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED);
        long dead = TreeWriterTest.deadPid();
        // What a run killed after its swap leaves: the whole previous tree, links and all.
        Path previous = tmp.resolve(".out.old-" + dead + "-789");
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.toList()) {
                Path to = previous.resolve(out.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        assertTrue(Files.isSymbolicLink(previous.resolve("nodes/a/args")));
        // And one whose link leads out of it: not launchc's, so it stays.
        Path foreign = tmp.resolve(".out.old-" + dead + "-999");
        Files.createDirectories(foreign.resolve("nodes/a"));
        Files.copy(out.resolve(TreeWriter.MANIFEST), foreign.resolve(TreeWriter.MANIFEST));
        Files.createSymbolicLink(foreign.resolve("nodes/a/args"), Path.of("../../../outside"));

        TreeWriter.write(out, cluster(), TreeWriter.Layout.SHARED);

        assertFalse(Files.exists(previous, LinkOption.NOFOLLOW_LINKS), "a previous shared tree stays");
        assertTrue(Files.isSymbolicLink(foreign.resolve("nodes/a/args")), "a tree with a foreign link was removed");
    }
}
