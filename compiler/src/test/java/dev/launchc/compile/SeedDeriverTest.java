package dev.launchc.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Severity;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import dev.launchc.model.internal.ArgsLines;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.plan.FileContent;
import dev.launchc.resolve.Origins;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link SeedDeriver#derive} on internal cluster models loaded the way the CLI loads them (through
 * {@link Linter}): bootstrap and join, SANs, cluster DNS, labels, service args, registries, GPU.
 */
class SeedDeriverTest {
    static final String TOKEN = "Tq3Wm8Zr5Ky1Lp7Hn2Vc6Xb9Js4Dg0Fa";
    static final String WORKER_LABELS = "microk8s.io/cluster=true,node.kubernetes.io/microk8s-worker=microk8s-worker";

    record Loaded(Cluster cluster, Track track) {
        List<NodeSeed> derive() {
            return SeedDeriver.derive(cluster, track, TOKEN);
        }

        NodeSeed seed(String node) {
            return derive().stream().filter(s -> s.node().equals(node)).findFirst().orElseThrow();
        }
    }

    /** Loads a cluster file through the linter; the file must have no errors. */
    static Loaded load(String yaml) {
        return load(yaml, Mode.DEFAULT);
    }

    static Loaded load(String yaml, Mode mode) {
        Linter linter = new Linter(Catalog.get().track("1.32").orElseThrow(), mode, LoadLimits.DEFAULTS);
        FileLint lint = linter.lint("cluster.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(lint.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR), () -> "test input has errors: "
                + lint.diagnostics());
        assertNotNull(lint.cluster(), "a cluster file");
        assertNotNull(lint.cluster().cluster(), "the cluster model");
        return new Loaded(lint.cluster().cluster(), lint.cluster().track());
    }

    /** A cluster file: {@code spec} lines (indented by two) and node lines (list items, indented by four). */
    static String cluster(String track, String spec, String... nodes) {
        StringBuilder sb = new StringBuilder("""
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: unit}
                spec:
                  microk8s: "%s"
                  join:
                    token: {fromEnv: LAUNCHC_JOIN_TOKEN}
                """.formatted(track));
        sb.append(spec.indent(2));
        sb.append("  nodes:\n");
        for (String n : nodes) {
            sb.append("    - ").append(n).append('\n');
        }
        return sb.toString();
    }

    static final String CP1 = "{name: cp-1, role: control-plane, address: 10.0.0.11}";
    static final String CP2 = "{name: cp-2, role: control-plane, address: 10.0.0.12}";
    static final String W1 = "{name: w-1, role: worker, address: 10.0.0.21}";

