package dev.launchc.cluster;

import static dev.launchc.cluster.ClusterPipeline.JSON;
import static dev.launchc.cluster.ClusterPipeline.TOML;
import static dev.launchc.cluster.ClusterPipeline.addonArgv;
import static dev.launchc.cluster.ClusterPipeline.argsFile;
import static dev.launchc.cluster.ClusterPipeline.compile;
import static dev.launchc.cluster.ClusterPipeline.compileOk;
import static dev.launchc.cluster.ClusterPipeline.copyExample;
import static dev.launchc.cluster.ClusterPipeline.finalKubeletArg;
import static dev.launchc.cluster.ClusterPipeline.inCidr;
import static dev.launchc.cluster.ClusterPipeline.joinPart;
import static dev.launchc.cluster.ClusterPipeline.kubeletPreview;
import static dev.launchc.cluster.ClusterPipeline.labels;
import static dev.launchc.cluster.ClusterPipeline.lastPartSettingKubelet;
import static dev.launchc.cluster.ClusterPipeline.map;
import static dev.launchc.cluster.ClusterPipeline.nth;
import static dev.launchc.cluster.ClusterPipeline.readJson;
import static dev.launchc.cluster.ClusterPipeline.lint;
import static dev.launchc.cluster.ClusterPipeline.sameIp;
import static dev.launchc.cluster.ClusterPipeline.seed;
import static dev.launchc.cluster.ClusterPipeline.seedParts;
import static dev.launchc.cluster.ClusterPipeline.tree;
import static dev.launchc.cluster.ClusterPipeline.writeCluster;
import static dev.launchc.pipeline.PipelineFixtures.read;
import static dev.launchc.pipeline.PipelineFixtures.write;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchc.catalog.Catalog;
import dev.launchc.cluster.ClusterPipeline.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the compile pipeline ({@code launchc compile}) derives for a cluster file (SPEC §2.2, §5),
 * written as compile writes it and read back from the output tree: bootstrap and join, the
 * service network, labels, GPU flags, registries, hostile values, node selection and secrets.
 */
class ClusterCompileTest {
    /** A throwaway join token, long enough for microk8s join (≥ 32 characters). */
    static final String TOKEN = "qa7Rk2Lm9Px4Tn8Vb3Cd6Fg1Hj5Ks0WzYe4Ut7Io";

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ bootstrap and join

    @ParameterizedTest
    @ValueSource(strings = {"gpu", "airgapped"})
    void examplesBootstrapOnTheFirstControlPlaneAndJoinEveryOtherNode(String example) throws IOException {
        Path cluster = copyExample(example, tmp);
        String token = Files.readString(cluster.resolveSibling("join-token.txt")).strip();
        Path out = tmp.resolve("out");
        compileOk(cluster, out);
        assertBootstrapAndJoins(ClusterSpec.read(cluster), out, token);
    }

    @Test
    void theBootstrapIsTheFirstControlPlaneNodeEvenWhenAWorkerIsListedFirst() {
        write(tmp.resolve("tok.txt"), TOKEN + "\n");
        Path cluster = write(tmp.resolve("c.yaml"), """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: order}
                spec:
                  microk8s: "1.32"
                  join:
                    token: {fromFile: tok.txt}
                  nodes:
                    - {name: w-0, role: worker, address: 10.0.0.20}
                    - {name: cp-a, role: control-plane, address: 10.0.0.11}
                    - {name: w-1, role: worker, address: 10.0.0.21}
                    - {name: cp-b, role: control-plane, address: 10.0.0.12}
                    - {name: cp-c, role: control-plane, address: 10.0.0.13}
                """);
        Path out = tmp.resolve("out");
        compileOk(cluster, out);
        ClusterSpec spec = ClusterSpec.read(cluster);
        assertEquals("cp-a", spec.bootstrap().name());
        assertBootstrapAndJoins(spec, out, TOKEN);
    }

    /** The first control-plane node carries the token; every other node joins it, with worker: true exactly on workers. */
    static void assertBootstrapAndJoins(ClusterSpec spec, Path out, String token) {
        ClusterSpec.Node boot = spec.bootstrap();
        String url = boot.address() + ":25000/" + token;
        List<Executable> checks = new ArrayList<>();
        for (ClusterSpec.Node node : spec.nodes()) {
            checks.add(() -> {
                List<Map<String, Object>> parts = seedParts(seed(out, node.name()));
                String where = node.name() + " (" + node.role() + ")";
                if (node == boot) {
                    assertEquals(token, parts.get(0).get("persistentClusterToken"), where + ": token in the first part");
                    assertEquals(-1, joinPart(parts), where + ": the bootstrap node joins nothing");
                    return;
                }
                for (Map<String, Object> p : parts) {
                    assertFalse(p.containsKey("persistentClusterToken"), where + ": only the bootstrap node carries the token");
                }
                int j = joinPart(parts);
                assertTrue(j >= 0, where + ": no join part");
                Map<String, Object> join = map(parts.get(j).get("join"));
                assertEquals(url, join.get("url"), where + ": join.url");
                if (node.controlPlane()) {
                    assertNotEquals(Boolean.TRUE, join.get("worker"), where + ": a control-plane node joins without worker");
                } else {
                    assertEquals(Boolean.TRUE, join.get("worker"), where + ": a worker joins with worker: true");
                }
            });
        }
        assertAll(checks);
    }

    // ------------------------------------------------------------------ the join token

    @Test
    void aRelativeTokenFileIsReadBesideTheClusterFileNotInTheWorkingDirectory() {
        write(tmp.resolve("site/secrets/token"), "  " + TOKEN + "\n\n");
        Path cluster = write(tmp.resolve("site/clusters/edge/cluster.yaml"), twoNodes("{fromFile: ../../secrets/token}"));
        assertFalse(Files.exists(Path.of("../../secrets/token").toAbsolutePath()), "test precondition: not in the working dir");
        Path out = tmp.resolve("out");
        compileOk(cluster, out);
        assertEquals(TOKEN, seedParts(seed(out, "cp-1")).get(0).get("persistentClusterToken"), "token stripped of spaces and newlines");
        assertEquals("10.0.0.1:25000/" + TOKEN, map(seedParts(seed(out, "w-1")).get(0).get("join")).get("url"));
    }

