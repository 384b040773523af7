package dev.launchc.fuzz;

import static dev.launchc.fuzz.FuzzSupport.check;
import static dev.launchc.fuzz.FuzzSupport.field;
import static dev.launchc.fuzz.FuzzSupport.q;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchc.catalog.Track;
import dev.launchc.compile.ArgsFileEditor;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.diag.Mode;
import dev.launchc.lint.FileLint;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.ArgsLines;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.plan.NodePlan;
import dev.launchc.render.NodeRenderer;
import dev.launchc.render.OutputTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Native launch configs built from fuzzed values (flags and env names of the catalog mixed with
 * newlines, quotes, {@code $()}, backslashes and Unicode line separators), through lint and, when
 * lint lets them through, through {@link NodeCompiler} and the renderers. Invariants:
 * <ul>
 *   <li>lint and compile throw nothing; the rendered tree holds only safe paths, and no path is
 *       both a file and a directory;</li>
 *   <li>every entry whose line MicroK8s' editor would read back as another key or as two lines
 *       (a line break, a blank before the flag, a '=' in the key) has a finding at that entry;</li>
 *   <li>every other args and env file has exactly the expected keys: the track's defaults, plus
 *       every key the input sets, minus every key it removes, plus only the keys the compiler's
 *       helpers (generate-cni.sh, addon scripts) refresh; each set key appears once, as
 *       {@code key=value};</li>
 *   <li>plan.json is JSON and never holds the token; compile is deterministic.</li>
 * </ul>
 * Seeds: {@code CompileFuzzTestInputs/compile/} (raw fuzzer bytes, read by FuzzedDataProvider).
 */
class CompileFuzzTest {
    static final String TOKEN = "Zq9TokenSecretValue0123456789abcdefXYZ";

    /** Keys that generate-cni.sh and the addon scripts rewrite with the snap's helper (NodeCompiler). */
    static final Set<String> HELPER_KEYS = Set.of("--service-cluster-ip-range", "--cluster-cidr", "--cluster-domain",
            "--cluster-dns", "--authorization-mode", "--authentication-token-webhook", "--metrics-bind-address");

    static final List<String> FLAGS = List.of("--max-pods", "--cluster-dns", "--cluster-domain", "--node-labels",
            "--authorization-mode", "--event-ttl", "--feature-gates", "--v", "-l", "--disk-mode", "--cluster-cidr",
            "--service-cluster-ip-range", "--leader-elect-lease-duration", "--kubeconfig", "--root", "--address",
            "--register-with-taints", "--bind", "--config");
    static final List<String> ENV_NAMES = List.of("HTTPS_PROXY", "NO_PROXY", "http_proxy", "LIBRAFT_TRACE", "GOFIPS",
            "IPv4_SUPPORT", "IPv4_CLUSTER_CIDR", "IPv4_SERVICE_CIDR", "IPv6_SUPPORT", "CNI");
    static final List<String> VALUES = List.of("110", "true", "false", "10.152.183.10", "cluster.local", "RBAC,Node",
            "a=b", "10.1.0.0/16", "10.152.183.0/24", "fd01::/64", "1h", "debug", "http://proxy.internal:3128",
            "${SNAP_DATA}/args/x", "calico", "team=ml,zone=a", "key=value:NoSchedule", "", "1");
    static final List<String> NAMES = List.of("docker.io", "registry.k8s.io", "mirror.internal:5000", "_default",
            "localhost:32000", "flannel-network-mgr-config", "certs.d", "traefik", "kubelet", "cni-network", "my-file");
    static final List<String> ADDONS = List.of("dns", "rbac", "metrics-server", "observability", "hostpath-storage",
            "registry", "core/dns", "ingress");

    record Entry(ServiceFile file, String key, String value) {}

    record PartSpec(String version, List<Entry> args, Map<String, String> configFiles, Map<String, String> registries,
            List<String> sans, List<String[]> addons, boolean token, String joinUrl) {}

    @FuzzTest(maxDuration = FuzzSupport.BUDGET)
    void compile(FuzzedDataProvider d) {
        Track track = d.pickValue(FuzzSupport.TRACKS);
        Mode mode = d.consumeBoolean() ? Mode.DEFAULT : Mode.COMPAT;
        List<PartSpec> parts = new ArrayList<>();
        int count = d.consumeInt(1, 3);
        for (int i = 0; i < count; i++) {
            parts.add(part(d, track));
        }
        String yaml = yaml(parts);
        try {
            verify(track, mode, yaml);
        } catch (AssertionError e) {
            throw new AssertionError(FuzzSupport.printable(e.getMessage() + "\n--- track " + track.name() + ", mode "
                    + mode + ", input:\n" + yaml), e);
        }
    }