    static Map<String, String> labels(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : value.split(",")) {
            int eq = kv.indexOf('=');
            assertNull(out.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1)), "label twice: " + value);
        }
        return out;
    }

    static Map<String, String> controlPlaneDefaults(Track track) {
        return labels(ArgsLines.read(track.defaultArgs().get("kubelet")).get("--node-labels").replace("\"", ""));
    }

    /** The kubelet args a node ends up with: the last part that sets them. */
    static Map<String, String> kubelet(NodeSeed seed) {
        Map<String, String> out = null;
        for (NodeSeed.Part p : seed.parts()) {
            if (p.args().containsKey(ServiceFile.KUBELET)) {
                out = p.args().get(ServiceFile.KUBELET);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- bootstrap and join

    @Test
    void theFirstControlPlaneBootstrapsAndTheOthersJoinIt() {
        Loaded l = load(cluster("1.32", "", W1, CP1, "{name: w-2, role: worker, address: 10.0.0.22}", CP2));
        List<NodeSeed> seeds = l.derive();
        assertEquals(List.of("w-1", "cp-1", "w-2", "cp-2"), seeds.stream().map(NodeSeed::node).toList(), "file order kept");

        NodeSeed boot = l.seed("cp-1");
        assertEquals(1, boot.parts().size());
        NodeSeed.Part b = boot.parts().get(0);
        assertEquals(TOKEN, b.persistentClusterToken());
        assertNull(b.joinUrl());
        assertFalse(b.worker());
        assertNotNull(b.extraSANs());
        assertTrue(b.args().containsKey(ServiceFile.KUBELET), "the bootstrap node keeps its kubelet args in its only part");
        assertFalse(b.addons().isEmpty(), "addons run on the bootstrap node");

        for (String node : List.of("w-1", "w-2", "cp-2")) {
            NodeSeed s = l.seed(node);
            boolean worker = node.startsWith("w");
            assertEquals(2, s.parts().size(), node);
            NodeSeed.Part join = s.parts().get(0);
            NodeSeed.Part after = s.parts().get(1);
            assertEquals("10.0.0.11:25000/" + TOKEN, join.joinUrl(), node);
            assertEquals(worker, join.worker(), node);
            assertNull(join.persistentClusterToken(), node);
            assertTrue(join.addons().isEmpty() && join.repositories().isEmpty(), node + ": addons only on the bootstrap node");
            assertFalse(join.args().containsKey(ServiceFile.KUBELET), node + ": kubelet args would be lost to the join");
            assertEquals(worker ? null : b.extraSANs(), join.extraSANs(), node + ": SANs on control planes only");
            assertNull(after.joinUrl(), node);
            assertNull(after.persistentClusterToken(), node);
            assertTrue(after.args().containsKey(ServiceFile.KUBELET), node + ": kubelet args re-applied after the join");
            assertTrue(after.registries().isEmpty() && after.addons().isEmpty(), node);
            assertEquals(after.version(), join.version(), node);
        }
        seeds.forEach(s -> assertTrue(s.holdsSecret(), s.node()));
    }

    @Test
    void kubeletAndApiServerArgsMoveAfterTheJoinAndOtherFilesStayInTheJoinPart() {
        Loaded l = load(cluster("1.32", """
                services:
                  kubeApiServer: {--event-ttl: 10m}
                  kubelet: {--max-pods: "200"}
                  containerdEnv: {HTTPS_PROXY: "http://proxy:3128"}
                """, CP1, W1));
        NodeSeed w = l.seed("w-1");
        Map<ServiceFile, Map<String, String>> first = w.parts().get(0).args();
        Map<ServiceFile, Map<String, String>> second = w.parts().get(1).args();
        assertEquals(Set.of(ServiceFile.CONTAINERD_ENV, ServiceFile.CNI_ENV), first.keySet());
        assertEquals(Set.of(ServiceFile.KUBELET, ServiceFile.KUBE_APISERVER), second.keySet());
        assertEquals("200", second.get(ServiceFile.KUBELET).get("--max-pods"));
        assertEquals("10m", second.get(ServiceFile.KUBE_APISERVER).get("--event-ttl"));
        assertEquals("http://proxy:3128", first.get(ServiceFile.CONTAINERD_ENV).get("HTTPS_PROXY"));
        NodeSeed boot = l.seed("cp-1");
        assertEquals("10m", boot.parts().get(0).args().get(ServiceFile.KUBE_APISERVER).get("--event-ttl"));
    }

    @Test
    void nodeServicesOverrideClusterServices() {
        Loaded l = load(cluster("1.32", """
                services:
                  kubelet: {--max-pods: "200", --event-qps: "5"}
                """, CP1, "{name: w-1, role: worker, address: 10.0.0.21, services: {kubelet: {--max-pods: \"50\"}}}"));
        assertEquals("50", kubelet(l.seed("w-1")).get("--max-pods"));
        assertEquals("5", kubelet(l.seed("w-1")).get("--event-qps"));
        assertEquals("200", kubelet(l.seed("cp-1")).get("--max-pods"));
    }

    @ParameterizedTest
    @CsvSource({"1.27, 0.1.0", "1.28, 0.2.0", "1.32, 0.2.0", "1.36, 0.2.0"})
    void everyPartHasTheNewestVersionTheTrackReads(String track, String version) {
        Loaded l = load(cluster(track, "", CP1, W1));
        l.derive().forEach(s -> s.parts().forEach(p -> assertEquals(version, p.version(), s.node())));
    }

    // ---------------------------------------------------------------- network

    @Test
    void sansStartWithTheFirstIpOfEachServiceCidrThenClusterThenNodeWithoutDuplicates() {
        Loaded l = load(cluster("1.32", """
                network:
                  ipv4: {podCIDR: 10.244.0.0/16, serviceCIDR: 10.96.0.0/12}
                  ipv6: {podCIDR: "fd10::/64", serviceCIDR: "fd98::/108"}
                extraSANs: [api.example.com, 10.96.0.1]
                """, "{name: cp-1, role: control-plane, address: 10.0.0.11, extraSANs: [10.0.0.11, api.example.com]}",
                "{name: cp-2, role: control-plane, address: 10.0.0.12}", W1));
        assertEquals(List.of("10.96.0.1", "fd98::1", "api.example.com", "10.0.0.11"), l.seed("cp-1").parts().get(0).extraSANs());
        assertEquals(List.of("10.96.0.1", "fd98::1", "api.example.com"), l.seed("cp-2").parts().get(0).extraSANs());
        assertNull(l.seed("w-1").parts().get(0).extraSANs());
    }

    @ParameterizedTest
    @CsvSource({
        "'ipv4: {serviceCIDR: 10.152.183.0/24}', 10.152.183.10",
        "'ipv4: {podCIDR: 10.244.0.0/16, serviceCIDR: 10.96.0.0/12}', 10.96.0.10",
        "'ipv4: {serviceCIDR: 172.20.64.0/28}', 172.20.64.10",
        "'{ipv4: {enabled: false}, ipv6: {serviceCIDR: \"fd98::/108\"}}', fd98::a",
    })
    void clusterDnsIsTheTenthAddressOfTheFirstServiceCidr(String network, String ip) {
        String spec = network.startsWith("{") ? "network: " + network + "\n" : "network:\n  " + network + "\n";
        Loaded l = load(cluster("1.32", spec, CP1, W1));
        for (NodeSeed s : l.derive()) {
            assertEquals(ip, kubelet(s).get("--cluster-dns"), s.node());
            assertEquals("cluster.local", kubelet(s).get("--cluster-domain"), s.node());
        }
        assertEquals(List.of("/etc/resolv.conf", ip), dnsAddon(l.seed("cp-1")).args());
    }

    @Test
    void aServiceCidrTooSmallForTheDnsIpStillGivesAClusterDnsInsideIt() {
        // 10.152.183.0/29 holds .0-.7: the tenth address does not exist. Whatever compile picks
        // for kube-dns must lie inside the CIDR (or lint must refuse the file).
        String yaml = cluster("1.32", "network:\n  ipv4: {serviceCIDR: 10.152.183.0/29}\n", CP1);
        FileLint lint = new Linter(Catalog.get().track("1.32").orElseThrow(), Mode.DEFAULT, LoadLimits.DEFAULTS)
                .lint("cluster.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        if (lint.hasErrors()) {
            return; // refused by lint: fine
        }
        Loaded l = load(yaml);
        String dns = kubelet(l.seed("cp-1")).get("--cluster-dns");
        assertNotNull(dns, "--cluster-dns is missing and the dns addon gets no ClusterIP, so it falls back to its default"
                + " 10.152.183.10, outside 10.152.183.0/29: " + dnsAddon(l.seed("cp-1")).args());
        assertTrue(dns.startsWith("10.152.183.") && Integer.parseInt(dns.substring(11)) < 8, dns);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.32 | 'network: {dns: {upstream: [10.0.0.53, 10.0.0.54]}}' | 10.0.0.53,10.0.0.54 10.152.183.10",
        "1.32 | 'network: {dns: {domain: corp.internal}}'             | /etc/resolv.conf 10.152.183.10",
        "1.33 | 'network: {dns: {domain: corp.internal}}'             | /etc/resolv.conf 10.152.183.10 corp.internal",
        "1.36 | 'network: {dns: {upstream: [1.1.1.1]}}'               | 1.1.1.1 10.152.183.10 cluster.local",
    })
    void theDnsAddonGetsUpstreamClusterIpAndFromOneDotThirtyThreeTheDomain(String track, String spec, String args) {
        Loaded l = load(cluster(track, spec, CP1));
        assertEquals(List.of(args.split(" ")), dnsAddon(l.seed("cp-1")).args());
        if (spec.contains("corp.internal")) {
            assertEquals("corp.internal", kubelet(l.seed("cp-1")).get("--cluster-domain"));
        }
    }

    @Test
    void dnsIsEnabledFirstWhenNotListedAndKeepsArgsTheUserGave() {
        NodeSeed auto = load(cluster("1.32", "addons: [{name: rbac}]", CP1)).seed("cp-1");
        assertEquals(List.of("dns", "rbac"), auto.parts().get(0).addons().stream().map(NodeSeed.Addon::name).toList());
        NodeSeed given = load(cluster("1.32", "addons: [{name: rbac}, {name: dns, args: [8.8.8.8]}]", CP1)).seed("cp-1");
        assertEquals(List.of("rbac", "dns"), given.parts().get(0).addons().stream().map(NodeSeed.Addon::name).toList());
        assertEquals(List.of("8.8.8.8"), dnsAddon(given).args());
        NodeSeed off = load(cluster("1.32", "addons: [{name: dns, disable: true}]", CP1)).seed("cp-1");
        assertEquals(1, off.parts().get(0).addons().size());
        assertTrue(dnsAddon(off).disable());
    }

    static NodeSeed.Addon dnsAddon(NodeSeed seed) {
        return seed.parts().get(0).addons().stream().filter(a -> a.name().equals("dns")).findFirst().orElseThrow();
    }

    @Test
    void cniEnvComesFromTheNetwork() {
        Loaded l = load(cluster("1.32", """
                network:
                  ipv4: {podCIDR: 10.244.0.0/16, serviceCIDR: 10.96.0.0/12}
                  ipv6: {podCIDR: "fd10::/64", serviceCIDR: "fd98::/108"}
                  mtu: 1400
                """, CP1, W1));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("CNI", "calico");
        expected.put("IPv4_SUPPORT", "true");
        expected.put("IPv4_CLUSTER_CIDR", "10.244.0.0/16");
        expected.put("IPv4_SERVICE_CIDR", "10.96.0.0/12");
        expected.put("IPv6_SUPPORT", "true");
        expected.put("IPv6_CLUSTER_CIDR", "fd10::/64");
        expected.put("IPv6_SERVICE_CIDR", "fd98::/108");
        expected.put("CALICO_VETH_MTU", "1400");
        for (NodeSeed s : l.derive()) {
            assertEquals(List.copyOf(expected.entrySet()),
                    List.copyOf(s.parts().get(0).args().get(ServiceFile.CNI_ENV).entrySet()), s.node());
        }
    }

    /** The args a node ends up with in one file: the last part that sets them. */
    static Map<String, String> finalArgs(NodeSeed seed, ServiceFile file) {
        Map<String, String> out = null;
        for (NodeSeed.Part p : seed.parts()) {
            if (p.args().containsKey(file)) {
                out = p.args().get(file);
            }
        }
        return out;
    }

    /**
     * 1.27 has no generate-cni.sh to copy the service CIDR into kube-apiserver, so the seed sets the
     * flag itself, on every node, where the derived --cluster-dns and SANs expect it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'ipv4: {serviceCIDR: 10.153.0.0/16}'                           | 10.153.0.0/16   | 10.153.0.10   | 10.153.0.1",
        "'ipv4: {podCIDR: 10.1.0.0/16, serviceCIDR: 10.152.183.0/24}'   | 10.152.183.0/24 | 10.152.183.10 | 10.152.183.1",
    })
    void onATrackWithoutGenerateCniTheApiServerGetsTheServiceCidr(String network, String range, String dns, String san) {
        Loaded l = load(cluster("1.27", "network:\n  " + network + "\n", CP1, CP2, W1));
        assertFalse(l.track().runsGenerateCni(), "1.27 has no generate-cni.sh");
        for (NodeSeed s : l.derive()) {
            assertEquals(range, finalArgs(s, ServiceFile.KUBE_APISERVER).get("--service-cluster-ip-range"), s.node());
            assertEquals(dns, kubelet(s).get("--cluster-dns"), s.node());
            assertTrue(s.parts().stream().noneMatch(p -> p.args().containsKey(ServiceFile.CNI_ENV)), s.node() + ": no cni-env on 1.27");
        }
        assertEquals(san, l.seed("cp-1").parts().get(0).extraSANs().get(0));
    }

    @Test
    void theNetworkDecidesTheApiServerRangeOverAServiceArg() {
        // Lint refuses the conflicting flag (LC3029); under --compat, where that is a warning, spec.network still wins.
        Loaded l = load(cluster("1.27", """
                network:
                  ipv4: {serviceCIDR: 10.153.0.0/16}
                services:
                  kubeApiServer: {--service-cluster-ip-range: 10.20.0.0/16, --event-ttl: 10m}
                """, CP1, W1), Mode.COMPAT);
        for (NodeSeed s : l.derive()) {
            Map<String, String> apiserver = finalArgs(s, ServiceFile.KUBE_APISERVER);
            assertEquals("10.153.0.0/16", apiserver.get("--service-cluster-ip-range"),
                    s.node() + ": as generate-cni.sh overwrites it on later tracks");
            assertEquals("10m", apiserver.get("--event-ttl"), s.node() + ": other service args stay");
        }
    }

    @ParameterizedTest
    @CsvSource({"1.28", "1.32", "1.36"})
    void withGenerateCniTheServiceCidrGoesOnlyIntoCniEnv(String track) {
        Loaded l = load(cluster(track, "network:\n  ipv4: {serviceCIDR: 10.153.0.0/16}\n", CP1, W1));
        for (NodeSeed s : l.derive()) {
            assertNull(finalArgs(s, ServiceFile.KUBE_APISERVER), s.node() + ": generate-cni.sh writes the flag from cni-env");
            assertEquals("10.153.0.0/16", s.parts().get(0).args().get(ServiceFile.CNI_ENV).get("IPv4_SERVICE_CIDR"), s.node());
        }
    }

    // ---------------------------------------------------------------- labels and taints

    @Test
    void labelsMergeIntoTheRoleDefaultsInOrder() {
        Loaded l = load(cluster("1.32", "", """
                {name: cp-1, role: control-plane, address: 10.0.0.11, labels: {zone: a, node.kubernetes.io/microk8s-controlplane: custom}}""",
                "{name: w-1, role: worker, address: 10.0.0.21, labels: {team: ml, empty: \"\"}, "
                        + "gpu: {model: H100-80GB, migConfig: all-1g.10gb}}"));
        Map<String, String> cp = new LinkedHashMap<>(controlPlaneDefaults(l.track()));
        cp.put("node.kubernetes.io/microk8s-controlplane", "custom");
        cp.put("zone", "a");
        assertEquals(List.copyOf(cp.entrySet()),
                List.copyOf(labels(kubelet(l.seed("cp-1")).get("--node-labels")).entrySet()), "override keeps the default's place");
        Map<String, String> w = new LinkedHashMap<>(labels(WORKER_LABELS));
        w.put("team", "ml");
        w.put("empty", "");
        w.put("nvidia.com/mig.config", "all-1g.10gb");
        assertEquals(List.copyOf(w.entrySet()), List.copyOf(labels(kubelet(l.seed("w-1")).get("--node-labels")).entrySet()));
        assertTrue(kubelet(l.seed("w-1")).get("--node-labels").contains(",empty=,"), "an empty value is written as key=");
    }

    @Test
    void taintsBecomeRegisterWithTaints() {
        Loaded l = load(cluster("1.32", "", CP1, """
                {name: w-1, role: worker, address: 10.0.0.21, taints: [{key: dedicated, value: ml, effect: NoSchedule}, \
                {key: spot, effect: NoExecute}, {key: x, value: "", effect: PreferNoSchedule}]}"""));
        assertEquals("dedicated=ml:NoSchedule,spot:NoExecute,x:PreferNoSchedule", kubelet(l.seed("w-1")).get("--register-with-taints"));
        assertFalse(kubelet(l.seed("cp-1")).containsKey("--register-with-taints"));
    }

    /** SPEC §2.2: labels merge into --node-labels instead of replacing it; a --node-labels service arg must not drop them. */
    @Test
    void aNodeLabelsServiceArgDoesNotDropTheDerivedLabels() {
        Loaded l = load(cluster("1.32", "services:\n  kubelet: {--node-labels: \"site=berlin\"}\n",
                "{name: cp-1, role: control-plane, address: 10.0.0.11, labels: {team: ml}}", W1));
        Map<String, String> cp = labels(kubelet(l.seed("cp-1")).get("--node-labels"));
        Map<String, String> w = labels(kubelet(l.seed("w-1")).get("--node-labels"));
        assertEquals("ml", cp.get("team"), "node label lost: " + cp);
        assertTrue(cp.keySet().containsAll(controlPlaneDefaults(l.track()).keySet()), "control-plane defaults lost: " + cp);
        assertTrue(w.keySet().containsAll(labels(WORKER_LABELS).keySet()), "worker defaults lost: " + w);
    }

    // ---------------------------------------------------------------- registries

    @Test
    void mirrorsBecomeHostsTomlWithTheirTlsSettings() {
        Loaded l = load(cluster("1.32", """
                registries:
                  mirrors:
                    docker.io: [https://m1.corp.example:5000, https://m2.corp.example]
                    quay.io: [http://10.1.2.3:5000]
                  hosts:
                    m1.corp.example:5000: {ca: /etc/ssl/ca.pem, cert: /etc/ssl/c.pem, key: /etc/ssl/k.pem, skipVerify: true, capabilities: [pull], overridePath: true}
                """, CP1, W1));
        for (NodeSeed s : l.derive()) {
            Map<String, FileContent.HostsToml> regs = s.parts().get(0).registries();
            assertEquals(List.of("docker.io", "quay.io"), List.copyOf(regs.keySet()), s.node());
            FileContent.HostsToml docker = regs.get("docker.io");
            assertEquals("https://registry-1.docker.io", docker.server());
            assertEquals(List.of(
                    new FileContent.HostEntry("https://m1.corp.example:5000", List.of("pull"), "/etc/ssl/ca.pem", "/etc/ssl/c.pem",
                            "/etc/ssl/k.pem", true, true),
                    new FileContent.HostEntry("https://m2.corp.example", List.of("pull", "resolve"), null, null, null, false, false)),
                    docker.hosts());
            assertEquals("https://quay.io", regs.get("quay.io").server());
            assertEquals(List.of("http://10.1.2.3:5000"), regs.get("quay.io").hosts().stream().map(FileContent.HostEntry::url).toList());
        }
    }

    @ParameterizedTest
    @CsvSource({"false, https://reg.site:5000, false", "true, http://reg.site:5000, false", "false, https://reg.site:5000, true"})
    void airgapMirrorsEveryUpstreamNamespaceAndNvcrWithGpus(boolean plainHttp, String url, boolean gpu) {
        String spec = "airgap: {registry: \"reg.site:5000\", plainHTTP: " + plainHttp + ", ca: /etc/ssl/site.pem}\n"
                + "registries:\n  mirrors:\n    docker.io: [https://cache.corp.example]\n"
                + (gpu ? "addons: [{name: nvidia}]\ngpu: {driver: operator}\n" : "");
        Loaded l = load(cluster("1.32", spec, CP1, W1));
        List<String> namespaces = new ArrayList<>(List.of("docker.io", "registry.k8s.io", "quay.io", "ghcr.io"));
        if (gpu) {
            namespaces.add("nvcr.io");
        }
        for (NodeSeed s : l.derive()) {
            Map<String, FileContent.HostsToml> regs = s.parts().get(0).registries();
            assertEquals(namespaces, List.copyOf(regs.keySet()), s.node());
            regs.forEach((ns, toml) -> {
                assertFalse(toml.hosts().isEmpty(), ns + ": containerd 1.6/1.7 reject a hosts.toml without [host]");
                FileContent.HostEntry last = toml.hosts().get(toml.hosts().size() - 1);
                assertEquals(url, last.url(), ns);
                assertEquals("/etc/ssl/site.pem", last.ca(), ns);
            });
            assertEquals(List.of("https://cache.corp.example", url),
                    regs.get("docker.io").hosts().stream().map(FileContent.HostEntry::url).toList(), "the explicit mirror first");
        }
    }

    /**
     * TOML refuses a [host."…"] table defined twice, so a repeated endpoint (lint warns, LC3027)
     * must reach hosts.toml once, in the place and with the spelling of its first occurrence.
     */
    @Test
    void aRepeatedMirrorEndpointBecomesOneHostTheFirst() {
        Loaded l = load(cluster("1.32", """
                registries:
                  mirrors:
                    docker.io: [https://m1.corp.example:5000, https://m2.corp.example, https://m1.corp.example:5000]
                    quay.io: [https://Q.corp.example/cache, HTTPS://q.CORP.example/cache/, https://q.corp.example/other]
                """, CP1, W1));
        for (NodeSeed s : l.derive()) {
            Map<String, FileContent.HostsToml> regs = s.parts().get(0).registries();
            assertEquals(List.of("https://m1.corp.example:5000", "https://m2.corp.example"),
                    regs.get("docker.io").hosts().stream().map(FileContent.HostEntry::url).toList(), s.node());
            assertEquals(List.of("https://Q.corp.example/cache", "https://q.corp.example/other"),
                    regs.get("quay.io").hosts().stream().map(FileContent.HostEntry::url).toList(),
                    s.node() + ": scheme and host case and a trailing '/' name the same endpoint; the path's case does not");
        }
    }

    @Test
    void anAirgapRegistryAlreadyListedAsAMirrorIsNotRepeated() {
        Loaded l = load(cluster("1.32", """
                airgap: {registry: "reg.site:5000"}
                registries:
                  mirrors:
                    quay.io: [https://reg.site:5000]
                    ghcr.io: [HTTPS://Reg.Site:5000/]
                """, CP1));
        assertEquals(List.of("HTTPS://Reg.Site:5000/"),
                l.seed("cp-1").parts().get(0).registries().get("ghcr.io").hosts().stream().map(FileContent.HostEntry::url).toList(),
                "the same endpoint in another spelling");
        assertEquals(List.of("https://reg.site:5000"),
                l.seed("cp-1").parts().get(0).registries().get("quay.io").hosts().stream().map(FileContent.HostEntry::url).toList());
    }

    // ---------------------------------------------------------------- GPU

    static final String GPU_SPEC = """
            gpu:
              driver: host
              operatorVersion: v24.6.2
              toolkitVersion: v1.16.1
              setAsDefaultRuntime: false
              mig: {strategy: single}
            """;

    @Test
    void onTrack128TheGpuAddonTakesLegacyFlags() {
        Loaded l = load(cluster("1.28", "addons: [{name: gpu}]\n" + GPU_SPEC, CP1));
        assertEquals(List.of("--driver", "host", "--version", "v24.6.2", "--toolkit-version", "v1.16.1",
                "--no-set-as-default-runtime", "--set", "mig.strategy=single"), addon(l.seed("cp-1"), "gpu").args());
    }

    @Test
    void onTrack127TheGpuAddonGetsNoDerivedFlags() {
        // The GPU facts (addons-extra.json gpu.byTrack) start at 1.28: 1.27's own gpu addon has no
        // known flag spelling, so the seed passes only what the file gives.
        Loaded l = load(cluster("1.27", "addons: [{name: gpu}]\n" + GPU_SPEC, CP1));
        assertEquals(List.of(), addon(l.seed("cp-1"), "gpu").args());
    }

    @ParameterizedTest
    @CsvSource({"1.29, nvidia", "1.32, nvidia", "1.32, gpu", "1.36, nvidia"})
    void laterTracksTakeGpuOperatorFlags(String track, String name) {
        Loaded l = load(cluster(track, "addons: [{name: " + name + "}]\n" + GPU_SPEC, CP1));
        assertEquals(List.of("--gpu-operator-driver", "host", "--gpu-operator-version", "v24.6.2",
                "--gpu-operator-toolkit-version", "v1.16.1", "--gpu-operator-no-set-as-default-runtime",
                "--gpu-operator-set", "mig.strategy=single"), addon(l.seed("cp-1"), name).args());
    }

    @Test
    void flagsTheUserAlreadyGaveAreNotRepeated() {
        Loaded l = load(cluster("1.32", """
                addons: [{name: nvidia, args: [--gpu-operator-driver, operator, --gpu-operator-set, mig.strategy=mixed]}]
                gpu: {driver: host, operatorVersion: v24.6.2, mig: {strategy: mixed}}
                """, CP1));
        List<String> args = addon(l.seed("cp-1"), "nvidia").args();
        assertEquals(1, args.stream().filter("--gpu-operator-driver"::equals).count(), args.toString());
        assertEquals("operator", args.get(args.indexOf("--gpu-operator-driver") + 1), "the user's value wins");
        assertEquals(1, args.stream().filter(a -> a.startsWith("mig.strategy=")).count(), "mig.strategy set twice: " + args);
    }

    @Test
    void withoutAGpuBlockTheAddonKeepsOnlyItsOwnArgs() {
        Loaded l = load(cluster("1.32", "addons: [{name: nvidia, args: [--gpu-operator-driver, operator]}]\n", CP1));
        assertEquals(List.of("--gpu-operator-driver", "operator"), addon(l.seed("cp-1"), "nvidia").args());
    }

    static NodeSeed.Addon addon(NodeSeed seed, String name) {
        return seed.parts().get(0).addons().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- origins

    @Test
    void everyDerivedValueRecordsTheClusterEntryItComesFrom() {
        Loaded l = load(cluster("1.32", """
                network:
                  ipv4: {podCIDR: 10.1.0.0/16, serviceCIDR: 10.96.0.0/16}
                  dns: {domain: lab.local}
                services:
                  kubelet: {--max-pods: "150"}
                registries:
                  mirrors: {docker.io: [https://mirror.example.com]}
                addons: [{name: rbac}]
                """, CP1, "{name: w-1, role: worker, address: 10.0.0.21, labels: {zone: a}, services: {kubelet: {--max-pods: \"90\"}}}"));
        Origins boot = l.seed("cp-1").origins();
        assertEquals("/spec/network/ipv4/serviceCIDR", boot.of(Origins.arg(ServiceFile.KUBELET, "--cluster-dns")),
                "--cluster-dns is computed from the service CIDR");
        assertEquals("/spec/network/dns/domain", boot.of(Origins.arg(ServiceFile.KUBELET, "--cluster-domain")));
        assertEquals("/spec/services/kubelet/--max-pods", boot.of(Origins.arg(ServiceFile.KUBELET, "--max-pods")));
        assertEquals("/spec/network/ipv4/podCIDR", boot.of(Origins.arg(ServiceFile.CNI_ENV, "IPv4_CLUSTER_CIDR")));
        assertEquals("/spec/network/ipv4/serviceCIDR", boot.of(Origins.san("10.96.0.1")), "the kubernetes Service IP");
        assertEquals("/spec/registries/mirrors/docker.io", boot.of(Origins.registry("docker.io")));
        assertEquals("/spec/addons/0", boot.of(Origins.addon("rbac")));
        assertEquals("/spec/network/ipv4/serviceCIDR", boot.of(Origins.addon("dns")), "the dns addon compile adds gets its IP from there");
        assertEquals("/spec/join/token", boot.of(Origins.TOKEN));
        assertNull(boot.of(Origins.JOIN), "the bootstrap node joins nothing");

        Origins worker = l.seed("w-1").origins();
        assertEquals("/spec/nodes/1/services/kubelet/--max-pods", worker.of(Origins.arg(ServiceFile.KUBELET, "--max-pods")),
                "the node's own entry wins, as its value does");
        assertEquals("/spec/nodes/1/labels", worker.of(Origins.arg(ServiceFile.KUBELET, "--node-labels")));
        assertEquals("/spec/nodes/0/address", worker.of(Origins.JOIN), "the bootstrap node's address forms the join URL");
        assertEquals("/spec/registries/mirrors/docker.io", worker.of(Origins.registry("docker.io")), "cluster-wide fields on every node");
        assertNull(worker.of(Origins.TOKEN));
    }

    /**
     * Every value of every derived seed has a recorded origin, as Butane's translation sets are
     * checked to cover every output field: a flag or env key, a SAN, an addon, a registry, the join
     * URL and the token.
     */
    @Test
    void everyDerivedValueHasAnOrigin() {
        Loaded l = load(cluster("1.32", """
                network:
                  ipv4: {serviceCIDR: 10.96.0.0/16}
                  ipv6: {podCIDR: "fd00:1::/64", serviceCIDR: "fd00:2::/108"}
                  mtu: 1400
                extraSANs: [api.example.com]
                services:
                  kubeApiServer: {--audit-log-maxage: "7"}
                registries:
                  mirrors: {quay.io: [https://mirror.example.com]}
                airgap: {registry: registry.lab:5000}
                addons: [{name: rbac}, {name: dns}]
                gpu: {driver: host}
                """, CP1, CP2, W1, "{name: w-2, role: worker, address: 10.0.0.22, taints: [{key: gpu, effect: NoSchedule}]}"));
        for (NodeSeed seed : l.derive()) {
            Origins o = seed.origins();
            List<String> missing = new ArrayList<>();
            for (NodeSeed.Part p : seed.parts()) {
                p.args().forEach((file, args) -> args.keySet().forEach(key -> {
                    if (o.of(Origins.arg(file, key)) == null) {
                        missing.add(Origins.arg(file, key));
                    }
                }));
                if (p.extraSANs() != null) {
                    p.extraSANs().stream().filter(san -> o.of(Origins.san(san)) == null).forEach(san -> missing.add(Origins.san(san)));
                }
                p.addons().stream().filter(a -> o.of(Origins.addon(a.name())) == null).forEach(a -> missing.add(Origins.addon(a.name())));
                p.registries().keySet().stream().filter(ns -> o.of(Origins.registry(ns)) == null)
                        .forEach(ns -> missing.add(Origins.registry(ns)));
                if (p.joinUrl() != null && o.of(Origins.JOIN) == null) {
                    missing.add(Origins.JOIN);
                }
                if (p.persistentClusterToken() != null && o.of(Origins.TOKEN) == null) {
                    missing.add(Origins.TOKEN);
                }
            }
            assertEquals(List.of(), missing, "values of " + seed.node() + "'s seed without an origin");
        }
        assertEquals("/spec/nodes/2/name", l.seed("w-1").origins().of(Origins.arg(ServiceFile.KUBELET, "--node-labels")),
                "a worker without labels gets the role's defaults: its name stands for them");
        assertEquals("/spec/nodes/3/taints", l.seed("w-2").origins().of(Origins.arg(ServiceFile.KUBELET, "--register-with-taints")));
        assertEquals("/spec/airgap/registry", l.seed("w-1").origins().of(Origins.registry("docker.io")));
        assertEquals("/spec/registries/mirrors/quay.io", l.seed("w-1").origins().of(Origins.registry("quay.io")),
                "the mirror is the namespace's first host");
    }
}
