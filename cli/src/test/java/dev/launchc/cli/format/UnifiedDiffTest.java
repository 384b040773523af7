package dev.launchc.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected outputs as GNU diff -u prints them for the same two texts (checked by hand). */
class UnifiedDiffTest {
    @Test
    void equalTextsGiveNoDiff() {
        assertEquals("", UnifiedDiff.of("a.yaml", "x\n", "x\n"));
    }

    @Test
    void changesFarApartAreTwoHunksWithThreeLinesOfContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
        String after = "one\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n";
        assertEquals("--- a/a.yaml\n+++ b/a.yaml\n"
                + "@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n"
                + "@@ -10,3 +10,4 @@\n 10\n 11\n 12\n+13\n", UnifiedDiff.of("a.yaml", before, after));
    }

    @Test
    void changesCloseTogetherShareAHunk() {
        assertEquals("--- a/a.yaml\n+++ b/a.yaml\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n-c\n+C\n",
                UnifiedDiff.of("a.yaml", "a\nb\nc\n", "A\nb\nC\n"));
    }

    @Test
    void aMissingLastLineBreakIsMarked() {
        // GNU diff shortens a count of 1 ("@@ -1 +1 @@"); the long form is the same hunk to patch.
        assertEquals("--- /abs/a.yaml\n+++ /abs/a.yaml\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n"
                + "\\ No newline at end of file\n", UnifiedDiff.of("/abs/a.yaml", "a", "b"));
    }
}
