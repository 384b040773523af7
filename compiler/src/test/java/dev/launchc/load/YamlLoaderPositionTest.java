package dev.launchc.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Pos;
import dev.launchc.diag.Reporter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Positions are 1-based line and column of a node's first character, columns counted in Unicode
 * code points, lines file-global across documents; scalars keep their literal text.
 */
class YamlLoaderPositionTest {
    private static final String CONFIG = String.join("\n",
            "version: 0.2.0",                                  // 1
            "extraKubeletArgs:",                               // 2
            "  --cluster-dns: 10.152.183.10",                  // 3
            "  --cluster-domain: \"cluster.local\"",           // 4
            "extraSANs: [10.0.0.1, node.example.com]",         // 5
            "addons:",                                         // 6
            "  - name: dns",                                   // 7
            "  - name: metallb",                               // 8
            "    args:",                                       // 9
            "      - 10.64.140.43-10.64.140.49",               // 10
            "join:",                                           // 11
            "  worker: true",                                  // 12
            "");

    private static LoadedFile load(String text) {
        return load(text.getBytes(StandardCharsets.UTF_8));
    }

    private static LoadedFile load(byte[] bytes) {
        Reporter reporter = new Reporter("pos.yaml", Mode.DEFAULT);
        LoadedFile file = new YamlLoader(LoadLimits.DEFAULTS).load("pos.yaml", bytes, reporter);
        List<Diagnostic> d = reporter.diagnostics();
        assertTrue(d.isEmpty(), () -> "no findings expected: " + d);
        assertFalse(file.failed());
        return file;
    }

    private static YDocument only(LoadedFile file) {
        assertEquals(1, file.documents().size());
        return file.documents().get(0);
    }

    private static Pos pos(int line, int column) {
        return new Pos(line, column);
    }

