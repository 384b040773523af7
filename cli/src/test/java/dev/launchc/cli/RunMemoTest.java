package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --cache}'s memo of a whole run ({@link RunMemo}): the same line over unchanged files
 * prints what a fresh lint prints, and every change a run's output depends on makes the next run
 * lint again. Each change test checks first that the memo was replayed before the change (the memo
 * file is the same file, unrewritten), then that the run after the change prints what a lint
 * without any cache prints. The clock runs a minute ahead ({@link SettledClock}), so that the files
 * the test has just written count as settled.
 */
class RunMemoTest {
    @TempDir
    Path tmp;

    /** Findings (exit 1), a clean file, a skipped workflow, and a subfolder whose .launchc.yaml disables LC2002. */
    private Path fleet() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("repo/fleet"));
        Files.writeString(dir.resolve("bad.yaml"), LintCacheTest.FINDINGS);
        Files.writeString(dir.resolve("good.yaml"), LintCacheTest.CLEAN);
        Files.writeString(dir.resolve("workflow.yaml"), "on: push\njobs: {}\n");
        Path quiet = Files.createDirectories(dir.resolve("quiet"));
        Files.writeString(quiet.resolve(".launchc.yaml"), "disable: [LC2002]\n");
        Files.writeString(quiet.resolve("warn.yaml"), WARNING);
        return dir;
    }

    /** LC2002, a warning. */
    private static final String WARNING = "version: 0.2.0\nextraKubeAPIServerArgs:\n"
            + "  --service-cluster-ip-range: 10.153.183.0/24\n";

    private String cache() {
        return tmp.resolve("cache").toString();
    }

    private List<Path> memos() throws IOException {
        return memos(tmp.resolve("cache"));
    }

    private static List<Path> memos(Path cache) throws IOException {
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(p -> p.getFileName().toString().matches("run-[0-9a-f]{16}\\.bin")).toList();
        }
    }

    /** The one memo's identity: its inode and bytes (a run that records anew renames a new file over it). */
    private String memo() throws IOException {
        return memo(tmp.resolve("cache"));
    }

    private static String memo(Path cache) throws IOException {
        List<Path> memos = memos(cache);
        assertEquals(1, memos.size(), "one memo: " + memos);
        return Files.getAttribute(memos.get(0), "unix:ino") + " " + java.util.Arrays.hashCode(Files.readAllBytes(memos.get(0)));
    }

    private static void assertSameRun(CliRun expected, CliRun actual, String what) {
        assertEquals(expected.out(), actual.out(), what + ": stdout");
        assertEquals(expected.err(), actual.err(), what + ": stderr");
        assertEquals(expected.exitCode(), actual.exitCode(), what + ": exit code");
    }

    /** Both ways a line is run: picocli's, and Main's own for an everyday line. */
    private static final List<Function<String[], CliRun>> RUNNERS = List.of(CliRun::of, LintByHandTest::byHand);

    @Test
    void anUnchangedFleetIsReplayedFromTheMemoExactlyInEveryFormat() throws Exception {
        Path fleet = fleet();
        SettledClock.aMinuteLater(() -> {
            for (Function<String[], CliRun> runner : RUNNERS) {
                for (String format : List.of("text", "json", "sarif", "junit")) {
                    CliRun fresh = CliRun.of("lint", "--format", format, fleet.toString());
                    String[] line = {"lint", "--cache", cache(), "--format", format, fleet.toString()};
                    assertSameRun(fresh, runner.apply(line), format + ", the run that records the memo");
                    List<Path> recorded = memos();
                    assertFalse(recorded.isEmpty(), "a memo is recorded");
                    Object inode = Files.getAttribute(recorded.get(recorded.size() - 1), "unix:ino");
                    assertSameRun(fresh, runner.apply(line), format + ", replayed");
                    assertEquals(recorded, memos(), "no memo is recorded again");
                    assertEquals(inode, Files.getAttribute(recorded.get(recorded.size() - 1), "unix:ino"));
                }
                LintByHandTest.deleteTree(tmp.resolve("cache"));
            }
            CliRun text = CliRun.of("lint", "--cache", cache(), fleet.toString());
            assertEquals(1, text.exitCode());
            assertTrue(text.out().contains("bad.yaml") && text.err().contains("skipped 1 YAML file"), text.out() + text.err());
        });
    }

    /** A change to what the output depends on, made between two runs of the same line. */
    private interface Change {
        void make(Path fleet) throws Exception;
    }

    /**
     * Runs the line twice (recording, then replaying the memo), makes the change, and checks that the
     * next run prints what a lint without a cache prints, and that it differs from before the change
     * (each change here changes the output, so a stale replay cannot pass).
     */
    private void assertChangeIsSeen(String what, Change change) throws Exception {
        Path fleet = fleet();
        SettledClock.aMinuteLater(() -> {
            String[] line = {"lint", "--cache", cache(), fleet.toString()};
            CliRun before = CliRun.of(line);
            String recorded = memo();
            assertSameRun(before, CliRun.of(line), what + ": replayed before the change");
            assertEquals(recorded, memo(), what + ": the memo was replayed, not recorded again");
            change.make(fleet);
            CliRun after = CliRun.of(line);
            assertSameRun(CliRun.of("lint", fleet.toString()), after, what);
            assertNotEquals(before.out() + before.err(), after.out() + after.err(), what + ": the change changes the output");
            assertSameRun(after, CliRun.of(line), what + ": the run after it");
        });
    }

    @Test
    void aFileWithOtherBytesIsLintedAgain() throws Exception {
        assertChangeIsSeen("good.yaml rewritten", fleet -> Files.writeString(fleet.resolve("good.yaml"), WARNING));
    }

    /** Same inode, same size, modification time set back: only the status-change time moves. */
    @Test
    void aRewriteThatKeepsInodeSizeAndModificationTimeIsLintedAgain() throws Exception {
        assertChangeIsSeen("good.yaml rewritten in place, mtime restored", fleet -> {
            Path good = fleet.resolve("good.yaml");
            FileTime modified = Files.getLastModifiedTime(good);
            String broken = LintCacheTest.CLEAN.replace("\"110\"", "\"1x0\"");
            assertEquals(LintCacheTest.CLEAN.length(), broken.length());
            Files.writeString(good, broken);
            Files.setLastModifiedTime(good, modified);
        });
    }

    @Test
    void aFileRenamedOverAnInputWithTheSameSizeAndTimesIsLintedAgain() throws Exception {
        assertChangeIsSeen("a file of the same size and mtime renamed over good.yaml", fleet -> {
            Path good = fleet.resolve("good.yaml");
            Path other = tmp.resolve("other.yaml");
            Files.writeString(other, LintCacheTest.CLEAN.replace("\"110\"", "\"1x0\""));
            Files.setLastModifiedTime(other, Files.getLastModifiedTime(good));
            Files.move(other, good, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        });
    }

    @Test
    void aNewFileInAWalkedFolderIsLinted() throws Exception {
        assertChangeIsSeen("a new file", fleet -> Files.writeString(fleet.resolve("new.yaml"), WARNING));
    }

    @Test
    void aNewFileInASubfolderIsLinted() throws Exception {
        assertChangeIsSeen("a new file in a subfolder", fleet -> Files.writeString(fleet.resolve("quiet/new.yaml"),
                LintCacheTest.FINDINGS));
    }

    @Test
    void aNewSubfolderIsWalked() throws Exception {
        assertChangeIsSeen("a new subfolder", fleet -> {
            Files.createDirectories(fleet.resolve("late"));
            Files.writeString(fleet.resolve("late/bad.yaml"), LintCacheTest.FINDINGS);
        });
    }

    @Test
    void aRemovedFileIsGone() throws Exception {
        assertChangeIsSeen("bad.yaml removed", fleet -> Files.delete(fleet.resolve("bad.yaml")));
    }

    @Test
    void aSettingsFileEditedChangesTheFindings() throws Exception {
        assertChangeIsSeen(".launchc.yaml edited", fleet -> Files.writeString(fleet.resolve("quiet/.launchc.yaml"), "mode: strict\n"));
    }

    /** Above the folder named on the command line: the search for settings files goes up to the root. */
    @Test
    void aSettingsFileAppearingAboveTheWalkedFolderChangesTheFindings() throws Exception {
        assertChangeIsSeen(".launchc.yaml created in the folder above", fleet -> Files.writeString(fleet.getParent().resolve(".launchc.yaml"),
                "disable: [LC1025]\n"));
    }

    /** A settings file's exclude: the excluded file is not linted, yet the memo must hold that too. */
    @Test
    void aSettingsFileThatStartsExcludingAFileChangesTheFindings() throws Exception {
        assertChangeIsSeen("exclude: added", fleet -> Files.writeString(fleet.getParent().resolve(".launchc.yaml"),
                "exclude: [\"fleet/bad.yaml\"]\n"));
    }

    /**
     * A YAML-named link the walk skipped, to a file outside the walk that does not exist yet: when
     * that file appears, no folder the run walked changes. No memo is recorded for such a run.
     */
    @Test
    void aSkippedLinkThatLaterLeadsToAFileIsLintedThen() throws Exception {
        Path fleet = fleet();
        Path target = tmp.resolve("elsewhere/late.yaml");
        Files.createSymbolicLink(fleet.resolve("link.yaml"), target);
        SettledClock.aMinuteLater(() -> {
            String[] line = {"lint", "--cache", cache(), fleet.toString()};
            CliRun before = CliRun.of(line);
            assertSameRun(before, CliRun.of(line), "the link leads nowhere");
            assertEquals(List.of(), memos(), "no memo for a run that skipped a link");
            Files.createDirectories(target.getParent());
            Files.writeString(target, LintCacheTest.FINDINGS);
            CliRun after = CliRun.of(line);
            assertTrue(after.out().contains("link.yaml"), after.out());
            assertSameRun(CliRun.of("lint", fleet.toString()), after, "the link leads to a file");
        });
    }

    /** A .launchc.yaml that is a link to nothing yet: it can become a settings file while no folder changes. */
    @Test
    void aDanglingSettingsLinkPreventsTheMemo() throws Exception {
        Path fleet = fleet();
        Path target = tmp.resolve("elsewhere/settings.yaml");
        Files.createSymbolicLink(fleet.resolve(".launchc.yaml"), target);
        SettledClock.aMinuteLater(() -> {
            String[] line = {"lint", "--cache", cache(), fleet.toString()};
            CliRun before = CliRun.of(line);
            CliRun.of(line);
            assertEquals(List.of(), memos());
            Files.createDirectories(target.getParent());
            Files.writeString(target, "disable: [LC1025]\n");
            CliRun after = CliRun.of(line);
            assertNotEquals(before.out(), after.out());
            assertSameRun(CliRun.of("lint", fleet.toString()), after, "the settings link leads to a file");
        });
    }

    /** Files that changed within the settle time of the run are not vouched for by their stamps: no memo. */
    @Test
    void aFleetThatJustChangedGetsNoMemo() throws IOException {
        Path fleet = fleet();
        String[] line = {"lint", "--cache", cache(), fleet.toString()};
        CliRun first = CliRun.of(line);
        assertSameRun(first, CliRun.of(line), "second run");
        assertEquals(List.of(), memos());
    }

    /** -v prints times and counts of this run; --fix writes; another format prints otherwise: none replays another's memo. */
    @Test
    void otherLinesHaveTheirOwnMemoOrNone() throws Exception {
        Path fleet = fleet();
        SettledClock.aMinuteLater(() -> {
            CliRun.of("lint", "--cache", cache(), fleet.toString());
            CliRun.of("lint", "--cache", cache(), fleet.toString());
            CliRun verbose = CliRun.of("lint", "--cache", cache(), "-v", fleet.toString());
            assertTrue(verbose.err().contains("4 hits, 0 linted"), verbose.err());
            assertEquals(1, memos().size(), "-v records none");
            CliRun json = CliRun.of("lint", "--cache", cache(), "--format", "json", fleet.toString());
            assertSameRun(CliRun.of("lint", "--format", "json", fleet.toString()), json, "json");
            assertEquals(2, memos().size(), "json has its own");
            CliRun named = CliRun.of("lint", "--cache", cache(), fleet.resolve("good.yaml").toString());
            assertSameRun(CliRun.of("lint", fleet.resolve("good.yaml").toString()), named, "one file named");
            assertSameRun(named, CliRun.of("lint", "--cache", cache(), fleet.resolve("good.yaml").toString()), "one file named, replayed");
            assertEquals(3, memos().size());
        });
    }

    /** A damaged memo (a flipped byte) or one recorded for another line under the same name is never replayed. */
    @Test
    void aDamagedOrForeignMemoIsIgnored() throws Exception {
        Path fleet = fleet();
        SettledClock.aMinuteLater(() -> {
            String[] line = {"lint", "--cache", cache(), fleet.toString()};
            CliRun fresh = CliRun.of("lint", fleet.toString());
            CliRun.of(line);
            Path memo = memos().get(0);
            byte[] bytes = Files.readAllBytes(memo);
            int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("bad.yaml:");
            assertTrue(at > 0, "the memo holds the report");
            bytes[at] = 'B';
            Files.write(memo, bytes);
            assertSameRun(fresh, CliRun.of(line), "damaged");
            // Another line's memo put under this line's name: its key text differs.
            CliRun.of("lint", "--cache", cache(), "--format", "json", fleet.toString());
            Path json = memos().stream().filter(p -> !p.equals(memo)).findFirst().orElseThrow();
            Files.copy(json, memo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertSameRun(fresh, CliRun.of(line), "another line's memo");
        });
    }

    /**
     * A memo whose checksum holds but whose path no file system takes (a NUL in it, as only a forger
     * or a bug would write): ignored, not a crash.
     */
    @Test
    void aMemoWithAPathNoFileSystemTakesIsIgnored() throws Exception {
        Path fleet = fleet();
        SettledClock.aMinuteLater(() -> {
            String[] line = {"lint", "--cache", cache(), fleet.toString()};
            CliRun fresh = CliRun.of("lint", fleet.toString());
            CliRun.of(line);
            Path memo = memos().get(0);
            byte[] bytes = Files.readAllBytes(memo);
            int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("good.yaml");
            assertTrue(at > 0, "the memo names good.yaml");
            bytes[at] = 0;
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            java.nio.ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
            Files.write(memo, bytes);
            for (Function<String[], CliRun> runner : RUNNERS) {
                assertSameRun(fresh, runner.apply(line), "a NUL in a path");
            }
        });
    }

    /**
     * A context folder that is a link (here to the folder of a memo that would replay): launchc never
     * made it, so its memo is not replayed, and the run refuses the cache as it refuses a linked cache.
     */
    @Test
    void aContextFolderThatIsALinkIsNeitherReplayedNorUsed() throws Exception {
        Path fleet = fleet();
        SettledClock.aMinuteLater(() -> {
            String[] line = {"lint", "--cache", cache(), fleet.toString()};
            CliRun before = CliRun.of(line);
            Path context = memos().get(0).getParent();
            Path elsewhere = Files.move(context, tmp.resolve("elsewhere"));
            Files.createSymbolicLink(context, elsewhere);
            for (Function<String[], CliRun> runner : RUNNERS) {
                CliRun run = runner.apply(line);
                assertEquals(2, run.exitCode(), run.out() + run.err());
                assertTrue(run.err().contains("symbolic link"), run.err());
                assertFalse(run.out().contains("bad.yaml"), "no report: " + run.out());
            }
            assertEquals(1, before.exitCode(), "the run that recorded the memo found errors");
        });
    }

    /** Each line has its memo; past {@link RunMemo#MAX_MEMOS} the least recently used go, and nothing else in the cache. */
    @Test
    void memosAreBoundedAndPrunedOldestFirst() throws Exception {
        Path fleet = fleet();
        SettledClock.aMinuteLater(() -> {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < RunMemo.MAX_MEMOS + 3; i++) {
                String target = fleet.resolve(i % 2 == 0 ? "good.yaml" : "bad.yaml").toString();
                List<String> line = new ArrayList<>(List.of("lint", "--cache", cache()));
                line.addAll(java.util.Collections.nCopies(i / 2 + 1, target)); // another line each time
                CliRun.of(line.toArray(String[]::new));
                lines.add(String.join(" ", line));
            }
            assertEquals(RunMemo.MAX_MEMOS, memos().size(), lines.toString());
            Path mine = Files.writeString(memos().get(0).getParent().resolve("notes-run.txt"), "mine");
            CliRun.of("lint", "--cache", cache(), "-q", fleet.toString());
            assertEquals(RunMemo.MAX_MEMOS, memos().size());
            assertTrue(Files.exists(mine), "only launchc's memos are pruned");
        });
    }

    /**
     * A memo whose place is taken by a FIFO (or a link to one, or to a device) is not read: it
     * would block the run for good (or read without end).
     */
    @Test
    void aFifoInPlaceOfTheMemoIsNotRead() throws Exception {
        assertAFifoInPlaceIsNotRead("the memo", name -> name.startsWith("run-"));
    }

    /** Nor is a FIFO in place of a segment of the cache read (the memo gone, so that the run reads them). */
    @Test
    void aFifoInPlaceOfASegmentIsNotRead() throws Exception {
        assertAFifoInPlaceIsNotRead("a segment", name -> name.startsWith("seg-"));
    }

    /**
     * Runs the line once, puts a FIFO in place of each file of the context folder that {@code places}
     * names (and deletes any memo still a regular file), and runs it again: the run must not block,
     * and prints what a fresh lint prints.
     */
    private void assertAFifoInPlaceIsNotRead(String what, java.util.function.Predicate<String> places) throws Exception {
        Path fleet = fleet();
        SettledClock.aMinuteLater(() -> {
            String[] line = {"lint", "--cache", cache(), fleet.toString()};
            CliRun fresh = CliRun.of("lint", fleet.toString());
            CliRun.of(line);
            Path context = memos().get(0).getParent();
            try (Stream<Path> files = Files.list(context)) {
                for (Path f : files.filter(f -> places.test(f.getFileName().toString())).toList()) {
                    Files.delete(f);
                    assertEquals(0, new ProcessBuilder("mkfifo", f.toString()).start().waitFor(), "mkfifo");
                }
            }
            for (Path memo : memos()) {
                if (Files.isRegularFile(memo)) {
                    Files.delete(memo);
                }
            }
            CliRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                    () -> CliRun.of(line), "a run with a FIFO for " + what + " must not block");
            assertSameRun(fresh, run, "a FIFO for " + what);
        });
    }

    /**
     * A memo naming a path this JVM cannot make a Path of is a miss, not an internal error: a file
     * name that is not UTF-8 walked under one file-name encoding is recorded as text that another
     * run (LANG=C: US-ASCII) cannot encode again; a NUL stands for it here.
     */
    @Test
    void aMemoNamingAPathThatCannotBeMadeIsAMiss() throws Exception {
        Path contextDir = Files.createDirectories(tmp.resolve("ctx"));
        RunMemo memo = RunMemo.of(contextDir, "context", List.of("lint", "x.yaml"));
        FileStamp old = new FileStamp(1, 2, 3, 4, 5, 6, 7);
        assertTrue(memo.record(List.of(new RunMemo.Observed(RunMemo.FILE, "caf\u0000.yaml", old)), java.time.Instant.now(), 0,
                "recorded\n", ""));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(-1, memo.replay(new java.io.PrintWriter(out), new java.io.PrintWriter(err)));
        assertEquals("", out.toString() + err.toString(), "nothing printed");
    }

    /**
     * A folder above the settings file that changed during the run (settled: not) means no memo:
     * a folder above the inputs renamed away mid-run, with a prepared one renamed in its place
     * (another .launchc.yaml, links to the same input files), leaves every stamp read at the end
     * settled and the same on replay, while the run loaded the settings file that was there before.
     */
    @Test
    void aFolderAboveTheSettingsFileThatChangedDuringTheRunMeansNoMemo() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("up/project"));
        Path configs = Files.createDirectories(project.resolve("configs"));
        Path settings = Files.writeString(project.resolve(".launchc.yaml"), "disable: [LC2002]\n");
        Files.writeString(configs.resolve("a.yaml"), WARNING);
        Thread.sleep(20); // a later status-change time than all of the above
        Files.createDirectory(tmp.resolve("up/renamed-in-during-the-run"));
        java.time.Instant upChanged = ((FileTime) Files.getAttribute(tmp.resolve("up"), "unix:ctime")).toInstant();
        java.time.Instant settingsChanged = ((FileTime) Files.getAttribute(settings, "unix:ctime")).toInstant();
        assertTrue(settingsChanged.isBefore(upChanged), settingsChanged + " before " + upChanged);
        // The run started SETTLE after the settings file and its folders last changed, and "up" changed after that.
        java.time.Instant runStart = upChanged.plus(FileStamp.SETTLE);
        assertEquals(null, RunMemo.settingsSearch(List.of(configs), runStart));
    }

    /**
     * The cache inside the walked folder (lint --cache .launchc-cache .): its folders change with
     * every run (a segment, the context's use time, the memo itself), which must not keep the memo
     * from ever replaying; a YAML file or a folder that appears in the cache is still linted.
     */
    @Test
    void aCacheInsideTheWalkedFolderStillLetsTheMemoReplay() throws Exception {
        Path fleet = fleet();
        SettledClock.aMinuteLater(() -> {
            Path cache = fleet.resolve(".launchc-cache");
            String[] line = {"lint", "--cache", cache.toString(), fleet.toString()};
            // Each step a few clock ticks after the last: the kernel stamps a change with its coarse
            // clock (a tick of up to 10 ms), and a real run's settle time sees every change apart.
            CliRun.of(line);
            // That run made the cache as its walk listed the folder: a real run records no memo then
            // (the folder changed during it), this one's clock a minute ahead did.
            for (Path memo : memos(cache)) {
                Files.delete(memo);
            }
            Thread.sleep(30);
            CliRun first = CliRun.of(line);
            assertSameRun(CliRun.of("lint", fleet.toString()), first, "the run that records");
            Thread.sleep(30);
            String recorded = memo(cache);
            assertSameRun(first, CliRun.of(line), "replayed");
            assertEquals(recorded, memo(cache), "the memo was replayed, not recorded again");
            Thread.sleep(30);
            Path context = memos(cache).get(0).getParent();
            Files.writeString(context.resolve("stray.yaml"), LintCacheTest.FINDINGS);
            assertSameRun(CliRun.of("lint", fleet.toString()), CliRun.of(line), "a YAML file in the cache");
            Thread.sleep(30);
            Files.delete(context.resolve("stray.yaml"));
            Files.writeString(Files.createDirectory(context.resolve("sub")).resolve("stray.yaml"), LintCacheTest.FINDINGS);
            assertSameRun(CliRun.of("lint", fleet.toString()), CliRun.of(line), "a folder with a YAML file in the cache");
        });
    }

    /**
     * A run deletes the temporary files that runs killed before their rename left (an hour old),
     * and only those: names launchc gives them, not another file that merely begins and ends alike.
     */
    @Test
    void onlyLaunchcsOwnStaleTemporariesAreDeleted() throws Exception {
        Path fleet = fleet();
        SettledClock.aMinuteLater(() -> {
            CliRun.of("lint", "--cache", cache(), fleet.toString());
            Path context = memos().get(0).getParent();
            FileTime old = FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
            List<Path> mine = List.of(context.resolve(".run-notes.tmp"), context.resolve(".seg-1-2.tmp"));
            List<Path> stale = List.of(context.resolve(".run-123.tmp"), context.resolve(".seg-456.tmp"));
            for (Path p : Stream.concat(mine.stream(), stale.stream()).toList()) {
                Files.setLastModifiedTime(Files.writeString(p, "x"), old);
            }
            Files.writeString(fleet.resolve("new.yaml"), LintCacheTest.CLEAN); // a miss: the run saves a segment
            CliRun.of("lint", "--cache", cache(), fleet.toString());
            for (Path p : mine) {
                assertTrue(Files.exists(p), "not launchc's: " + p);
            }
            for (Path p : stale) {
                assertFalse(Files.exists(p), "a stale temporary of launchc's: " + p);
            }
        });
    }
}
