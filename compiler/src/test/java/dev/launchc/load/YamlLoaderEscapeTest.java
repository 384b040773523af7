package dev.launchc.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Reporter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Double-quoted escapes as gopkg.in/yaml.v2 2.4.0 reads them (scannerc.go,
 * yaml_parser_scan_flow_scalar: '0' 'a' 'b' 't' TAB 'n' 'v' 'f' 'r' 'e' ' ' '"' '\'' '\\' 'N' '_'
 * 'L' 'P' 'x' 'u' 'U', anything else "found unknown escape character"), where snakeyaml-engine
 * (YAML 1.2) lacks L, P, ' and TAB and has '/'.
 */
class YamlLoaderEscapeTest {
    private record Load(LoadedFile file, List<Diagnostic> diagnostics) {
        String value(String key) {
            assertEquals(List.of(), diagnostics);
            YMap root = (YMap) file.documents().get(0).root();
            return ((YScalar) root.get(key)).text();
        }
    }

    private static Load load(String text) {
        Reporter reporter = new Reporter("e.yaml", Mode.DEFAULT);
        LoadedFile file = new YamlLoader(LoadLimits.DEFAULTS).load("e.yaml", text.getBytes(StandardCharsets.UTF_8), reporter);
        return new Load(file, reporter.diagnostics());
    }

    @Test
    void theEscapesYamlV2TakesAndYaml12DoesNot() {
        assertEquals("a\u2028b", load("k: \"a\\Lb\"\n").value("k"));
        assertEquals("a\u2029b", load("k: \"a\\Pb\"\n").value("k"));
        assertEquals("it's", load("k: \"it\\'s\"\n").value("k"));
        assertEquals("a\tb", load("k: \"a\\\tb\"\n").value("k"));
    }

    @Test
    void severalInOneScalarAndAcrossScalarsAndKeys() {
        Load l = load("\"\\Lkey\": \"x\\Ly\\P\\'z\\L\"\nother: \"\\'\\'\"\nplain: a\\Lb\nsingle: 'a\\Lb'\n");
        YMap root = (YMap) l.file().documents().get(0).root();
        assertEquals(List.of(), l.diagnostics());
        assertEquals("x\u2028y\u2029'z\u2028", ((YScalar) root.get("\u2028key")).text());
        assertEquals("''", ((YScalar) root.get("other")).text());
        // no escapes outside double quotes, in both
        assertEquals("a\\Lb", ((YScalar) root.get("plain")).text());
        assertEquals("a\\Lb", ((YScalar) root.get("single")).text());
    }

    @Test
    void theOtherEscapesStayAsTheyWere() {
        assertEquals("\u0085\u00a0\u0000\u0007\u001b\"\\/", load("k: \"\\N\\_\\0\\a\\e\\\"\\\\/\"\n").value("k"));
    }

    @Test
    void positionsStayWhereTheyWere() {
        Load l = load("k: \"\\L\\P\"\nbad: [\n");
        assertEquals(1, l.diagnostics().size(), l.diagnostics()::toString);
        assertEquals(3, l.diagnostics().get(0).line());
    }

    @Test
    void aSlashEscapeIsRefusedAsYamlV2RefusesIt() {
        Load l = load("version: 0.2.0\nextraSANs: [\"a\\\\/b\", \"x\\/y\"]\n");
        assertEquals(1, l.diagnostics().size(), l.diagnostics()::toString);
        Diagnostic d = l.diagnostics().get(0);
        assertEquals("LC0001", d.code());
        assertEquals(2, d.line());
        assertEquals(24, d.column());
        assertTrue(d.message().contains("found unknown escape character '/'"), d.message());
        assertTrue(l.file().failed());
    }

    @Test
    void aStandInWrittenAsAnEscapeOfItsOwnIsToldApart() {
        // yaml.v2 reads "\x00\L" as NUL and LS (scannerc.go's escape switch); the loader picks a
        // stand-in the scalar does not write itself, before or after the escape
        assertEquals("\u0000\u2028", load("k: \"\\x00\\L\"\n").value("k"));
        assertEquals("\u2028\u0000\u0007\u001b'\u2029", load("k: \"\\L\\0\\a\\e\\'\\P\"\n").value("k"));
        assertEquals("'\u001b\u0008\u000b\f", load("k: \"\\'\\u001B\\b\\v\\f\"\n").value("k"));
    }

    @Test
    void aScalarWritingEveryStandInCannotBeToldApart() {
        Load l = load("k: \"\\0\\a\\b\\v\\f\\e\\L\\P\\'\"\n");
        assertEquals(1, l.diagnostics().size(), l.diagnostics()::toString);
        assertEquals("LC0001", l.diagnostics().get(0).code());
        assertTrue(l.file().failed());
        // in another scalar it does not matter
        Load apart = load("k: \"\\0\\a\\b\\v\\f\\e\"\nj: \"\\L\\P\\'\"\n");
        assertEquals(List.of(), apart.diagnostics());
        assertFalse(apart.file().failed());
    }