    static void verify(Track track, Mode mode, String yaml) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        FileLint lint = FuzzSupport.lint("compile.yaml", bytes, mode, track);
        FuzzSupport.checkLint(lint, "compile.yaml", bytes);
        if (lint.hasErrors() || lint.config() == null) {
            return;
        }
        NodePlan plan = NodeCompiler.compile("local", lint.config(), track);
        Map<String, byte[]> tree = render(plan);
        Map<String, byte[]> again = render(NodeCompiler.compile("local", lint.config(), track));
        check(tree.keySet().equals(again.keySet()), "compile is not deterministic: file lists differ");
        tree.forEach((path, content) -> check(java.util.Arrays.equals(content, again.get(path)),
                "compile is not deterministic: " + path));
        checkPaths(tree.keySet());
        checkPlanJson(new String(tree.get("nodes/local/plan.json"), StandardCharsets.UTF_8), yaml);
        checkArgsFiles(track, lint, tree);
    }

    static PartSpec part(FuzzedDataProvider d, Track track) {
        String version = d.consumeInt(0, 9) == 0 ? d.pickValue(List.of("0.1.0", "0.2.0", "0.3.0", "1")) : track.launchConfigMax();
        List<Entry> args = new ArrayList<>();
        int n = d.consumeInt(0, 6);
        for (int i = 0; i < n; i++) {
            ServiceFile file = d.pickValue(ServiceFile.values());
            String key = field(d, file.kind() == ServiceFile.Kind.ENV ? ENV_NAMES : FLAGS);
            String value = d.consumeInt(0, 7) == 0 ? null : field(d, VALUES);
            args.add(new Entry(file, key, value));
        }
        Map<String, String> configFiles = new LinkedHashMap<>();
        if (d.consumeInt(0, 3) == 0) {
            configFiles.put(field(d, NAMES), field(d, VALUES));
        }
        Map<String, String> registries = new LinkedHashMap<>();
        if (d.consumeInt(0, 2) == 0) {
            String host = field(d, List.of("http://10.0.0.5:32000", "https://mirror.internal"));
            registries.put(field(d, NAMES), "[host." + q(host) + "]\n  capabilities = [\"pull\", \"resolve\"]\n");
        }
        List<String> sans = new ArrayList<>();
        if (d.consumeInt(0, 3) == 0) {
            sans.add(field(d, List.of("10.10.10.10", "api.example.com", "fd00::1")));
        }
        List<String[]> addons = new ArrayList<>();
        int a = d.consumeInt(0, 2);
        for (int i = 0; i < a; i++) {
            addons.add(new String[] {field(d, ADDONS), d.consumeBoolean() ? null : field(d, VALUES),
                String.valueOf(d.consumeInt(0, 5) == 0)});
        }
        boolean token = d.consumeInt(0, 3) == 0;
        String join = d.consumeInt(0, 4) == 0 ? "10.0.0.1:25000/" + TOKEN + (d.consumeBoolean() ? "/0123abcd" : "") : null;
        return new PartSpec(version, args, configFiles, registries, sans, addons, token, join);
    }

    static String yaml(List<PartSpec> parts) {
        StringBuilder sb = new StringBuilder();
        for (PartSpec p : parts) {
            sb.append("---\nversion: ").append(q(p.version())).append('\n');
            if (p.token()) {
                sb.append("persistentClusterToken: ").append(q(TOKEN)).append('\n');
            }
            Map<ServiceFile, Map<String, String>> byFile = new LinkedHashMap<>();
            for (Entry e : p.args()) {
                byFile.computeIfAbsent(e.file(), f -> new LinkedHashMap<>()).put(e.key(), e.value());
            }
            byFile.forEach((file, entries) -> {
                sb.append(file.nativeKey()).append(":\n");
                entries.forEach((k, v) -> sb.append("  ").append(q(k)).append(": ").append(v == null ? "null" : q(v)).append('\n'));
            });
            map(sb, "extraConfigFiles", p.configFiles());
            map(sb, "containerdRegistryConfigs", p.registries());
            if (!p.sans().isEmpty()) {
                sb.append("extraSANs:\n");
                p.sans().forEach(s -> sb.append("  - ").append(q(s)).append('\n'));
            }
            if (!p.addons().isEmpty()) {
                sb.append("addons:\n");
                for (String[] a : p.addons()) {
                    sb.append("  - name: ").append(q(a[0])).append('\n');
                    if (a[1] != null) {
                        sb.append("    args: [").append(q(a[1])).append("]\n");
                    }
                    if (Boolean.parseBoolean(a[2])) {
                        sb.append("    disable: true\n");
                    }
                }
            }
            if (p.joinUrl() != null) {
                sb.append("join:\n  url: ").append(q(p.joinUrl())).append('\n');
            }
        }
        return sb.toString();
    }

    private static void map(StringBuilder sb, String key, Map<String, String> m) {
        if (!m.isEmpty()) {
            sb.append(key).append(":\n");
            m.forEach((k, v) -> sb.append("  ").append(q(k)).append(": ").append(q(v)).append('\n'));
        }
    }

    /** The node's files as compile renders them, before the writer: unsafe paths throw here. */
    static Map<String, byte[]> render(NodePlan plan) {
        OutputTree tree = new OutputTree();
        NodeRenderer.render(plan, tree);
        Map<String, byte[]> out = new LinkedHashMap<>();
        tree.entries().forEach((path, e) -> out.put(path, e.bytes()));
        return out;
    }

    /**
     * Every path is a plain relative path under nodes/local/, and none is the directory of another
     * (an extraConfigFiles name such as certs.d was one: finding K1, fixed in rules/ConfigFileRule).
     */
    static void checkPaths(Set<String> paths) {
        for (String p : paths) {
            OutputTree.checkPath(p);
            check(p.startsWith("nodes/local/"), "path outside the node's directory: " + p);
            for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
                check(!paths.contains(p.substring(0, i)), "both a file and a directory: " + p.substring(0, i));
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static void checkPlanJson(String planJson, String input) {
        try {
            JSON.readTree(planJson);
        } catch (IOException e) {
            throw new AssertionError("plan.json is not JSON: " + e.getMessage(), e);
        }
        check(!planJson.contains(TOKEN), "plan.json holds the token:\n" + planJson + "\ninput:\n" + input);
    }

    /**
     * The key invariant: the keys of every args and env file are the track's defaults, plus the
     * input's set keys, minus its removed keys, plus at most the helper keys.
     */
    static void checkArgsFiles(Track track, FileLint lint, Map<String, byte[]> tree) {
        LaunchConfig config = lint.config();
        Set<String> replaced = new HashSet<>();
        config.parts().forEach(p -> p.configFiles().forEach(e -> replaced.add(e.key())));
        Set<String> reported = new HashSet<>();
        lint.diagnostics().forEach(x -> reported.add(x.path()));
        files:
        for (ServiceFile file : ServiceFile.values()) {
            String name = file.fileName();
            if (replaced.contains(name)) {
                continue;
            }
            for (Part p : config.parts()) {
                for (ArgEntry e : p.args(file)) {
                    if (!e.isRemoval() && !stable(e.key(), e.value())) {
                        // MicroK8s writes it verbatim, so the file gets a line that reads back as
                        // another key or as two lines. Lint must say so (LC1010, LC1008, ...).
                        // A flag name holding '=' in a file no flag catalog covers was one (finding K2,
                        // fixed in rules/ArgKeyRule): its line "--a=b=c" read back as --a.
                        check(reported.contains(e.pointer()), "lint let through an entry whose line in args/" + name
                                + " reads back as another key or as more than one line, without a finding at "
                                + e.pointer() + ": " + e.key() + "=" + e.value() + "\nfindings: " + lint.diagnostics());
                        continue files;
                    }
                }
            }
            Set<String> expected = new TreeSet<>(keys(track.defaultArgs().get(name)));
            Map<String, String> values = new HashMap<>();
            boolean touched = false;
            for (Part p : config.parts()) {
                for (ArgEntry e : p.args(file)) {
                    touched = true;
                    if (e.isRemoval()) {
                        expected.remove(e.key());
                        values.remove(e.key());
                    } else {
                        expected.add(e.key());
                        values.put(e.key(), e.value());
                    }
                }
            }
            byte[] bytes = tree.get("nodes/local/args/" + name);
            if (bytes == null) {
                check(!touched, "args/" + name + " was edited but is not in the preview");
                continue;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            for (String raw : text.split("\n", -1)) {
                if (!raw.strip().isEmpty()) {
                    lines.add(raw.strip());
                }
            }
            Map<String, Integer> seen = new HashMap<>();
            for (String line : lines) {
                String key = ArgsLines.keyOf(line);
                seen.merge(key, 1, Integer::sum);
                check(expected.contains(key) || HELPER_KEYS.contains(key), "args/" + name + " has a line whose key '"
                        + key + "' is neither a default, nor set by the input, nor a helper's: '" + line + "'\n--- file:\n"
                        + text);
            }
            for (Map.Entry<String, String> e : values.entrySet()) {
                String key = e.getKey();
                if (HELPER_KEYS.contains(key)) {
                    continue;
                }
                // The editor rewrites every line of a key in place, so a key the defaults hold k times stays k times.
                int times = seen.getOrDefault(key, 0);
                int max = Math.max(1, defaultCount(track.defaultArgs().get(name), key));
                check(times >= 1 && times <= max, "args/" + name + ": key '" + key + "' set by the input appears "
                        + times + " times\n--- file:\n" + text);
                check(lines.contains((key + "=" + e.getValue()).strip()), "args/" + name + ": no line " + key + "="
                        + e.getValue() + "\n--- file:\n" + text);
            }
        }
    }

    /** The entry's line holds no line feed and reads back (stripped, as the editor reads it) as its own key. */
    static boolean stable(String key, String value) {
        String line = key + "=" + value;
        return line.indexOf('\n') < 0 && ArgsLines.keyOf(line.strip()).equals(key);
    }

    static int defaultCount(String content, String key) {
        int n = 0;
        if (content != null) {
            for (String raw : content.split("\n")) {
                if (!raw.strip().isEmpty() && ArgsLines.keyOf(raw.strip()).equals(key)) {
                    n++;
                }
            }
        }
        return n;
    }

    static Set<String> keys(String content) {
        Set<String> out = new TreeSet<>();
        if (content != null) {
            for (String raw : content.split("\n")) {
                if (!raw.strip().isEmpty()) {
                    out.add(ArgsLines.keyOf(raw.strip()));
                }
            }
        }
        return out;
    }
}
