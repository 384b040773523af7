package dev.launchc.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Reporter;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import dev.launchc.pipeline.CompileOptions;
import dev.launchc.pipeline.CompilePipeline;
import dev.launchc.pipeline.CompileResult;
import dev.launchc.pipeline.Source;
import dev.launchc.plan.FileContent;
import dev.launchc.render.OutputTree;
import dev.launchc.render.TemplateRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the fuzz targets share: the catalog's tracks, hostile fragments to build values from, a YAML
 * quoter of our own (so that the escaping under test never builds its own inputs), and the
 * invariants every lint result must keep whatever the input.
 */
public final class FuzzSupport {
    private FuzzSupport() {}

    /**
     * How long each target fuzzes under JAZZER_FUZZ=1 (.ci/fuzz runs one target per JVM). It has
     * no effect in regression mode, where every target runs once over its corpus.
     */
    public static final String BUDGET = "30s";

    public static final List<Track> TRACKS = Catalog.get().tracks().stream()
            .map(t -> Catalog.get().track(t).orElseThrow())
            .toList();
    public static final Track NEWEST = Catalog.get().track(Catalog.get().newestTrack()).orElseThrow();

    /**
     * Characters and strings that break lines, quotes, commands and tables: newlines, quotes,
     * {@code $()}, backticks, backslashes and the Unicode line separators, then the structural
     * characters of the output formats.
     */
    public static final List<String> HOSTILE = List.of(
            "\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", "\0", "\t", " ",
            "\"", "'", "\\", "\\\"", "'\\''", "$(", ")", "$(id)", "`", "`id`", "${IFS}", "$HOME", ";", "&&", "|", "#",
            "=", "--", "[", "]", "[[", "{", "}", ",", ":", "\n[evil]\n", "\n--evil=1\n", "[host.\"x\"]",
            "../", "..", "/", "..%2f", "%00", "\uFEFF", "\u00A0", "\u00e9", "\uD83D\uDE42", "\uD800", "\uFFFE",
            "'; rm -rf / #", "\"; touch /tmp/pwned; \"", "\\n", "\\u2028", "*", "&a", "!!binary", "? ", "- ", "---");

    /** One fragment: from {@code vocabulary}, from {@link #HOSTILE}, or a few fuzzed characters. */
    public static String fragment(FuzzedDataProvider d, List<String> vocabulary) {
        return switch (d.consumeInt(0, 3)) {
            case 0, 1 -> vocabulary.isEmpty() ? d.consumeString(4) : d.pickValue(vocabulary);
            case 2 -> d.pickValue(HOSTILE);
            default -> d.consumeString(6);
        };
    }