    @Test
    void anUnknownEscapeOfBothIsStillRefused() {
        Load l = load("k: \"a\\qb\"\n");
        assertEquals(1, l.diagnostics().size());
        assertTrue(l.diagnostics().get(0).message().contains("found unknown escape character"), l.diagnostics()::toString);
    }

    // Review of the escape rewrites against gopkg.in/yaml.v2 2.4.0 scannerc.go
    // (yaml_parser_scan_flow_scalar's escape switch) and parserc.go (a node's anchor and tag come
    // before its scalar token; snakeyaml-engine's scalar event starts at them).

    @Test
    void aSlashEscapeAfterATagOrAnAnchorIsRefusedToo() {
        for (String written : List.of("k: !!str \"a\\/b\"\n", "k: &x \"a\\/b\"\n", "k: &x !!str\n  # a \" here\n  \"a\\/b\"\n")) {
            Load l = load(written);
            assertEquals(1, l.diagnostics().size(), () -> written + l.diagnostics());
            assertTrue(l.diagnostics().get(0).message().contains("found unknown escape character '/'"), l.diagnostics()::toString);
            assertTrue(l.file().failed());
        }
    }

    @Test
    void aByteOrderMarkInsideALineDoesNotHideTheEscapeFromTheRewrite() {
        // snakeyaml's marks do not count U+FEFF as a column; yaml.v2 reads it inside a quoted
        // scalar as any other character (readerc.go allows #xE000-#xFFFD)
        assertEquals("\uFEFF\u2028x", load("k: \"\uFEFF\\Lx\"\n").value("k"));
    }

    @Test
    void aTabEscapePastTheRewriteBudgetIsNeverReadAsASpace() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("k").append(i).append(": \"\\'\"\n");
        }
        text.append("t: \"a\\\tb\"\n");
        Load l = load(text.toString());
        if (l.diagnostics().isEmpty()) {
            assertEquals("a\tb", l.value("t"));
        } else {
            // past the budget the file is not judged, and it is not said to hold a wrong escape
            assertTrue(l.file().failed());
            assertEquals(List.of("LC0005"), l.diagnostics().stream().map(Diagnostic::code).toList());
        }
    }

    @Test
    void anEscapePastTheRewriteBudgetIsALimitNotASyntaxError() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            text.append("k").append(i).append(": \"\\L\"\n");
        }
        Load l = load(text.toString());
        assertEquals(List.of("LC0005"), l.diagnostics().stream().map(Diagnostic::code).toList(), l.diagnostics()::toString);
        assertEquals(201, l.diagnostics().get(0).line());
        assertTrue(l.file().failed());
    }

    @Test
    void manyEscapesInOneScalarCostOneReadingAgain() {
        // yaml.v2 reads them all (scannerc.go's escape switch); the budget is of parses, not escapes
        String many = "\\'\\L".repeat(500) + "\\\t";
        assertEquals("'\u2028".repeat(500) + "\t", load("k: \"" + many + "\"\nj: \"" + many + "\"\n").value("k"));
        assertEquals("a\\Lb'", load("k: \"a\\\\Lb\\'\"\n").value("k"));
    }

    @Test
    void withFoldedLinesCrlfAstralCharactersAndSkippedTabs() {
        // scannerc.go yaml_parser_scan_flow_scalar: a line break between non-blanks folds to a
        // space, CRLF is one break (read_line), an escaped line break joins, blanks after it go
        assertEquals("a\u2028 b\u2029", load("k: \"a\\L\n  b\\P\"\n").value("k"));
        assertEquals("a\u2028 b'", load("k: \"a\\L\r\n  b\\'\"\r\n").value("k"));
        assertEquals("a\u2028b", load("k: \"a\\L\\\n   b\"\n").value("k"));
        assertEquals("\uD83D\uDE00\u2028\uD83D\uDE00\u2029", load("k: \"\uD83D\uDE00\\L\uD83D\uDE00\\P\"\n").value("k"));
        // a tab yaml.v2 skips after the scalar (scan_to_next_token), with a rewrite before and after
        Load l = load("k: \"\\L\"\t# note\nj: [\"\\P\",\t\"\\'\"]\n");
        assertEquals("\u2028", l.value("k"));
        YSeq j = (YSeq) ((YMap) l.file().documents().get(0).root()).get("j");
        assertEquals("\u2029", ((YScalar) j.items().get(0)).text());
        assertEquals("'", ((YScalar) j.items().get(1)).text());
    }

    @Test
    void afterTheEndOfADocumentTheRewritesStillLineUp() {
        Load l = load("k: \"\\L\"\n...\nj: \"\\P\"\n---\nm: \"x\\'\\P\"\n");
        assertEquals(List.of("LC0010"), l.diagnostics().stream().map(Diagnostic::code).toList(), l.diagnostics()::toString);
        assertEquals(3, l.diagnostics().get(0).line());
        assertEquals("\u2028", ((YScalar) ((YMap) l.file().documents().get(0).root()).get("k")).text());
        assertEquals("x'\u2029", ((YScalar) ((YMap) l.file().documents().get(1).root()).get("m")).text());
    }
}