    @Test
    void anAbsoluteTokenFileIsReadAsIs() {
        Path token = write(tmp.resolve("elsewhere/token.txt"), TOKEN);
        Path cluster = write(tmp.resolve("c/cluster.yaml"), twoNodes("{fromFile: \"" + token.toAbsolutePath() + "\"}"));
        Path out = tmp.resolve("out");
        compileOk(cluster, out);
        assertEquals(TOKEN, seedParts(seed(out, "cp-1")).get(0).get("persistentClusterToken"));
    }

    @Test
    void aMissingTokenFileIsAnIoProblemThatWritesNothing() {
        Path cluster = write(tmp.resolve("c/cluster.yaml"), twoNodes("{fromFile: no-such-token.txt}"));
        Path out = tmp.resolve("out");
        Run r = compile(cluster, out);
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains("no-such-token.txt"), r::describe);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aMissingTokenVariableIsExitTwoAndNamesTheVariableButNoValue() {
        String var = "LAUNCHC_TEST_UNSET_TOKEN_7Q2";
        assumeTrue(System.getenv(var) == null);
        Path cluster = write(tmp.resolve("c.yaml"), twoNodes("{fromEnv: " + var + "}"));
        Path out = tmp.resolve("out");
        Run r = compile(cluster, out);
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains(var), r::describe);
        assertFalse(r.all().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out), "nothing written");
    }

    // fromEnv needs a real environment, so a child JVM: cli's ClusterCompileCliTest.fromEnvReadsTheTokenFromTheEnvironment.

    static Stream<Arguments> malformedTokens() {
        return Stream.of(
                Arguments.of("slashes", "Zx8Qw3Er6Ty9Ui2Op5As7Df/SecretTail9Kq/Lm4Nb7", false),
                Arguments.of("space and quote", "Zx8Qw3Er6Ty9Ui2Op5As7Df1Gh SecretTail\"9Kq#Lm", false),
                Arguments.of("too short", "Zx8Qw3Er6Ty9", false),
                Arguments.of("backslash", "Zx8Qw3Er6Ty9Ui2Op5As7Df1Gh\\SecretTail9KqLm4Nb7", true));
    }

    /**
     * SPEC §3.1: secrets are never echoed in any message, also when the token itself is what is
     * wrong. A token microk8s join cannot use (a '/' adds URL parts, a blank splits the argument,
     * fewer than 32 characters) must not compile.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTokens")
    void aMalformedTokenIsNeverEchoed(String what, String token, boolean usable) {
        write(tmp.resolve("tok.txt"), token);
        Path cluster = write(tmp.resolve("c.yaml"), twoNodes("{fromFile: tok.txt}"));
        Path out = tmp.resolve("out");
        Run r = compile(cluster, out);
        String printed = r.all();
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i + 6 <= token.length(); i++) {
            String window = token.substring(i, i + 6);
            checks.add(() -> assertFalse(printed.contains(window), () -> "output shows '" + window + "' of the secret token:\n" + printed));
        }
        if (!usable) {
            checks.add(() -> assertNotEquals(0, r.code(), () -> "a token microk8s join cannot use must not compile\n" + r.describe()));
            checks.add(() -> assertFalse(Files.exists(out), "nothing written"));
        }
        assertAll(checks);
    }

    /** A control plane and a worker on 1.32 whose token comes from {@code tokenSource} (also for cli's ClusterCompileCliTest). */
    static String twoNodes(String tokenSource) {
        return """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: tok}
                spec:
                  microk8s: "1.32"
                  join:
                    token: %s
                  nodes:
                    - {name: cp-1, role: control-plane, address: 10.0.0.1}
                    - {name: w-1, role: worker, address: 10.0.0.2}
                """.formatted(tokenSource);
    }

    // ------------------------------------------------------------------ service network, SANs, DNS

    static Stream<Arguments> serviceNetworks() {
        String cp1 = "{name: cp-1, role: control-plane, address: 10.0.0.1}";
        String cp2 = "{name: cp-2, role: control-plane, address: 10.0.0.2}";
        String w1 = "{name: w-1, role: worker, address: 10.0.0.4}";
        return Stream.of(
                Arguments.of("example gpu (1.32)", null),
                Arguments.of("example airgapped (1.34, dual stack)", null),
                Arguments.of("custom /12 and /112, 1.36, own domain", networkCluster("1.36", """
                        ipv4: {podCIDR: 10.244.0.0/16, serviceCIDR: 10.96.0.0/12}
                        ipv6: {podCIDR: "fd10:244::/64", serviceCIDR: "fd10:96::/112"}
                        dns: {domain: corp.internal, upstream: [10.9.0.53, 10.9.0.54]}
                        """, cp1, cp2, "{name: cp-3, role: control-plane, address: 10.0.0.3}", w1)),
                Arguments.of("IPv6 only, 1.33", networkCluster("1.33", """
                        ipv4: {enabled: false}
                        ipv6: {podCIDR: "fd01::/64", serviceCIDR: "fd98::/108"}
                        """, cp1, w1)),
                Arguments.of("custom /16 on 1.27, which has no generate-cni.sh: the seed sets the API server's range",
                        networkCluster("1.27", "ipv4: {serviceCIDR: 10.153.0.0/16}\n", cp1, cp2, w1)),
                Arguments.of("a /28 is just big enough for .10", networkCluster("1.28", "ipv4: {serviceCIDR: 10.152.183.16/28}\n",
                        cp1, w1)));
    }

    /** A cluster file on {@code track} with {@code network} (lines) as spec.network and the given nodes (flow mappings). */
    static String networkCluster(String track, String network, String... nodes) {
        StringBuilder sb = new StringBuilder("""
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: net}
                spec:
                  microk8s: "%s"
                  network:
                %s  join:
                    token: {fromFile: join-token.txt}
                  nodes:
                """.formatted(track, network.indent(4)));
        for (String node : nodes) {
            sb.append("    - ").append(node).append('\n');
        }
        return sb.toString();
    }

    /** A case of a parameterized test: a shipped example (gpu or airgapped, by its name) or an inline cluster with a token. */
    private Path caseFile(String what, String inline) {
        if (inline == null) {
            return copyExample(what.contains("gpu") ? "gpu" : "airgapped", tmp);
        }
        Path cluster = write(tmp.resolve("c/cluster.yaml"), inline);
        write(cluster.resolveSibling("join-token.txt"), TOKEN);
        return cluster;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceNetworks")
    void theServiceIpIsInTheSansAndClusterDnsIsInsideTheServiceCidr(String what, String inline) {
        Path cluster = caseFile(what, inline);
        Path out = tmp.resolve("out");
        compileOk(cluster, out);
        assertServiceNetwork(ClusterSpec.read(cluster), out);
    }

    /**
     * A service CIDR too small to hold the kube-dns ClusterIP (.10): either lint says so, or compile
     * still gives --cluster-dns and the dns addon a ClusterIP inside the CIDR.
     */
    @Test
    void aServiceCidrWithoutRoomForTheDnsIpIsReportedOrStillGetsAClusterIpInside() {
        write(tmp.resolve("join-token.txt"), TOKEN);
        Path cluster = write(tmp.resolve("c.yaml"), networkCluster("1.32", "ipv4: {serviceCIDR: 10.152.183.0/29}\n",
                "{name: cp-1, role: control-plane, address: 10.0.0.1}", "{name: w-1, role: worker, address: 10.0.0.4}"));
        Path out = tmp.resolve("out");
        Run r = compile(cluster, out);
        if (r.code() == 1) {
            assertEquals(1, lint(cluster).code(), "lint agrees with compile");
            return;
        }
        assertEquals(0, r.code(), r::describe);
        assertServiceNetwork(ClusterSpec.read(cluster), out);
    }

    static void assertServiceNetwork(ClusterSpec spec, Path out) {
        List<String> serviceIps = spec.serviceCidrs().stream().map(c -> nth(c, 1)).toList();
        String firstCidr = spec.serviceCidrs().get(0);
        // The 10th address, as MicroK8s uses 10.152.183.10; a range too small for it gets one inside.
        String tenth = nth(firstCidr, 10);
        String dnsIp = tenth != null && inCidr(tenth, firstCidr) ? tenth : null;
        List<Executable> checks = new ArrayList<>();
        for (ClusterSpec.Node node : spec.nodes()) {
            checks.add(() -> {
                List<Map<String, Object>> parts = seedParts(seed(out, node.name()));
                if (node.controlPlane()) {
                    List<String> sans = new ArrayList<>();
                    parts.forEach(p -> {
                        if (p.get("extraSANs") != null) {
                            sans.addAll(stringList(p.get("extraSANs")));
                        }
                    });
                    String csr = read(out.resolve("nodes").resolve(node.name()).resolve("certs/csr.conf.template"));
                    for (String ip : serviceIps) {
                        assertTrue(sans.stream().anyMatch(s -> sameIp(s, ip)), node.name() + ": extraSANs " + sans + " lack " + ip);
                        assertTrue(csr.lines().anyMatch(l -> l.matches("IP\\.\\d+ = .*") && sameIp(l.split(" = ")[1].strip(), ip)),
                                node.name() + ": csr.conf.template lacks " + ip + "\n" + csr);
                    }
                }
                Map<String, String> apiserver = argsFile(read(out.resolve("nodes").resolve(node.name()).resolve("args/kube-apiserver")));
                assertEquals(String.join(",", spec.serviceCidrs()), apiserver.get("--service-cluster-ip-range"),
                        node.name() + ": the API server serves the cluster's service CIDR");
                String clusterDns = kubeletPreview(out, node.name()).get("--cluster-dns");
                assertNotNull(clusterDns, node.name() + ": args/kubelet has no --cluster-dns");
                assertTrue(inCidr(clusterDns, firstCidr), node.name() + ": --cluster-dns " + clusterDns + " outside " + firstCidr);
                if (dnsIp != null) {
                    assertTrue(sameIp(clusterDns, dnsIp), node.name() + ": --cluster-dns " + clusterDns + ", expected the 10th address " + dnsIp);
                }
                assertEquals(spec.domain(), kubeletPreview(out, node.name()).get("--cluster-domain"), node.name() + ": --cluster-domain");
            });
        }
        checks.add(() -> {
            List<String> argv = addonArgv(readJson(out.resolve("nodes").resolve(spec.bootstrap().name()).resolve("plan.json")), "dns");
            assertNotNull(argv, "the bootstrap plan enables dns");
            List<String> expected = new ArrayList<>(List.of("microk8s", "enable", "dns",
                    spec.upstream().isEmpty() ? "/etc/resolv.conf" : String.join(",", spec.upstream())));
            assertTrue(argv.size() >= 5, "dns gets explicit upstream and ClusterIP: " + argv);
            assertEquals(expected, argv.subList(0, 4), "dns upstream");
            assertTrue(dnsIp == null ? inCidr(argv.get(4), firstCidr) : sameIp(argv.get(4), dnsIp),
                    "dns ClusterIP " + argv.get(4) + ", expected " + (dnsIp == null ? "an address in " + firstCidr : dnsIp));
            assertEquals(kubeletPreview(out, spec.bootstrap().name()).get("--cluster-dns"), argv.get(4),
                    "the dns addon and the kubelet agree on the ClusterIP");
            if (trackAtLeast(spec.track(), "1.33")) {
                assertEquals(6, argv.size(), "dns on 1.33+ takes the domain as third argument: " + argv);
                assertEquals(spec.domain(), argv.get(5));
            } else {
                assertEquals(5, argv.size(), "dns before 1.33 takes two arguments: " + argv);
            }
        });
        assertAll(checks);
    }

    static boolean trackAtLeast(String track, String min) {
        String[] a = track.split("\\.");
        String[] b = min.split("\\.");
        int c = Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0]));
        return c != 0 ? c > 0 : Integer.parseInt(a[1]) >= Integer.parseInt(b[1]);
    }

    @SuppressWarnings("unchecked")
    static List<String> stringList(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }

    // ------------------------------------------------------------------ node labels and taints

    static Stream<Arguments> labelledClusters() {
        return Stream.of(
                Arguments.of("example gpu", null),
                Arguments.of("example airgapped", null),
                Arguments.of("labels on control planes, taints, a default key overridden (1.36)", """
                        apiVersion: launchc.dev/v1alpha1
                        kind: Cluster
                        metadata: {name: lab}
                        spec:
                          microk8s: "1.36"
                          join:
                            token: {fromFile: join-token.txt}
                          nodes:
                            - name: cp-1
                              role: control-plane
                              address: 10.0.0.1
                              labels: {topology.kubernetes.io/zone: z1, example.com/rack: r7}
                              taints:
                                - {key: node-role.kubernetes.io/control-plane, effect: NoSchedule}
                            - name: cp-2
                              role: control-plane
                              address: 10.0.0.2
                              labels: {topology.kubernetes.io/zone: z2}
                            - name: w-1
                              role: worker
                              address: 10.0.0.3
                              labels: {node.kubernetes.io/microk8s-worker: special, team: ml, empty: ""}
                              taints:
                                - {key: dedicated, value: ml, effect: NoExecute}
                                - {key: spot, effect: PreferNoSchedule}
                        """),
                Arguments.of("1.28, worker without labels", """
                        apiVersion: launchc.dev/v1alpha1
                        kind: Cluster
                        metadata: {name: lab}
                        spec:
                          microk8s: "1.28"
                          join:
                            token: {fromFile: join-token.txt}
                          nodes:
                            - {name: cp-1, role: control-plane, address: 10.0.0.1, labels: {a: b}}
                            - {name: w-1, role: worker, address: 10.0.0.3}
                        """));
    }

    /**
     * Labels (and the MIG config) merge into the role's default --node-labels; on joining nodes the
     * kubelet args come in a part after the join, which rewrites args/kubelet (MicroK8s issue 5236).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("labelledClusters")
    void nodeLabelsAndTaintsMergeIntoTheRoleDefaultsAndSurviveTheJoin(String what, String inline) {
        Path cluster = caseFile(what, inline);
        Path out = tmp.resolve("out");
        compileOk(cluster, out);
        ClusterSpec spec = ClusterSpec.read(cluster);
        Map<String, String> cpDefaults = labels(ClusterPipeline.argsFile(
                Catalog.get().track(spec.track()).orElseThrow().defaultArgs().get("kubelet")).get("--node-labels"));
        Map<String, String> workerDefaults = labels("microk8s.io/cluster=true,node.kubernetes.io/microk8s-worker=microk8s-worker");
        List<Executable> checks = new ArrayList<>();
        for (ClusterSpec.Node node : spec.nodes()) {
            checks.add(() -> {
                Map<String, String> expected = new LinkedHashMap<>(node.controlPlane() ? cpDefaults : workerDefaults);
                expected.putAll(node.labels());
                if (node.migConfig() != null) {
                    expected.put("nvidia.com/mig.config", node.migConfig());
                }
                Map<String, String> preview = kubeletPreview(out, node.name());
                Map<String, String> actual = labels(preview.get("--node-labels"));
                assertEquals(List.copyOf(expected.entrySet()), List.copyOf(actual.entrySet()),
                        node.name() + ": --node-labels in args/kubelet, defaults first and in order");
                assertEquals(node.taints().isEmpty() ? null : String.join(",", node.taints()),
                        preview.get("--register-with-taints"), node.name() + ": --register-with-taints");
                List<Map<String, Object>> parts = seedParts(seed(out, node.name()));
                assertEquals(labels(finalKubeletArg(parts, "--node-labels")), actual, node.name() + ": preview = seed");
                int join = joinPart(parts);
                if (node != spec.bootstrap()) {
                    int kubelet = lastPartSettingKubelet(parts, "--node-labels");
                    assertTrue(join >= 0 && kubelet > join, node.name() + ": kubelet args (part " + (kubelet + 1)
                            + ") must come after the join (part " + (join + 1) + ")");
                    assertFalse(map(parts.get(join).get("extraKubeletArgs")).containsKey("--node-labels"),
                            node.name() + ": labels in the join part are lost to the join");
                }
            });
        }
        assertAll(checks);
    }

    /** SPEC §2.2: labels merge into --node-labels instead of replacing it, also when services.kubelet names the flag. */
    @Test
    void aNodeLabelsServiceArgDoesNotSilentlyDropTheDerivedLabels() {
        write(tmp.resolve("join-token.txt"), TOKEN);
        Path cluster = write(tmp.resolve("c.yaml"), """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: t}
                spec:
                  microk8s: "1.32"
                  services:
                    kubelet: {--node-labels: "site=berlin"}
                  join:
                    token: {fromFile: join-token.txt}
                  nodes:
                    - {name: cp-1, role: control-plane, address: 10.0.0.1, labels: {team: ml}}
                    - {name: w-1, role: worker, address: 10.0.0.2}
                """);
        Path out = tmp.resolve("out");
        Run r = compile(cluster, out);
        if (r.code() == 1 || lint(cluster, "--strict").code() == 1) {
            return; // reported: fine
        }
        Map<String, String> cp = labels(kubeletPreview(out, "cp-1").get("--node-labels"));
        Map<String, String> w = labels(kubeletPreview(out, "w-1").get("--node-labels"));
        assertAll(
                () -> assertEquals("ml", cp.get("team"), "cp-1 label team=ml lost: " + cp),
                () -> assertEquals("true", cp.get("microk8s.io/cluster"), "cp-1 default labels lost: " + cp),
                () -> assertEquals("microk8s-worker", w.get("node.kubernetes.io/microk8s-worker"), "w-1 default labels lost: " + w));
    }

    // ------------------------------------------------------------------ GPU

    @Test
    void gpuExampleLabelsGpuWorkersAfterTheJoinAndPassesOperatorFlagsInTheNvidiaSpelling() {
        Path cluster = copyExample("gpu", tmp);
        Path out = tmp.resolve("out");
        compileOk(cluster, out);
        ClusterSpec spec = ClusterSpec.read(cluster);
        List<Executable> checks = new ArrayList<>();
        for (ClusterSpec.Node node : spec.nodes()) {
            checks.add(() -> {
                List<Map<String, Object>> parts = seedParts(seed(out, node.name()));
                Map<String, String> labels = labels(finalKubeletArg(parts, "--node-labels"));
                if (node.migConfig() == null) {
                    assertFalse(labels.containsKey("nvidia.com/mig.config"), node.name());
                    return;
                }
                assertEquals(node.migConfig(), labels.get("nvidia.com/mig.config"), node.name());
                assertTrue(lastPartSettingKubelet(parts, "--node-labels") > joinPart(parts), node.name() + ": after the join");
            });
        }
        checks.add(() -> {
            List<String> argv = addonArgv(readJson(out.resolve("nodes/cp-1/plan.json")), "nvidia");
            assertNotNull(argv, "nvidia addon step");
            assertFlag(argv, "--gpu-operator-driver", "host");
            assertFlag(argv, "--gpu-operator-version", "v24.6.2");
            assertFlag(argv, "--gpu-operator-set", "mig.strategy=mixed");
            assertFalse(argv.contains("--driver") || argv.contains("--version") || argv.contains("--set"), "no 1.28 spelling: " + argv);
        });
        assertAll(checks);
    }

    @Test
    void onTrack128TheGpuAddonTakesTheLegacyFlags() {
        Path out = tmp.resolve("out");
        compileOk(gpuCluster("1.28", "gpu"), out);
        List<String> argv = addonArgv(readJson(out.resolve("nodes/cp-1/plan.json")), "gpu");
        assertNotNull(argv, "gpu addon step");
        assertFlag(argv, "--driver", "host");
        assertFlag(argv, "--version", "v24.6.2");
        assertFlag(argv, "--set", "mig.strategy=mixed");
        assertTrue(argv.stream().noneMatch(a -> a.startsWith("--gpu-operator-")), "no --gpu-operator-* on 1.28: " + argv);
        assertEquals("all-1g.10gb", labels(finalKubeletArg(seedParts(seed(out, "gpu-1")), "--node-labels")).get("nvidia.com/mig.config"));
    }

    /**
     * The GPU example moved to 1.28 still says {@code nvidia}, which 1.28 lacks. Either compile
     * spells it the 1.28 way ({@code gpu --driver …}), or lint rejects the cluster file.
     */
    @Test
    void theNvidiaAddonOnTrack128IsTranslatedOrRejectedByLint() {
        Path cluster = gpuCluster("1.28", "nvidia");
        Path out = tmp.resolve("out");
        Run r = compile(cluster, out);
        if (r.code() == 0) {
            List<String> argv = addonArgv(readJson(out.resolve("nodes/cp-1/plan.json")), "gpu");
            assertNotNull(argv, "on 1.28 the nvidia request becomes the gpu addon");
            assertFlag(argv, "--driver", "host");
            return;
        }
        assertLintAgreesWithCompile(cluster, r, out);
    }

    private Path gpuCluster(String track, String addon) {
        write(tmp.resolve("join-token.txt"), TOKEN);
        return write(tmp.resolve("gpu-" + track + "-" + addon + ".yaml"), """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: gpu-legacy}
                spec:
                  microk8s: "%s"
                  addons:
                    - name: dns
                    - name: %s
                  gpu:
                    driver: host
                    operatorVersion: v24.6.2
                    mig: {strategy: mixed}
                  join:
                    token: {fromFile: join-token.txt}
                  nodes:
                    - {name: cp-1, role: control-plane, address: 10.0.0.1}
                    - name: gpu-1
                      role: worker
                      address: 10.0.0.21
                      gpu: {model: H100-80GB, migConfig: all-1g.10gb}
                """.formatted(track, addon));
    }

    static void assertFlag(List<String> argv, String flag, String value) {
        int i = argv.indexOf(flag);
        assertTrue(i >= 0 && i + 1 < argv.size(), flag + " missing in " + argv);
        assertEquals(value, argv.get(i + 1), flag + " in " + argv);
        assertEquals(i, argv.lastIndexOf(flag), flag + " given twice in " + argv);
    }

    // ------------------------------------------------------------------ registries

    @Test
    void airgappedExampleMirrorsEveryUpstreamToTheSiteRegistry() {
        Path cluster = copyExample("airgapped", tmp);
        Path out = tmp.resolve("out");
        compileOk(cluster, out);
        assertAirgapRegistries(ClusterSpec.read(cluster), out, Set.of("docker.io", "registry.k8s.io", "quay.io"));
    }

    @Test
    void anAirgappedGpuClusterAlsoMirrorsNvcr() {
        write(tmp.resolve("join-token.txt"), TOKEN);
        Path cluster = write(tmp.resolve("c.yaml"), """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: ag-gpu}
                spec:
                  microk8s: "1.32"
                  airgap: {registry: "10.9.9.9:5000", plainHTTP: true}
                  registries:
                    mirrors:
                      docker.io: [https://docker-cache.corp.example]
                  addons:
                    - name: nvidia
                  gpu: {driver: host, mig: {strategy: mixed}}
                  join:
                    token: {fromFile: join-token.txt}
                  nodes:
                    - {name: cp-1, role: control-plane, address: 10.0.0.1}
                    - name: gpu-1
                      role: worker
                      address: 10.0.0.21
                      gpu: {model: A100-40GB, migConfig: all-balanced}
                """);
        Path out = tmp.resolve("out");
        compileOk(cluster, out);
        assertAirgapRegistries(ClusterSpec.read(cluster), out, Set.of("docker.io", "registry.k8s.io", "quay.io", "nvcr.io"));
        // the explicit mirror stays first, the air-gap registry follows
        Map<String, Object> docker = registryConfigs(seedParts(seed(out, "cp-1"))).get("docker.io");
        List<String> hosts = new ArrayList<>(map(docker.get("host")).keySet());
        assertEquals(List.of("https://docker-cache.corp.example", "http://10.9.9.9:5000"), hosts);
    }

    /**
     * Mirrors become hosts.toml with a [host."…"] table per endpoint; an endpoint listed twice is a
     * warning on the cluster file and one table in the seed (a table twice is not TOML).
     */
    @Test
    void plainMirrorsBecomeHostsTomlWithAHostTable() {
        write(tmp.resolve("join-token.txt"), TOKEN);
        Path cluster = write(tmp.resolve("c.yaml"), """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: mirrors}
                spec:
                  microk8s: "1.36"
                  registries:
                    mirrors:
                      docker.io: [https://m1.corp.example:5000, https://m2.corp.example, https://m1.corp.example:5000]
                      ghcr.io: [http://10.1.2.3:5000]
                    hosts:
                      m1.corp.example:5000: {ca: /etc/ssl/corp.pem, skipVerify: false, capabilities: [pull]}
                  join:
                    token: {fromFile: join-token.txt}
                  nodes:
                    - {name: cp-1, role: control-plane, address: 10.0.0.1}
                    - {name: w-1, role: worker, address: 10.0.0.2}
                """);
        Run lint = lint(cluster);
        assertEquals(0, lint.code(), lint::describe);
        assertTrue(lint.all().contains("c.yaml:8:74: warning:") && lint.all().contains("[LC3027]"),
                () -> "the repeated endpoint is a warning at the repeat:\n" + lint.describe());
        Path out = tmp.resolve("out");
        compileOk(cluster, out);
        for (String node : List.of("cp-1", "w-1")) {
            List<Map<String, Object>> parts = seedParts(seed(out, node));
            Map<String, Map<String, Object>> regs = registryConfigs(parts);
            assertEquals(Set.of("docker.io", "ghcr.io"), regs.keySet(), node);
            Map<String, Object> docker = map(regs.get("docker.io").get("host"));
            assertEquals(List.of("https://m1.corp.example:5000", "https://m2.corp.example"), List.copyOf(docker.keySet()), node);
            Map<String, Object> m1 = map(docker.get("https://m1.corp.example:5000"));
            assertEquals("/etc/ssl/corp.pem", m1.get("ca"), node);
            assertEquals(List.of("pull"), m1.get("capabilities"), node);
            assertEquals(List.of("http://10.1.2.3:5000"), List.copyOf(map(regs.get("ghcr.io").get("host")).keySet()), node);
            assertPreviewEqualsSeed(out, node, parts);
        }
    }

    static void assertAirgapRegistries(ClusterSpec spec, Path out, Set<String> namespaces) {
        List<Executable> checks = new ArrayList<>();
        for (ClusterSpec.Node node : spec.nodes()) {
            checks.add(() -> {
                List<Map<String, Object>> parts = seedParts(seed(out, node.name()));
                Map<String, Map<String, Object>> regs = registryConfigs(parts);
                assertTrue(regs.keySet().containsAll(namespaces), node.name() + ": " + regs.keySet() + " lacks some of " + namespaces);
                assertEquals(spec.gpu(), regs.containsKey("nvcr.io"), node.name() + ": nvcr.io exactly when GPUs are in use");
                regs.forEach((ns, toml) -> {
                    Map<String, Object> hosts = map(toml.get("host"));
                    assertFalse(hosts.isEmpty(), node.name() + " " + ns + ": no [host.\"…\"] table (containerd 1.6/1.7 reject it)");
                    assertTrue(hosts.containsKey(spec.airgapUrl()), node.name() + " " + ns + ": no host " + spec.airgapUrl() + " in " + hosts.keySet());
                });
                assertPreviewEqualsSeed(out, node.name(), parts);
            });
        }
        assertAll(checks);
    }

    /** containerdRegistryConfigs of all parts, each value parsed as TOML (a parse error fails the test). */
    static Map<String, Map<String, Object>> registryConfigs(List<Map<String, Object>> parts) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> p : parts) {
            map(p.get("containerdRegistryConfigs")).forEach((ns, text) -> out.put(ns, toml((String) text)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toml(String text) {
        try {
            return JSON.convertValue(TOML.readTree(text), Map.class);
        } catch (IOException e) {
            throw new AssertionError("hosts.toml does not parse as TOML: " + e.getMessage() + "\n" + text, e);
        }
    }

    /** args/certs.d/NS/hosts.toml in the preview is the seed's text, byte for byte. */
    static void assertPreviewEqualsSeed(Path out, String node, List<Map<String, Object>> parts) {
        for (Map<String, Object> p : parts) {
            map(p.get("containerdRegistryConfigs")).forEach((ns, text) -> assertEquals(text,
                    read(out.resolve("nodes").resolve(node).resolve("args/certs.d").resolve(ns).resolve("hosts.toml")),
                    node + ": preview certs.d/" + ns + "/hosts.toml"));
        }
    }

    // ------------------------------------------------------------------ hostile values

    enum Field { LABEL_VALUE, KUBELET_ARG_VALUE, CONTAINERD_ENV_VALUE, MIRROR_URL, CLUSTER_NAME }

    enum Outcome { REJECTED, ROUND_TRIPS }

    enum Expect { REJECTED, EITHER }

    static final String MARK = "benign0mark";

    static Stream<Arguments> hostileValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("newline", "a\nb");
        values.put("quote", "a\"b'c");
        values.put("document break", "\"\n---\nversion: 9");
        values.put("]]", "]]x[[");
        values.put("#", "a #b");
        values.put("U+2028", "a\u2028b");
        values.put("all at once", "x\"\n---\nversion: 9\n]]#\u2028'y");
        // What each case may do. REJECTED: exit 1 and nothing written. ROUND_TRIPS: the seed reads
        // back to exactly the intended value and nothing else. Either outcome is checked in full.
        //  - A label value with any of these characters is not a Kubernetes label value: kubelet
        //    refuses to start with it in --node-labels, so compile must refuse it.
        //  - A line break (\n, U+2028) in anything MicroK8s writes into an args or env file would
        //    start a second line there (LC1010); a blank in a file kubelite reads splits the
        //    argument (LC1011): both must be refused.
        //  - A mirror URL with a line feed is no URL (containerd's url.Parse rejects control
        //    characters), so the namespace's hosts.toml would not load: must be refused.
        //  - Everything else may be refused or carried as data (quoted in YAML, escaped in TOML,
        //    confined to a comment for the cluster name).
        Map<Field, Function<String, Expect>> expected = Map.of(
                Field.LABEL_VALUE, v -> Expect.REJECTED,
                Field.KUBELET_ARG_VALUE, v -> breaksLine(v) || v.contains(" ") ? Expect.REJECTED : Expect.EITHER,
                Field.CONTAINERD_ENV_VALUE, v -> breaksLine(v) ? Expect.REJECTED : Expect.EITHER,
                Field.MIRROR_URL, v -> v.contains("\n") ? Expect.REJECTED : Expect.EITHER, // no URL holds a line feed
                Field.CLUSTER_NAME, v -> Expect.EITHER);
        List<Arguments> out = new ArrayList<>();
        for (Field f : Field.values()) {
            values.forEach((name, v) -> out.add(Arguments.of(f, name, v, expected.get(f).apply(v))));
        }
        return out.stream();
    }

    static boolean breaksLine(String v) {
        return v.contains("\n") || v.contains("\u2028");
    }

    static Map<String, Object> hostileCluster(Field field, String v) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("microk8s", "1.32");
        spec.put("registries", Map.of("mirrors", Map.of("docker.io",
                List.of("https://mirror.example/" + (field == Field.MIRROR_URL ? v : "ok")))));
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("kubelet", Map.of("--provider-id", field == Field.KUBELET_ARG_VALUE ? v : "ok"));
        services.put("containerdEnv", Map.of("HTTPS_PROXY", field == Field.CONTAINERD_ENV_VALUE ? v : "http://proxy:3128"));
        spec.put("services", services);
        spec.put("join", Map.of("token", Map.of("fromFile", "join-token.txt")));
        spec.put("nodes", List.of(
                Map.of("name", "cp-1", "role", "control-plane", "address", "10.0.0.1"),
                Map.of("name", "w-1", "role", "worker", "address", "10.0.0.2",
                        "labels", Map.of("team", field == Field.LABEL_VALUE ? v : "ok"))));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("apiVersion", "launchc.dev/v1alpha1");
        root.put("kind", "Cluster");
        root.put("metadata", Map.of("name", field == Field.CLUSTER_NAME ? v : "ok"));
        root.put("spec", spec);
        return root;
    }

    /**
     * SPEC §8: a hostile value either makes compile refuse the cluster file (exit 1, nothing
     * written), or the seed parses back to exactly the intended value: same documents, same keys,
     * the value in its place (hosts.toml texts compared as parsed TOML).
     */
    @ParameterizedTest(name = "{0} with {1}: {3}")
    @MethodSource("hostileValues")
    void hostileValuesAreRejectedOrRoundTripExactly(Field field, String name, String value, Expect expected) {
        write(tmp.resolve("join-token.txt"), TOKEN);
        Path baseFile = writeCluster(tmp.resolve("base.yaml"), hostileCluster(field, MARK));
        Path baseOut = tmp.resolve("base-out");
        compileOk(baseFile, baseOut);
        Path file = writeCluster(tmp.resolve("hostile.yaml"), hostileCluster(field, value));
        Path out = tmp.resolve("out");
        Run r = compile(file, out);
        assertTrue(r.code() == 0 || r.code() == 1, r::describe);
        Outcome actual = r.code() == 0 ? Outcome.ROUND_TRIPS : Outcome.REJECTED;
        if (actual == Outcome.REJECTED) {
            assertFalse(Files.exists(out), "a refused compile writes nothing");
            assertTrue(r.err().contains("error"), r::describe);
            assertFalse(r.all().contains("\tat "), "no stack trace");
        } else {
            // the baseline's seeds with the marker replaced by the hostile value, everything parsed
            for (String node : List.of("cp-1", "w-1")) {
                Object want = replaceDeep(parsedSeed(seed(baseOut, node)), MARK, value);
                Object got = parsedSeed(seed(out, node));
                assertEquals(want, got, node + ": the seed holds exactly the intended values\n" + read(seed(out, node)));
                assertPreviewEqualsSeed(out, node, seedParts(seed(out, node)));
            }
            if (field == Field.CLUSTER_NAME) {
                assertEquals(read(seed(baseOut, "cp-1")).lines().count(), read(seed(out, "cp-1")).lines().count(),
                        "the name cannot add a line");
            }
        }
        System.out.println("hostile " + field + " with " + name + ": " + actual);
        if (expected == Expect.REJECTED) {
            assertEquals(Outcome.REJECTED, actual, () -> "must be refused:\n" + r.describe());
        }
    }

    /** The seed documents with every containerdRegistryConfigs value parsed as TOML. */
    static List<Object> parsedSeed(Path seed) {
        List<Object> docs = new ArrayList<>();
        for (Map<String, Object> part : seedParts(seed)) {
            Map<String, Object> copy = new LinkedHashMap<>(part);
            if (copy.get("containerdRegistryConfigs") != null) {
                Map<String, Object> regs = new LinkedHashMap<>();
                map(copy.get("containerdRegistryConfigs")).forEach((k, v) -> regs.put(k, toml((String) v)));
                copy.put("containerdRegistryConfigs", regs);
            }
            docs.add(copy);
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static Object replaceDeep(Object o, String from, String to) {
        if (o instanceof String s) {
            return s.replace(from, to);
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(replaceDeep(k, from, to), replaceDeep(v, from, to)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(x -> replaceDeep(x, from, to)).toList();
        }
        return o;
    }

    /** A comma or '=' in a label value adds a label of the user's choosing to every kubelet that gets it. */
    @Test
    void aLabelValueCannotInjectAnotherLabel() {
        write(tmp.resolve("join-token.txt"), TOKEN);
        Path file = writeCluster(tmp.resolve("c.yaml"), hostileCluster(Field.LABEL_VALUE, "ml,node-role.kubernetes.io/control-plane="));
        Path out = tmp.resolve("out");
        Run r = compile(file, out);
        if (r.code() == 0) {
            Map<String, String> labels = labels(kubeletPreview(out, "w-1").get("--node-labels"));
            assertFalse(labels.containsKey("node-role.kubernetes.io/control-plane"),
                    "label value 'ml,node-role.kubernetes.io/control-plane=' injected a label: " + labels);
        }
        assertEquals(1, r.code(), r::describe);
    }

    /**
     * args/containerd-env is sourced by bash (reference launch-config-facts §4.3): an unbalanced
     * quote is a syntax error there, so containerd does not start. That certainly breaks the node:
     * an error in the default mode (SPEC §3).
     */
    @Test
    void aContainerdEnvValueThatBreaksTheSourcedFileIsRejected() {
        write(tmp.resolve("join-token.txt"), TOKEN);
        Path file = writeCluster(tmp.resolve("c.yaml"), hostileCluster(Field.CONTAINERD_ENV_VALUE, "http://proxy:3128\"x"));
        Path out = tmp.resolve("out");
        Run r = compile(file, out);
        assertEquals(1, r.code(), () -> "HTTPS_PROXY=http://proxy:3128\"x in a bash-sourced file\n" + r.describe());
    }

    /** A mirror endpoint must be a URL containerd can parse; a line break or a blank in it is not. */
    @ParameterizedTest
    @ValueSource(strings = {"https://mirror.example/a\nb", "https://mirror example:5000", "mirror.example:5000\"]"})
    void aMirrorEndpointThatIsNoUrlIsRejected(String endpoint) {
        write(tmp.resolve("join-token.txt"), TOKEN);
        Map<String, Object> c = hostileCluster(Field.CLUSTER_NAME, "ok");
        map(c.get("spec")).put("registries", Map.of("mirrors", Map.of("docker.io", List.of(endpoint))));
        Path file = writeCluster(tmp.resolve("c.yaml"), c);
        Run r = compile(file, tmp.resolve("out"));
        assertEquals(1, r.code(), () -> "mirror endpoint " + JSON.valueToTree(endpoint) + "\n" + r.describe());
        assertEquals(1, lint(file).code(), "lint rejects it too");
    }

    // ------------------------------------------------------------------ lint and compile agree

    static Stream<Arguments> brokenClusters() {
        String head = """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: broken}
                spec:
                  microk8s: "%s"
                %s  join:
                    token: {fromFile: join-token.txt}
                  nodes:
                """;
        return Stream.of(
                Arguments.of("duplicate node name", head.formatted("1.32", "") + """
                            - {name: cp-1, role: control-plane, address: 10.0.0.1}
                            - {name: w, role: worker, address: 10.0.0.2}
                            - {name: w, role: worker, address: 10.0.0.3}
                        """),
                Arguments.of("node name that climbs out of the output directory", head.formatted("1.32", "") + """
                            - {name: cp-1, role: control-plane, address: 10.0.0.1}
                            - {name: ../../evil, role: worker, address: 10.0.0.2}
                        """),
                Arguments.of("no control-plane node", head.formatted("1.32", "") + """
                            - {name: w-1, role: worker, address: 10.0.0.2}
                        """),
                Arguments.of("IPv6 bootstrap address (microk8s join cannot parse it)", head.formatted("1.32", """
                          network:
                            ipv6: {}
                        """) + """
                            - {name: cp-1, role: control-plane, address: "fd00::1"}
                            - {name: w-1, role: worker, address: "fd00::2"}
                        """),
                Arguments.of("label value with a newline", head.formatted("1.32", "") + """
                            - {name: cp-1, role: control-plane, address: 10.0.0.1}
                            - {name: w-1, role: worker, address: 10.0.0.2, labels: {team: "a\\nb"}}
                        """),
                Arguments.of("label key with a space", head.formatted("1.32", "") + """
                            - {name: cp-1, role: control-plane, address: 10.0.0.1}
                            - {name: w-1, role: worker, address: 10.0.0.2, labels: {"my team": ml}}
                        """),
                Arguments.of("kubelet --cluster-dns outside the service CIDR", head.formatted("1.32", """
                          services:
                            kubelet: {--cluster-dns: 10.20.0.53}
                        """) + """
                            - {name: cp-1, role: control-plane, address: 10.0.0.1}
                        """),
                Arguments.of("custom pod CIDR on 1.27 (no generate-cni.sh)", head.formatted("1.27", """
                          network:
                            ipv4: {podCIDR: 10.2.0.0/16}
                        """) + """
                            - {name: cp-1, role: control-plane, address: 10.0.0.1}
                        """),
                Arguments.of("nvidia addon on 1.28", head.formatted("1.28", """
                          addons: [{name: nvidia}]
                          gpu: {driver: host}
                        """) + """
                            - {name: cp-1, role: control-plane, address: 10.0.0.1}
                        """));
    }

    /**
     * A cluster file compile cannot turn into seeds is an input error: compile exits 1 (never an
     * internal error) and writes nothing, `launchc lint` of the same file fails too (a CI lint step
     * must catch what compile refuses), and the finding points into the cluster file, not into a
     * generated seed the user never sees.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenClusters")
    void whatCompileRefusesLintRejectsAtTheClusterFile(String what, String text) {
        write(tmp.resolve("join-token.txt"), TOKEN);
        Path cluster = write(tmp.resolve("cluster.yaml"), text);
        Path out = tmp.resolve("out");
        assertLintAgreesWithCompile(cluster, compile(cluster, out), out);
    }

    static void assertLintAgreesWithCompile(Path cluster, Run compile, Path out) {
        Run lint = lint(cluster);
        assertAll(
                () -> assertEquals(1, compile.code(), compile::describe),
                () -> assertFalse(Files.exists(out) && !tree(out).isEmpty(), "nothing written"),
                () -> assertEquals(1, lint.code(), () -> "lint passes a file compile refuses:\n" + lint.describe()
                        + "\n" + compile.describe()),
                () -> assertFalse(compile.err().contains("→ nodes/"),
                        () -> "compile reports the problem inside a generated seed, not the cluster file:\n" + compile.err()));
    }

    // ------------------------------------------------------------------ --node

    @Test
    void nodeOptionWritesOnlyThatNode() {
        Path cluster = copyExample("gpu", tmp);
        Path out = tmp.resolve("out");
        compileOk(cluster, out, "--node", "cp-2");
        Set<String> dirs = new TreeSet<>();
        tree(out).keySet().forEach(p -> dirs.add(p.startsWith("nodes/") ? p.split("/")[1] : p));
        assertEquals(Set.of("cp-2", "manifest.json"), dirs);
        JsonNode manifest = readJson(out.resolve("manifest.json"));
        manifest.path("files").forEach(f -> assertEquals("cp-2", f.path("node").asText(), f.toString()));
        // the seed is the same as in a full compile
        Path full = tmp.resolve("full");
        compileOk(cluster, full);
        assertEquals(read(seed(full, "cp-2")), read(seed(out, "cp-2")));

        Path two = tmp.resolve("two");
        compileOk(cluster, two, "--node", "gpu-1", "--node", "cp-1");
        Set<String> nodes = new TreeSet<>();
        tree(two.resolve("nodes")).keySet().forEach(p -> nodes.add(p.split("/")[0]));
        assertEquals(Set.of("cp-1", "gpu-1"), nodes);
    }

    @Test
    void anUnknownNodeNameIsAUsageError() {
        Path cluster = copyExample("gpu", tmp);
        Path out = tmp.resolve("out");
        Run r = compile(cluster, out, "--node", "cp-9");
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains("cp-9"), r::describe);
        assertFalse(Files.exists(out), "nothing written");
    }

    // ------------------------------------------------------------------ secrets on disk

    @ParameterizedTest
    @ValueSource(strings = {"gpu", "airgapped"})
    void filesHoldingTheTokenAreMode0600AndPlanAndManifestNeverHoldIt(String example) throws IOException {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path cluster = copyExample(example, tmp);
        String token = Files.readString(cluster.resolveSibling("join-token.txt")).strip();
        Path out = tmp.resolve("out");
        compileOk(cluster, out);
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
        List<Executable> checks = new ArrayList<>();
        int[] secretFiles = {0};
        Map<String, byte[]> files = tree(out);
        files.forEach((path, bytes) -> {
            boolean secret = new String(bytes, StandardCharsets.UTF_8).contains(token);
            if (path.endsWith("plan.json") || path.equals("manifest.json")) {
                checks.add(() -> assertFalse(secret, path + " holds the token"));
            }
            if (secret) {
                secretFiles[0]++;
                checks.add(() -> assertEquals(owner, Files.getPosixFilePermissions(out.resolve(path)), path + " holds the token"));
            }
        });
        for (ClusterSpec.Node n : ClusterSpec.read(cluster).nodes()) {
            checks.add(() -> assertTrue(new String(files.get("nodes/" + n.name() + "/seed/microk8s.yaml"), StandardCharsets.UTF_8)
                    .contains(token), n.name() + ": every seed carries the token (bootstrap) or the join URL"));
        }
        assertAll(checks);
        assertTrue(secretFiles[0] > ClusterSpec.read(cluster).nodes().size(), "seeds and the credentials file");
        JsonNode manifest = readJson(out.resolve("manifest.json"));
        manifest.path("files").forEach(f -> {
            if (f.path("path").asText().endsWith("seed/microk8s.yaml")) {
                assertEquals("0600", f.path("mode").asText(), f.toString());
            }
        });
    }
}
