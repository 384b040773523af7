package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lint line that {@link LintCommand#parsedByHand} takes (Main runs it without picocli) prints
 * exactly what picocli's run of the same line prints, on stdout and stderr, with the same exit code.
 */
class LintByHandTest {
    /** Errors (one on the token's line, whose snippet is redacted) and a warning. */
    private static final String FINDINGS = LintCacheTest.FINDINGS;
    /** LC2002, a warning. */
    private static final String WARNING = "version: 0.2.0\nextraKubeAPIServerArgs:\n"
            + "  --service-cluster-ip-range: 10.153.183.0/24\n";
    private static final String CLEAN = LintCacheTest.CLEAN;

    @TempDir
    Path tmp;

    /** Clean files, findings, a skipped workflow, and a folder whose .launchc.yaml changes mode, codes and target. */
    private Path fleet() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(dir.resolve("bad.yaml"), FINDINGS);
        Files.writeString(dir.resolve("good.yaml"), CLEAN);
        Files.writeString(dir.resolve("warn.yml"), WARNING);
        Files.writeString(dir.resolve("workflow.yaml"), "on: push\njobs: {}\n");
        Path strict = Files.createDirectories(dir.resolve("strict"));
        Files.writeString(strict.resolve(".launchc.yaml"), "mode: strict\nexclude: [\"vendor/**\"]\n");
        Files.writeString(strict.resolve("warn.yaml"), WARNING);
        Files.createDirectories(strict.resolve("vendor"));
        Files.writeString(strict.resolve("vendor/bad.yaml"), FINDINGS);
        Path old = Files.createDirectories(dir.resolve("old"));
        Files.writeString(old.resolve(".launchc.yaml"), "target: \"1.27\"\ndisable: [LC2002]\n");
        Files.writeString(old.resolve("warn.yaml"), WARNING);
        return dir;
    }

    /** Runs a line the way Main does when parsedByHand takes it. */
    static CliRun byHand(String... args) {
        LintCommand lint = LintCommand.parsedByHand(args);
        assertNotNull(lint, "parsedByHand takes " + List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = lint.execute(new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** What -v prints that differs between any two runs. */
    private static String timeless(String err) {
        return err.replaceAll("files in \\d+ ms", "files in N ms");
    }

    private static void assertSame(CliRun picocli, CliRun hand, String what) {
        assertEquals(picocli.out(), hand.out(), what + ": stdout");
        assertEquals(timeless(picocli.err()), timeless(hand.err()), what + ": stderr");
        assertEquals(picocli.exitCode(), hand.exitCode(), what + ": exit code");
    }

    /**
     * Each line runs twice through each path, each path with a cache of its own that it finds at the
     * same place (the cache's path is in what -v prints): a filling run, then one of hits.
     */
    private void assertSameWithCaches(List<String> line, String what) throws IOException {
        Path cache = tmp.resolve("cache");
        Path picocliState = tmp.resolve("state-picocli");
        Path handState = tmp.resolve("state-hand");
        String[] args = withCache(line, cache);
        for (String run : List.of("first", "second")) {
            CliRun picocli = inCache(picocliState, cache, () -> CliRun.of(args));
            CliRun hand = inCache(handState, cache, () -> byHand(args));
            assertSame(picocli, hand, what + ", " + run + " run");
        }
        deleteTree(picocliState);
        deleteTree(handState);
    }

    /** Runs with {@code state} (none at first) as the cache at {@code cache}, and keeps what the run left there. */
    private static CliRun inCache(Path state, Path cache, java.util.function.Supplier<CliRun> run) throws IOException {
        if (Files.exists(state)) {
            Files.move(state, cache);
        }
        CliRun result = run.get();
        if (Files.exists(cache)) {
            Files.move(cache, state);
        }
        return result;
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String[] withCache(List<String> line, Path cache) {
        List<String> args = new ArrayList<>(line);
        args.addAll(1, List.of("--cache", cache.toString()));
        return args.toArray(String[]::new);
    }

    @Test
    void everyFormatAndFlagPrintsTheSameWithAndWithoutACache() throws IOException {
        String fleet = fleet().toString();
        List<List<String>> lines = new ArrayList<>();
        for (String format : List.of("text", "json", "sarif", "junit")) {
            lines.add(List.of("lint", "--format", format, fleet));
            lines.add(List.of("lint", "--format=" + format, "-q", fleet));
            lines.add(List.of("lint", "-v", "--format", format, fleet));
        }
        lines.add(List.of("lint", "--quiet", "--verbose", fleet));
        lines.add(List.of("lint", fleet + "/good.yaml"));
        lines.add(List.of("lint", fleet + "/workflow.yaml", fleet + "/strict/warn.yaml"));
        lines.add(List.of("lint", fleet + "/old", "-v"));
        for (List<String> line : lines) {
            assertSame(CliRun.of(line.toArray(String[]::new)), byHand(line.toArray(String[]::new)), String.join(" ", line));
            assertSameWithCaches(line, String.join(" ", line));
        }
        CliRun findings = byHand("lint", fleet);
        assertEquals(1, findings.exitCode());
        assertTrue(findings.out().contains("[LC2002]") && findings.err().contains("skipped 1 YAML file"),
                "the fleet has findings and a skipped file: " + findings.out() + findings.err());
    }

    @Test
    void usageErrorsAreTheSame() throws IOException {
        String fleet = fleet().toString();
        Path notCache = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(notCache.resolve("keep.txt"), "mine");
        Path brokenSettings = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(brokenSettings.resolve(".launchc.yaml"), "mode: [nonsense\n");
        Files.writeString(brokenSettings.resolve("node.yaml"), CLEAN);
        for (String[] line : List.of(
                new String[] {"lint", tmp.resolve("missing.yaml").toString()},
                new String[] {"lint", "--cache", notCache.toString(), fleet},
                new String[] {"lint", "--cache", fleet + "/good.yaml", fleet},
                new String[] {"lint", brokenSettings.toString()},
                new String[] {"lint", "--cache", tmp.resolve("cache").toString(), brokenSettings.toString()})) {
            CliRun picocli = CliRun.of(line);
            assertEquals(2, picocli.exitCode(), picocli.err());
            assertSame(picocli, byHand(line), String.join(" ", line));
        }
    }

    @Test
    void aForeignOrDamagedSegmentIsHandledTheSame() throws IOException {
        String fleet = fleet().toString();
        Path cache = tmp.resolve("cache");
        Path picocliState = tmp.resolve("state-picocli");
        Path handState = tmp.resolve("state-hand");
        inCache(picocliState, cache, () -> CliRun.of("lint", "--cache", cache.toString(), fleet));
        inCache(handState, cache, () -> byHand("lint", "--cache", cache.toString(), fleet));
        for (Path state : List.of(picocliState, handState)) {
            List<Path> segments;
            try (Stream<Path> s = Files.walk(state)) {
                segments = s.filter(p -> p.getFileName().toString().matches("seg-.*\\.bin")).toList();
            }
            assertEquals(1, segments.size(), state.toString());
            byte[] bytes = Files.readAllBytes(segments.get(0));
            bytes[bytes.length / 2] ^= 0x5a;
            Files.write(segments.get(0), bytes);
            Files.writeString(segments.get(0).resolveSibling("seg-0000000000000000-foreign.bin"), "not a segment");
            // Another build's context, which this build never reads and leaves alone.
            Path otherBuild = Files.createDirectories(state.resolve("ctx-0123456789abcdef"));
            Files.write(otherBuild.resolve("seg-0000000000000001-other.bin"), bytes);
        }
        for (String run : List.of("after the damage", "after the compaction")) {
            assertSame(inCache(picocliState, cache, () -> CliRun.of("lint", "--cache", cache.toString(), "-v", fleet)),
                    inCache(handState, cache, () -> byHand("lint", "--cache", cache.toString(), "-v", fleet)), run);
        }
        assertTrue(Files.exists(handState.resolve("ctx-0123456789abcdef/seg-0000000000000001-other.bin")),
                "another build's segment stays");
    }

    @Test
    void takesOnlyTheLinesItParsesAsPicocliDoes() {
        assertNotNull(LintCommand.parsedByHand("lint", "--cache", "c", "--format", "json", "-q", "-v", "a.yaml", "dir"));
        assertNotNull(LintCommand.parsedByHand("lint", "--cache=c", "--format=sarif", "--quiet", "--verbose", "a.yaml"));
        for (String[] line : List.of(
                new String[] {"lint"},
                new String[] {"lint", "--cache", "c"},
                new String[] {"lint", "a.yaml", "--cache"},
                new String[] {"lint", "--cache=", "a.yaml"},
                new String[] {"lint", "--cache", "-q", "a.yaml"},
                new String[] {"lint", "--cache", "c", "--cache", "d", "a.yaml"},
                new String[] {"lint", "-q", "-q", "a.yaml"},
                new String[] {"lint", "-q", "--quiet", "a.yaml"},
                new String[] {"lint", "-qv", "a.yaml"},
                new String[] {"lint", "--quiet=true", "a.yaml"},
                new String[] {"lint", "--format", "JSON", "a.yaml"},
                new String[] {"lint", "--format", "xml", "a.yaml"},
                new String[] {"lint", "--strict", "a.yaml"},
                new String[] {"lint", "--target", "1.27", "a.yaml"},
                new String[] {"lint", "--fix", "a.yaml"},
                new String[] {"lint", "--help"},
                new String[] {"lint", "-"},
                new String[] {"lint", "--", "a.yaml"},
                new String[] {"lint", "@args.txt"},
                new String[] {"lint", "--cache", "@c", "a.yaml"},
                new String[] {"lint", ""},
                new String[] {"lint", "--cache", "c\0", "a.yaml"},
                new String[] {"compile", "a.yaml"},
                new String[] {"--version"})) {
            assertNull(LintCommand.parsedByHand(line), "left to picocli: " + List.of(line));
        }
    }
}