    /** Pointer, expected key position (null for list items and the root), expected value position. */
    static Stream<Arguments> configPositions() {
        return Stream.of(
                Arguments.of("", null, pos(1, 1)),
                Arguments.of("/version", pos(1, 1), pos(1, 10)),
                Arguments.of("/extraKubeletArgs", pos(2, 1), pos(3, 3)),
                Arguments.of("/extraKubeletArgs/--cluster-dns", pos(3, 3), pos(3, 18)),
                Arguments.of("/extraKubeletArgs/--cluster-domain", pos(4, 3), pos(4, 21)),
                Arguments.of("/extraSANs", pos(5, 1), pos(5, 12)),
                Arguments.of("/extraSANs/0", null, pos(5, 13)),
                Arguments.of("/extraSANs/1", null, pos(5, 23)),
                Arguments.of("/addons", pos(6, 1), pos(7, 3)),
                Arguments.of("/addons/0", null, pos(7, 5)),
                Arguments.of("/addons/0/name", pos(7, 5), pos(7, 11)),
                Arguments.of("/addons/1/name", pos(8, 5), pos(8, 11)),
                Arguments.of("/addons/1/args", pos(9, 5), pos(10, 7)),
                Arguments.of("/addons/1/args/0", null, pos(10, 9)),
                Arguments.of("/join/worker", pos(12, 3), pos(12, 11)));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @MethodSource("configPositions")
    void keysAndValuesInNestedMapsAndLists(String pointer, Pos key, Pos value) {
        YDocument doc = only(load(CONFIG));
        YNode node = doc.at(pointer);
        assertEquals(value, node.pos(), "node position");
        assertEquals(value, doc.valuePos(pointer), "valuePos");
        if (key != null) {
            assertEquals(key, doc.keyPos(pointer), "keyPos");
        }
    }

    @Test
    void positionsPointAtTheTextTheyName() {
        SourceFile source = load(CONFIG).source();
        YDocument doc = only(load(CONFIG));
        assertTextAt(source, doc.valuePos("/extraKubeletArgs/--cluster-dns"), "10.152.183.10");
        assertTextAt(source, doc.keyPos("/extraKubeletArgs/--cluster-domain"), "--cluster-domain");
        assertTextAt(source, doc.valuePos("/extraKubeletArgs/--cluster-domain"), "\"cluster.local\"");
        assertTextAt(source, doc.valuePos("/extraSANs/1"), "node.example.com");
        assertTextAt(source, doc.valuePos("/addons/1/args/0"), "10.64.140.43");
    }

    private static void assertTextAt(SourceFile source, Pos pos, String expected) {
        String line = source.line(pos.line());
        String rest = line.substring(line.offsetByCodePoints(0, pos.column() - 1));
        assertTrue(rest.startsWith(expected), () -> pos + " shows '" + rest + "', expected '" + expected + "'");
    }

    @Test
    void missingPointerFallsBackToTheNearestParent() {
        YDocument doc = only(load(CONFIG));
        assertNull(doc.at("/extraKubeletArgs/--max-pods"));
        assertEquals(pos(3, 3), doc.valuePos("/extraKubeletArgs/--max-pods"));
        assertEquals(pos(3, 3), doc.keyPos("/extraKubeletArgs/--max-pods"));
        assertEquals(pos(7, 3), doc.valuePos("/addons/7/name"));
        assertEquals(pos(1, 1), doc.valuePos("/nothing/here"));
    }

    @Test
    void pointerTokensAreUnescaped() {
        YDocument doc = only(load("version: 0.1.0\ncontainerdRegistryConfigs:\n  a/b~c: x\n"));
        String pointer = Pointers.child("/containerdRegistryConfigs", "a/b~c");
        assertEquals("/containerdRegistryConfigs/a~1b~0c", pointer);
        assertEquals(pos(3, 3), doc.keyPos(pointer));
        assertEquals(pos(3, 10), doc.valuePos(pointer));
    }

    @Test
    void multiDocumentLineNumbersAreFileGlobal() {
        String text = String.join("\n",
                "# header comment",        // 1
                "---",                     // 2
                "version: 0.1.0",          // 3
                "addons:",                 // 4
                "  - name: dns",           // 5
                "---",                     // 6
                "---",                     // 7  an empty part
                "version: 0.1.0",          // 8
                "addons:",                 // 9
                "- name: rbac",            // 10
                "");
        LoadedFile file = load(text);
        List<YDocument> docs = file.documents();
        assertEquals(3, docs.size());
        assertEquals(List.of(0, 1, 2), docs.stream().map(YDocument::index).toList());
        assertEquals(pos(2, 1), docs.get(0).start());
        assertEquals(pos(6, 1), docs.get(1).start());
        assertEquals(pos(7, 1), docs.get(2).start());
        assertEquals(pos(5, 11), docs.get(0).valuePos("/addons/0/name"));
        assertTrue(docs.get(1).isEmpty());
        assertEquals(pos(8, 1), docs.get(2).keyPos("/version"));
        assertEquals(pos(10, 1), docs.get(2).valuePos("/addons"));
        assertEquals(pos(10, 9), docs.get(2).valuePos("/addons/0/name"));
    }

    @Test
    void implicitFirstDocumentStartsAtLineOne() {
        LoadedFile file = load("version: 0.1.0\n---\nversion: 0.2.0\n");
        assertEquals(pos(1, 1), file.documents().get(0).start());
        assertEquals(pos(2, 1), file.documents().get(1).start());
        assertEquals(pos(3, 10), file.documents().get(1).valuePos("/version"));
    }

    @Test
    void utf8BomLeavesLineOneColumnsUnchanged() {
        byte[] plain = CONFIG.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        LoadedFile withBom = load(bom);
        assertEquals(CONFIG, withBom.source().text(), "the BOM is not part of the text");
        assertEquals(positions(load(plain)), positions(withBom));
        YDocument doc = only(withBom);
        assertEquals(pos(1, 1), doc.keyPos("/version"));
        assertEquals(pos(1, 10), doc.valuePos("/version"));
    }

    @Test
    void crlfLineEndingsGiveTheSamePositionsAsLf() {
        LoadedFile lf = load(CONFIG);
        LoadedFile crlf = load(CONFIG.replace("\n", "\r\n"));
        assertEquals(positions(lf), positions(crlf));
        assertEquals(pos(10, 9), only(crlf).valuePos("/addons/1/args/0"));
        assertEquals("10.152.183.10", ((YScalar) only(crlf).at("/extraKubeletArgs/--cluster-dns")).text(),
                "no CR in values");
    }

    @Test
    void crlfInAMultiDocumentFile() {
        LoadedFile file = load("version: 0.1.0\r\n---\r\nversion: 0.2.0\r\naddons:\r\n  - name: dns\r\n");
        assertEquals(2, file.documents().size());
        assertEquals(pos(2, 1), file.documents().get(1).start());
        assertEquals(pos(5, 11), file.documents().get(1).valuePos("/addons/0/name"));
    }

    @Test
    void columnsCountCodePointsNotBytesOrUtf16Units() {
        YDocument doc = only(load("\u00e9t\u00e9: [\uD83D\uDE42, x]\nk: \u00e9\u00e9\u00e9 \uD83D\uDE42 y\nz: 1\n"));
        assertEquals(pos(1, 6), doc.valuePos("/\u00e9t\u00e9"));
        assertEquals(pos(1, 7), doc.valuePos("/\u00e9t\u00e9/0"));
        assertEquals(pos(1, 10), doc.valuePos("/\u00e9t\u00e9/1"));
        assertEquals(pos(2, 4), doc.valuePos("/k"));
        assertEquals(pos(3, 4), doc.valuePos("/z"));
    }

    /** Every node's pointer and position, in document order. */
    private static List<String> positions(LoadedFile file) {
        List<String> out = new ArrayList<>();
        for (YDocument doc : file.documents()) {
            collect(doc.root(), "#" + doc.index(), out);
        }
        assertFalse(out.isEmpty());
        return out;
    }

    private static void collect(YNode node, String pointer, List<String> out) {
        out.add(pointer + " " + node.pos());
        if (node instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                out.add(pointer + " key " + e.key().text() + " " + e.key().pos());
                collect(e.value(), Pointers.child(pointer, e.key().text()), out);
            }
        } else if (node instanceof YSeq s) {
            for (int i = 0; i < s.items().size(); i++) {
                collect(s.items().get(i), Pointers.child(pointer, i), out);
            }
        }
    }

