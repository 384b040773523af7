package dev.launchc.cluster;

import static dev.launchc.cluster.ClusterCli.compile;
import static dev.launchc.cluster.ClusterCli.run;
import static dev.launchc.cluster.ClusterPipeline.tree;
import static dev.launchc.pipeline.PipelineFixtures.write;
import static dev.launchc.cluster.ClusterPipeline.writeCluster;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.launchc.cluster.ClusterPipeline.Run;
import dev.launchc.pipeline.PipelineFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Properties of cluster compile over random valid clusters: every seed is a valid native launch
 * config on its track (default and --compat lint), compiling a seed on its own gives the very node
 * preview the cluster compile gave, and compile is deterministic.
 */
class SeedPropertiesTest {
    static final String TOKEN = "Pp4Xq8Rt2Lk6Mn0Bv3Cz7Wy1Hs5Jd9Gf2Ae";

    /** One generated cluster; {@code labels.get(i)} belongs to the i-th node (control planes first). */
    record Gen(String track, int controlPlanes, int workers, boolean ipv6, Map<String, List<String>> mirrors,
            Airgap airgap, Map<String, String> kubelet, List<String> addons, List<Map<String, String>> labels,
            boolean workersFirst, String serviceCidr) {

        int nodes() {
            return controlPlanes + workers;
        }

        Map<String, Object> toFile() {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("microk8s", track);
            Map<String, Object> network = new LinkedHashMap<>();
            network.put("ipv4", Map.of("podCIDR", "10.1.0.0/16", "serviceCIDR", serviceCidr));
            if (ipv6) {
                network.put("ipv6", Map.of("podCIDR", "fd01::/64", "serviceCIDR", "fd98::/108"));
            }
            spec.put("network", network);
            if (!mirrors.isEmpty()) {
                spec.put("registries", Map.of("mirrors", mirrors));
            }
            if (airgap != null) {
                spec.put("airgap", Map.of("registry", airgap.registry(), "plainHTTP", airgap.plainHttp()));
            }
            if (!kubelet.isEmpty()) {
                spec.put("services", Map.of("kubelet", kubelet));
            }
            if (!addons.isEmpty()) {
                spec.put("addons", addons.stream().map(a -> Map.of("name", a)).toList());
            }
            spec.put("join", Map.of("token", Map.of("fromFile", "token.txt")));
            List<Map<String, Object>> nodes = new ArrayList<>();
            for (int i = 0; i < nodes(); i++) {
                boolean cp = i < controlPlanes;
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("name", cp ? "cp-" + (i + 1) : "w-" + (i - controlPlanes + 1));
                n.put("role", cp ? "control-plane" : "worker");
                n.put("address", (cp ? "10.0.0." : "10.0.1.") + (10 + i));
                if (!labels.get(i).isEmpty()) {
                    n.put("labels", labels.get(i));
                }
                nodes.add(n);
            }
            if (workersFirst) {
                // the bootstrap node is the first control plane, wherever it is listed
                List<Map<String, Object>> reordered = new ArrayList<>(nodes.subList(controlPlanes, nodes.size()));
                reordered.addAll(nodes.subList(0, controlPlanes));
                nodes = reordered;
            }
            spec.put("nodes", nodes);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("apiVersion", "launchc.dev/v1alpha1");
            root.put("kind", "Cluster");
            root.put("metadata", Map.of("name", "prop"));
            root.put("spec", spec);
            return root;
        }

        List<String> sampleNodes() {
            List<String> names = nodeNames();
            java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
            out.add(names.get(0));
            out.add(names.get(controlPlanes - 1));
            if (workers > 0) {
                out.add(names.get(controlPlanes));
                out.add(names.get(names.size() - 1));
            }
            return List.copyOf(out);
        }

        List<String> nodeNames() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes(); i++) {
                out.add(i < controlPlanes ? "cp-" + (i + 1) : "w-" + (i - controlPlanes + 1));
            }
            return out;
        }
    }

    record Airgap(String registry, boolean plainHttp) {}

    static final Map<String, List<String>> KUBELET_FLAGS = Map.of(
            "--max-pods", List.of("110", "150", "250"),
            "--image-gc-high-threshold", List.of("85", "90"),
            "--image-gc-low-threshold", List.of("70", "75"),
            "--serialize-image-pulls", List.of("true", "false"),
            "--kube-reserved", List.of("cpu=200m,memory=500Mi"),
            "--system-reserved", List.of("cpu=100m"),
            "--container-log-max-size", List.of("20Mi"),
            "--container-log-max-files", List.of("3", "5"),
            "--event-qps", List.of("10"));

    /** The track default and larger ranges: a changed range needs its first address in the SANs of control planes only. */
    static final List<String> SERVICE_CIDRS = List.of("10.152.183.0/24", "10.96.0.0/16", "10.153.0.0/20");

    static final List<String> NAMESPACES = List.of("docker.io", "quay.io", "ghcr.io", "registry.k8s.io");

    @Provide
    Arbitrary<Gen> clusters() {
        Arbitrary<String> track = Arbitraries.of("1.28", "1.32", "1.36");
        Arbitrary<Integer> cps = Arbitraries.integers().between(1, 5);
        Arbitrary<Integer> workers = Arbitraries.integers().between(0, 5);
        Arbitrary<Boolean> ipv6 = Arbitraries.of(true, false);
        Arbitrary<String> endpoint = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 9).map(i -> "https://mirror-" + i + ".corp.example:5000"),
                Arbitraries.integers().between(1, 250).map(i -> "http://10.5.0." + i + ":5000"));
        Arbitrary<Map<String, List<String>>> mirrors = Arbitraries.maps(Arbitraries.of(NAMESPACES),
                endpoint.list().ofMinSize(1).ofMaxSize(2).uniqueElements()).ofMaxSize(3);
        Arbitrary<Airgap> airgap = Combinators.combine(
                Arbitraries.of("registry.site.example:5000", "10.7.0.1:5000"), Arbitraries.of(true, false))
                .as(Airgap::new).injectNull(0.5);
        Arbitrary<Map<String, String>> kubelet = Arbitraries.subsetOf(KUBELET_FLAGS.keySet()).ofMaxSize(4)
                .flatMap(flags -> {
                    List<String> sorted = flags.stream().sorted().toList();
                    List<Arbitrary<String>> values = sorted.stream().map(f -> Arbitraries.of(KUBELET_FLAGS.get(f))).toList();
                    return Combinators.combine(values).as(vs -> {
                        Map<String, String> m = new LinkedHashMap<>();
                        for (int i = 0; i < sorted.size(); i++) {
                            m.put(sorted.get(i), vs.get(i));
                        }
                        return m;
                    });
                });
        Arbitrary<List<String>> addons = Arbitraries.subsetOf("dns", "rbac", "metrics-server", "hostpath-storage")
                .map(s -> s.stream().sorted().toList());
        Arbitrary<List<Map<String, String>>> labels = labelMap().list().ofSize(10);
        Arbitrary<Boolean> workersFirst = Arbitraries.of(false, true);
        return Combinators.combine(track, cps, workers, ipv6, mirrors, airgap, kubelet, addons)
                .as((t, c, w, v6, m, a, k, ad) -> new Gen(t, c, w, v6, m, a, k, ad, List.of(), false, SERVICE_CIDRS.get(0)))
                .flatMap(g -> Combinators.combine(labels, workersFirst, Arbitraries.of(SERVICE_CIDRS)).as((l, wf, svc) ->
                        new Gen(g.track(), g.controlPlanes(), g.workers(), g.ipv6(), g.mirrors(), g.airgap(), g.kubelet(),
                                g.addons(), l, wf, svc)));
    }

    /** Valid Kubernetes labels: optional DNS prefix, a name, a value of up to 63 characters (maybe empty). */
    static Arbitrary<Map<String, String>> labelMap() {
        Arbitrary<String> name = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofLength(1),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-', '.', '_').ofMaxLength(10),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofLength(1))
                .as((a, b, c) -> a + b + c);
        Arbitrary<String> key = Combinators.combine(Arbitraries.of("", "example.com/", "team.corp.example/"), name)
                .as((p, n) -> p + n);
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.just(""),
                Combinators.combine(Arbitraries.strings().alpha().numeric().ofLength(1),
                        Arbitraries.strings().alpha().numeric().withChars('-', '.', '_').ofMaxLength(20),
                        Arbitraries.strings().alpha().numeric().ofLength(1)).as((a, b, c) -> a + b + c));
        return Arbitraries.maps(key, value).ofMaxSize(3);
    }

    private Path work;

    @BeforeProperty
    void makeWorkDir() throws IOException {
        work = Files.createTempDirectory("launchc-seed-props");
    }

    @AfterProperty
    void removeWorkDir() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private int counter;

    @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
    void seedsAreValidNativeConfigsThatRecompileToTheSamePreviewDeterministically(@ForAll("clusters") Gen gen) {
        Path dir = work.resolve("c" + (counter++));
        write(dir.resolve("token.txt"), TOKEN + "\n");
        Path cluster = writeCluster(dir.resolve("cluster.yaml"), gen.toFile());
        Path out = dir.resolve("out");
        Run r = compile(cluster, out);
        assertEquals(0, r.code(), () -> gen + "\n" + r.describe());

        // (a) every seed lints clean on its track, by default and with --compat
        List<String> seeds = gen.nodeNames().stream()
                .map(n -> out.resolve("nodes").resolve(n).resolve("seed/microk8s.yaml").toString()).toList();
        for (boolean compat : List.of(false, true)) {
            List<String> args = new ArrayList<>(List.of("lint"));
            if (compat) {
                args.add("--compat");
            }
            args.addAll(List.of("--target", gen.track()));
            args.addAll(seeds);
            Run lint = run(args.toArray(String[]::new));
            assertEquals(0, lint.code(), () -> gen + "\n" + lint.describe());
        }

        // (b) a seed compiled as a native config gives the cluster compile's node preview; checked
        // for the bootstrap node, the last control plane and the first and last worker (every kind
        // of seed, while keeping the run short)
        for (String node : gen.sampleNodes()) {
            Path single = dir.resolve("single-" + node);
            Run n = run("compile", "--target", gen.track(), "-o", single.toString(),
                    out.resolve("nodes").resolve(node).resolve("seed/microk8s.yaml").toString());
            assertEquals(0, n.code(), () -> node + "\n" + gen + "\n" + n.describe());
            Map<String, byte[]> want = tree(out.resolve("nodes").resolve(node));
            Map<String, byte[]> got = tree(single.resolve("nodes/local"));
            assertEquals(want.keySet(), got.keySet(), () -> node + ": files of the native compile vs the cluster compile\n" + gen);
            for (String f : want.keySet()) {
                byte[] w = f.equals("plan.json") ? planWithNode(want.get(f), "local") : want.get(f);
                assertArrayEquals(w, got.get(f), () -> node + ": " + f + " differs\n--- cluster compile:\n"
                        + new String(want.get(f), StandardCharsets.UTF_8) + "\n--- native compile:\n"
                        + new String(got.get(f), StandardCharsets.UTF_8));
            }
            assertEquals(Set.of("nodes"), Set.copyOf(tree(single).keySet().stream().filter(p -> !p.equals("manifest.json"))
                    .map(p -> p.split("/")[0]).toList()), "the native compile writes one node");
        }

        // (d) a cluster that lint --strict passes compiles under --strict with no finding at all
        // (derived seeds are re-linted; a finding there must apply to the node's role)
        Run strictLint = run("lint", "--strict", cluster.toString());
        if (strictLint.code() == 0) {
            Run strict = compile(cluster, dir.resolve("strict"), "--strict");
            assertEquals(0, strict.code(), () -> gen + "\n" + strict.describe());
            assertEquals(List.of(), ExamplesCompileCleanTest.findings(strict), () -> gen + "\n" + strict.describe());
        }

        // (c) deterministic: a second run writes the same manifest (paths, sizes, sha256, modes)
        Path again = dir.resolve("again");
        Run r2 = compile(cluster, again);
        assertEquals(0, r2.code(), r2::describe);
        assertArrayEquals(read(out.resolve("manifest.json")), read(again.resolve("manifest.json")), "manifest.json differs");
        deleteTree(dir);
    }

    /** plan.json names its node; the native compile's node is 'local'. */
    static byte[] planWithNode(byte[] plan, String node) {
        String text = new String(plan, StandardCharsets.UTF_8);
        String replaced = text.replaceFirst("\"node\" : \"[^\"]*\"", "\"node\" : \"" + node + "\"");
        return replaced.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
