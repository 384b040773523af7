package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.golden.Golden;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compile line that {@link CompileCommand#parsedByHand} takes (Main runs it without picocli)
 * prints exactly what picocli's run of the same line prints, with the same exit code, and leaves
 * the same tree: every path with the same type, mode, bytes and link target.
 */
class CompileByHandTest {
    private static final Path GPU = Golden.REPO.resolve("examples/gpu/cluster.yaml");
    private static final Path AIRGAPPED = Golden.REPO.resolve("examples/airgapped/cluster.yaml");
    private static final Path NATIVE = Golden.REPO.resolve("examples/native/every-field.yaml");

    @TempDir
    Path tmp;

    /** Runs a line the way Main does when parsedByHand takes it. */
    private static CliRun byHand(String... args) {
        CompileCommand compile = CompileCommand.parsedByHand(args);
        assertNotNull(compile, "parsedByHand takes " + List.of(args));
        StringWriter err = new StringWriter();
        int code = compile.execute(new PrintWriter(err, true));
        return new CliRun(code, "", err.toString());
    }

    /** Each path under {@code root}: its type, mode, and bytes or link target. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                String what;
                if (Files.isSymbolicLink(p)) {
                    what = "link " + Files.readSymbolicLink(p);
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    what = "dir " + mode;
                } else {
                    // The link count tells a hard-linked file (layout linked) from a copy (layout copies).
                    what = "file " + mode + " links " + Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS) + " "
                            + java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
                }
                out.put(root.relativize(p).toString(), what);
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /**
     * Runs the line through picocli, then by hand, each into the same OUTDIR (as the line names it),
     * which holds {@code before} (a copy of the same starting state) at each start.
     */
    private void assertSame(List<String> line, Path outDir, IoAction before) throws IOException {
        String[] args = line.toArray(String[]::new);
        before.run();
        CliRun picocli = CliRun.of(args);
        Map<String, String> picocliTree = tree(outDir);
        deleteTree(outDir);
        before.run();
        CliRun hand = byHand(args);
        Map<String, String> handTree = tree(outDir);
        deleteTree(outDir);
        String what = String.join(" ", line);
        assertEquals(picocli.out(), "", what + ": compile prints nothing on stdout");
        assertEquals(picocli.err(), hand.err(), what + ": stderr");
        assertEquals(picocli.exitCode(), hand.exitCode(), what + ": exit code");
        assertEquals("", firstDifference(picocliTree, handTree), what + ": the tree left");
        assertEquals(picocliTree.size(), handTree.size(), what + ": paths left");
    }

    /** The first path whose entry differs between the two trees, with both entries; empty when none does. */
    private static String firstDifference(Map<String, String> expected, Map<String, String> actual) {
        java.util.SortedSet<String> paths = new java.util.TreeSet<>(expected.keySet());
        paths.addAll(actual.keySet());
        for (String path : paths) {
            if (!java.util.Objects.equals(expected.get(path), actual.get(path))) {
                return path + ": picocli " + expected.get(path) + ", by hand " + actual.get(path);
            }
        }
        return "";
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void everyLayoutAndSpellingWritesTheSameTree() throws IOException {
        Path out = tmp.resolve("out");
        List<List<String>> lines = new ArrayList<>();
        for (Path input : List.of(GPU, AIRGAPPED, NATIVE)) {
            lines.add(List.of("compile", "-o", out.toString(), input.toString()));
            lines.add(List.of("compile", input.toString(), "--output", out.toString()));
            lines.add(List.of("compile", "--output=" + out, "--layout", "shared", input.toString()));
            lines.add(List.of("compile", "--layout=copies", "-o", out.toString(), input.toString()));
            lines.add(List.of("compile", "--layout", "linked", "-o", out.toString(), input.toString()));
        }
        for (List<String> line : lines) {
            assertSame(line, out, () -> { });
        }
        CliRun written = byHand("compile", "-o", out.toString(), GPU.toString());
        assertEquals(0, written.exitCode(), written.err());
        assertTrue(written.err().contains("launchc: wrote " + out + "/ (") && Files.isRegularFile(out.resolve("manifest.json")),
                written.err());
    }

    @Test
    void aRecompileReplacesTheTreeTheSame() throws IOException {
        Path out = tmp.resolve("out");
        assertSame(List.of("compile", "--layout", "shared", "-o", out.toString(), GPU.toString()), out,
                () -> CliRun.of("compile", "-o", out.toString(), AIRGAPPED.toString()));
    }

    @Test
    void findingsAndUsageErrorsAreTheSame() throws IOException {
        Path out = tmp.resolve("out");
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, "version: 0.2.0\nextraKubeletArgs:\n  --max-pods: [1\n");
        Path findings = tmp.resolve("findings.yaml");
        Files.writeString(findings, "version: 0.2.0\nextraCNIEnv:\n  IPv4_SERVICE_CIDR: 10.152.183.0/33\n");
        Path noToken = tmp.resolve("cluster.yaml");
        Files.writeString(noToken, Files.readString(GPU));
        Path aFile = tmp.resolve("a-file");
        Files.writeString(aFile, "not a directory");
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("keep.txt"), "mine");
        for (List<String> line : List.of(
                List.of("compile", "-o", out.toString(), broken.toString()),
                List.of("compile", "-o", out.toString(), findings.toString()),
                List.of("compile", "-o", out.toString(), tmp.resolve("missing.yaml").toString()),
                List.of("compile", "-o", out.toString(), noToken.toString()),
                List.of("compile", "-o", out.toString(), tmp.toString()))) {
            assertSame(line, out, () -> { });
        }
        CliRun refused = byHand("compile", "-o", out.toString(), findings.toString());
        assertEquals(1, refused.exitCode(), refused.err());
        for (Path outDir : List.of(aFile, foreign)) {
            List<String> line = List.of("compile", "-o", outDir.toString(), GPU.toString());
            CliRun picocli = CliRun.of(line.toArray(String[]::new));
            CliRun hand = byHand(line.toArray(String[]::new));
            assertEquals(2, picocli.exitCode(), picocli.err());
            assertEquals(picocli, hand, String.join(" ", line));
        }
        assertEquals("not a directory", Files.readString(aFile));
        assertEquals("mine", Files.readString(foreign.resolve("keep.txt")));
    }

    @Test
    void takesOnlyTheLinesItParsesAsPicocliDoes() {
        assertNotNull(CompileCommand.parsedByHand("compile", "-o", "out", "c.yaml"));
        assertNotNull(CompileCommand.parsedByHand("compile", "--layout=shared", "c.yaml", "--output=out"));
        for (String[] line : List.of(
                new String[] {"compile"},
                new String[] {"compile", "c.yaml"},
                new String[] {"compile", "-o", "out"},
                new String[] {"compile", "-o", "out", "c.yaml", "d.yaml"},
                new String[] {"compile", "-oout", "c.yaml"},
                new String[] {"compile", "-o=out", "c.yaml"},
                new String[] {"compile", "-o", "out", "--output", "out", "c.yaml"},
                new String[] {"compile", "-o", "-x", "c.yaml"},
                new String[] {"compile", "-o", "@out", "c.yaml"},
                new String[] {"compile", "--output=", "c.yaml"},
                new String[] {"compile", "-o", "out\0", "c.yaml"},
                new String[] {"compile", "-o", "out", "--layout", "SHARED", "c.yaml"},
                new String[] {"compile", "-o", "out", "--layout", "flat", "c.yaml"},
                new String[] {"compile", "-o", "out", "--layout", "shared", "--layout", "copies", "c.yaml"},
                new String[] {"compile", "-o", "out", "--no-links", "c.yaml"},
                new String[] {"compile", "-o", "out", "--node", "n1", "c.yaml"},
                new String[] {"compile", "-o", "out", "--strict", "c.yaml"},
                new String[] {"compile", "-o", "out", "--target", "1.27", "c.yaml"},
                new String[] {"compile", "-o", "out", "--config", "s.yaml", "c.yaml"},
                new String[] {"compile", "--help"},
                new String[] {"compile", "-o", "out", "-"},
                new String[] {"compile", "-o", "out", "--", "c.yaml"},
                new String[] {"compile", "-o", "out", "@args.txt"},
                new String[] {"compile", "-o", "out", ""},
                new String[] {"lint", "-o", "out", "c.yaml"},
                new String[] {"--version"})) {
            assertNull(CompileCommand.parsedByHand(line), "left to picocli: " + List.of(line));
        }
    }
}