    /** Up to {@code maxPieces} fragments; most values are a single well-formed word, some are hostile. */
    public static String value(FuzzedDataProvider d, List<String> vocabulary, int maxPieces) {
        int pieces = d.consumeInt(1, maxPieces);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            sb.append(fragment(d, vocabulary));
        }
        return sb.toString();
    }

    /** A likely value most of the time (four in five), otherwise one built from hostile fragments. */
    public static String field(FuzzedDataProvider d, List<String> vocabulary) {
        return d.consumeInt(0, 4) == 0 ? value(d, vocabulary, 3) : d.pickValue(vocabulary);
    }

    /**
     * A YAML double-quoted scalar that reads back as {@code s}: YAML's printable characters as they
     * are, everything else as an escape. Written here, not with the product's Escape, so that a
     * bug there cannot hide in the inputs.
     */
    public static String q(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c <= 0x7e) {
                sb.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c >= 0xa0 && c <= 0xfffd && !Character.isSurrogate(c) && c != 0x2028 && c != 0x2029 && c != 0xfeff) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.append('"').toString();
    }

    /** {@code launchc compile FILE} without its flags and its output: the pipeline with the defaults. */
    public static CompileResult compile(Path file) {
        return CompilePipeline.compile(Source.file(file, LoadLimits.DEFAULTS.maxFileBytes()), CompileOptions.defaults(NEWEST));
    }

    /** The file at {@code path} of a compiled tree, as text. */
    public static String file(CompileResult compiled, String path) {
        check(compiled.compiled(), "not compiled: " + findings(compiled));
        OutputTree.Entry e = compiled.tree().entries().get(path);
        check(e != null, "no " + path + " in " + compiled.tree().entries().keySet());
        return new String(e.bytes(), StandardCharsets.UTF_8);
    }

    /** Every finding the pipeline reports, one a line, with its code; and the problem that made the input unusable. */
    public static String findings(CompileResult compiled) {
        StringBuilder sb = new StringBuilder();
        compiled.reports().forEach(l -> l.diagnostics().forEach(d -> sb.append(d).append(" [").append(d.code()).append("]\n")));
        return compiled.problem() == null ? sb.toString() : sb.append(compiled.problem()).append('\n').toString();
    }

    public static FileLint lint(String name, byte[] bytes, Mode mode, Track track) {
        return new Linter(track, mode, LoadLimits.DEFAULTS).lint(name, bytes);
    }

    public static FileLint lint(String name, String text, Mode mode, Track track) {
        return lint(name, text.getBytes(StandardCharsets.UTF_8), mode, track);
    }

    private static final Pattern CODE = Pattern.compile("LC\\d{4}");
    /** An exception's name or a stack frame: what an internal error leaks into a message. */
    private static final Pattern INTERNAL = Pattern.compile(
            "\\b(java|javax|jdk|sun|com|org|dev)\\.[\\w.$]+(Exception|Error)\\b|\\tat [\\w.$]+\\.[\\w$<>]+\\([\\w.]*(:\\d+)?\\)");

    /**
     * What holds for every lint result, whatever the input: findings with a code, a message and a
     * position inside the file; at most the reporter's cap; no internal error text; a config or
     * cluster whenever there is no error.
     */
    public static void checkLint(FileLint lint, String name, byte[] bytes) {
        check(lint != null, "no result");
        check(name.equals(lint.file()), "file name");
        List<Diagnostic> diagnostics = lint.diagnostics();
        check(diagnostics.size() <= Reporter.MAX_FINDINGS_PER_FILE + 1, "more findings than the cap: " + diagnostics.size());
        long lines = maxLines(bytes);
        for (Diagnostic d : diagnostics) {
            check(d.code() != null && CODE.matcher(d.code()).matches(), "code of " + d);
            check(d.severity() != null, "severity of " + d);
            check(d.message() != null && !d.message().isBlank(), "message of " + d);
            check(name.equals(d.file()), "file of " + d);
            check(d.line() >= 0 && d.column() >= 0, "position of " + d);
            check(d.line() <= lines, "line beyond the end of the file: " + d);
            for (String text : new String[] {d.message(), d.hint()}) {
                if (text != null) {
                    check(!INTERNAL.matcher(text).find(), "internal error text in a finding: " + d);
                }
            }
        }
        if (!lint.hasErrors()) {
            boolean cluster = Linter.KIND_CLUSTER.equals(lint.kind());
            check(cluster ? lint.cluster() != null && lint.cluster().cluster() != null : lint.config() != null,
                    "no error, yet nothing was read: " + diagnostics);
        }
    }

    /** An upper bound on the lines of the file: one more than its LF, CR, NEL, LS and PS characters. */
    static long maxLines(byte[] bytes) {
        long lines = 1;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\n' || b == '\r' || b == 0x85 || b == 0xa8 || b == 0xa9) {
                lines++;
            }
        }
        return lines;
    }

    /** What a file holds after the string went through UTF-8: a lone surrogate becomes '?'. */
    public static String utf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static final TomlMapper TOML = new TomlMapper();

    /** TOML text as a file holds it (UTF-8), parsed by Jackson's TomlMapper. */
    public static JsonNode readToml(String text) {
        try {
            return TOML.readTree(utf8(text));
        } catch (IOException e) {
            throw new AssertionError("TOML does not parse: " + e.getMessage() + "\n--- text:\n" + text, e);
        }
    }

    /**
     * The hosts.toml template renders {@code hosts} to exactly the server key and one
     * {@code [host."url"]} table per entry, each with exactly its keys, every value intact.
     */
    public static String checkHostsToml(FileContent.HostsToml hosts) {
        String text = TemplateRenderer.render(hosts);
        JsonNode doc = readToml(text);
        String server = hosts.server();
        List<String> top = names(doc);
        check(top.equals(server == null ? List.of("host") : List.of("server", "host")), "top-level keys " + top + "\n" + text);
        if (server != null) {
            check(utf8(server).equals(doc.get("server").asText()), "server reads back as " + doc.get("server"));
        }
        JsonNode tables = doc.get("host");
        List<String> urls = new ArrayList<>();
        hosts.hosts().forEach(h -> urls.add(utf8(h.url())));
        check(names(tables).equals(urls.stream().distinct().toList()), "host tables " + names(tables) + "\n" + text);
        if (urls.size() != urls.stream().distinct().count()) {
            return text;
        }
        for (FileContent.HostEntry e : hosts.hosts()) {
            JsonNode h = tables.get(utf8(e.url()));
            List<String> expected = new ArrayList<>(List.of("capabilities"));
            if (e.ca() != null) {
                expected.add("ca");
            }
            if (e.clientCert() != null) {
                expected.add("client");
            }
            if (e.skipVerify()) {
                expected.add("skip_verify");
            }
            if (e.overridePath()) {
                expected.add("override_path");
            }
            check(names(h).equals(expected), "keys of the host table " + names(h) + "\n" + text);
            List<String> caps = e.capabilities();
            check(h.get("capabilities").size() == caps.size(), "capabilities " + h.get("capabilities"));
            for (int i = 0; i < caps.size(); i++) {
                check(utf8(caps.get(i)).equals(h.get("capabilities").get(i).asText()), "capability " + i + " " + h.get("capabilities"));
            }
            if (e.ca() != null) {
                check(utf8(e.ca()).equals(h.get("ca").asText()), "ca reads back as " + h.get("ca"));
            }
            if (e.clientCert() != null) {
                JsonNode client = h.get("client");
                if (e.clientKey() != null) {
                    check(client.isArray() && client.size() == 1 && client.get(0).size() == 2
                            && utf8(e.clientCert()).equals(client.get(0).get(0).asText())
                            && utf8(e.clientKey()).equals(client.get(0).get(1).asText()), "client reads back as " + client);
                } else {
                    check(utf8(e.clientCert()).equals(client.asText()), "client reads back as " + client);
                }
            }
        }
        return text;
    }

    public static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    /** Text for a failure message: control characters and line separators as escapes, line feeds kept. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0x2028 || c == 0x2029
                    || Character.isSurrogate(c) || c >= 0xfff0)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
