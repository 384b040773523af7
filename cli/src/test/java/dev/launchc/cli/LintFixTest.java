package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code lint --fix} against hand-written before/after files under {@code src/test/resources/fixes/}:
 * each fix, comments and layout kept, a second run changes nothing, and what is not safe stays.
 */
class LintFixTest {
    @TempDir
    Path tmp;

    private static String resource(String name) throws IOException {
        try (InputStream in = LintFixTest.class.getResourceAsStream("/fixes/" + name)) {
            if (in == null) {
                throw new IOException("fixture missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"misspelt-key-and-flag", "version-0.1.0", "service-san-block", "service-san-flow",
        "service-san-missing", "yaml11-quoting", "unsafe-left-alone", "aliased-flag-left-alone", "renames-to-one-name"})
    void fixesTheFileAsTheAfterFileSaysAndASecondRunChangesNothing(String name) throws IOException {
        String before = resource(name + ".before.yaml");
        String after = resource(name + ".after.yaml");
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, before);
        CliRun first = CliRun.of("lint", "--target", "1.32", "--fix", file.toString());
        assertEquals(after, Files.readString(file), first.out() + first.err());
        CliRun second = CliRun.of("lint", "--target", "1.32", "--fix", file.toString());
        assertEquals(after, Files.readString(file), "a second --fix changes nothing");
        assertTrue(second.err().contains("fixed 0 findings in 0 files"), second.err());
        assertEquals(first.out(), second.out(), "the findings left are the same");
    }

    @Test
    void unsafeFindingsStayAndFailTheRun() throws IOException {
        Path file = tmp.resolve("unsafe.yaml");
        Files.writeString(file, resource("unsafe-left-alone.before.yaml"));
        CliRun r = CliRun.of("lint", "--target", "1.32", "--fix", file.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("[LC1003]") && r.out().contains("[LC1028]"), r.out());
    }

    @Test
    void keepsTheModeAndRewritesTheFileBehindASymlink() throws IOException {
        Path real = tmp.resolve("real.yaml");
        Files.writeString(real, resource("misspelt-key-and-flag.before.yaml"));
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = tmp.resolve("link.yaml");
        Files.createSymbolicLink(link, real.getFileName());
        CliRun r = CliRun.of("lint", "--target", "1.32", "--fix", link.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(real.getFileName(), Files.readSymbolicLink(link));
        assertEquals(resource("misspelt-key-and-flag.after.yaml"), Files.readString(real));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(2, left.count(), "no temporary file is left beside it");
        }
    }

    @Test
    void dryRunPrintsAUnifiedDiffAndWritesNothing() throws IOException {
        String before = resource("service-san-missing.before.yaml");
        Path file = tmp.resolve("san.yaml");
        Files.writeString(file, before);
        CliRun r = CliRun.of("lint", "--target", "1.32", "--fix", "--dry-run", file.toString());
        assertEquals(before, Files.readString(file), "a dry run writes nothing");
        assertEquals(1, r.exitCode(), "a dry run that would change a file fails");
        String name = file.toString();
        assertEquals("--- " + name + "\n+++ " + name + "\n@@ -1,4 +1,5 @@\n"
                + " # No extraSANs at all: the list is added after the version line.\n"
                + " version: 0.2.0\n"
                + "+extraSANs: [10.153.183.1]\n"
                + " extraKubeAPIServerArgs:\n"
                + "   --service-cluster-ip-range: 10.153.183.0/24\n", r.out());
        assertTrue(r.err().contains("would fix 1 finding in 1 file"), r.err());
    }

    @Test
    void dryRunNeedsFixAndFixNeedsAFile() {
        assertEquals(2, CliRun.of("lint", "--dry-run", "x.yaml").exitCode());
        assertEquals(2, CliRun.of("lint", "--fix", "-").exitCode());
    }

    @Test
    void keepsAByteOrderMark() throws IOException {
        Path file = tmp.resolve("bom.yaml");
        Files.writeString(file, "\uFEFF" + resource("misspelt-key-and-flag.before.yaml"));
        CliRun.of("lint", "--target", "1.32", "--fix", file.toString());
        assertEquals("\uFEFF" + resource("misspelt-key-and-flag.after.yaml"), Files.readString(file));
    }
}
