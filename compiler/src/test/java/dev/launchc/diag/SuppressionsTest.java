package dev.launchc.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.launchc.catalog.Catalog;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Inline suppression comments and disabled codes, through the real linter (track 1.32). */
class SuppressionsTest {
    /** LC2002 at line 3: a new service range without its first address in extraSANs. */
    private static final String SAN_WARNING = "version: 0.2.0\nextraKubeAPIServerArgs:\n"
            + "  --service-cluster-ip-range: 10.153.183.0/24%s\n";

    private static List<String> codes(String yaml, Suppressions.Filter filter) {
        Linter linter = new Linter(Catalog.get().track("1.32").orElseThrow(), true, Mode.DEFAULT, LoadLimits.DEFAULTS, filter);
        return linter.lint("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)).diagnostics().stream()
                .map(d -> d.code() + "@" + d.line()).toList();
    }

    private static List<String> codes(String yaml) {
        return codes(yaml, Suppressions.Filter.NONE);
    }

    @Test
    void theFindingIsThereWithoutAComment() {
        assertEquals(List.of("LC2002@3"), codes(SAN_WARNING.formatted("")));
    }

    @Test
    void aCommentAtTheEndOfTheLineSilencesItsCode() {
        assertEquals(List.of(), codes(SAN_WARNING.formatted("  # launchc: ignore[LC2002]")));
    }

    @Test
    void aCommentOnTheLineBeforeSilencesTheNextLine() {
        assertEquals(List.of(), codes("version: 0.2.0\nextraKubeAPIServerArgs:\n  # launchc: ignore[LC2002]\n"
                + "  --service-cluster-ip-range: 10.153.183.0/24\n"));
    }

    /**
     * Found by ReportFormatFuzzTest: the scanner that finds comments read the text with
     * snakeyaml-engine's own reader, which throws an IndexOutOfBoundsException when a 1,024-char
     * chunk ends on the first half of a surrogate pair (an emoji); lint ended in "internal error".
     * It reads through the loader's ChunkReader now.
     */
    @Test
    void anEmojiAcrossTheScannersChunkBoundaryIsRead() {
        String padding = "# " + "x".repeat(1020) + "\n"; // 1,023 chars: the emoji's first half is the 1,025th
        String text = padding + "#\uD83D\uDE00\n" + SAN_WARNING.formatted("  # launchc: ignore[LC2002]");
        assertEquals('\uD83D', text.charAt(1024));
        assertEquals(List.of(), codes(text));
        assertEquals(List.of("LC2002@5"), codes(padding + "#\uD83D\uDE00\n" + SAN_WARNING.formatted("")));
    }

    /**
     * Found by ReportFormatFuzzTest in CI: a file that ends right after a hex escape in a quoted
     * scalar made the comment scanner throw snakeyaml-engine's NumberFormatException (the loader
     * already reported the syntax error); the comments before it are still read as comments (the
     * directive is found, and it silences nothing in a file that did not load: LC0030).
     */
    @Test
    void anEscapeCutOffByTheEndOfTheFileEndsTheScanLikeASyntaxError() {
        String text = SAN_WARNING.formatted("  # launchc: ignore[LC2002]") + "extraKubeletArgs:\n  --max-pods: \"1\\u";
        List<String> found = codes(text);
        assertEquals(List.of("LC0030@3", "LC0001@5"), found, found::toString);
    }

    /** Lines end at a lone CR too, as YAML and the findings' positions count them. */
    @Test
    void aCommentOnTheLineBeforeCountsInAFileWithLoneCarriageReturns() {
        assertEquals(List.of(), codes("version: 0.2.0\rextraKubeAPIServerArgs:\r  # launchc: ignore[LC2002]\r"
                + "  --service-cluster-ip-range: 10.153.183.0/24\r"));
        assertEquals(List.of("LC2002@4"), codes("version: 0.2.0\rextraKubeAPIServerArgs:\r  # nothing\r"
                + "  --service-cluster-ip-range: 10.153.183.0/24\r"));
    }

    @Test
    void theDirectiveInsideAValueIsNoCommentAndSilencesNothing() {
        // a quoted value and a block scalar's line hold the text, but YAML reads no comment there
        assertEquals(List.of("LC1003@3", "LC1011@3", "LC1003@4", "LC1010@4", "LC1003@6"), codes("version: 0.2.0\nextraKubeletArgs:\n"
                + "  --max-podz: \"110#launchc: ignore[LC1003]\"\n"
                + "  --node-labelz: |\n    # launchc: ignore[LC1003]\n"
                + "  --foo-bar: x\n"));
    }

    @Test
    void aCommentAfterASyntaxErrorStillCounts() {
        // the scanner stops at the unclosed list; the comment below it is judged by its text: it is
        // read (and stale, as the syntax error stands on the last line)
        List<String> found = codes("version: 0.2.0\nextraKubeletArgs: [\n  # launchc: ignore[LC2002]\n");
        assertEquals(List.of("LC0030@3", "LC0001@4"), found);
    }

    @Test
    void aCommentForAnotherCodeSilencesNothingAndIsStale() {
        assertEquals(List.of("LC2002@3", "LC0030@3"), codes(SAN_WARNING.formatted("  # launchc: ignore[LC2001]")));
    }

    @Test
    void ignoreFileAtTheTopSilencesTheWholeFile() {
        assertEquals(List.of(), codes("# launchc: ignore-file[LC2002]\n" + SAN_WARNING.formatted("")));
    }

    @Test
    void ignoreFileBelowTheFirstKeyIsInvalidAndSilencesNothing() {
        assertEquals(List.of("LC2002@3", "LC0031@4"), codes(SAN_WARNING.formatted("") + "# launchc: ignore-file[LC2002]\n"));
    }

    @Test
    void aSuppressionThatSilencesNothingIsAWarning() {
        List<Diagnostic> found = new Linter(Catalog.get().track("1.32").orElseThrow(), true, Mode.DEFAULT, LoadLimits.DEFAULTS,
                Suppressions.Filter.NONE).lint("t.yaml", "version: 0.2.0  # launchc: ignore[LC1003]\n"
                        .getBytes(StandardCharsets.UTF_8)).diagnostics();
        assertEquals(1, found.size());
        assertEquals(Code.UNUSED_SUPPRESSION.id(), found.get(0).code());
        assertEquals(Severity.WARNING, found.get(0).severity());
        assertEquals("version: 0.2.0  # launchc: ignore[".length() + 1, found.get(0).column(), "it points at the code in the comment");
    }

    @Test
    void protectiveCodesCannotBeSuppressedNorDisabled() {
        String traversal = "version: 0.2.0\nextraConfigFiles:\n  ../escape: x  # launchc: ignore[LC1023]\n";
        assertEquals(List.of("LC1023@3", "LC0031@3"), codes(traversal));
        assertEquals(List.of("LC1023@3"), codes("version: 0.2.0\nextraConfigFiles:\n  ../escape: x\n",
                new Suppressions.Filter(Set.of("LC1023"), false)));
    }

    @Test
    void unknownCodesAndDirectivesAreInvalid() {
        assertEquals(List.of("LC0031@1"), codes("version: 0.2.0  # launchc: ignore[LC9999]\n"));
        assertEquals(List.of("LC0031@1"), codes("version: 0.2.0  # launchc: skip[LC2002]\n"));
        assertEquals(List.of("LC0031@1"), codes("version: 0.2.0  # launchc: ignore[]\n"));
    }

    @Test
    void noIgnoreShowsEverythingAndReportsNoComment() {
        assertEquals(List.of("LC2002@3"), codes(SAN_WARNING.formatted("  # launchc: ignore[LC2002]"),
                new Suppressions.Filter(Set.of(), true)));
        assertEquals(List.of("LC2002@3"), codes(SAN_WARNING.formatted("  # launchc: ignore[LC1003]"),
                new Suppressions.Filter(Set.of(), true)));
    }

    @Test
    void disabledCodesAreGoneAndTheirCommentsAreNotStale() {
        assertEquals(List.of(), codes(SAN_WARNING.formatted(""), new Suppressions.Filter(Set.of("LC2002"), false)));
        assertEquals(List.of(), codes(SAN_WARNING.formatted("  # launchc: ignore[LC2002]"),
                new Suppressions.Filter(Set.of("LC2002"), false)));
    }

    @Test
    void severalCodesInOneComment() {
        assertEquals(List.of(), codes("version: 0.2.0\nextraKubeletArgs:\n"
                + "  --max-podz: \"1\"  # launchc: ignore[LC1003, LC1028]\n").stream()
                .filter(c -> !c.startsWith("LC0030")).toList());
    }

    @Test
    void theCommentsAnEditorWrites() {
        assertEquals("# launchc: ignore[LC2002]", Suppressions.comment("LC2002"));
        assertEquals("# launchc: ignore-file[LC2002]", Suppressions.fileComment("LC2002"));
    }
}
