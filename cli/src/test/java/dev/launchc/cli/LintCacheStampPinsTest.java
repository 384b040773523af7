package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review of lint --cache's stamp keys: every change between runs that could keep a stamp, or a
 * segment damaged in a way its checksum does not catch, gives the uncached run's output.
 */
class LintCacheStampPinsTest {
    private static final String WARNING = "version: 0.2.0\nextraKubeAPIServerArgs:\n  --service-cluster-ip-range: 10.153.183.0/24\n";

    @TempDir
    Path tmp;


    private interface Change {
        void apply() throws Exception;
    }

    private Path fleet() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(dir.resolve("bad.yaml"), LintCacheTest.FINDINGS);
        Files.writeString(dir.resolve("good.yaml"), LintCacheTest.CLEAN);
        Files.writeString(dir.resolve("warn.yaml"), WARNING);
        Files.writeString(dir.resolve("workflow.yaml"), "on: push\njobs: {}\n");
        return dir;
    }

    /** A cached run (stamps warmed by two runs first), then {@code change}, then cached runs equal to an uncached one. */
    private void cachedRunsFollow(Path fleet, List<String> flags, Change change) throws Exception {
        String cache = tmp.resolve("cache").toString();
        SettledClock.aMinuteLater(() -> {
            for (int i = 0; i < 2; i++) {
                CliRun.of(Stream.concat(Stream.of("lint", "--cache", cache), flags.stream()).toArray(String[]::new));
            }
            change.apply();
            String[] uncachedLine = Stream.concat(Stream.of("lint"), flags.stream()).toArray(String[]::new);
            String[] cachedLine = Stream.concat(Stream.of("lint", "--cache", cache, "-v"), flags.stream()).toArray(String[]::new);
            CliRun uncached = CliRun.of(uncachedLine);
            for (int i = 0; i < 2; i++) {
                CliRun cached = CliRun.of(cachedLine);
                assertEquals(uncached.out(), cached.out(), cached.err());
                assertEquals(uncached.exitCode(), cached.exitCode(), cached.err());
            }
        });
    }

    /** Rewritten content of the same size, modification time set back. */
    private static String sameSize(String text) {
        String changed = text.replace("110", "1x0").replace("0.2.0", "0.2.9");
        assertEquals(text.length(), changed.length());
        assertNotEquals(text, changed);
        return changed;
    }

    @Test
    void aFileRenamedOverWithTheSameSizeAndModificationTimeIsLintedAgain() throws Exception {
        Path fleet = fleet();
        Path good = fleet.resolve("good.yaml");
        cachedRunsFollow(fleet, List.of(fleet.toString()), () -> {
            FileTime modified = Files.getLastModifiedTime(good);
            Path next = Files.writeString(fleet.resolve(".good.tmp"), sameSize(LintCacheTest.CLEAN));
            Files.setLastModifiedTime(next, modified);
            Files.move(next, good, StandardCopyOption.ATOMIC_MOVE);
        });
    }

    @Test
    void aFileSwappedWithAnOlderFileOfTheSameSizeIsLintedAgain() throws Exception {
        Path fleet = fleet();
        Path good = fleet.resolve("good.yaml");
        // Written with the others (so as old), kept outside the walk, then renamed over good.yaml.
        Path spare = Files.writeString(tmp.resolve("spare.yml.txt"), sameSize(LintCacheTest.CLEAN));
        Files.setLastModifiedTime(spare, Files.getLastModifiedTime(good));
        cachedRunsFollow(fleet, List.of(fleet.toString()), () -> Files.move(spare, good, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING));
    }

    @Test
    void aHardLinkRewrittenThroughItsOtherNameIsLintedAgain() throws Exception {
        Path fleet = fleet();
        Path other = Files.createLink(tmp.resolve("other-name.txt"), fleet.resolve("good.yaml"));
        cachedRunsFollow(fleet, List.of(fleet.toString()), () -> {
            FileTime modified = Files.getLastModifiedTime(other);
            Files.writeString(other, sameSize(LintCacheTest.CLEAN));
            Files.setLastModifiedTime(other, modified);
        });
    }

    @Test
    void aTruncateAndRewriteAndAChmodAreSeen() throws Exception {
        Path fleet = fleet();
        Path bad = fleet.resolve("bad.yaml");
        cachedRunsFollow(fleet, List.of(fleet.toString(), bad.toString()), () -> {
            FileTime modified = Files.getLastModifiedTime(bad);
            Files.write(bad, new byte[0]);
            Files.writeString(bad, LintCacheTest.CLEAN + "#".repeat(LintCacheTest.FINDINGS.length() - LintCacheTest.CLEAN.length() - 1) + "\n");
            assertEquals(LintCacheTest.FINDINGS.length(), Files.size(bad));
            Files.setLastModifiedTime(bad, modified);
            Files.setPosixFilePermissions(fleet.resolve("good.yaml"), PosixFilePermissions.fromString("r--r-----"));
        });
    }

    @Test
    void aLinkRetargetedToAnotherFileOfTheSameSizeAndTimeIsLintedAsItsTarget() throws Exception {
        Path fleet = fleet();
        Path one = Files.writeString(tmp.resolve("one.txt"), LintCacheTest.CLEAN);
        Path two = Files.writeString(tmp.resolve("two.txt"), sameSize(LintCacheTest.CLEAN));
        Files.setLastModifiedTime(two, Files.getLastModifiedTime(one));
        Path link = Files.createSymbolicLink(fleet.resolve("current.yaml"), one);
        cachedRunsFollow(fleet, List.of(fleet.toString(), link.toString()), () -> {
            Path next = Files.createSymbolicLink(fleet.resolve(".next"), two);
            Files.move(next, link, StandardCopyOption.ATOMIC_MOVE);
        });
    }

    @Test
    void aFileReplacedByAFolderOrAFifoIsNoLongerReplayed() throws Exception {
        Path fleet = fleet();
        cachedRunsFollow(fleet, List.of(fleet.toString()), () -> {
            Files.delete(fleet.resolve("bad.yaml"));
            Files.createDirectories(fleet.resolve("bad.yaml"));
            Files.delete(fleet.resolve("warn.yaml"));
            assertEquals(0, new ProcessBuilder("mkfifo", fleet.resolve("warn.yaml").toString()).start().waitFor());
        });
    }

    @Test
    void aSettingsFileAddedOrChangedBetweenRunsIsSeen() throws Exception {
        Path fleet = fleet();
        Path settings = fleet.resolve(".launchc.yaml");
        List<String> line = List.of(fleet.toString());
        cachedRunsFollow(fleet, line, () -> Files.writeString(settings, "mode: strict\n"));
        cachedRunsFollow(fleet, line, () -> Files.writeString(settings, "mode: strict\ndisable: [LC2002]\n"));
        cachedRunsFollow(fleet, line, () -> Files.writeString(settings, "target: \"1.27\"\n"));
        cachedRunsFollow(fleet, line, () -> Files.writeString(settings, "exclude: [\"**/bad.yaml\"]\n"));
        cachedRunsFollow(fleet, line, () -> Files.writeString(settings, "overrides:\n  - files: [\"warn.yaml\"]\n    disable: [LC2002]\n"));
        cachedRunsFollow(fleet, line, () -> Files.delete(settings));
    }

    @Test
    void flagsAndFormatsAreKeptApart() throws Exception {
        Path fleet = fleet();
        String cache = tmp.resolve("cache").toString();
        String named = fleet.resolve("warn.yaml").toString();
        String relative = Path.of("").toAbsolutePath().relativize(fleet.resolve("bad.yaml")).toString();
        List<List<String>> lines = List.of(List.of(fleet.toString()), List.of("--strict", fleet.toString()),
                List.of("--target", "1.27", fleet.toString()), List.of("--disable", "LC2002", named, named),
                List.of("-q", fleet.toString()), List.of("--format", "json", fleet.toString(), named),
                List.of("--format", "sarif", "--strict", fleet.resolve("bad.yaml").toString(), fleet.resolve("good.yaml").toString()), List.of("--no-ignore", fleet.toString()),
                List.of(fleet.resolve("..").resolve("fleet").resolve("bad.yaml").toString(), fleet.resolve("bad.yaml").toString()),
                List.of(relative, fleet.resolve("bad.yaml").toString(), relative));
        SettledClock.aMinuteLater(() -> {
            for (int round = 0; round < 3; round++) {
                for (List<String> flags : lines) {
                    CliRun uncached = CliRun.of(Stream.concat(Stream.of("lint"), flags.stream()).toArray(String[]::new));
                    CliRun cached = CliRun.of(Stream.concat(Stream.of("lint", "--cache", cache), flags.stream()).toArray(String[]::new));
                    assertEquals(uncached.out(), cached.out(), flags + " " + cached.err());
                    assertEquals(uncached.exitCode(), cached.exitCode(), flags.toString());
                }
            }
        });
    }

    // --- segments damaged so that their CRC-32C still passes ---

    private static Path onlySegment(Path cache) throws IOException {
        try (Stream<Path> s = Files.walk(cache)) {
            List<Path> segments = s.filter(p -> p.getFileName().toString().matches("seg-.*\\.bin")).toList();
            assertEquals(1, segments.size(), segments.toString());
            return segments.get(0);
        }
    }

    /** Rewrites a segment through {@code damage} (given the buffer and the offset of its count) and recomputes its CRC-32C. */
    private static void forge(Path segment, java.util.function.BiConsumer<ByteBuffer, Integer> damage) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
        int magic = in.readUnsignedShort();
        in.skipNBytes(magic);
        int context = in.readInt();
        int countAt = 2 + magic + 4 + context;
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        damage.accept(buffer, countAt);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        buffer.putInt(bytes.length - 4, (int) crc.getValue());
        Files.write(segment, bytes);
    }

    @Test
    void aSegmentWithBadCountsOrOffsetsUnderAValidChecksumGivesMissesOnly() throws Exception {
        Path fleet = fleet();
        String expected = CliRun.of("lint", fleet.toString()).out();
        List<java.util.function.BiConsumer<ByteBuffer, Integer>> damages = List.of(
                (b, at) -> b.putInt(at, b.getInt(at) + 1),
                (b, at) -> b.putInt(at, b.getInt(at) - 1),
                (b, at) -> b.putInt(at, -1),
                (b, at) -> b.putInt(at, Integer.MAX_VALUE),
                (b, at) -> b.putInt(at, 0),
                // every end offset: zero, past the payload, negative, decreasing
                (b, at) -> ends(b, at, (i, e) -> 0),
                (b, at) -> ends(b, at, (i, e) -> e + 1_000_000),
                (b, at) -> ends(b, at, (i, e) -> -e),
                (b, at) -> ends(b, at, (i, e) -> Integer.MAX_VALUE - i));
        for (int d = 0; d < damages.size(); d++) {
            Path cache = tmp.resolve("cache" + d);
            CliRun.of("lint", "--cache", cache.toString(), fleet.toString());
            forge(onlySegment(cache), damages.get(d));
            for (int run = 0; run < 2; run++) {
                CliRun cached = CliRun.of("lint", "--cache", cache.toString(), fleet.toString());
                assertEquals(expected, cached.out(), "damage " + d + ", run " + run + ": " + cached.err());
                assertFalse(cached.err().contains("Exception") || cached.err().contains("\tat "), cached.err());
            }
        }
    }

    /**
     * An entry stores no Diagnostic.fix (a fix's edits carry text of the file, which the cache never
     * stores), so a replayed SARIF report lost its "fixes" (warn.yaml's LC2002 "add extraSANs"; on
     * 8c324c1 too). A result with a fix is now not cached: such a file is linted on every run.
     */
    @Test
    void aReplayedSarifReportKeepsItsFixes() throws Exception {
        Path fleet = fleet();
        String cache = tmp.resolve("cache").toString();
        String uncached = CliRun.of("lint", "--format", "sarif", fleet.toString()).out();
        assertTrue(uncached.contains("\"fixes\""), uncached);
        CliRun.of("lint", "--cache", cache, "--format", "sarif", fleet.toString());
        assertEquals(uncached, CliRun.of("lint", "--cache", cache, "--format", "sarif", fleet.toString()).out());
    }

    private static void ends(ByteBuffer b, int countAt, java.util.function.IntBinaryOperator change) {
        int count = b.getInt(countAt);
        int ends = countAt + 4 + 32 * count;
        for (int i = 0; i < count; i++) {
            b.putInt(ends + 4 * i, change.applyAsInt(i, b.getInt(ends + 4 * i)));
        }
    }

}
