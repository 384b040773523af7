package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review of lint --cache's stamp keys (FileStamp, DigestPrefetch, LintCommand.cached): a stamp may
 * name a result only when it describes the very bytes that result was made from.
 */
class LintCacheStampRaceTest {
    @TempDir
    Path tmp;


    /**
     * {@code lint DIR DIR/workflow.yaml}: the walk skips the workflow (not a launch config), the
     * name on the command line lints it. The look-ahead keys each stamp by path only, so the named
     * input took the walked input's stamp key: it replayed "skipped" (or the walked one replayed the
     * named one's errors), and each run's alias could store the wrong one for the next.
     */
    @Test
    void aFileBothWalkedAndNamedKeepsBothVerdictsByStamp() throws Exception {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(fleet.resolve("good.yaml"), LintCacheTest.CLEAN);
        Files.writeString(fleet.resolve("workflow.yaml"), "on: push\njobs: {}\n");
        // Entries that are no YAML keep the walk busy after it offered workflow.yaml: the look-ahead reaches it.
        Path filler = Files.createDirectories(fleet.resolve("zz-filler"));
        for (int i = 0; i < 3000; i++) {
            Files.createFile(filler.resolve("f" + i + ".txt"));
        }
        String workflow = fleet.resolve("workflow.yaml").toString();
        CliRun uncached = CliRun.of("lint", fleet.toString(), workflow);
        assertEquals(1, uncached.exitCode(), uncached.out());
        String cache = tmp.resolve("cache").toString();
        SettledClock.aMinuteLater(() -> {
            for (int run = 0; run < 4; run++) {
                CliRun cached = CliRun.of("lint", "--cache", cache, "-v", fleet.toString(), workflow);
                assertEquals(uncached.out(), cached.out(), "run " + run + ": " + cached.err());
                assertEquals(uncached.exitCode(), cached.exitCode(), "run " + run);
            }
            CliRun walkedOnly = CliRun.of("lint", "--cache", cache, fleet.toString());
            assertEquals(CliRun.of("lint", fleet.toString()).out(), walkedOnly.out(), walkedOnly.err());
        });
    }

    private static void pointAt(Path link, Path target) throws IOException {
        Path next = link.resolveSibling(link.getFileName() + ".next");
        Files.createSymbolicLink(next, target.isAbsolute() && !target.getParent().equals(link.getParent()) ? target : target.getFileName());
        Files.move(next, link, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A link flipped to another settled file between the look-ahead's stamp and its read (a deploy's
     * "current" link): no change time moves, so "settled" does not see it. The look-ahead kept the
     * first file's stamp with the second file's digest, and LintCommand.cached then aliased that
     * stamp to the second file's result: once the link points back, the next run replays the
     * second file's findings for the first file without reading it.
     */
    @Test
    void theLookAheadNeverPairsAStampWithTheBytesOfAnotherFile() throws Exception {
        Path one = Files.writeString(tmp.resolve("one.yaml"), LintCacheTest.CLEAN);
        Path two = Files.writeString(tmp.resolve("two.yaml"), LintCacheTest.FINDINGS);
        Path link = tmp.resolve("current.yaml");
        Files.createSymbolicLink(link, one.getFileName());
        LintCache cache = LintCache.prepare(tmp.resolve("cache"), "a test context");
        LintOptions options = LintOptions.defaults();
        DigestPrefetch prefetch = new DigestPrefetch(1 << 20);
        prefetch.offer(new Inputs.Input(link.toString(), link, true));
        prefetch.run(cache, path -> {
            // The look-ahead asks for the input's choice between its stamp and its read.
            try {
                pointAt(link, two);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            prefetch.stop(); // after this file
            return options.choice(path);
        });
        // Whatever the look-ahead keeps for the link (a fresh read later is fine too), a stamp and a
        // digest kept together describe the same file: here the one the link leads to after the flip.
        DigestPrefetch.Stamped stamped = prefetch.stamped(link);
        byte[] digest = prefetch.digest(link);
        if (digest != null) {
            assertEquals(HexFormat.of().formatHex(LintCache.contentDigest(Files.readAllBytes(two))), HexFormat.of().formatHex(digest));
            assertNotNull(stamped, "a digest without the stamp read before it: a stamp read later may be another file's");
            assertEquals(FileStamp.of(two), stamped.stamp(), "a stamp kept beside a digest is the stamp of the bytes digested");
        }
        assertNotNull(FileStamp.of(one));
    }

    /**
     * End to end, the flip of {@link #theLookAheadNeverPairsAStampWithTheBytesOfAnotherFile}: links
     * flip between two settled files of the same size while a cached run lints them; after the
     * flipping stops, every link leads to the clean one, and a cached run must say so. On 7e2af58
     * every round replayed the other file's error for a few links. Probabilistic (a flip must land
     * between a stamp and a read) but it never fails on correct code.
     */
    @Test
    void linksFlippingDuringACachedRunNeverPoisonTheCache() throws Exception {
        Path clean = Files.writeString(tmp.resolve("clean.txt"), LintCacheTest.CLEAN);
        Path broken = Files.writeString(tmp.resolve("broken.txt"), LintCacheTest.CLEAN.replace("110", "1x0"));
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        java.util.List<Path> links = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            links.add(Files.createSymbolicLink(fleet.resolve("n" + i + ".yaml"), clean));
        }
        String expected = CliRun.of("lint", fleet.toString()).out();
        SettledClock.aMinuteLater(() -> {
            for (int round = 0; round < 6; round++) {
                String cache = tmp.resolve("cache" + round).toString();
                java.util.concurrent.atomic.AtomicBoolean flipping = new java.util.concurrent.atomic.AtomicBoolean(true);
                Thread flipper = new Thread(() -> {
                    try {
                        for (int flip = 0; flipping.get(); flip++) {
                            for (Path link : links) {
                                Path next = link.resolveSibling(link.getFileName() + ".next");
                                Files.createSymbolicLink(next, flip % 2 == 0 ? broken : clean);
                                Files.move(next, link, StandardCopyOption.ATOMIC_MOVE);
                            }
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                flipper.start();
                try {
                    CliRun.of("lint", "--cache", cache, fleet.toString());
                } finally {
                    flipping.set(false);
                    flipper.join();
                }
                for (Path link : links) {
                    pointAt(link, clean);
                }
                CliRun after = CliRun.of("lint", "--cache", cache, "-v", fleet.toString());
                assertEquals(expected, after.out(), "round " + round + ": " + after.err());
            }
        });
    }
}
