package dev.launchc.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TreeWriter.deleteTree when another thread deletes the same tree: after a swap, a SIGTERM ran the
 * shutdown hook's deletion of the previous tree beside the main thread's; each walk failed on what
 * the other had just removed, the hook gave up after its retries, and a half-deleted previous tree
 * (seeds with the join token among it) stayed beside OUTDIR.
 */
class DeleteTreeTest {
    @TempDir
    Path tmp;

    private Path tree(int folders, int filesEach) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("old"));
        for (int d = 0; d < folders; d++) {
            Path dir = Files.createDirectories(root.resolve("nodes/n-" + d + "/args"));
            for (int f = 0; f < filesEach; f++) {
                Files.writeString(dir.resolve("f-" + f), "x");
            }
            Files.createSymbolicLink(root.resolve("nodes/n-" + d + "/link"), Path.of("args"));
        }
        return root;
    }

    @RepeatedTest(5)
    void twoThreadsDeletingOneTreeBothFinishAndNothingStays() throws Exception {
        Path root = tree(300, 10);
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    TreeWriter.deleteTree(root);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
        assertFalse(Files.exists(root));
    }

    @Test
    void aMissingTreeIsNothingToDoAndALinkIsRemovedNotFollowed() throws IOException {
        TreeWriter.deleteTree(tmp.resolve("never-there"));
        Path kept = Files.createDirectories(tmp.resolve("kept"));
        Files.writeString(kept.resolve("mine.txt"), "mine");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), kept);
        TreeWriter.deleteTree(link);
        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(kept.resolve("mine.txt")));
    }
}
