package dev.launchc.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.launchc.cli.CliRun;
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
 * Shared by the cluster-compile tests: runs the CLI in-process, writes cluster files, and reads
 * back what compile wrote (seed documents, args files, plan.json, whole trees).
 */
final class ClusterCli {
    private ClusterCli() {}

    static final ObjectMapper JSON = new ObjectMapper();
    static final TomlMapper TOML = new TomlMapper();
    /** JSON is YAML: every string double-quoted, every non-ASCII character escaped, so the file says exactly what we mean. */
    private static final ObjectMapper CLUSTER_WRITER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    record Run(int code, String out, String err, List<String> args) {
        String all() {
            return out + err;
        }

        String describe() {
            return "launchc " + String.join(" ", args) + " -> exit " + code + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    static Run run(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.exitCode(), r.out(), r.err(), List.of(args));
    }

    /** {@code launchc compile [extra...] -o out cluster}. */
    static Run compile(Path cluster, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("compile"));
        args.addAll(List.of(extra));
        args.addAll(List.of("-o", out.toString(), cluster.toString()));
        return run(args.toArray(String[]::new));
    }

    static Run compileOk(Path cluster, Path out, String... extra) {
        Run r = compile(cluster, out, extra);
        assertEquals(0, r.code(), r::describe);
        return r;
    }

    /** The repository root (surefire sets launchc.repo; the module directory is the fallback working directory). */
    static Path repo() {
        return Path.of(System.getProperty("launchc.repo", "..")).toAbsolutePath().normalize();
    }

    /** Copies examples/NAME (cluster file and token file) into dir, so that nothing resolves against the working directory. */
    static Path copyExample(String name, Path dir) {
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

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cluster file from a map: JSON text, which every YAML loader reads as the same strings. */
    static Path writeCluster(Path file, Map<String, Object> cluster) {
        try {
            return write(file, "# test cluster\n" + CLUSTER_WRITER.writerWithDefaultPrettyPrinter().writeValueAsString(cluster) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a YAML text, strictly (duplicate keys fail). Empty documents are kept as null. */
    static List<Object> yamlDocuments(String text) {
        Load load = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build());
        List<Object> docs = new ArrayList<>();
        load.loadAllFromString(text).forEach(docs::add);
        return docs;
    }

    /** The parts of a seed: each document must be a mapping. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> seedParts(Path seed) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Object doc : yamlDocuments(read(seed))) {
            assertInstanceOf(Map.class, doc, () -> seed + ": every document of a seed is a mapping, got " + doc);
            parts.add((Map<String, Object>) doc);
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    static Path seed(Path out, String node) {
        return out.resolve("nodes").resolve(node).resolve("seed/microk8s.yaml");
    }

    /** Index of the (single) part holding join, or -1. */
    static int joinPart(List<Map<String, Object>> parts) {
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
    static int lastPartSettingKubelet(List<Map<String, Object>> parts, String flag) {
        int at = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (map(parts.get(i).get("extraKubeletArgs")).containsKey(flag)) {
                at = i;
            }
        }
        return at;
    }

    /** The value the seed finally sets for a kubelet flag (later parts win), or null. */
    static String finalKubeletArg(List<Map<String, Object>> parts, String flag) {
        int at = lastPartSettingKubelet(parts, flag);
        return at < 0 ? null : (String) map(parts.get(at).get("extraKubeletArgs")).get(flag);
    }

    /** An args file as key -> value, keys in file order (the last occurrence wins, as MicroK8s' parser reads it). */
    static Map<String, String> argsFile(String text) {
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

    static Map<String, String> kubeletPreview(Path out, String node) {
        return argsFile(read(out.resolve("nodes").resolve(node).resolve("args/kubelet")));
    }

    /** A --node-labels value as ordered key -> value; fails on a key given twice. */
    static Map<String, String> labels(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : value.replace("\"", "").replace("'", "").split(",")) {
            int eq = kv.indexOf('=');
            String k = eq < 0 ? kv : kv.substring(0, eq);
            assertTrue(out.put(k, eq < 0 ? "" : kv.substring(eq + 1)) == null, "label " + k + " twice in " + value);
        }
        return out;
    }

    /** The argv of the addon-enable step for an addon, or null. */
    static List<String> addonArgv(JsonNode plan, String addon) {
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
    static Map<String, byte[]> tree(Path root) {
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

    static BigInteger ip(String text) {
        try {
            return new BigInteger(1, InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static int bits(String address) {
        return address.contains(":") ? 128 : 32;
    }

    /** address + n inside the CIDR's network, as InetAddress prints it (IPv6 compressed). */
    static String nth(String cidr, long n) {
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

    static boolean inCidr(String address, String cidr) {
        String[] p = cidr.split("/");
        if (bits(address) != bits(p[0])) {
            return false;
        }
        int prefix = Integer.parseInt(p[1]);
        int shift = bits(address) - prefix;
        return ip(address).shiftRight(shift).equals(ip(p[0]).shiftRight(shift));
    }

    /** Same address, compared numerically. */
    static boolean sameIp(String a, String b) {
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
