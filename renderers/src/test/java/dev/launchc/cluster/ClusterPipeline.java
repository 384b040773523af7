package dev.launchc.cluster;

import static dev.launchc.pipeline.PipelineFixtures.read;
import static dev.launchc.pipeline.PipelineFixtures.repo;
import static dev.launchc.pipeline.PipelineFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Suppressions;
import dev.launchc.lint.FileLint;
import dev.launchc.load.LoadLimits;
import dev.launchc.pipeline.CompileOptions;
import dev.launchc.pipeline.CompilePipeline;
import dev.launchc.pipeline.CompileResult;
import dev.launchc.pipeline.PipelineFixtures;
import dev.launchc.pipeline.Source;
import dev.launchc.pipeline.TokenSource;
import dev.launchc.render.TreeWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Shared by the cluster-compile tests (here and in cli, through the test-jar): compiles a cluster
 * file through the pipeline into a directory as {@code launchc compile} writes it, writes cluster
 * files, and reads back what compile wrote (seed documents, args files, plan.json, whole trees).
 */
public final class ClusterPipeline {
    private ClusterPipeline() {}

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final TomlMapper TOML = new TomlMapper();
    /** JSON is YAML: every string double-quoted, every non-ASCII character escaped, so the file says exactly what we mean. */
    private static final ObjectMapper CLUSTER_WRITER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    /**
     * One run, as the command line would end it: exit code 0 (compiled), 1 (the findings forbid it)
     * or 2 (the input is unusable); {@code err} holds every finding, one a line
     * ({@code file:line:column: severity: message [code]}), and the problem. {@code out} is what a
     * command prints on standard output (nothing, for the pipeline).
     */
    public record Run(int code, String out, String err, List<String> args) {
        public String all() {
            return out + err;
        }

        public String describe() {
            return "launchc " + String.join(" ", args) + " -> exit " + code + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    /**
     * {@code launchc compile [extra...] -o out cluster} through the pipeline: the tree is written to
     * {@code out} (with its manifest, as compile writes it) only when it compiled. {@code extra}
     * takes the options that reach the pipeline: {@code --node NAME}, {@code --target TRACK},
     * {@code --strict}, {@code --compat}.
     */
    public static Run compile(Path cluster, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("compile"));
        args.addAll(List.of(extra));
        args.addAll(List.of("-o", out.toString(), cluster.toString()));
        CompileResult r = CompilePipeline.compile(Source.file(cluster, LoadLimits.DEFAULTS.maxFileBytes()), options(extra));
        if (r.compiled()) {
            TreeWriter.addManifest(r.tree());
            try {
                TreeWriter.write(out, r.tree(), TreeWriter.Layout.LINKED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int code = switch (r.status()) {
            case COMPILED -> 0;
            case REFUSED -> 1;
            case UNUSABLE -> 2;
        };
        return new Run(code, "", findings(r.reports()) + (r.problem() == null ? "" : "launchc: " + r.problem() + "\n"), args);
    }

    public static Run compileOk(Path cluster, Path out, String... extra) {
        Run r = compile(cluster, out, extra);
        assertEquals(0, r.code(), r::describe);
        return r;
    }

    /** {@code launchc lint [extra...] cluster} through the pipeline's linter: exit 1 when the findings fail the run. */
    public static Run lint(Path cluster, String... extra) {
        List<String> args = new ArrayList<>(List.of("lint"));
        args.addAll(List.of(extra));
        args.add(cluster.toString());
        CompileOptions options = options(extra);
        Source source = Source.file(cluster, LoadLimits.DEFAULTS.maxFileBytes());
        FileLint lint = CompilePipeline.linter(options).lint(source.name(), source.bytes());
        return new Run(CompilePipeline.fails(List.of(lint), options.mode()) ? 1 : 0, "", findings(List.of(lint)), args);
    }

    private static CompileOptions options(String... extra) {
        Track track = Catalog.get().track(Catalog.get().newestTrack()).orElseThrow();
        boolean explicit = false;
        Mode mode = Mode.DEFAULT;
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < extra.length; i++) {
            switch (extra[i]) {
                case "--node" -> nodes.add(extra[++i]);
                case "--target" -> {
                    track = Catalog.get().track(extra[++i]).orElseThrow();
                    explicit = true;
                }
                case "--strict" -> mode = Mode.STRICT;
                case "--compat" -> mode = Mode.COMPAT;
                default -> throw new IllegalArgumentException("not a pipeline option: " + extra[i]);
            }
        }
        return new CompileOptions(track, explicit, mode, LoadLimits.DEFAULTS, Suppressions.Filter.NONE, nodes, TokenSource.DECLARED);
    }

    private static String findings(List<FileLint> reports) {
        StringBuilder sb = new StringBuilder();
        for (FileLint lint : reports) {
            for (Diagnostic d : lint.diagnostics()) {
                sb.append(d.file()).append(':').append(d.line()).append(':').append(d.column()).append(": ")
                        .append(d.severity().label()).append(": ").append(d.message()).append(" [").append(d.code()).append("]\n");
            }
        }
        return sb.toString();
    }

    /** Copies examples/NAME (cluster file and token file) into dir, so that nothing resolves against the working directory. */
    public static Path copyExample(String name, Path dir) {
        try {
            Path from = repo().resolve("examples").resolve(name);
            Path to = dir.resolve("example-" + name);
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName().toString()));
                }
            }
            return to.resolve("cluster.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cluster file from a map: JSON text, which every YAML loader reads as the same strings. */
    public static Path writeCluster(Path file, Map<String, Object> cluster) {
        try {
            return write(file, "# test cluster\n" + CLUSTER_WRITER.writerWithDefaultPrettyPrinter().writeValueAsString(cluster) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readJson(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a YAML text, strictly (duplicate keys fail). Empty documents are kept as null. */
    public static List<Object> yamlDocuments(String text) {
        Load load = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build());
        List<Object> docs = new ArrayList<>();
        load.loadAllFromString(text).forEach(docs::add);
        return docs;
    }

    /** The parts of a seed: each document must be a mapping. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> seedParts(Path seed) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Object doc : yamlDocuments(read(seed))) {
            assertInstanceOf(Map.class, doc, () -> seed + ": every document of a seed is a mapping, got " + doc);
            parts.add((Map<String, Object>) doc);
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    public static Path seed(Path out, String node) {
        return out.resolve("nodes").resolve(node).resolve("seed/microk8s.yaml");
    }

    /** Index of the (single) part holding join, or -1. */
    public static int joinPart(List<Map<String, Object>> parts) {
        int at = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).containsKey("join")) {
                assertEquals(-1, at, "join appears in more than one part");
                at = i;
            }
        }
        return at;
    }

    /** Index of the last part that sets the given kubelet flag, or -1. */
    public static int lastPartSettingKubelet(List<Map<String, Object>> parts, String flag) {
        int at = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (map(parts.get(i).get("extraKubeletArgs")).containsKey(flag)) {
                at = i;
            }
        }
        return at;
    }

