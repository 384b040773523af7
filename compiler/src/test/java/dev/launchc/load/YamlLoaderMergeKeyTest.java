package dev.launchc.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Pos;
import dev.launchc.diag.Reporter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Merge keys as gopkg.in/yaml.v2 2.4.0 decodes them (decode.go: mapping and mappingStruct walk the
 * keys in order and call merge where a plain {@code <<} stands; merge unmarshals the mapping, or
 * each mapping of a list from the last to the first, into the same map; anything else fails with
 * "map merge requires map or sequence of maps as the value"; isMerge takes a plain {@code <<}, or
 * one tagged {@code !!merge} or {@code !}).
 */
class YamlLoaderMergeKeyTest {

    private static final class Loaded {
        final LoadedFile file;
        final List<Diagnostic> findings;

        Loaded(String text) {
            Reporter reporter = new Reporter("merge.yaml", Mode.DEFAULT);
            file = new YamlLoader(LoadLimits.DEFAULTS).load(new SourceFile("merge.yaml", text), reporter);
            findings = reporter.diagnostics();
        }

        YMap map(String pointer) {
            return (YMap) file.documents().get(0).at(pointer);
        }

        String text(String pointer) {
            return ((YScalar) file.documents().get(0).at(pointer)).text();
        }
    }

    private static final String SHARED = String.join("\n",
            "a: &shared",               // 1
            "  --x: \"1\"",             // 2
            "  --y: \"2\"",             // 3
            "b:",                       // 4
            "");

    @Test
    void mergedEntriesKeepTheAnchorsPositionsAndRaiseNoDuplicate() {
        Loaded l = new Loaded(SHARED + "  <<: *shared\n  --v: \"2\"\n");
        assertTrue(l.findings.isEmpty(), () -> l.findings.toString());
        YMap b = l.map("/b");
        assertEquals(List.of("--x", "--y", "--v"), b.entries().stream().map(e -> e.key().text()).toList());
        assertFalse(b.has("<<"));
        assertEquals(new Pos(2, 3), b.entry("--x").key().pos());
        assertEquals(new Pos(2, 8), b.entry("--x").value().pos());
        assertTrue(b.merged("--x"));
        assertFalse(b.merged("--v"));
        // The anchored mapping itself is unchanged.
        assertEquals(2, l.map("/a").size());
    }

    @Test
    void aKeyWrittenBeforeTheMergeKeyIsOverwrittenByTheMergedValue() {
        Loaded l = new Loaded(SHARED + "  --x: before\n  <<: *shared\n");
        assertTrue(l.findings.isEmpty(), () -> l.findings.toString());
        assertEquals("1", l.text("/b/--x"));
        assertEquals(new Pos(2, 3), l.map("/b").entry("--x").key().pos());
    }

    @Test
    void aKeyWrittenAfterTheMergeKeyWinsWithoutADuplicateFinding() {
        Loaded l = new Loaded(SHARED + "  <<: *shared\n  --x: after\n");
        assertTrue(l.findings.isEmpty(), () -> l.findings.toString());
        assertEquals("after", l.text("/b/--x"));
        assertFalse(l.map("/b").merged("--x"));
    }

    @Test
    void aKeyWrittenTwiceAfterTheMergeIsStillADuplicate() {
        Loaded l = new Loaded(SHARED + "  <<: *shared\n  --x: one\n  --x: two\n");
        assertEquals(List.of("LC0002"), l.findings.stream().map(Diagnostic::code).toList());
        assertEquals(7, l.findings.get(0).line());
    }

    @Test
    void inAListTheEarlierMappingWins() {
        Loaded l = new Loaded("p: &p {--x: p1, --y: p2}\nq: &q {--x: q1, --z: q3}\nb:\n  <<: [*p, *q]\n");
        assertTrue(l.findings.isEmpty(), () -> l.findings.toString());
        assertEquals("p1", l.text("/b/--x"));
        assertEquals("p2", l.text("/b/--y"));
        assertEquals("q3", l.text("/b/--z"));
    }

    @Test
    void anInlineMappingAndANestedMergeAreMergedToo() {
        Loaded l = new Loaded("p: &p {--x: p1}\nq: &q {<<: *p, --y: q2}\nb: {<<: [*q, {--z: z3}]}\n");
        assertTrue(l.findings.isEmpty(), () -> l.findings.toString());
        assertEquals("p1", l.text("/b/--x"));
        assertEquals("q2", l.text("/b/--y"));
        assertEquals("z3", l.text("/b/--z"));
    }

    @Test
    void aQuotedMergeKeyIsAnOrdinaryKey() {
        Loaded l = new Loaded(SHARED + "  \"<<\": *shared\n");
        assertTrue(l.findings.isEmpty(), () -> l.findings.toString());
        assertTrue(l.map("/b").has("<<"));
        assertFalse(l.map("/b").has("--x"));
    }

    /**
     * isMerge also takes a {@code <<} tagged {@code !!merge}, and one the parser marks implicit:
     * tagged with the bare {@code !}, in any style (parserc.go: plain_implicit is set for an
     * untagged plain scalar or the tag "!").
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"!!merge <<", "!!merge \"<<\"", "! <<", "! '<<'", "!<tag:yaml.org,2002:merge> <<"})
    void aMergeKeyByItsTagIsMergedToo(String key) {
        Loaded l = new Loaded(SHARED + "  " + key + ": *shared\n");
        assertTrue(l.findings.isEmpty(), () -> l.findings.toString());
        assertFalse(l.map("/b").has("<<"), key);
        assertTrue(l.map("/b").has("--x"), key);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"!!str <<", "!!str \"<<\"", "!custom <<"})
    void aMergeKeyWithAnotherTagIsAnOrdinaryKey(String key) {
        Loaded l = new Loaded(SHARED + "  " + key + ": *shared\n");
        assertTrue(l.findings.isEmpty(), () -> l.findings.toString());
        assertTrue(l.map("/b").has("<<"), key);
        assertFalse(l.map("/b").has("--x"), key);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<<: 1", "<<: \"x\"", "<<:", "<<: ~", "<<: [*s, 1]", "<<: [[]]", "<<: *t", "<<: [*t]"})
    void aMergeOfAnythingButMappingsFailsTheFile(String merge) {
        Loaded l = new Loaded("s: &s {--x: \"1\"}\nt: &t text\nb:\n  " + merge + "\n");
        assertTrue(l.file.failed(), merge);
        assertEquals(List.of("LC0001"), l.findings.stream().map(Diagnostic::code).toList(), () -> l.findings.toString());
        assertTrue(l.findings.get(0).message().contains("map merge requires map or sequence of maps"), l.findings.get(0).message());
    }

    @Test
    void aRenameNeverEditsThroughAMerge() {
        Loaded l = new Loaded(SHARED + "  <<: *shared\n  --v: \"2\"\n");
        YDocument doc = l.file.documents().get(0);
        // --x of b is written in a: renaming it there would rename a's flag too; and a's --x is merged into b.
        assertNull(doc.renameKey("/b/--x", "--w"));
        assertNull(doc.renameKey("/a/--x", "--w"));
        // Keys written only once still get their rename.
        assertNotNull(doc.renameKey("/b/--v", "--w"));
        Loaded plain = new Loaded("a:\n  --x: \"1\"\n");
        assertNotNull(plain.file.documents().get(0).renameKey("/a/--x", "--w"));
    }
}
