package dev.launchc.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.launchc.catalog.Track;
import dev.launchc.json.JsonTrees;
import dev.launchc.model.internal.ArgsLines;
import dev.launchc.model.internal.ServiceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares the args directory a config makes of a node with what a node (or another config)
 * holds, file by file:
 * <ul>
 *   <li>args and env files flag by flag, each line split into key and value as the cluster agent's
 *       update code does ({@link ArgsLines#keyOf}), values compared as the service reads them
 *       (quotes removed). Line order does not count, since the cluster agent appends new flags in Go
 *       map order (launch-config-facts §4.2); the order of a repeated flag's values does.</li>
 *   <li>{@code *.toml} (registry hosts, the containerd template) as parsed TOML, key by key; as text
 *       when either side is not TOML.</li>
 *   <li>every other file as text: the first line that differs.</li>
 * </ul>
 */
public final class DriftComparer {
    /** A factory, not a TomlMapper: see RegistryConfigRule. */
    private static final TomlFactory TOML = new TomlFactory();
    private static final Pattern BARE_TOML_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final WrittenOutside outside;

    /** A comparer that names what MicroK8s and the addons write on a live node (catalog facts of {@code track}). */
    public DriftComparer(Track track) {
        this(new WrittenOutside(track));
    }

    private DriftComparer(WrittenOutside outside) {
        this.outside = outside;
    }

    /** A comparer of two configs' previews: every difference is the edit's, none an addon's. */
    public static DriftComparer betweenConfigs() {
        return new DriftComparer((WrittenOutside) null);
    }

    /** Every difference between {@code expected} and {@code actual}, reported under {@code node}, by file. */
    public List<Difference> compare(String node, NodeState expected, NodeState actual) {
        ConfigLines lines = ConfigLines.of(expected);
        List<Difference> out = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(expected.files().keySet());
        paths.addAll(actual.files().keySet());
        for (String path : paths) {
            String e = expected.files().get(path);
            String a = actual.files().get(path);
            if (a == null) {
                out.add(new Difference(node, path, DiffKind.FILE_MISSING, null, null, null, lines.file(path), fileWriter(path)));
            } else if (e == null) {
                out.add(new Difference(node, path, DiffKind.FILE_UNEXPECTED, null, null, null, null, fileWriter(path)));
            } else if (!e.equals(a)) {
                compareFile(node, path, e, a, lines, out);
            }
        }
        return out;
    }

    private void compareFile(String node, String path, String expected, String actual, ConfigLines lines, List<Difference> out) {
        Optional<ServiceFile> service = serviceFile(path);
        if (service.isPresent()) {
            compareKeyed(node, path, service.get().kind(), expected, actual, lines, out);
            return;
        }
        if (path.endsWith(".toml")) {
            Map<String, String> e = tomlLeaves(expected);
            Map<String, String> a = tomlLeaves(actual);
            if (e != null && a != null) {
                compareMaps(node, path, e, a, lines, fileWriter(path), out);
                return;
            }
        }
        compareText(node, path, expected, actual, lines, out);
    }

    /** The service file a path names (a file directly under args/), if any. */
    public static Optional<ServiceFile> serviceFile(String path) {
        for (ServiceFile s : ServiceFile.values()) {
            if (s.fileName().equals(path)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** One line of an args or env file: the value as written and as the service reads it. */
    record Setting(String raw, String read) {}

    /**
     * An args or env file as key → values in file order (a key may repeat), parsed as the cluster
     * agent parses lines; blank lines and comments are skipped, as every reader skips them.
     */
    static Map<String, List<Setting>> settings(String content, ServiceFile.Kind kind) {
        Map<String, List<Setting>> out = new LinkedHashMap<>();
        for (String raw : content.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String key = ArgsLines.keyOf(line);
            String value = line.length() > key.length() ? line.substring(key.length() + 1) : null;
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(new Setting(value, read(value, kind)));
        }
        return out;
    }

    /**
     * The value as the service sees it: kubelite deletes every quote character and the bash
     * wrappers remove quotes (launch-config-facts §4.3); env files are sourced, so a pair of
     * surrounding quotes goes (as {@link dev.launchc.compile.ArgsFileEditor#readEnv} reads them).
     */
    private static String read(String value, ServiceFile.Kind kind) {
        if (value == null) {
            return null;
        }
        if (kind == ServiceFile.Kind.ARGS) {
            return value.replace("\"", "").replace("'", "");
        }
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    private void compareKeyed(String node, String path, ServiceFile.Kind kind, String expected, String actual,
            ConfigLines lines, List<Difference> out) {
        Map<String, List<Setting>> e = settings(expected, kind);
        Map<String, List<Setting>> a = settings(actual, kind);
        for (Map.Entry<String, List<Setting>> entry : e.entrySet()) {
            String key = entry.getKey();
            List<Setting> actualValues = a.get(key);
            if (actualValues == null) {
                out.add(new Difference(node, path, DiffKind.MISSING, key, shown(entry.getValue()), null, lines.key(path, key), null));
            } else if (!readValues(entry.getValue()).equals(readValues(actualValues))) {
                String actualRead = actualValues.get(actualValues.size() - 1).read();
                out.add(new Difference(node, path, DiffKind.CHANGED, key, shown(entry.getValue()), shown(actualValues),
                        lines.key(path, key), flagWriter(lines, path, key, actualRead)));
            }
        }
        for (Map.Entry<String, List<Setting>> entry : a.entrySet()) {
            if (!e.containsKey(entry.getKey())) {
                List<Setting> values = entry.getValue();
                out.add(new Difference(node, path, DiffKind.UNEXPECTED, entry.getKey(), null, shown(values),
                        lines.file(path), flagWriter(lines, path, entry.getKey(), values.get(values.size() - 1).read())));
            }
        }
    }

    private String fileWriter(String path) {
        return outside == null ? null : outside.file(path);
    }

    /** The addon that wrote a flag the config does not set itself, or null. */
    private String flagWriter(ConfigLines lines, String path, String key, String actual) {
        return outside == null || lines.sets(path, key) ? null : outside.flag(path, key, actual);
    }

    private static List<String> readValues(List<Setting> settings) {
        return settings.stream().map(s -> String.valueOf(s.read())).toList();
    }

    /** The value as written; a repeated key shows every value in file order. */
    private static String shown(List<Setting> settings) {
        if (settings.size() == 1) {
            return settings.get(0).raw();
        }
        return String.join(" | ", settings.stream().map(s -> String.valueOf(s.raw())).toList());
    }

    private static void compareMaps(String node, String path, Map<String, String> e, Map<String, String> a,
            ConfigLines lines, String writtenBy, List<Difference> out) {
        for (Map.Entry<String, String> entry : e.entrySet()) {
            String actual = a.get(entry.getKey());
            if (actual == null) {
                out.add(new Difference(node, path, DiffKind.MISSING, entry.getKey(), entry.getValue(), null, lines.file(path), writtenBy));
            } else if (!actual.equals(entry.getValue())) {
                out.add(new Difference(node, path, DiffKind.CHANGED, entry.getKey(), entry.getValue(), actual, lines.file(path), writtenBy));
            }
        }
        for (Map.Entry<String, String> entry : a.entrySet()) {
            if (!e.containsKey(entry.getKey())) {
                out.add(new Difference(node, path, DiffKind.UNEXPECTED, entry.getKey(), null, entry.getValue(), lines.file(path), writtenBy));
            }
        }
    }

    /** A TOML text as dotted key → value (JSON text), or null when it is not TOML. */
    static Map<String, String> tomlLeaves(String text) {
        JsonNode root;
        try {
            root = JsonTrees.read(TOML.createParser(text));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", root, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(f -> {
                String segment = BARE_TOML_KEY.matcher(f.getKey()).matches() ? f.getKey()
                        : "\"" + f.getKey().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                flatten(prefix.isEmpty() ? segment : prefix + "." + segment, f.getValue(), out);
            });
        } else if (!prefix.isEmpty()) {
            out.put(prefix, node.isTextual() ? node.asText() : node.toString());
        }
    }

    private static void compareText(String node, String path, String expected, String actual, ConfigLines lines, List<Difference> out) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) {
            i++;
        }
        out.add(new Difference(node, path, DiffKind.CHANGED, "line " + (i + 1), i < e.length ? e[i] : null,
                i < a.length ? a[i] : null, lines.file(path), null));
    }
}
