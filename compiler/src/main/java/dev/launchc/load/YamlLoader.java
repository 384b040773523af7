package dev.launchc.load;

import dev.launchc.diag.Code;
import dev.launchc.diag.LineBreaks;
import dev.launchc.diag.Pos;
import dev.launchc.diag.Reporter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.JsonSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Bytes to positioned YAML documents, in one pass over snakeyaml-engine's event stream. Building
 * the tree from events (not snakeyaml's recursive composer) lets every limit be enforced before it
 * costs stack, time or memory.
 */
public final class YamlLoader {
    /**
     * Characters snakeyaml reads per chunk. Its reader copies the unread window on every chunk, and
     * while it scans one token nothing is consumed, so with its default of 1024 a long scalar costs
     * time quadratic in its length (an 8 MB one-line value took over a minute). A large chunk keeps
     * that to a handful of copies.
     */
    private static final int READ_CHUNK_CHARS = 1 << 20;
    /** Shared: each new one compiles its scalar patterns again, a cost on every file linted. It is only read. */
    private static final Schema SCHEMA = new JsonSchema();

    private final LoadLimits limits;

    public YamlLoader(LoadLimits limits) {
        this.limits = limits;
    }

    public LoadedFile load(String name, byte[] bytes, Reporter reporter) {
        SourceFile empty = new SourceFile(name, "");
        if (bytes.length > limits.maxFileBytes()) {
            return tooLarge(name, bytes.length, reporter);
        }
        String otherEncoding = unicodeEncodingByBom(bytes);
        if (otherEncoding != null) {
            // Not "binary": the NUL bytes of UTF-16 and UTF-32 text would otherwise say so.
            reporter.report(Code.INVALID_ENCODING, Pos.START, "", "file is " + otherEncoding
                    + " text (it starts with that byte order mark); " + whatMicroK8sDoesWith(otherEncoding) + "; launchc reads UTF-8 only",
                    "save the file as UTF-8");
            return new LoadedFile(empty, List.of(), true);
        }
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            reporter.report(Code.BINARY_FILE, byteOffsetPos(bytes, nul), "",
                    "file holds a NUL byte at offset " + nul + "; it is binary, not YAML");
            return new LoadedFile(empty, List.of(), true);
        }
        // The lenient decoder is the JDK's fast one; it turns each malformed sequence into U+FFFD,
        // so only a text holding that character (rare: never in ASCII) is decoded again strictly.
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            if (text.indexOf('\uFFFD') >= 0) {
                CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            }
        } catch (CharacterCodingException e) {
            int offset = firstInvalidUtf8(bytes);
            reporter.report(Code.INVALID_ENCODING, byteOffsetPos(bytes, offset), "",
                    "invalid UTF-8 byte sequence at offset " + offset, "save the file as UTF-8");
            return new LoadedFile(empty, List.of(), true);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        // NEL, LS and PS are encoded with a lead byte 0xC2 or 0xE2; without either the check is
        // skipped (a binary file never gets this far, so the scans run only for text).
        boolean mayHoldUnicodeBreaks = holdsEither(bytes, (byte) 0xC2, (byte) 0xE2);
        return load(new SourceFile(name, text), reporter, mayHoldUnicodeBreaks);
    }

    /**
     * The result for a file over the size limit, which the caller did not read in full.
     *
     * @param size its real size, or -1 when it cannot be known (standard input)
     */
    public LoadedFile tooLarge(String name, long size, Reporter reporter) {
        reporter.report(Code.LIMIT_EXCEEDED, Pos.START, "", (size < 0 ? "input is more than " + limits.maxFileBytes() + " bytes"
                : "file is " + size + " bytes") + "; the limit is " + limits.maxFileBytes(),
                "raise it with --max-file-size if the file is really meant to be this large");
        return new LoadedFile(new SourceFile(name, ""), List.of(), true);
    }

    /**
     * What MicroK8s makes of a file in a Unicode encoding other than UTF-8, as run against the
     * cluster agent's parser: apimachinery's line reader (pkg/util/yaml/decoder.go LineReader)
     * never sees a "---" line in UTF-16 text, so the whole file is one part, and it appends a 0x0A
     * byte after the last one. yaml.v2 (readerc.go yaml_parser_determine_encoding) decodes UTF-16
     * by its mark but reads only the first document of a part (decode.go document), and the added
     * byte leaves an odd length: "incomplete UTF-16 character" once the scanner reaches the end,
     * which a little-endian file always does unless a second document stops it first, and a
     * big-endian one does unless it ends in a line feed (00 0A). It has no UTF-32: that mark reads
     * as UTF-16 or UTF-8 holding NUL, which it refuses.
     */
    private static String whatMicroK8sDoesWith(String encoding) {
        return switch (encoding) {
            case "UTF-16LE" -> "MicroK8s refuses it ('yaml: incomplete UTF-16 character'), or, when it holds several"
                    + " documents, applies the first and drops the others without a word";
            case "UTF-16BE" -> "MicroK8s reads only its first document, and only when it ends in a line break"
                    + " (else 'yaml: incomplete UTF-16 character')";
            default -> "MicroK8s refuses it ('yaml: control characters are not allowed')";
        };
    }

    /** The UTF-16 or UTF-32 encoding whose byte order mark starts {@code bytes}, or null. UTF-32LE first: its mark begins with UTF-16LE's. */
    static String unicodeEncodingByBom(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            return "UTF-32LE";
        }
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            return "UTF-32BE";
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return "UTF-16LE";
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return "UTF-16BE";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    public LoadedFile load(SourceFile source, Reporter reporter) {
        return load(source, reporter, true);
    }

    private LoadedFile load(SourceFile source, Reporter reporter, boolean mayHoldUnicodeBreaks) {
        if (!checkSeparators(source, reporter) || mayHoldUnicodeBreaks && !checkUnicodeBreaks(source, reporter)) {
            return new LoadedFile(source, List.of(), true);
        }
        // yaml.v2 (decode.go: parser.parse reads one document node) decodes only the first root node
        // of each part that apimachinery's reader splits off at '---' lines, and never scans the rest:
        // text after '...' or after a complete root node is dropped unread. snakeyaml refuses it
        // ("expected '<document start>'"), so the dropped span is reported, blanked (lines and columns
        // stay where they were) and the file parsed again, with the findings of the failed pass undone.
        String text = Yaml11Boms.asYamlV2Reads(source.text());
        List<Dropped> drops = new ArrayList<>();
        int tabsSkipped = 0;
        List<Yaml11Escapes.Rewrite> rewrites = new ArrayList<>();
        int escapeReparses = 0;
        while (true) {
            Reporter.Checkpoint checkpoint = reporter.checkpoint();
            boolean mayStopAtTab = tabsSkipped < MAX_SKIPPED_TABS && (long) tabsSkipped * text.length() < TAB_REPARSE_CHARS;
            boolean mayRewrite = escapeReparses < MAX_ESCAPE_REPARSES && (long) escapeReparses * text.length() < TAB_REPARSE_CHARS;
            Attempt attempt = parse(source, text, reporter, mayStopAtTab, mayRewrite, rewrites);
            if (attempt.escape() != null) {
                // An escape yaml.v2 takes and snakeyaml does not (Yaml11Escapes): read it again as
                // one snakeyaml takes, of the same length, and give the scalar yaml.v2's value;
                // with it the rest of its scalar's, in the same parse.
                reporter.rollback(checkpoint);
                escapeReparses++;
                List<Yaml11Escapes.Rewrite> inScalar = Yaml11Escapes.inScalar(text, attempt.scalarStart(),
                        attempt.scalarStartIndex(), attempt.escape());
                rewrites.addAll(inScalar);
                text = Yaml11Escapes.apply(text, inScalar);
                continue;
            }
            if (attempt.skippedTab() >= 0) {
                tabsSkipped++;
                // yaml.v2 skips this tab between tokens where snakeyaml refuses it: it becomes a
                // space (one column, one char, so every position stays) and the file is parsed again.
                reporter.rollback(checkpoint);
                text = TabGaps.blank(text, attempt.skippedTab());
                continue;
            }
            if (attempt.dropFrom() == null) {
                for (Dropped d : drops) {
                    d.report(reporter);
                }
                return attempt.file();
            }
            reporter.rollback(checkpoint);
            Dropped d = Dropped.at(text, attempt.dropFrom());
            String blanked = d.blank(text);
            boolean overBudget = drops.size() >= limits.maxDocuments() || (long) (drops.size() + 1) * text.length() > DROP_REPARSE_CHARS;
            if (overBudget || blanked.equals(text)) {
                // Each drop costs a parse of the whole file, so their number is bounded; and a blank
                // that changed nothing would loop (a guard: the offsets count as snakeyaml's marks do).
                for (Dropped earlier : drops) {
                    earlier.report(reporter);
                }
                reporter.report(Code.LIMIT_EXCEEDED, attempt.dropFrom(), "", "text after the end of a document in "
                        + (drops.size() + 1) + " places, more than launchc re-reads in a file of this size (MicroK8s'"
                        + " YAML parser drops each such text unread)",
                        "start a new part with a line holding only '---' before each document, or delete the text");
                return new LoadedFile(source, List.of(), true);
            }
            drops.add(d);
            text = blanked;
        }
    }

    /**
     * A parse of the text; {@code dropFrom} is set when it stopped at content yaml.v2 would drop,
     * {@code skippedTab} (a char offset, else -1) when it stopped at a tab yaml.v2 skips.
     */
    private record Attempt(LoadedFile file, Pos dropFrom, int skippedTab, Yaml11Escapes.Rewrite escape,
            int scalarStart, int scalarStartIndex) {
        Attempt(LoadedFile file, Pos dropFrom) {
            this(file, dropFrom, -1, null, -1, -1);
        }

        Attempt(LoadedFile file, Pos dropFrom, int skippedTab) {
            this(file, dropFrom, skippedTab, null, -1, -1);
        }
    }

    /**
     * Re-parses for tabs that yaml.v2 skips; past this many the next such tab is refused as before
     * (LC0006), as each costs a parse of the whole file.
     */
    private static final int MAX_SKIPPED_TABS = 200;
    /**
     * Re-parses for escapes read again (Yaml11Escapes), one per double-quoted scalar holding them,
     * bounded as the tabs' are (within the same chars budget).
     */
    private static final int MAX_ESCAPE_REPARSES = 200;
    /** Chars re-parsed for skipped tabs at most, so a large file gets fewer re-parses than a small one. */
    private static final long TAB_REPARSE_CHARS = 16L << 20;
    /** Chars re-parsed for dropped text at most, likewise: each span after a document's end costs a parse. */
    private static final long DROP_REPARSE_CHARS = 16L << 20;

    /**
     * Text from {@code from} up to the next '---' line (or the end), which yaml.v2 never reads.
     * {@code start} and {@code end} are char offsets; {@code lastLine} is the last line holding text.
     */
    private record Dropped(Pos from, int start, int end, int lastLine, String firstLine, int moreLines) {
        static Dropped at(String text, Pos from) {
            // Lines and columns as snakeyaml's marks count them: a lone CR breaks a line too, and
            // columns are code points.
            int offset = TabGaps.offsetOf(text, from);
            int start = offset < 0 ? text.length() : offset;
            int end = text.length();
            int next = text.indexOf('\n', start);
            while (next >= 0) {
                if (text.startsWith("---", next + 1)) {
                    end = next + 1;
                    break;
                }
                next = text.indexOf('\n', next + 1);
            }
            List<String> lines = new ArrayList<>();
            int line = from.line();
            int lastLine = from.line();
            for (String l : dev.launchc.diag.LineBreaks.split(text.substring(start, end))) {
                String t = l.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    lines.add(t);
                    lastLine = line;
                }
                line++;
            }
            String first = lines.isEmpty() ? "" : lines.get(0);
            return new Dropped(from, start, end, lastLine, first, Math.max(0, lines.size() - 1));
        }

        String blank(String text) {
            StringBuilder b = new StringBuilder(text);
            for (int i = start; i < end; i++) {
                char c = b.charAt(i);
                if (c != '\n' && c != '\r') {
                    b.setCharAt(i, ' ');
                }
            }
            return b.toString();
        }

        void report(Reporter reporter) {
            String shown = firstLine.length() > 60 ? firstLine.substring(0, 57) + "..." : firstLine;
            String span = lastLine > from.line() ? "lines " + from.line() + "-" + lastLine : "line " + from.line();
            reporter.report(Code.CONTENT_DROPPED, from, "", "MicroK8s drops " + span + " unread ('" + shown + "'"
                    + (moreLines > 0 ? " and " + moreLines + " more line" + (moreLines > 1 ? "s" : "") : "")
                    + "): its YAML parser decodes only the first root node of each part, and this part's"
                    + " document has already ended",
                    "start a new part with a line holding only '---', or delete the text");
        }
    }

    /**
     * Settings for texts of up to {@code 4^i} KiB chars at index {@code i}, made on first use: a
     * builder makes a scalar resolver of its own, a cost on every file if each parse built one.
     * The label snakeyaml gives its marks is left at its default, since no finding shows it.
     */
    private final AtomicReferenceArray<LoadSettings> settingsBySize = new AtomicReferenceArray<>(SETTINGS_SIZES);
    private static final int SETTINGS_SIZES = 6;

    private LoadSettings settings(String text) {
        int index = 0;
        long chars = 1024;
        while (chars < text.length() + 1L && index < SETTINGS_SIZES - 1) {
            chars *= 4;
            index++;
        }
        LoadSettings settings = settingsBySize.get(index);
        if (settings == null) {
            // One text is read in one chunk when it fits (READ_CHUNK_CHARS is the largest size).
            settings = LoadSettings.builder()
                    .setSchema(SCHEMA)
                    .setAllowDuplicateKeys(true)
                    .setMaxAliasesForCollections(limits.maxAliases())
                    .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes() + 1))
                    .setBufferSize((int) Math.min(chars, READ_CHUNK_CHARS))
                    .setUseMarks(true)
                    .build();
            settingsBySize.set(index, settings);
        }
        return settings;
    }

    private Attempt parse(SourceFile source, String text, Reporter reporter, boolean mayStopAtTab, boolean mayRewrite,
            List<Yaml11Escapes.Rewrite> rewrites) {
        LoadSettings settings = settings(text);
        Builder builder = new Builder(reporter, text, rewrites);
        try {
            ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, new dev.launchc.diag.ChunkReader(text)));
            while (parser.hasNext()) {
                builder.accept(parser.next());
                if (builder.failed) {
                    return new Attempt(new LoadedFile(source, List.of(), true), null);
                }
            }
        } catch (MarkedYamlEngineException e) {
            Pos pos = e.getProblemMark().or(e::getContextMark).map(YamlLoader::pos).orElse(Pos.START);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            if (builder.documentEnded && e.getContext() == null && problem.startsWith("expected '<document start>'")
                    && e.getProblemMark().isPresent()) {
                return new Attempt(null, pos);
            }
            if (problem.startsWith("found unknown escape character") && e.getProblemMark().isPresent()) {
                int index = e.getProblemMark().get().getIndex();
                Yaml11Escapes.Rewrite escape = index <= text.codePointCount(0, text.length())
                        ? Yaml11Escapes.at(text, text.offsetByCodePoints(0, index), index) : null;
                if (escape != null && mayRewrite) {
                    // the context mark is the scalar's opening quote
                    int quoteIndex = e.getContextMark().map(Mark::getIndex).filter(i -> i < index).orElse(-1);
                    return new Attempt(null, null, -1, escape, quoteIndex < 0 ? -1 : text.offsetByCodePoints(0, quoteIndex), quoteIndex);
                }
                if (escape != null) {
                    // Past the budget the file is not judged. A backslash-tab must not reach the
                    // skipped-tab path below either: blanked, it would be read as an escaped space.
                    reporter.report(Code.LIMIT_EXCEEDED, pos, "", "the escapes \\L, \\P, \\' and a backslash before a tab,"
                            + " which MicroK8s' YAML parser (yaml.v2) reads and YAML 1.2 does not, are written in more"
                            + " places than launchc re-reads in a file of this size",
                            "write them as \\u2028, \\u2029, ' and \\t, which both read alike");
                    return new Attempt(new LoadedFile(source, List.of(), true), null);
                }
            }
            int tab = TabGaps.offsetOf(text, pos);
            if (mayStopAtTab && tab >= 0 && text.charAt(tab) == '\t' && TabGaps.yamlV2Skips(text, tab)) {
                return new Attempt(null, null, tab);
            }
            if (problem.contains("\\t") || problem.contains("TAB")) {
                reporter.report(Code.TAB_INDENT, pos, "", "tab character where YAML allows only spaces",
                        "indent with spaces; YAML forbids tabs in indentation");
            } else {
                String context = e.getContext() == null ? "" : e.getContext() + ": ";
                reporter.report(Code.YAML_SYNTAX, pos, "", context + problem);
            }
            return new Attempt(new LoadedFile(source, List.of(), true), null);
        } catch (ReaderException e) {
            Pos pos = firstUnprintable(text);
            int cp = e.getCodePoint();
            reporter.report(Code.YAML_SYNTAX, pos == null ? Pos.START : pos, "",
                    String.format("character U+%04X is not allowed in YAML", cp),
                    "remove it; YAML allows only printable characters, tabs and line breaks");
            return new Attempt(new LoadedFile(source, List.of(), true), null);
        } catch (YamlEngineException e) {
            String msg = e.getMessage() == null ? "invalid YAML" : e.getMessage();
            Code code = msg.contains("limit") || msg.contains("aliases") ? Code.LIMIT_EXCEEDED : Code.YAML_SYNTAX;
            reporter.report(code, Pos.START, "", firstLine(msg));
            return new Attempt(new LoadedFile(source, List.of(), true), null);
        } catch (NumberFormatException e) {
            // snakeyaml-engine reads the hex digits of a quoted scalar's backslash escapes x, u and U with
            // Integer.parseInt, which gets nothing when the text ends right after the escape.
            // yaml.v2 (scannerc.go, yaml_parser_scan_flow_scalar) rejects the file there too.
            int[] lines = dev.launchc.diag.LineBreaks.starts(text);
            int last = lines[lines.length - 1];
            reporter.report(Code.YAML_SYNTAX, new Pos(lines.length, text.codePointCount(last, text.length()) + 1), "",
                    "while scanning a quoted scalar: found unexpected end of stream in an escape sequence");
            return new Attempt(new LoadedFile(source, List.of(), true), null);
        } catch (StackOverflowError e) {
            reporter.report(Code.LIMIT_EXCEEDED, Pos.START, "", "input nests too deeply to parse");
            return new Attempt(new LoadedFile(source, List.of(), true), null);
        }
        return new Attempt(new LoadedFile(source, builder.documents, false), null);
    }

    /**
     * NEL (U+0085), LS (U+2028) and PS (U+2029) written as they are: line breaks to yaml.v2, whose
     * scanner (scannerc.go, is_break and read_line, after libyaml and YAML 1.1) ends a plain scalar
     * or a comment at them, counts a line and takes the indentation after them; YAML 1.2, which
     * snakeyaml-engine reads, made them ordinary characters. A comment can hide a key MicroK8s
     * reads, and a value can be one key to launchc and two to MicroK8s, so nothing launchc would say
     * about the file could be trusted: the file is refused at the first one, without a verdict of
     * its own (an escape in a double-quoted string, such as \N for NEL, is read alike by both).
     */
    private static boolean checkUnicodeBreaks(SourceFile source, Reporter reporter) {
        String text = source.text();
        int at = -1;
        for (char c : new char[] {'\u0085', '\u2028', '\u2029'}) {
            int i = text.indexOf(c);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        if (at < 0) {
            return true;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            int end = LineBreaks.breakEnd(text, i);
            if (end > i) {
                line++;
                lineStart = end;
                i = end - 1;
            }
        }
        char c = text.charAt(at);
        String name = c == '\u0085' ? "next-line character (U+0085)" : c == '\u2028' ? "line separator (U+2028)"
                : "paragraph separator (U+2029)";
        reporter.report(Code.UNICODE_LINE_BREAK, new Pos(line, text.codePointCount(lineStart, at) + 1), "", "a " + name
                + " is a line break to MicroK8s' YAML parser (yaml.v2, YAML 1.1) and an ordinary character to YAML 1.2:"
                + " MicroK8s would read this file's lines differently from launchc, so launchc does not judge it",
                "replace it with a newline where a new line was meant, or remove it");
        return false;
    }

    /**
     * MicroK8s splits documents with apimachinery's reader, which rejects the whole file when a
     * line starting with "---" carries anything but spaces or a comment after it.
     */
    private static boolean checkSeparators(SourceFile source, Reporter reporter) {
        String text = source.text();
        boolean ok = true;
        // Only the lines that start with "---" are looked at (found by indexOf); lines are
        // counted up to each finding.
        int lineNo = 1;
        int counted = 0;
        for (int at = text.indexOf("---"); at >= 0; at = text.indexOf("---", at + 1)) {
            if (at > 0 && text.charAt(at - 1) != '\n') {
                continue;
            }
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            String rest = text.substring(at + 3, end).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                for (; counted < at; counted++) {
                    if (text.charAt(counted) == '\n') {
                        lineNo++;
                    }
                }
                reporter.report(Code.BAD_DOCUMENT_SEPARATOR, new Pos(lineNo, 4), "",
                        "text after the document separator '---'",
                        "put the content on the next line; MicroK8s rejects '--- <content>'");
                ok = false;
            }
        }
        return ok;
    }

    /** yaml.v2's yaml_MERGE_TAG: what {@code !!merge} expands to. */
    private static final String MERGE_TAG = "tag:yaml.org,2002:merge";

    private final class Builder {
        private final Reporter reporter;
        private final List<YDocument> documents = new ArrayList<>();
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final Map<String, YNode> anchors = new HashMap<>();
        /** Nesting height of each anchored mapping or list, so an alias cannot bypass maxDepth. */
        private final Map<YNode, Integer> heights = new IdentityHashMap<>();
        private YNode root;
        private Pos docStart = Pos.START;
        private long expanded;
        private int collectionAliases;
        private boolean failed;
        /** True once a document has ended: the parser now expects '---' or the end of the file. */
        private boolean documentEnded;
        /** The {@code <<} keys that are merge keys by their tag ({@code !!merge <<}, {@code ! "<<"}): see {@link #isMergeKey}. */
        private final java.util.Set<YScalar> taggedMergeKeys = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private final SurrogateEscapes escapes;

        /** A mapping or list under construction; in a mapping the key seen last waits for its value. */
        private static final class Frame {
            final YNode node;
            final boolean anchored;
            /** Levels of mappings and lists in this subtree, itself included. */
            int height = 1;
            YScalar pendingKey;
            boolean keyIsComplex;
            /** Line of the first occurrence of each key seen more than once, made on the first duplicate. */
            Map<String, Integer> firstLines;

            Frame(YNode node, boolean anchored) {
                this.node = node;
                this.anchored = anchored;
            }
        }

        Builder(Reporter reporter, String text, List<Yaml11Escapes.Rewrite> rewrites) {
            this.reporter = reporter;
            this.text = text;
            this.escapes = new SurrogateEscapes(text);
            this.rewrites = rewrites;
            this.slashEscapes = text.indexOf("\\/") >= 0;
        }

        private final String text;
        /** The escapes read again for this parse, in the order found, which is the order of the text. */
        private final List<Yaml11Escapes.Rewrite> rewrites;
        /** The first rewrite that may lie in a scalar not yet read. */
        private int nextRewrite;
        /** Whether the text holds a backslash before a slash anywhere: only then are scalars searched for a \/ escape. */
        private final boolean slashEscapes;

        /**
         * A double-quoted scalar's value as yaml.v2 reads it, given the escapes read again within
         * it; null (and the file failed) when that cannot be known.
         */
        private String yaml11Value(ScalarEvent s) {
            // Code-point indexes, as the marks count: a position turned into an offset costs a scan
            // of the text up to it, and this runs for every double-quoted scalar of the file.
            int start = s.getStartMark().map(Mark::getIndex).orElse(-1);
            int end = s.getEndMark().map(Mark::getIndex).orElse(-1);
            // The rewrites were found in the order of the text, and scalars come in that order too:
            // a cursor that only moves forward keeps this linear in both.
            while (nextRewrite < rewrites.size() && rewrites.get(nextRewrite).index() <= start) {
                nextRewrite++;
            }
            List<Yaml11Escapes.Rewrite> inScalar = new ArrayList<>();
            for (int n = nextRewrite; start >= 0 && n < rewrites.size() && (end < 0 || rewrites.get(n).index() < end); n++) {
                inScalar.add(rewrites.get(n));
            }
            if (inScalar.isEmpty()) {
                return s.getValue();
            }
            String value = Yaml11Escapes.restore(s.getValue(), inScalar);
            if (value == null) {
                Yaml11Escapes.Rewrite first = inScalar.get(0);
                reporter.report(Code.YAML_SYNTAX, pos(s.getStartMark()), "", "this double-quoted scalar holds the escape \\"
                        + first.letter() + " and also a control character written another way, which launchc cannot tell"
                        + " apart as MicroK8s' YAML parser does", "write the control character without an escape, or drop it");
                failed = true;
            }
            return value;
        }

        void accept(Event event) {
            switch (event.getEventId()) {
                case DocumentStart -> {
                    documentEnded = false;
                    if (documents.size() >= limits.maxDocuments()) {
                        fail(pos(event.getStartMark()), "more than " + limits.maxDocuments() + " documents in one file");
                        return;
                    }
                    root = null;
                    anchors.clear();
                    heights.clear();
                    docStart = pos(event.getStartMark());
                }
                case DocumentEnd -> {
                    documents.add(new YDocument(documents.size(), root, docStart));
                    documentEnded = true;
                }
                case MappingStart -> open(new YMap(pos(event.getStartMark()), ((MappingStartEvent) event).isFlow()), (NodeEvent) event);
                case SequenceStart -> open(new YSeq(pos(event.getStartMark()), ((SequenceStartEvent) event).isFlow()), (NodeEvent) event);
                case MappingEnd, SequenceEnd -> {
                    Frame frame = stack.pop();
                    if (frame.anchored) {
                        heights.put(frame.node, frame.height);
                    }
                    value(frame.node, 1, frame.height, frame.node.pos());
                }
                case Scalar -> {
                    ScalarEvent s = (ScalarEvent) event;
                    boolean doubleQuoted = s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED && s.getStartMark().isPresent();
                    if (doubleQuoted && (SurrogateEscapes.holdsSurrogate(s.getValue()) || slashEscapes && s.getValue().indexOf('/') >= 0)) {
                        SurrogateEscapes.Found bad = escapes.find(s.getStartMark().get());
                        if (bad != null && bad.escape().equals("\\/")) {
                            reporter.report(Code.YAML_SYNTAX, bad.pos(), "", "while scanning a double-quoted scalar: found"
                                    + " unknown escape character '/'; MicroK8s' YAML parser (yaml.v2, YAML 1.1) has no \\/ escape"
                                    + " and rejects the file", "write / without the backslash");
                            failed = true;
                            return;
                        }
                        if (bad != null) {
                            reporter.report(Code.YAML_SYNTAX, bad.pos(), "", "while scanning a double-quoted scalar: found"
                                    + " invalid Unicode character escape code " + bad.escape() + ", half of a UTF-16"
                                    + " surrogate pair; MicroK8s' YAML parser rejects the file",
                                    "write the character itself, or as one \\U escape with its code point (\\U0001F642)");
                            failed = true;
                            return;
                        }
                    }
                    String value = doubleQuoted && !rewrites.isEmpty() ? yaml11Value(s) : s.getValue();
                    if (value == null) {
                        return;
                    }
                    boolean plain = s.getScalarStyle() == ScalarStyle.PLAIN && s.getTag().isEmpty();
                    // yaml.v2 takes any scalar tagged !!null as null, whatever its text (decode.go, prepare).
                    boolean taggedNull = s.getTag().filter("tag:yaml.org,2002:null"::equals).isPresent();
                    YScalar scalar = taggedNull ? new YScalar("", true, pos(event.getStartMark()))
                            : new YScalar(value, plain, pos(event.getStartMark()));
                    if (!plain && "<<".equals(value) && s.getTag().filter(t -> "!".equals(t) || MERGE_TAG.equals(t)).isPresent()) {
                        taggedMergeKeys.add(scalar);
                    }
                    anchor(s, scalar);
                    value(scalar, 1, 0, scalar.pos());
                }
                case Alias -> alias((AliasEvent) event);
                default -> { }
            }
        }

        private void alias(AliasEvent a) {
            String name = a.getAlias().getValue();
            Pos at = pos(a.getStartMark());
            YNode target = anchors.get(name);
            if (target == null) {
                reporter.report(Code.YAML_SYNTAX, at, "", "alias *" + name + " refers to no anchor");
                failed = true;
                return;
            }
            if (stack.stream().anyMatch(f -> f.node == target)) {
                fail(at, "alias *" + name + " refers to itself");
                return;
            }
            int height = 0;
            if (!(target instanceof YScalar)) {
                if (++collectionAliases > limits.maxAliases()) {
                    fail(at, "more than " + limits.maxAliases() + " aliases to mappings or lists");
                    return;
                }
                height = heights.getOrDefault(target, 1);
                if (stack.size() + height > limits.maxDepth()) {
                    fail(at, "alias *" + name + " nests deeper than " + limits.maxDepth() + " levels once expanded");
                    return;
                }
            }
            value(target, target.expandedSize(), height, at);
        }

        private void open(YNode container, NodeEvent event) {
            if (stack.size() >= limits.maxDepth()) {
                fail(container.pos(), "nesting deeper than " + limits.maxDepth() + " levels");
                return;
            }
            anchor(event, container);
            stack.push(new Frame(container, event.getAnchor().isPresent()));
        }

        private void anchor(NodeEvent event, YNode node) {
            Optional<Anchor> a = event.getAnchor();
            if (a.isPresent()) {
                anchors.put(a.get().getValue(), node);
            }
        }

        /**
         * {@code cost} is 1 for a node read from the text, the whole expanded size for an alias;
         * {@code height} the node's levels of mappings and lists; {@code at} where a limit is reported.
         */
        private void value(YNode node, long cost, int height, Pos at) {
            expanded = Yaml11.saturatingAdd(expanded, cost);
            if (expanded > limits.maxNodes()) {
                fail(at, "more than " + limits.maxNodes() + " nodes once aliases are expanded");
                return;
            }
            Frame parent = stack.peek();
            if (parent == null) {
                root = node;
                return;
            }
            parent.height = Math.max(parent.height, height + 1);
            if (parent.node instanceof YSeq seq) {
                seq.add(node);
                return;
            }
            YMap map = (YMap) parent.node;
            if (parent.pendingKey == null && !parent.keyIsComplex) {
                if (node instanceof YScalar key) {
                    parent.pendingKey = key;
                } else {
                    reporter.report(Code.TYPE_MISMATCH, node.pos(), "",
                            "a mapping key must be a plain value, not " + node.describe());
                    parent.keyIsComplex = true;
                }
                return;
            }
            if (parent.pendingKey != null && isMergeKey(parent.pendingKey)) {
                merge(map, parent.pendingKey, node);
            } else if (parent.pendingKey != null) {
                // A key written after '<<' overrides the merged value on purpose: not a duplicate.
                boolean overridesMerged = map.merged(parent.pendingKey.text());
                YMap.Entry previous = map.put(parent.pendingKey, node);
                if (previous != null && !overridesMerged) {
                    if (parent.firstLines == null) {
                        parent.firstLines = new HashMap<>();
                    }
                    int first = parent.firstLines.computeIfAbsent(parent.pendingKey.text(),
                            k -> previous.key().pos().line());
                    reporter.report(Code.DUPLICATE_KEY, parent.pendingKey.pos(), "",
                            "duplicate key '" + parent.pendingKey.text() + "' (first at line " + first
                                    + "); the last value wins",
                            "remove one of the two entries");
                }
            }
            parent.pendingKey = null;
            parent.keyIsComplex = false;
        }

        /**
         * yaml.v2 (decode.go, isMerge) takes a {@code <<} key as a merge key when it is implicit or
         * tagged {@code !!merge}; implicit (parserc.go, the scalar event) means plain and untagged,
         * or tagged with the bare {@code !}, in any style. A quoted or otherwise tagged one
         * ({@code "<<"}, {@code !!str <<}) is an ordinary key.
         */
        private boolean isMergeKey(YScalar key) {
            return key.plain() && "<<".equals(key.text()) || taggedMergeKeys.contains(key);
        }

        /**
         * yaml.v2's merge (decode.go, merge and mapping): the entries of the mapping, or of each
         * mapping of a list, are set into {@code map} where {@code <<} is written, so they replace a
         * key written before it and a key written after replaces them; in a list the earlier mapping
         * wins (it is applied last). Any other value fails the whole decode. Merged entries keep the
         * key and value nodes of the mapping they come from, so findings point at that text.
         */
        private void merge(YMap map, YScalar mergeKey, YNode value) {
            List<YMap> sources = new ArrayList<>();
            if (value instanceof YMap m) {
                sources.add(m);
            } else if (value instanceof YSeq seq) {
                for (YNode item : seq.items()) {
                    if (!(item instanceof YMap m)) {
                        mergeNotAMap(item);
                        return;
                    }
                    sources.add(m);
                }
            } else {
                mergeNotAMap(value);
                return;
            }
            for (int i = sources.size() - 1; i >= 0; i--) {
                for (YMap.Entry e : sources.get(i).entries()) {
                    map.putMerged(e);
                }
            }
        }

        private void mergeNotAMap(YNode value) {
            reporter.report(Code.YAML_SYNTAX, value.pos(), "", "map merge requires map or sequence of maps as the value,"
                    + " not " + value.describe() + "; MicroK8s' YAML parser rejects the file",
                    "merge a mapping ('<<: *anchor') or a list of mappings ('<<: [*a, *b]'), or quote the key '\"<<\"'");
            failed = true;
        }

        private void fail(Pos pos, String message) {
            reporter.report(Code.LIMIT_EXCEEDED, pos, "", message);
            failed = true;
        }
    }

    /**
     * The escapes of double-quoted scalars that yaml.v2, which MicroK8s reads launch configs with,
     * rejects and snakeyaml-engine takes: {@code \\uD800}-style escapes of UTF-16 surrogates (yaml.v2
     * rejects every {@code \\u} or {@code \\U} escape in D800–DFFF, "found invalid Unicode
     * character escape code", paired or not; snakeyaml-engine turns them into chars, and a lone one
     * then became '?' in every file written as UTF-8), and {@code \\/}, which YAML 1.2 added and
     * yaml.v2's escape switch lacks ("found unknown escape character"; scannerc.go).
     * Only scalars whose value holds a surrogate are scanned, from their opening quote in the
     * source; a cursor that only moves forward maps snakeyaml's code-point index to a char index,
     * so the scan stays linear in the file.
     */
    static final class SurrogateEscapes {
        /** An offending escape as written, and where it stands. */
        record Found(String escape, Pos pos) {}

        private final String text;
        private int codePoints;
        private int chars;

        SurrogateEscapes(String text) {
            this.text = text;
        }

        static boolean holdsSurrogate(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (Character.isSurrogate(value.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        /** The first refused escape of the double-quoted scalar whose opening quote {@code start} marks, or null. */
        Found find(Mark start) {
            int target = start.getIndex();
            if (target < codePoints) {
                codePoints = 0;
                chars = 0;
            }
            while (codePoints < target && chars < text.length()) {
                chars += Character.charCount(text.codePointAt(chars));
                codePoints++;
            }
            int line = start.getLine() + 1;
            int column = start.getColumn() + 1;
            int i = chars;
            // A scalar event starts at the node's anchor or tag when it has one (snakeyaml's
            // ParserImpl; yaml.v2's parserc.go reads them before the scalar too, and checks the
            // scalar all the same): step over them, and the blanks, breaks and comments between,
            // to the opening quote. Neither an anchor yaml.v2 takes nor a tag holds a '"'.
            boolean inComment = false;
            while (i < text.length() && (inComment || text.charAt(i) != '"')) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (cp == '\n' || cp == '\r' && (i >= text.length() || text.charAt(i) != '\n')) {
                    inComment = false;
                    line++;
                    column = 1;
                } else {
                    inComment |= cp == '#' && (i < 2 || " \t\r\n".indexOf(text.charAt(i - 2)) >= 0);
                    column++;
                }
            }
            if (i >= text.length()) {
                return null;
            }
            i++;
            column++;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '"') {
                    return null;
                }
                if (c == '\\' && i + 1 < text.length()) {
                    char kind = text.charAt(i + 1);
                    if (kind == '/') {
                        return new Found("\\/", new Pos(line, column));
                    }
                    int digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
                    if (digits > 0 && i + 2 + digits <= text.length()) {
                        String hex = text.substring(i + 2, i + 2 + digits);
                        try {
                            long code = Long.parseLong(hex, 16);
                            if (code >= 0xD800 && code <= 0xDFFF) {
                                return new Found("\\" + kind + hex, new Pos(line, column));
                            }
                        } catch (NumberFormatException e) {
                            // not an escape snakeyaml accepted; it reported it already
                        }
                    }
                    if (kind == '\n' || kind == '\r') {
                        i++;
                        column++;
                    } else {
                        i += 2;
                        column += 2;
                        continue;
                    }
                }
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (cp == '\n' || cp == '\r' && (i >= text.length() || text.charAt(i) != '\n')) {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return null;
        }
    }

    static Pos pos(Optional<Mark> mark) {
        return mark.map(YamlLoader::pos).orElse(Pos.START);
    }

    static Pos pos(Mark mark) {
        return new Pos(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * Where the first character snakeyaml refuses stands, counted as its marks count: lines break at
     * LF and at a CR not followed by LF; columns are code points.
     */
    static Pos firstUnprintable(String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!StreamReader.isPrintable(cp)) {
                return new Pos(line, column);
            }
            i += Character.charCount(cp);
            if (cp == '\n' || (cp == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
                line++;
                column = 1;
            } else if (cp != '\uFEFF') {
                column++;
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Whether {@code bytes} hold {@code a} or {@code b}, in one pass. */
    private static boolean holdsEither(byte[] bytes, byte a, byte b) {
        for (byte x : bytes) {
            if (x == a || x == b) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static Pos byteOffsetPos(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String prefix = new String(bytes, lineStart, Math.max(0, offset - lineStart), StandardCharsets.UTF_8);
        return new Pos(line, prefix.codePointCount(0, prefix.length()) + 1);
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }
}
