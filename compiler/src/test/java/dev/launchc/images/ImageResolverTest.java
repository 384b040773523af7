package dev.launchc.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
import dev.launchc.diag.Mode;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import dev.launchc.rules.cluster.ClusterRuleContext;
import dev.launchc.rules.cluster.ImageListRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The image list of a cluster or native config, from the catalog, and LC3026 for what it cannot list. */
class ImageResolverTest {
    /** The repository root (surefire runs in compiler/). */
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private static Track track(String name) {
        return Catalog.get().track(name).orElseThrow();
    }

    private static FileLint lint(String yaml) {
        return new Linter(track("1.32"), false, Mode.DEFAULT, LoadLimits.DEFAULTS)
                .lint("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static ImageResolver.Result cluster(String yaml) {
        FileLint l = lint(yaml);
        assertNotNull(l.cluster(), () -> "not a cluster: " + l.diagnostics());
        assertNotNull(l.cluster().cluster(), () -> "cluster did not convert: " + l.diagnostics());
        return ImageResolver.resolve(l.cluster().cluster(), l.cluster().track());
    }

    private static String clusterYaml(String track, String addons, String extra) {
        return """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: t}
                spec:
                  microk8s: "%s"
                %s  addons:
                %s
                  nodes:
                    - {name: cp-1, role: control-plane, address: 10.0.0.11}
                """.formatted(track, extra, addons);
    }

    private static ImageResolver.Group group(ImageResolver.Result r, String name) {
        return r.groups().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + name + " in " + r.groups()));
    }

    /** Acceptance: the air-gapped example lists its track's pause and Calico images and those of dns and hostpath-storage. */
    @Test
    void airgappedExampleListsPauseCalicoAndEveryEnabledAddon() throws IOException {
        byte[] bytes = Files.readAllBytes(REPO.resolve("examples/airgapped/cluster.yaml"));
        FileLint l = new Linter(track("1.36"), false, Mode.DEFAULT, LoadLimits.DEFAULTS).lint("cluster.yaml", bytes);
        ImageResolver.Result r = ImageResolver.resolve(l.cluster().cluster(), l.cluster().track());
        Track t = l.cluster().track();
        assertEquals("1.34", t.name());
        List<String> all = r.all();
        assertTrue(all.contains(t.pauseImage()), all::toString);
        assertEquals("registry.k8s.io/pause:3.10", t.pauseImage());
        for (String c : List.of("cni", "kube-controllers", "node")) {
            assertTrue(all.contains("docker.io/calico/" + c + ":v3.29.3"), all::toString);
        }
        // dns and hostpath-storage: the facts have no 1.34 list, so the track's images.txt entries are used.
        assertEquals(List.of("docker.io/coredns/coredns:1.12.3"), group(r, "dns").images());
        assertEquals(List.of("docker.io/cdkbot/hostpath-provisioner:1.5.0", "docker.io/library/busybox:1.28.4"),
                group(r, "hostpath-storage").images());
        assertTrue(group(r, "dns").source().contains("images.txt"), group(r, "dns").source());
        assertEquals(List.of("docker.io/calico/cni:v3.29.3", "docker.io/calico/kube-controllers:v3.29.3",
                "docker.io/calico/node:v3.29.3", "docker.io/cdkbot/hostpath-provisioner:1.5.0",
                "docker.io/coredns/coredns:1.12.3", "docker.io/library/busybox:1.28.4", "registry.k8s.io/pause:3.10"), all);
        assertTrue(r.unknown().isEmpty(), r.unknown()::toString);
        assertEquals(List.of("docker.io", "registry.k8s.io"), r.namespaces());
        for (String n : List.of("edge-cp", "edge-w1", "edge-w2")) {
            assertEquals(all, r.forNode(n));
        }
    }

    @Test
    void listIsSortedDeduplicatedAndFullyQualified() {
        ImageResolver.Result r = cluster(clusterYaml("1.32", "    - {name: dns}\n    - {name: storage}\n"
                + "    - {name: hostpath-storage}\n    - {name: metrics-server}\n    - {name: ingress}\n", ""));
        List<String> all = r.all();
        assertEquals(all.stream().sorted().distinct().toList(), all);
        for (String image : all) {
            assertTrue(image.matches("[a-z0-9.\\-]+\\.[a-z]+(:\\d+)?/[a-z0-9._/-]+:[A-Za-z0-9._-]+"), image);
        }
        assertTrue(all.contains("registry.k8s.io/ingress-nginx/controller:v1.13.8"), all::toString);
        assertTrue(all.contains("registry.k8s.io/metrics-server/metrics-server:v0.6.3"), all::toString);
        // storage is an alias of hostpath-storage: one group, not two.
        assertEquals(1, r.groups().stream().filter(g -> g.name().equals("hostpath-storage")).count());
    }

    @Test
    void factsListAndTheDifferingImagesTxtTagAreBothTaken() {
        ImageResolver.Result r = cluster(clusterYaml("1.36", "    - {name: dns}\n", ""));
        assertEquals(List.of("docker.io/coredns/coredns:1.13.1", "docker.io/coredns/coredns:1.14.3"), group(r, "dns").images());
    }

    @Test
    void clusterAlwaysGetsDnsLikeItsSeeds() {
        ImageResolver.Result r = cluster(clusterYaml("1.32", "    - {name: rbac}\n", ""));
        assertEquals("default", group(r, "dns").via());
        assertEquals(List.of(), group(r, "rbac").images());
    }

    @Test
    void dependenciesBringTheirImages() {
        ImageResolver.Result r = cluster(clusterYaml("1.32", "    - {name: registry}\n", ""));
        assertEquals(List.of("docker.io/library/registry:2.8.1"), group(r, "registry").images());
        assertEquals("registry", group(r, "hostpath-storage").via());
    }

    @Test
    void helmBasedAddonIsUnknownWithItsReason() {
        ImageResolver.Result r = cluster(clusterYaml("1.32", "    - {name: observability}\n", ""));
        ImageResolver.Unknown u = r.unknown().stream().filter(x -> x.name().equals("observability")).findFirst()
                .orElseThrow(() -> new AssertionError(r.unknown().toString()));
        assertTrue(u.reason().startsWith("Helm-based on 1.32"), u.reason());
        assertEquals("/spec/addons/0", u.pointer());
        // Its dependencies are still listed.
        assertEquals("observability", group(r, "hostpath-storage").via());
    }

    @Test
    void gpuOperatorImagesOfTheChosenVersionOnGpuNodes() {
        String yaml = """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: t}
                spec:
                  microk8s: "1.32"
                  addons:
                    - {name: nvidia}
                  gpu: {driver: host, operatorVersion: v25.3.0}
                  nodes:
                    - {name: cp-1, role: control-plane, address: 10.0.0.11}
                    - name: gpu-1
                      role: worker
                      address: 10.0.0.21
                      gpu: {model: H100-80GB}
                """;
        ImageResolver.Result r = cluster(yaml);
        ImageResolver.Group gpu = group(r, "gpu-operator");
        assertEquals("v25.3.0", gpu.version());
        assertEquals(Catalog.get().gpuOperator("v25.3.0").orElseThrow().images().stream().sorted().toList(), gpu.images());
        assertEquals(List.of("gpu-1"), gpu.nodes());
        assertTrue(r.forNode("gpu-1").containsAll(gpu.images()));
        assertFalse(r.forNode("cp-1").contains("nvcr.io/nvidia/gpu-operator:v25.3.0"));
        assertTrue(r.all().containsAll(gpu.images()));
        assertTrue(r.namespaces().contains("nvcr.io"));
    }

    @Test
    void gpuDefaultVersionComesFromTheTrack() {
        ImageResolver.Result r = cluster(clusterYaml("1.32", "    - {name: gpu}\n", ""));
        assertEquals("v24.6.2", group(r, "gpu-operator").version());
    }

    @Test
    void nativeConfigUsesItsLastAddonRequestAndAlwaysTheCoreImages() {
        String yaml = """
                version: 0.2.0
                addons:
                  - {name: metrics-server}
                  - {name: dns}
                ---
                version: 0.2.0
                addons:
                  - {name: metrics-server, disable: true}
                """;
        FileLint l = new Linter(track("1.32"), true, Mode.DEFAULT, LoadLimits.DEFAULTS).lint("n.yaml",
                yaml.getBytes(StandardCharsets.UTF_8));
        assertNotNull(l.config(), l.diagnostics()::toString);
        ImageResolver.Result r = ImageResolver.resolve(l.config(), track("1.32"), "local");
        assertTrue(r.all().contains("registry.k8s.io/pause:3.10"));
        assertTrue(r.all().contains("docker.io/calico/node:v3.28.1"));
        assertTrue(r.all().contains("docker.io/coredns/coredns:1.10.1"));
        assertFalse(r.all().stream().anyMatch(i -> i.contains("metrics-server")), r.all()::toString);
        assertEquals(List.of("local"), r.nodes());
    }

    @Test
    void nonCalicoCniDropsCalico() {
        ImageResolver.Result r = cluster(clusterYaml("1.32", "    - {name: dns}\n", "  network: {cni: kube-ovn}\n"));
        assertFalse(r.all().stream().anyMatch(i -> i.startsWith("docker.io/calico/")), r.all()::toString);
        assertEquals(List.of("docker.io/kubeovn/kube-ovn:v1.12.21"), group(r, "kube-ovn").images());
    }

    @Test
    void referenceParts() {
        assertEquals("docker.io", ImageResolver.namespace("docker.io/calico/node:v3.28.1"));
        assertEquals("calico/node", ImageResolver.repository("docker.io/calico/node:v3.28.1"));
        assertEquals("v3.28.1", ImageResolver.object("docker.io/calico/node:v3.28.1"));
        assertEquals("library/registry", ImageResolver.repository("localhost:5000/library/registry:2"));
        assertEquals("nvidia/k8s/container-toolkit", ImageResolver.repository("nvcr.io/nvidia/k8s/container-toolkit@sha256:ab"));
        assertEquals("sha256:ab", ImageResolver.object("nvcr.io/nvidia/k8s/container-toolkit@sha256:ab"));
        assertEquals("latest", ImageResolver.object("docker.io/library/busybox"));
    }

    // ---- LC3026 ----

    private static List<String> lc3026(String yaml) {
        FileLint l = lint(yaml);
        var reporter = new dev.launchc.diag.Reporter("test.yaml", Mode.DEFAULT);
        new ImageListRule().check(new ClusterRuleContext(l.cluster().cluster(), l.cluster().track(), reporter));
        return reporter.diagnostics().stream().filter(d -> d.code().equals(Code.IMAGES_UNKNOWN.id()))
                .map(d -> d.severity() + " " + d.line() + ":" + d.column() + " " + d.path() + " " + d.message())
                .collect(Collectors.toList());
    }

    @Test
    void airgappedClusterWithAHelmAddonIsWarned() {
        List<String> found = lc3026(clusterYaml("1.32", "    - {name: dns}\n    - {name: observability}\n",
                "  airgap: {registry: registry.example:5000}\n"));
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("WARNING 9:7 /spec/addons/1 the images of observability on MicroK8s 1.32"),
                found.get(0));
    }

    @Test
    void connectedClusterOrKnownListsAreNotWarned() {
        assertEquals(List.of(), lc3026(clusterYaml("1.32", "    - {name: observability}\n", "")));
        assertEquals(List.of(), lc3026(clusterYaml("1.32", "    - {name: dns}\n    - {name: hostpath-storage}\n",
                "  airgap: {registry: registry.example:5000}\n")));
    }

    @Test
    void gpuAddonOn127IsAnOrdinaryAddon() {
        // The GPU facts (addons-extra.json gpu.byTrack) start at 1.28, so 1.27's own gpu addon names
        // no GPU Operator version whose images could be listed.
        ImageResolver.Result r = cluster(clusterYaml("1.27", "    - {name: gpu}\n", ""));
        assertTrue(r.groups().stream().noneMatch(g -> g.kind() == ImageResolver.Kind.GPU), r.groups().toString());
        assertTrue(r.unknown().stream().anyMatch(u -> u.name().equals("gpu") && !u.unknownAddon()), r.unknown().toString());
    }
}