    // ---- scalar text -----------------------------------------------------------------------

    /** Value as written, expected text, plain, null, describe(). */
    static Stream<Arguments> scalars() {
        return Stream.of(
                Arguments.of("true", "true", true, false, "a boolean"),
                Arguments.of("1.10", "1.10", true, false, "a number"),
                Arguments.of("0x1F", "0x1F", true, false, "a number"),
                Arguments.of("yes", "yes", true, false, "a boolean"),
                Arguments.of("on", "on", true, false, "a boolean"),
                Arguments.of("0.2.0", "0.2.0", true, false, "a string"),
                Arguments.of("010", "010", true, false, "a number"),
                Arguments.of("1e3", "1e3", true, false, "a number"),
                Arguments.of("\"true\"", "true", false, false, "a string"),
                Arguments.of("'1.10'", "1.10", false, false, "a string"),
                Arguments.of("\"0x1F\"", "0x1F", false, false, "a string"),
                Arguments.of("'yes'", "yes", false, false, "a string"),
                Arguments.of("!!str 1", "1", false, false, "a string"),
                Arguments.of("null", "null", true, true, "null"),
                Arguments.of("Null", "Null", true, true, "null"),
                Arguments.of("~", "~", true, true, "null"),
                Arguments.of("", "", true, true, "null"),
                Arguments.of("\"\"", "", false, false, "a string"),
                Arguments.of("\"null\"", "null", false, false, "a string"),
                Arguments.of("'~'", "~", false, false, "a string"));
    }

    @ParameterizedTest(name = "k: {0}")
    @MethodSource("scalars")
    void scalarKeepsItsLiteralText(String written, String text, boolean plain, boolean isNull, String describe) {
        YDocument doc = only(load("k: " + written + "\nnext: 1\n"));
        YScalar s = (YScalar) doc.at("/k");
        assertEquals(text, s.text());
        assertEquals(plain, s.plain(), "plain");
        assertEquals(isNull, s.isNull(), "isNull");
        assertEquals(describe, s.describe());
    }

    @Test
    void emptyValuesAreNullScalarsWithAPosition() {
        YDocument doc = only(load("a:\nb: ~\nc: null\nd: [~, null, ]\n"));
        for (String p : new String[] {"/a", "/b", "/c", "/d/0", "/d/1"}) {
            YScalar s = (YScalar) doc.at(p);
            assertTrue(s.isNull(), p);
            assertTrue(s.pos().line() >= 1 && s.pos().column() >= 1, p);
        }
        assertEquals(2, ((YSeq) doc.at("/d")).items().size(), "a trailing comma adds no item");
        assertEquals(pos(2, 4), doc.valuePos("/b"));
        assertEquals(pos(3, 4), doc.valuePos("/c"));
    }

    @Test
    void blockScalarsAreNotPlainAndKeepTheirLineBreaks() {
        YDocument doc = only(load("a: |\n  line one\n  line two\nb: >\n  folded\n  text\nc: |-\n  x\n"));
        YScalar a = (YScalar) doc.at("/a");
        assertEquals("line one\nline two\n", a.text());
        assertFalse(a.plain());
        assertEquals(pos(1, 4), a.pos());
        assertEquals("folded text\n", ((YScalar) doc.at("/b")).text());
        assertEquals("x", ((YScalar) doc.at("/c")).text());
    }

    @Test
    void emptyDocumentHasNoRoot() {
        LoadedFile file = load("# only a comment\n");
        assertTrue(file.documents().isEmpty(), "a comment-only file has no document");
        LoadedFile empty = load("---\n");
        assertEquals(1, empty.documents().size());
        YDocument doc = empty.documents().get(0);
        assertTrue(doc.isEmpty());
        assertTrue(doc.root() == null || doc.root() instanceof YScalar s && s.isNull(), "no content: " + doc.root());
    }
}
