package dev.launchc.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Reporter;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken inputs: every one ends in its diagnostic, never in an exception, and within
 * {@link #BOUND} (enforced preemptively, so a hang fails the test instead of the build). Inputs are
 * built before the clock starts; each case prints its load time to the surefire output file.
 */
class YamlLoaderHostileInputTest {
    /**
     * A hang guard, not a timing test: a hostile file that defeats a limit loops or grows without
     * end, far past this bound; a bounded load takes milliseconds (printed per case). It is generous
     * because a loaded 2-core CI machine once took over 5 s for a legitimate case. How long the
     * loader takes is measured in the benchmarks.
     */
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String NAME = "hostile.yaml";

    /** A load's outcome and how long it took. */
    record Result(LoadedFile file, List<Diagnostic> diagnostics, long millis) {
        Diagnostic only() {
            assertEquals(1, diagnostics.size(), () -> "expected exactly one finding, got " + diagnostics);
            return diagnostics.get(0);
        }

        /** The load failed and kept no tree: nothing downstream sees the hostile input. */
        void assertNoTree() {
            assertTrue(file.failed(), "the load must fail");
            assertTrue(file.documents().isEmpty(), "a failed load keeps no documents");
        }
    }

    private static Result load(String label, byte[] bytes, LoadLimits limits) {
        return timed(label, reporter -> new YamlLoader(limits).load(NAME, bytes, reporter));
    }

    private static Result load(String label, String text) {
        return load(label, utf8(text), LoadLimits.DEFAULTS);
    }

    private static Result timed(String label, java.util.function.Function<Reporter, LoadedFile> loading) {
        return assertTimeoutPreemptively(BOUND, () -> {
            Reporter reporter = new Reporter(NAME, Mode.DEFAULT);
            long start = System.nanoTime();
            LoadedFile file;
            try {
                file = loading.apply(reporter);
            } catch (Throwable t) {
                throw new AssertionError(label + ": the loader threw instead of reporting", t);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("hostile %-48s %6d ms%n", label, millis);
            assertNotNull(file, label + ": no result");
            return new Result(file, reporter.diagnostics(), millis);
        }, () -> label + " took longer than " + BOUND);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertAt(Diagnostic d, Code code, int line, int column) {
        assertEquals(code.id(), d.code(), () -> "code of " + d);
        assertEquals(line, d.line(), () -> "line of " + d);
        assertEquals(column, d.column(), () -> "column of " + d);
        assertEquals(NAME, d.file());
    }

    /** The text of a 1-based line of {@code text}, from a 1-based column on. */
    private static String at(String text, int line, int column) {
        String l = text.split("\n", -1)[line - 1];
        return l.substring(l.offsetByCodePoints(0, column - 1));
    }

    // ---- aliases ---------------------------------------------------------------------------

    /** a: 9 strings; b: 9 × *a; … i: 9 × *h. Fully expanded that is 9^9 ≈ 387 million strings. */
    static String billionLaughs() {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            sb.append("]\n");
        }
        return sb.toString();
    }

    /**
     * Found by LintNativeFuzzTest and MigrateFuzzTest: text dropped after a document's end, in a
     * file whose lines break at a lone CR, was located by LF lines, so blanking it changed nothing
     * and the loader gave up without a result. Lines count as snakeyaml's marks count now, and as
     * MicroK8s' parser does: gopkg.in/yaml.v2 2.4.0 yamlprivateh.go is_break takes a CR as a break.
     */
    @Test
    void droppedTextAfterALoneCarriageReturnIsFound() {
        Result r = load("dropped text after lone CRs", "a\r# note\rb: c\r");
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
        Diagnostic d = r.only();
        assertEquals(Code.CONTENT_DROPPED.id(), d.code());
        assertEquals(3, d.line());
        assertTrue(d.message().contains("drops line 3 unread ('b: c')"), d.message());
    }

    /**
     * Found by ReportFormatFuzzTest: a double-quoted scalar whose text ends right after an escape
     * that takes hex digits (\\x, \\u, \\U) made snakeyaml-engine's scanner throw a
     * NumberFormatException (it parses the digits it got: none), and lint ended in "internal
     * error". MicroK8s' parser rejects such a file too: gopkg.in/yaml.v2 2.4.0 scannerc.go,
     * yaml_parser_scan_flow_scalar, "did not find expected hexdecimal number".
     */
    @Test
    void anEscapeCutOffByTheEndOfTheFileIsASyntaxError() {
        for (String text : List.of("a: \"\\u", "a: \"\\x", "a: \"\\U", "version: 0.2.0\nb:\n  c: \"1\\u")) {
            Result r = load("escape at the end: " + text.replace("\n", "|"), text);
            r.assertNoTree();
            Diagnostic d = r.only();
            int lastLine = text.split("\n", -1).length;
            assertAt(d, Code.YAML_SYNTAX, lastLine, text.substring(text.lastIndexOf('\n') + 1).length() + 1);
            assertTrue(d.message().contains("end of stream"), d.message());
        }
    }

    /** Each dropped span costs a parse of the whole file: past the budget the load ends with a finding, never without a result. */
    @Test
    void manyDroppedSpansEndAtTheBudget() {
        String part = "{a: b}\nc: d\n---\n";
        Result few = load("3 dropped spans", utf8(part.repeat(3)), LoadLimits.DEFAULTS);
        assertEquals(3, few.diagnostics().stream().filter(d -> d.code().equals(Code.CONTENT_DROPPED.id())).count(),
                () -> few.diagnostics().toString());
        // A large file gets fewer re-reads: 4,000 spans of 2 kB each would cost 16 GB of parsing.
        String padded = "{a: b}\nc: d\n" + "# " + "x".repeat(2000) + "\n---\n";
        Result large = load("4000 dropped spans in 8 MB", utf8(padded.repeat(4000)), LoadLimits.DEFAULTS);
        large.assertNoTree();
        assertTrue(large.diagnostics().stream().anyMatch(d -> d.code().equals(Code.LIMIT_EXCEEDED.id())
                && d.message().contains("text after the end of a document in 3 places")), () -> large.diagnostics().toString());
    }

    @Test
    void billionLaughsNineLevelsStopsAtTheNodeLimit() {
        String text = billionLaughs();
        Result r = load("billion laughs, 9 levels", text);
        r.assertNoTree();
        Diagnostic d = r.only();
        // Nodes counted up to line 5 (keys, strings, lists; an alias counts its whole expansion):
        // 11 + 92 + 821 + 7382 + 66431 = 74737. Line 6 adds its key (74738) and 66430 per *e, so
        // the 7th *e, at column 8 + 3 * 6 = 26, is the one that crosses 500,000.
        assertAt(d, Code.LIMIT_EXCEEDED, 6, 26);
        assertTrue(at(text, 6, 26).startsWith("*e"), "points at the alias that crosses the limit");
        assertEquals("more than 500000 nodes once aliases are expanded", d.message());
    }

    @Test
    void aliasBombInBlockMappingsStopsAtTheNodeLimit() {
        StringBuilder sb = new StringBuilder("l0: &l0\n");
        for (int i = 0; i < 10; i++) {
            sb.append("  k").append(i).append(": lol\n");
        }
        for (int level = 1; level <= 9; level++) {
            sb.append("l").append(level).append(": &l").append(level).append('\n');
            for (int i = 0; i < 10; i++) {
                sb.append("  k").append(i).append(": *l").append(level - 1).append('\n');
            }
        }
        Result r = load("alias bomb, block mappings 10^10", sb.toString());
        r.assertNoTree();
        Diagnostic d = r.only();
        assertEquals(Code.LIMIT_EXCEEDED.id(), d.code());
        assertTrue(at(sb.toString(), d.line(), d.column()).startsWith("*l"), () -> "at an alias: " + d);
    }

    @Test
    void recursiveAliasInAFlowListIsReported() {
        Result r = load("recursive alias &a [*a]", "a: &a [*a]\n");
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.LIMIT_EXCEEDED, 1, 8);
        assertEquals("alias *a refers to itself", d.message());
    }

    @Test
    void recursiveAliasInABlockMappingIsReported() {
        Result r = load("recursive alias in a mapping", "a: &a\n  b: 1\n  c: *a\n");
        r.assertNoTree();
        assertAt(r.only(), Code.LIMIT_EXCEEDED, 3, 6);
    }

    @Test
    void aliasToAnUndefinedAnchorIsASyntaxError() {
        Result r = load("undefined alias", "version: 0.1.0\nextraSANs: *sans\n");
        r.assertNoTree();
        assertAt(r.only(), Code.YAML_SYNTAX, 2, 12);
    }

    @Test
    void anchorsDoNotCarryOverToTheNextDocument() {
        Result r = load("alias to an anchor of the previous document", "a: &x [1]\n---\nb: *x\n");
        r.assertNoTree();
        assertAt(r.only(), Code.YAML_SYNTAX, 3, 4);
    }

    /**
     * 100 anchors, each wrapping the previous one in 95 brackets: under the depth limit as written,
     * but the tree is ~9,500 levels deep once aliases are followed. Before the loader measured the
     * height of anchored nodes this loaded without a finding and the linter died in a
     * StackOverflowError when it converted the tree for the schema.
     */
    static String aliasDepthChain() {
        StringBuilder sb = new StringBuilder();
        String previous = null;
        for (int k = 0; k < 100; k++) {
            sb.append("k").append(k).append(": &a").append(k).append(' ').append("[".repeat(95))
                    .append(previous == null ? "x" : "*" + previous).append("]".repeat(95)).append('\n');
            previous = "a" + k;
        }
        return sb.toString();
    }

    @Test
    void aliasesCannotNestDeeperThanTheDepthLimit() {
        String text = aliasDepthChain();
        Result r = load("depth through a chain of aliases", text);
        r.assertNoTree();
        Diagnostic d = r.only();
        // Line 2: "k1: &a1 " then 95 '[' put *a0 (95 + 1 levels deep) at depth 1 + 95.
        assertAt(d, Code.LIMIT_EXCEEDED, 2, 104);
        assertTrue(at(text, 2, 104).startsWith("*a0"));
        assertEquals("alias *a0 nests deeper than 100 levels once expanded", d.message());
    }

    @Test
    void aliasWithinTheDepthLimitLoads() {
        Result r = load("alias that stays within the depth limit", "a: &a " + "[".repeat(49) + "x" + "]".repeat(49)
                + "\nb: " + "[".repeat(49) + "*a" + "]".repeat(49) + "\n");
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
        assertTrue(r.diagnostics().isEmpty());
    }

    @Test
    void linterSurvivesTheAliasDepthChain() {
        String text = "version: 0.2.0\nextraKubeletArgs:\n" + aliasDepthChain().replaceAll("(?m)^(?=.)", "  ");
        Track track = Catalog.get().track(Catalog.get().newestTrack()).orElseThrow();
        FileLint lint = assertTimeoutPreemptively(BOUND,
                () -> new Linter(track, Mode.DEFAULT, LoadLimits.DEFAULTS).lint(NAME, utf8(text)));
        assertEquals(List.of(Code.LIMIT_EXCEEDED.id()), lint.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void moreThanTheAliasLimitOfCollectionAliasesIsReported() {
        StringBuilder sb = new StringBuilder("a: &a [x]\nb: [");
        for (int i = 0; i < 150; i++) {
            sb.append(i == 0 ? "" : ", ").append("*a");
        }
        sb.append("]\n");
        Result r = load("150 aliases to one list (limit 100)", sb.toString());
        r.assertNoTree();
        Diagnostic d = r.only();
        // The 101st alias: "b: [" is 4 columns, each "*a, " 4 more.
        assertAt(d, Code.LIMIT_EXCEEDED, 2, 5 + 4 * 100);
        assertEquals("more than 100 aliases to mappings or lists", d.message());
    }

    @Test
    void aliasesToScalarsAreNotCountedAgainstTheAliasLimit() {
        StringBuilder sb = new StringBuilder("a: &a x\nb:\n");
        for (int i = 0; i < 1000; i++) {
            sb.append("  - *a\n");
        }
        Result r = load("1,000 aliases to a scalar", sb.toString());
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
        assertEquals(1000, ((YSeq) ((YMap) r.file().documents().get(0).root()).get("b")).items().size());
    }

    // ---- nesting ---------------------------------------------------------------------------

    @Test
    void twentyThousandOpenBracketsStopAtTheDepthLimit() {
        Result r = load("20,000 x '['", "[".repeat(20_000));
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.LIMIT_EXCEEDED, 1, 101);
        assertEquals("nesting deeper than 100 levels", d.message());
    }

    @Test
    void twentyThousandBalancedBracketsStopAtTheDepthLimit() {
        Result r = load("20,000 x '[' + 20,000 x ']'", "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        r.assertNoTree();
        assertAt(r.only(), Code.LIMIT_EXCEEDED, 1, 101);
    }

    @Test
    void twentyThousandFlowMappingsStopAtTheDepthLimit() {
        Result r = load("20,000 x '{a: '", "{a: ".repeat(20_000));
        r.assertNoTree();
        assertAt(r.only(), Code.LIMIT_EXCEEDED, 1, 401);
    }

    /** "? ? ? … x": block mappings whose key is a block mapping, 20,000 levels on one line. */
    @Test
    void twentyThousandNestedBlockMappingsOnOneLineStopAtTheDepthLimit() {
        Result r = load("20,000 block mappings ('? ' keys)", "? ".repeat(20_000) + "x\n");
        r.assertNoTree();
        assertAt(r.only(), Code.LIMIT_EXCEEDED, 1, 201);
    }

    /**
     * The natural form, one more space per level. 20,000 levels need 200 MB of text, so the size
     * limit is raised for this case: the depth limit must stop the loader after 101 lines, without
     * scanning the rest.
     */
    @Test
    void twentyThousandIndentedBlockMappingsStopAtTheDepthLimit() {
        StringBuilder sb = new StringBuilder(201_000_000);
        for (int i = 0; i < 20_000; i++) {
            sb.append(" ".repeat(i)).append("a:\n");
        }
        SourceFile source = new SourceFile(NAME, sb.toString());
        sb.setLength(0);
        Result r = timed("20,000 indented block mappings (200 MB)",
                reporter -> new YamlLoader(LoadLimits.DEFAULTS.withMaxFileBytes(1L << 30)).load(source, reporter));
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.LIMIT_EXCEEDED, 101, 101);
        assertEquals("nesting deeper than 100 levels", d.message());
    }

    /** The deepest natural block nesting that fits the default 8 MiB: 4,000 levels. */
    @Test
    void fourThousandIndentedBlockMappingsUnderTheSizeLimitStopAtTheDepthLimit() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4_000; i++) {
            sb.append(" ".repeat(i)).append("a:\n");
        }
        byte[] bytes = utf8(sb.toString());
        assertTrue(bytes.length < LoadLimits.DEFAULTS.maxFileBytes());
        Result r = load("4,000 indented block mappings (8 MB)", bytes, LoadLimits.DEFAULTS);
        r.assertNoTree();
        assertAt(r.only(), Code.LIMIT_EXCEEDED, 101, 101);
    }

    @Test
    void twentyThousandNestedBlockListsStopAtTheDepthLimit() {
        Result r = load("20,000 x '- '", "- ".repeat(20_000) + "x\n");
        r.assertNoTree();
        assertAt(r.only(), Code.LIMIT_EXCEEDED, 1, 201);
    }

    /** Without the depth limit the event loop still holds: no recursion, so no StackOverflowError. */
    @Test
    void twentyThousandLevelsWithoutADepthLimitLoadWithoutStackOverflow() {
        LoadLimits unlimited = LoadLimits.DEFAULTS.withMaxDepth(Integer.MAX_VALUE);
        Result r = load("20,000 x '- ', no depth limit", utf8("- ".repeat(20_000) + "x\n"), unlimited);
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
        YNode node = r.file().documents().get(0).root();
        int depth = 0;
        while (node instanceof YSeq seq) {
            node = seq.items().get(0);
            depth++;
        }
        assertEquals(20_000, depth);
        assertEquals("x", ((YScalar) node).text());
    }

    @Test
    void exactlyTheDepthLimitLoads() {
        Result r = load("100 x '[' (the limit)", "[".repeat(100) + "]".repeat(100) + "\n");
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
    }

    // ---- UTF-16 and UTF-32 (issue 15: reported as "binary" before) -------------------------

    /**
     * What MicroK8s does with each was run, not only read: the cluster agent's ParseMultiPartConfiguration
     * (pkg/k8sinit/schema.go) over apimachinery's YAMLReader (pkg/util/yaml/decoder.go) and yaml.v2
     * 2.4.0 (readerc.go). UTF-16LE as PowerShell 5 writes it: refused, "incomplete UTF-16
     * character", as the reader appends a byte; with a second document, the first is applied and the
     * rest dropped. UTF-16BE ending in a line feed: its first document applied. UTF-32: refused,
     * "control characters are not allowed". launchc refuses them all (README, "--compat contract").
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "UTF-16LE|MicroK8s refuses it ('yaml: incomplete UTF-16 character'), or, when it holds several documents, applies the first and drops the others without a word",
        "UTF-16BE|MicroK8s reads only its first document, and only when it ends in a line break (else 'yaml: incomplete UTF-16 character')",
        "UTF-32LE|MicroK8s refuses it ('yaml: control characters are not allowed')",
        "UTF-32BE|MicroK8s refuses it ('yaml: control characters are not allowed')"})
    void textWithAUtf16Or32ByteOrderMarkSaysWhatMicroK8sDoesWithIt(String encoding, String microk8s) {
        byte[] bytes = "\uFEFFversion: 0.2.0\n".getBytes(java.nio.charset.Charset.forName(encoding));
        Result r = load(encoding, bytes, LoadLimits.DEFAULTS);
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.INVALID_ENCODING, 1, 1);
        assertEquals("file is " + encoding + " text (it starts with that byte order mark); " + microk8s + "; launchc reads UTF-8 only",
                d.message());
        assertEquals("save the file as UTF-8", d.hint());
    }

    // ---- size ------------------------------------------------------------------------------

    @Test
    void fileOverASmallSizeLimitIsRejectedBeforeParsing() {
        byte[] bytes = utf8("version: 0.1.0\naddons:\n  - name: dns\n  - name: rbac\n  - name: metrics-server\n");
        Result r = load("one byte over a small limit", bytes, LoadLimits.DEFAULTS.withMaxFileBytes(bytes.length - 1));
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.LIMIT_EXCEEDED, 1, 1);
        assertEquals("file is " + bytes.length + " bytes; the limit is " + (bytes.length - 1), d.message());
        assertEquals("raise it with --max-file-size if the file is really meant to be this large", d.hint());
    }

    @Test
    void fileExactlyAtTheSizeLimitLoads() {
        byte[] bytes = utf8("version: 0.1.0\naddons:\n  - name: dns\n");
        Result r = load("exactly at a small limit", bytes, LoadLimits.DEFAULTS.withMaxFileBytes(bytes.length));
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
        assertTrue(r.diagnostics().isEmpty());
    }

    @Test
    void thirtyMegabyteSingleLineIsRejectedAgainstTheDefaultLimit() {
        byte[] bytes = new byte[30 * 1024 * 1024];
        Arrays.fill(bytes, (byte) 'a');
        bytes[0] = 'k';
        bytes[1] = ':';
        bytes[2] = ' ';
        Result r = load("30 MB single line", bytes, LoadLimits.DEFAULTS);
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.LIMIT_EXCEEDED, 1, 1);
        assertEquals("file is 31457280 bytes; the limit is 8388608", d.message());
        assertEquals("", r.file().source().text(), "the text is not even decoded");
    }

    /** The size limit also holds for text handed over already decoded. */
    @Test
    void decodedTextOverTheLimitIsRejected() {
        SourceFile source = new SourceFile(NAME, "k: " + "x".repeat(2_000));
        Result r = timed("decoded text over a 1,000 limit",
                reporter -> new YamlLoader(LoadLimits.DEFAULTS.withMaxFileBytes(1_000)).load(source, reporter));
        r.assertNoTree();
        assertEquals(Code.LIMIT_EXCEEDED.id(), r.only().code());
    }

    @Test
    void oneMegabyteScalarLoads() {
        String value = "x".repeat(1 << 20);
        Result r = load("1 MB scalar", "version: 0.1.0\npersistentClusterToken: " + value + "\n");
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
        assertTrue(r.diagnostics().isEmpty());
        YScalar token = (YScalar) r.file().documents().get(0).at("/persistentClusterToken");
        assertEquals(value, token.text());
        assertEquals(new dev.launchc.diag.Pos(2, 25), token.pos());
    }

    /**
     * Just under the 8 MiB limit on one line. snakeyaml's reader re-copies its window for every
     * 1,024 chars while it scans one token, which made this take over a minute (quadratic) before
     * the loader gave it large read chunks.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("longTokens")
    void eightMegabyteTokenJustUnderTheLimitLoadsInTime(String label, String text) {
        byte[] bytes = utf8(text);
        assertTrue(bytes.length <= LoadLimits.DEFAULTS.maxFileBytes());
        Result r = load(label, bytes, LoadLimits.DEFAULTS);
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
        assertTrue(r.diagnostics().isEmpty());
    }

    static Stream<Arguments> longTokens() {
        int n = 8 * 1024 * 1024 - 16;
        return Stream.of(
                Arguments.of("8 MB plain scalar", "k: " + "x".repeat(n) + "\n"),
                Arguments.of("8 MB double-quoted scalar", "k: \"" + "x".repeat(n) + "\"\n"),
                Arguments.of("8 MB comment line", "#" + "x".repeat(n) + "\nk: v\n"),
                Arguments.of("8 MB of emoji (surrogate pairs)", "k: " + "\uD83D\uDE42".repeat(n / 4) + "\n"));
    }

    /**
     * snakeyaml-engine 2.9 reads the low half of a surrogate pair into the slot past its buffer when
     * a chunk ends on the high half: an IndexOutOfBoundsException escaped the loader for any file
     * with an emoji at char 1,025 (its default chunk), e.g. in a comment of a long config.
     */
    @ParameterizedTest(name = "prefix of {0} chars")
    @MethodSource("emojiPrefixes")
    void emojiOnAReadChunkBoundaryLoads(int prefix) {
        String text = "k: " + "x".repeat(prefix) + "\n# " + "\uD83D\uDE42".repeat(700_000) + "\nv: 1\n";
        Result r = load("emoji across a chunk boundary, prefix " + prefix, text);
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
        assertEquals("1", ((YScalar) r.file().documents().get(0).at("/v")).text());
    }

    static Stream<Integer> emojiPrefixes() {
        return Stream.of(1015, 1016, 1017, 1018);
    }

    // ---- breadth ---------------------------------------------------------------------------

    @Test
    void twoHundredThousandKeysLoadIntoOneMapping() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sb.append('k').append(i).append(": v\n");
        }
        Result r = load("200,000 keys", utf8(sb.toString()), LoadLimits.DEFAULTS);
        assertFalse(r.file().failed());
        assertTrue(r.diagnostics().isEmpty());
        YMap map = (YMap) r.file().documents().get(0).root();
        assertEquals(200_000, map.size());
        assertEquals(400_001, map.expandedSize(), "one mapping, 200,000 keys, 200,000 values");
    }

    @Test
    void twoHundredThousandDuplicateKeysGiveBoundedFindings() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sb.append("a: ").append(i).append('\n');
        }
        Result r = load("200,000 duplicate keys", utf8(sb.toString()), LoadLimits.DEFAULTS);
        assertFalse(r.file().failed(), "duplicates are findings, not a failed load");
        List<Diagnostic> d = r.diagnostics();
        assertEquals(Reporter.MAX_FINDINGS_PER_FILE + 1, d.size());
        assertAt(d.get(0), Code.DUPLICATE_KEY, 2, 1);
        assertTrue(d.subList(0, Reporter.MAX_FINDINGS_PER_FILE).stream().allMatch(x -> x.code().equals("LC0002")));
        Diagnostic summary = d.get(d.size() - 1);
        assertEquals(Code.LIMIT_EXCEEDED.id(), summary.code());
        assertEquals((199_999 - Reporter.MAX_FINDINGS_PER_FILE) + " more findings were not listed (at most 500 per file)",
                summary.message());
        YMap map = (YMap) r.file().documents().get(0).root();
        assertEquals(1, map.size());
        assertEquals("199999", ((YScalar) map.get("a")).text(), "the last value wins");
    }

    /**
     * Through the whole linter: 200,000 unknown keys end in 500 findings and a summary. Stated bound
     * 60 s, not 5: the schema check and "did you mean" still run for each of the 200,000 keys after
     * the reporter stopped listing them (8–19 s measured on a loaded 2-core machine). The loader's
     * share is the case above.
     */
    @Test
    void twoHundredThousandUnknownKeysThroughTheLinterGiveBoundedFindings() {
        StringBuilder sb = new StringBuilder("version: 0.2.0\n");
        for (int i = 0; i < 200_000; i++) {
            sb.append('k').append(i).append(": v\n");
        }
        byte[] bytes = utf8(sb.toString());
        Track track = Catalog.get().track(Catalog.get().newestTrack()).orElseThrow();
        long start = System.nanoTime();
        FileLint lint = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new Linter(track, Mode.DEFAULT, LoadLimits.DEFAULTS).lint(NAME, bytes));
        System.out.printf("hostile %-48s %6d ms%n", "200,000 unknown keys through the linter",
                (System.nanoTime() - start) / 1_000_000);
        List<Diagnostic> d = lint.diagnostics();
        assertEquals(Reporter.MAX_FINDINGS_PER_FILE + 1, d.size());
        assertAt(d.get(0), Code.UNKNOWN_KEY, 2, 1);
        assertEquals("199500 more findings were not listed (at most 500 per file)", d.get(d.size() - 1).message());
    }

    @Test
    void moreDocumentsThanTheLimitAreRejected() {
        Result r = load("100,001 documents", "---\n".repeat(100_001));
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.LIMIT_EXCEEDED, 10_001, 1);
        assertEquals("more than 10000 documents in one file", d.message());
    }

    @Test
    void exactlyTheDocumentLimitLoads() {
        Result r = load("10,000 documents (the limit)", "---\n".repeat(10_000));
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
        assertEquals(10_000, r.file().documents().size());
        assertEquals(new dev.launchc.diag.Pos(10_000, 1), r.file().documents().get(9_999).start());
    }

    /** Plain breadth, no aliases; the limit lowered to 50,000 so the case stays far from the bound. */
    @Test
    void listItemsBeyondTheNodeLimitStopAtTheLimit() {
        String text = "[" + "a,".repeat(60_000) + "]\n";
        Result r = load("60,000 list items (node limit 50,000)", utf8(text), LoadLimits.DEFAULTS.withMaxNodes(50_000));
        r.assertNoTree();
        Diagnostic d = r.only();
        // Item n sits at column 2n; the list itself is not counted until it closes.
        assertAt(d, Code.LIMIT_EXCEEDED, 1, 2 * 50_001);
        assertEquals("more than 50000 nodes once aliases are expanded", d.message());
    }

    // ---- bytes and characters --------------------------------------------------------------

    @Test
    void nulByteIsBinaryAtItsPosition() {
        Result r = load("NUL byte", "version: 0.1.0\nab\0c\n");
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.BINARY_FILE, 2, 3);
        assertEquals("file holds a NUL byte at offset 17; it is binary, not YAML", d.message());
    }

    @Test
    void nulByteColumnCountsCharactersNotBytes() {
        Result r = load("NUL after multi-byte characters", "version: 0.1.0\nname: \u00e9\uD83D\uDE42\0\n");
        assertAt(r.only(), Code.BINARY_FILE, 2, 9);
    }

    @Test
    void invalidUtf8IsReportedOnItsLine() {
        byte[] bytes = concat(utf8("version: 0.1.0\naddons:\n  - name: d"), new byte[] {(byte) 0xC3, 0x28}, utf8("ns\n"));
        Result r = load("invalid UTF-8 (C3 28) on line 3", bytes, LoadLimits.DEFAULTS);
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.INVALID_ENCODING, 3, 12);
        assertEquals("invalid UTF-8 byte sequence at offset 34", d.message());
        assertEquals("save the file as UTF-8", d.hint());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void otherInvalidUtf8IsReported(String label, byte[] bad, int column) {
        byte[] bytes = concat(utf8("a: 1\nb: 2\nc: \u00e9"), bad, utf8("\n"));
        Result r = load(label, bytes, LoadLimits.DEFAULTS);
        r.assertNoTree();
        assertAt(r.only(), Code.INVALID_ENCODING, 3, column);
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("lone continuation byte", new byte[] {(byte) 0x80}, 5),
                Arguments.of("overlong NUL (C0 80)", new byte[] {(byte) 0xC0, (byte) 0x80}, 5),
                Arguments.of("UTF-16 surrogate (ED A0 80)", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 5),
                Arguments.of("Latin-1 e-acute (E9)", new byte[] {(byte) 0xE9, 'x'}, 5),
                Arguments.of("truncated at end of file", new byte[] {(byte) 0xE2, (byte) 0x82}, 5));
    }

    @Test
    void randomBinaryWithNulIsBinary() {
        byte[] bytes = new byte[64 * 1024];
        new Random(20260401L).nextBytes(bytes);
        bytes[5_000] = 0;
        int nul = 0;
        while (bytes[nul] != 0) {
            nul++;
        }
        int line = 1;
        for (int i = 0; i < nul; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        Result r = load("64 KB of random bytes", bytes, LoadLimits.DEFAULTS);
        r.assertNoTree();
        Diagnostic d = r.only();
        assertEquals(Code.BINARY_FILE.id(), d.code());
        assertEquals(line, d.line());
        assertTrue(d.column() >= 1);
        assertEquals("file holds a NUL byte at offset " + nul + "; it is binary, not YAML", d.message());
    }

    /** Without a byte order mark nothing says it is text: its NUL bytes make it binary (with one, see above: LC0003). */
    @Test
    void utf16FileWithoutAByteOrderMarkIsBinary() {
        byte[] bytes = "version: 0.1.0\n".getBytes(StandardCharsets.UTF_16LE);
        Result r = load("UTF-16LE file without BOM", bytes, LoadLimits.DEFAULTS);
        r.assertNoTree();
        assertEquals(Code.BINARY_FILE.id(), r.only().code());
    }

    @ParameterizedTest(name = "U+{1}")
    @MethodSource("controlCharacters")
    void controlCharacterIsASyntaxErrorAtItsPosition(String ch, String hex) {
        Result r = load("control character U+" + hex, "version: 0.1.0\nextraSANs:\n  - a" + ch + "b\n");
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.YAML_SYNTAX, 3, 6);
        assertEquals("character U+" + hex + " is not allowed in YAML", d.message());
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of(Arguments.of("\u0001", "0001"), Arguments.of("\u001b", "001B"),
                Arguments.of("\u007f", "007F"), Arguments.of("\uFFFE", "FFFE"));
    }

    /**
     * Found by CompileFuzzTest: snakeyaml-engine decodes an escaped UTF-16 surrogate ({@code "\\uD800"})
     * into a lone char, which every file written as UTF-8 then held as '?'. yaml.v2, which MicroK8s
     * reads the file with, rejects every escape in D800-DFFF, paired or not, so launchc does too.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("surrogateEscapes")
    void escapedSurrogateIsASyntaxErrorAtTheEscape(String label, String text, int line, int column, String escape) {
        Result r = load("escaped surrogate: " + label, text);
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.YAML_SYNTAX, line, column);
        assertTrue(d.message().contains("invalid Unicode character escape code " + escape), d::message);
        assertTrue(at(text, line, column).startsWith(escape), () -> "points at the escape: " + d);
    }

    static Stream<Arguments> surrogateEscapes() {
        return Stream.of(
                Arguments.of("lone high \\uD800", "version: 0.2.0\nextraSANs: [\"\\uD800\"]\n", 2, 14, "\\uD800"),
                Arguments.of("lone low \\udc00 in a key", "version: 0.2.0\nextraKubeletArgs:\n  \"--x\\udc00\": \"1\"\n", 3, 7, "\\udc00"),
                Arguments.of("a pair \\uD83D\\uDE42", "k: \"ok \\uD83D\\uDE42\"\n", 1, 8, "\\uD83D"),
                Arguments.of("\\U0000D800", "k: \"\\U0000D800\"\n", 1, 5, "\\U0000D800"),
                Arguments.of("after emoji, an escaped backslash and a folded line", "k: \"\uD83D\uDE42 \\\\uD800\n  \\\n  x \\uDFFF\"\n",
                        3, 5, "\\uDFFF"));
    }

    @Test
    void emojiWrittenOrEscapedByCodePointLoads() {
        String text = "a: \"\uD83D\uDE42\"\nb: \"\\U0001F642\"\nc: \\uD800\nd: '\\uD800'\n";
        Result r = load("emoji as UTF-8 and as \\U0001F642; \\uD800 plain and single-quoted", text);
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
        YDocument doc = r.file().documents().get(0);
        assertEquals("\uD83D\uDE42", ((YScalar) doc.at("/a")).text());
        assertEquals("\uD83D\uDE42", ((YScalar) doc.at("/b")).text());
        assertEquals("\\uD800", ((YScalar) doc.at("/c")).text(), "plain scalars have no escapes");
        assertEquals("\\uD800", ((YScalar) doc.at("/d")).text(), "single-quoted scalars have no escapes");
    }

    // ---- tabs ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("tabs")
    void tabIsReportedAtTheTab(String label, String text, int line, int column) {
        Result r = load("tab: " + label, text);
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.TAB_INDENT, line, column);
        assertEquals('\t', text.split("\n", -1)[line - 1].charAt(column - 1), "the position is the tab");
        assertEquals("indent with spaces; YAML forbids tabs in indentation", d.hint());
    }

    static Stream<Arguments> tabs() {
        return Stream.of(
                Arguments.of("indenting a mapping", "version: 0.1.0\nextraKubeletArgs:\n\t--max-pods: \"110\"\n", 3, 1),
                Arguments.of("after spaces", "version: 0.1.0\nextraKubeletArgs:\n  \t--max-pods: \"110\"\n", 3, 3),
                Arguments.of("indenting a list item", "version: 0.1.0\naddons:\n  - name: dns\n\t- name: rbac\n", 4, 1),
                Arguments.of("between key and value", "version: 0.1.0\nextraKubeletArgs:\n  --max-pods:\t\"110\"\n", 3, 14));
    }

    @Test
    void tabInsideAValueIsNotIndentation() {
        Result r = load("tab inside a value", "version: 0.1.0\nk: a\tb\n");
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
        assertEquals("a\tb", ((YScalar) r.file().documents().get(0).at("/k")).text());
    }

    // ---- duplicates and separators ---------------------------------------------------------

    @Test
    void duplicateKeyIsReportedAtTheSecondKeyAndTheLastValueWins() {
        String text = "version: 0.1.0\nextraKubeletArgs:\n  --max-pods: \"110\"\n  --cluster-dns: 10.152.183.10\n"
                + "  --max-pods: \"250\"\n";
        Result r = load("duplicate key", text);
        assertFalse(r.file().failed(), "MicroK8s accepts duplicates; the load goes on");
        Diagnostic d = r.only();
        assertAt(d, Code.DUPLICATE_KEY, 5, 3);
        assertEquals("duplicate key '--max-pods' (first at line 3); the last value wins", d.message());
        assertEquals("remove one of the two entries", d.hint());
        YDocument doc = r.file().documents().get(0);
        YMap args = (YMap) doc.at("/extraKubeletArgs");
        assertEquals(2, args.size());
        assertEquals("250", ((YScalar) args.get("--max-pods")).text());
        assertEquals(new dev.launchc.diag.Pos(5, 3), doc.keyPos("/extraKubeletArgs/--max-pods"));
        assertEquals(List.of("--cluster-dns", "--max-pods"),
                args.entries().stream().map(e -> e.key().text()).toList(), "the entry moves to its last place");
    }

    /** Each further occurrence still names the first one, not the one before it. */
    @Test
    void everyLaterDuplicateNamesTheFirstLine() {
        Result r = load("key three times", "a: 1\nb: 2\na: 3\na: 4\n");
        List<Diagnostic> d = r.diagnostics();
        assertEquals(2, d.size());
        assertAt(d.get(0), Code.DUPLICATE_KEY, 3, 1);
        assertEquals("duplicate key 'a' (first at line 1); the last value wins", d.get(0).message());
        assertAt(d.get(1), Code.DUPLICATE_KEY, 4, 1);
        assertEquals("duplicate key 'a' (first at line 1); the last value wins", d.get(1).message());
        assertEquals("4", ((YScalar) r.file().documents().get(0).at("/a")).text());
    }

    @Test
    void sameKeyInTwoDocumentsIsNotADuplicate() {
        Result r = load("same key in two parts", "version: 0.1.0\n---\nversion: 0.2.0\n");
        assertTrue(r.diagnostics().isEmpty(), () -> r.diagnostics().toString());
        assertEquals(2, r.file().documents().size());
    }

    @Test
    void contentAfterTheDocumentSeparatorIsRejected() {
        Result r = load("--- version: 0.1.0", "--- version: 0.1.0\n");
        r.assertNoTree();
        Diagnostic d = r.only();
        assertAt(d, Code.BAD_DOCUMENT_SEPARATOR, 1, 4);
        assertEquals("text after the document separator '---'", d.message());
    }

    @Test
    void contentAfterALaterSeparatorIsRejectedOnItsLine() {
        Result r = load("later --- with content", "version: 0.1.0\naddons:\n  - name: dns\n--- addons: []\n");
        r.assertNoTree();
        assertAt(r.only(), Code.BAD_DOCUMENT_SEPARATOR, 4, 4);
    }

    @Test
    void everySeparatorWithContentIsRejectedOnItsOwnLine() {
        // '---' inside a value or after indentation starts no part; only lines that begin with it do.
        Result r = load("two bad separators", "a: x---y\n--- b: 1\n  --- c\nd: |\n  ---\n---- e\n---\n");
        r.assertNoTree();
        assertEquals(2, r.diagnostics().size(), () -> r.diagnostics().toString());
        assertAt(r.diagnostics().get(0), Code.BAD_DOCUMENT_SEPARATOR, 2, 4);
        assertAt(r.diagnostics().get(1), Code.BAD_DOCUMENT_SEPARATOR, 6, 4);
    }

    @Test
    void separatorWithACommentOrSpacesIsFine() {
        Result r = load("--- # comment", "--- # first part\nversion: 0.1.0\n---   \r\nversion: 0.1.0\n");
        assertFalse(r.file().failed(), () -> r.diagnostics().toString());
        assertEquals(2, r.file().documents().size());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