    /** The value the seed finally sets for a kubelet flag (later parts win), or null. */
    public static String finalKubeletArg(List<Map<String, Object>> parts, String flag) {
        int at = lastPartSettingKubelet(parts, flag);
        return at < 0 ? null : (String) map(parts.get(at).get("extraKubeletArgs")).get(flag);
    }

    /** An args file as key -> value, keys in file order (the last occurrence wins, as MicroK8s' parser reads it). */
    public static Map<String, String> argsFile(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            int sp = l.indexOf(' ');
            int cut = eq >= 0 ? eq : sp;
            out.put(cut < 0 ? l : l.substring(0, cut), cut < 0 ? "" : l.substring(cut + 1));
        }
        return out;
    }

    public static Map<String, String> kubeletPreview(Path out, String node) {
        return argsFile(read(out.resolve("nodes").resolve(node).resolve("args/kubelet")));
    }

    /** A --node-labels value as ordered key -> value; fails on a key given twice. */
    public static Map<String, String> labels(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : value.replace("\"", "").replace("'", "").split(",")) {
            int eq = kv.indexOf('=');
            String k = eq < 0 ? kv : kv.substring(0, eq);
            assertTrue(out.put(k, eq < 0 ? "" : kv.substring(eq + 1)) == null, "label " + k + " twice in " + value);
        }
        return out;
    }

    /** The argv of the addon-enable step for an addon, or null. */
    public static List<String> addonArgv(JsonNode plan, String addon) {
        for (JsonNode step : plan.path("steps")) {
            if ("addon-enable".equals(step.path("action").asText()) && step.path("argv").size() > 2
                    && addon.equals(step.path("argv").get(2).asText())) {
                List<String> argv = new ArrayList<>();
                step.path("argv").forEach(a -> argv.add(a.asText()));
                return argv;
            }
        }
        return null;
    }

    /** Every regular file under root, by relative path ('/'-separated), sorted. */
    public static Map<String, byte[]> tree(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    // ---- addresses ----

    public static BigInteger ip(String text) {
        try {
            return new BigInteger(1, InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    public static int bits(String address) {
        return address.contains(":") ? 128 : 32;
    }

    /** address + n inside the CIDR's network, as InetAddress prints it (IPv6 compressed). */
    public static String nth(String cidr, long n) {
        String[] p = cidr.split("/");
        BigInteger base = ip(p[0]);
        int bits = bits(p[0]);
        BigInteger v = base.add(BigInteger.valueOf(n));
        byte[] raw = v.toByteArray();
        byte[] fixed = new byte[bits / 8];
        for (int i = 0; i < Math.min(raw.length, fixed.length); i++) {
            fixed[fixed.length - 1 - i] = raw[raw.length - 1 - i];
        }
        try {
            String s = InetAddress.getByAddress(fixed).getHostAddress();
            return bits == 128 ? compressV6(s) : s;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    public static boolean inCidr(String address, String cidr) {
        String[] p = cidr.split("/");
        if (bits(address) != bits(p[0])) {
            return false;
        }
        int prefix = Integer.parseInt(p[1]);
        int shift = bits(address) - prefix;
        return ip(address).shiftRight(shift).equals(ip(p[0]).shiftRight(shift));
    }

    /** Same address, compared numerically. */
    public static boolean sameIp(String a, String b) {
        return bits(a) == bits(b) && ip(a).equals(ip(b));
    }

    private static String compressV6(String full) {
        // 0:0:0:0:0:0:0:1 style from InetAddress -> shortest form (longest zero run as ::)
        String[] g = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < g.length; ) {
            if (g[i].equals("0")) {
                int j = i;
                while (j < g.length && g[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String left = String.join(":", java.util.Arrays.copyOfRange(g, 0, bestStart));
        String right = String.join(":", java.util.Arrays.copyOfRange(g, bestStart + bestLen, g.length));
        return left + "::" + right;
    }
}
