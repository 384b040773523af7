package dev.launchc.fuzz;

import static dev.launchc.fuzz.FuzzSupport.check;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Reporter;
import dev.launchc.load.LoadLimits;
import dev.launchc.load.LoadedFile;
import dev.launchc.load.YMap;
import dev.launchc.load.YScalar;
import dev.launchc.load.YamlLoader;
import dev.launchc.plan.FileContent;
import dev.launchc.render.Escape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The escaping of every output format, checked by reading the output back with an independent
 * parser: TOML strings with Jackson's TomlMapper (also inside the whole hosts.toml template),
 * YAML double-quoted scalars, literal blocks and comments with snakeyaml-engine and with launchc's
 * own loader (a seed is linted again after it is written), and shell words against the POSIX
 * quoting grammar (single-quoted runs and backslash-escaped quotes, nothing else unquoted).
 * Invariants: no exception, the value reads back exactly (as UTF-8 stores it), and the structure
 * around it is unchanged: one key, one table, one word. Seeds: {@code EscapeFuzzTestInputs/escape/}.
 */
class EscapeFuzzTest {
    static final List<String> WORDS = List.of("https://mirror.internal:5000", "pull", "resolve", "/etc/ssl/ca.pem",
            "docker.io", "node-1", "10.0.0.1", "a b", "key=value");

    private static final Load YAML = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build());

    @FuzzTest(maxDuration = FuzzSupport.BUDGET)
    void escape(FuzzedDataProvider d) {
        List<String> values = new ArrayList<>();
        int n = d.consumeInt(1, 6);
        for (int i = 0; i < n; i++) {
            values.add(FuzzSupport.value(d, WORDS, 6));
        }
        for (String v : values) {
            try {
                toml(v);
                shell(v);
                yamlQuoted(v);
                yamlBlock(v);
                yamlComment(v);
            } catch (AssertionError e) {
                throw new AssertionError(FuzzSupport.printable(e.getMessage() + "\n--- value: " + v), e);
            }
        }
        try {
            String url = values.get(0);
            String server = values.size() > 1 ? values.get(1) : null;
            String ca = values.size() > 2 ? values.get(2) : null;
            String cert = values.size() > 3 ? values.get(3) : null;
            String key = values.size() > 4 ? values.get(4) : null;
            List<String> caps = values.size() > 5 ? List.of("pull", values.get(5)) : List.of("pull", "resolve");
            FuzzSupport.checkHostsToml(new FileContent.HostsToml(server, List.of(
                    new FileContent.HostEntry(url, caps, ca, cert, key, d.consumeBoolean(), d.consumeBoolean()))));
        } catch (AssertionError e) {
            throw new AssertionError(FuzzSupport.printable(e.getMessage() + "\n--- values: " + values), e);
        }
    }

    static void toml(String v) {
        JsonNode doc = FuzzSupport.readToml("k = \"" + Escape.toml(v) + "\"\nafter = 1\n");
        check(doc.size() == 2 && doc.has("k") && doc.has("after"), "a TOML string changed the document: " + doc);
        check(doc.get("k").isTextual() && doc.get("k").asText().equals(FuzzSupport.utf8(v)), "TOML string reads back as " + doc.get("k"));
    }

    /**
     * POSIX sh, read as the shell reads one word: outside quotes only {@code '} (opens a quote) and
     * {@code \} plus one character (that character, literally) may appear; inside single quotes
     * everything is literal up to the next {@code '}. Anything else unquoted (a space, ;, $, a line
     * break, ...) would end the word or be expanded. A NUL cannot be in a shell word at all.
     */
    static void shell(String v) {
        String word;
        try {
            word = Escape.shell(v);
        } catch (IllegalArgumentException e) {
            check(v.indexOf('\0') >= 0, "shell() refused a value without NUL: " + e.getMessage());
            return;
        }
        check(v.indexOf('\0') < 0, "shell() quoted a NUL, which no shell word can hold: " + word);
        StringBuilder value = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (c == '\'') {
                int end = word.indexOf('\'', i + 1);
                check(end > i, "unterminated single quote in " + word);
                value.append(word, i + 1, end);
                i = end + 1;
            } else if (c == '\\') {
                check(i + 1 < word.length() && word.charAt(i + 1) != '\n', "a backslash that is not an escape in " + word);
                value.append(word.charAt(i + 1));
                i += 2;
            } else {
                throw new AssertionError("unquoted " + (int) c + " in shell word " + word);
            }
        }
        check(value.toString().equals(v), "shell word reads back as " + value);
    }

    static Object readYaml(String text) {
        List<Object> docs = new ArrayList<>();
        try {
            YAML.loadAllFromString(FuzzSupport.utf8(text)).forEach(docs::add);
        } catch (RuntimeException e) {
            throw new AssertionError("YAML does not parse: " + e.getMessage() + "\n--- text:\n" + text, e);
        }
        check(docs.size() == 1, "YAML holds " + docs.size() + " documents:\n" + text);
        return docs.get(0);
    }

    /** Also through launchc's loader, as a seed is read again: no finding, the same string. */
    static void readByLaunchc(String text, String key, String expected) {
        Reporter reporter = new Reporter("seed.yaml", Mode.DEFAULT);
        LoadedFile file = new YamlLoader(LoadLimits.DEFAULTS).load("seed.yaml", text.getBytes(StandardCharsets.UTF_8), reporter);
        check(!file.failed() && reporter.diagnostics().isEmpty(), "launchc's loader rejects its own output: "
                + reporter.diagnostics() + "\n--- text:\n" + text);
        YMap root = (YMap) file.documents().get(0).root();
        check(root.get(key) instanceof YScalar s && s.text().equals(expected), "launchc reads back " + root.get(key));
    }

    static void yamlQuoted(String v) {
        String text = "k: " + Escape.yamlQuoted(v) + "\nafter: 1\n";
        Object doc = readYaml(text);
        check(doc instanceof Map<?, ?> m && m.size() == 2 && FuzzSupport.utf8(v).equals(m.get("k")), "YAML quoted scalar reads back as " + doc);
        readByLaunchc(text, "k", FuzzSupport.utf8(v));
    }

    static void yamlBlock(String v) {
        String text = "k: " + Escape.yamlBlock(v, "  ") + "\nafter: 1\n";
        Object doc = readYaml(text);
        check(doc instanceof Map<?, ?> m && m.size() == 2 && FuzzSupport.utf8(v).equals(m.get("k")), "YAML block reads back as " + doc);
        readByLaunchc(text, "k", FuzzSupport.utf8(v));
    }

    static void yamlComment(String v) {
        String text = "# " + Escape.yamlComment(v) + "\nk: v\n";
        Object doc = readYaml(text);
        check(doc instanceof Map<?, ?> m && m.size() == 1 && "v".equals(m.get("k")), "a YAML comment changed the document: " + doc);
        readByLaunchc(text, "k", "v");
    }

}
