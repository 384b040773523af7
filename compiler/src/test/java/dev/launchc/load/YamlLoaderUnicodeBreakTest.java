package dev.launchc.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Reporter;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NEL, LS and PS as they are: line breaks to yaml.v2 (gopkg.in/yaml.v2 scannerc.go: is_break,
 * read_line; YAML 1.1), ordinary characters to snakeyaml-engine (YAML 1.2). The file is refused
 * at the first one (LC0011) with nothing else said about it; their escapes are read alike.
 */
class YamlLoaderUnicodeBreakTest {
    private static List<Diagnostic> load(String text) {
        Reporter reporter = new Reporter("u.yaml", Mode.DEFAULT);
        LoadedFile file = new YamlLoader(LoadLimits.DEFAULTS).load("u.yaml", text.getBytes(StandardCharsets.UTF_8), reporter);
        if (!reporter.diagnostics().isEmpty()) {
            assertTrue(file.failed(), "a refused file keeps no tree");
        }
        return reporter.diagnostics();
    }

    private static String at(Diagnostic d) {
        return d.code() + " " + d.line() + ":" + d.column() + " " + d.message().substring(0, d.message().indexOf(" is a line break"));
    }

    @Test
    void aCommentThatHidesAKeyFromLaunchcButNotFromMicroK8s() {
        List<Diagnostic> found = load("version: 0.2.0\n# edge site\u2028extraSANs: [10.0.0.1]\n");
        assertEquals(List.of("LC0011 2:12 a line separator (U+2028)"), found.stream().map(YamlLoaderUnicodeBreakTest::at).toList());
        assertEquals("replace it with a newline where a new line was meant, or remove it", found.get(0).hint());
    }

    @Test
    void theFirstOfSeveralAfterCrLfLinesAndWideCharacters() {
        List<Diagnostic> found = load("version: 0.2.0\r\nextraSANs:\r\n- \uD83D\uDE42a\u2029- b\u0085- c\n");
        assertEquals(List.of("LC0011 3:5 a paragraph separator (U+2029)"), found.stream().map(YamlLoaderUnicodeBreakTest::at).toList());
    }

    @Test
    void inAQuotedValueToo() {
        List<Diagnostic> found = load("version: 0.2.0\nextraKubeletArgs:\n  --node-labels: \"a=b\u0085c=d\"\n");
        assertEquals(List.of("LC0011 3:22 a next-line character (U+0085)"), found.stream().map(YamlLoaderUnicodeBreakTest::at).toList());
    }

    @Test
    void escapesAreReadAlikeAndLeftToTheValueChecks() {
        String text = "version: 0.2.0\nextraKubeletArgs:\n  --node-labels: \"a=b\\u2028c=d\"\n  --v: \"2\\N\"\n";
        assertEquals(List.of(), load(text));
        FileLint lint = new Linter(Catalog.get().track(Catalog.get().newestTrack()).orElseThrow(), true, Mode.DEFAULT, LoadLimits.DEFAULTS)
                .lint("u.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertFalse(lint.diagnostics().stream().anyMatch(d -> d.code().equals("LC0011")), lint.diagnostics()::toString);
        assertTrue(lint.diagnostics().stream().anyMatch(d -> d.code().equals("LC1010")), lint.diagnostics()::toString);
    }

    @Test
    void lintSaysNothingElseAboutTheFile() {
        FileLint lint = new Linter(Catalog.get().track(Catalog.get().newestTrack()).orElseThrow(), true, Mode.COMPAT, LoadLimits.DEFAULTS)
                .lint("u.yaml", "version: 9\nbogus: [\nextraSANs: [\"\u2028\"]\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("LC0011"), lint.diagnostics().stream().map(Diagnostic::code).toList());
        assertTrue(lint.hasErrors());
    }
}
