package dev.launchc.fuzz;

import static dev.launchc.fuzz.FuzzSupport.check;
import static dev.launchc.fuzz.FuzzSupport.field;
import static dev.launchc.fuzz.FuzzSupport.q;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.launchc.catalog.Track;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.compile.SeedDeriver;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Severity;
import dev.launchc.diag.Suppressions;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import dev.launchc.model.internal.Cluster;
import dev.launchc.pipeline.CompileOptions;
import dev.launchc.pipeline.CompilePipeline;
import dev.launchc.pipeline.TokenSource;
import dev.launchc.compile.NodeSeed;
import dev.launchc.render.SeedRenderer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cluster files built from fuzzed values: every section of v1alpha1 (network, registries with one or
 * two endpoints per mirror, airgap, services, addons, GPU, SANs, nodes with labels, taints and
 * GPUs), each value a likely one or a hostile one (line breaks, quotes, {@code $()}, {@code ../},
 * Unicode separators). Invariants: lint keeps the invariants of {@link FuzzSupport#checkLint}; when
 * the cluster lints clean, every seed compile derives renders, is read back by launchc's loader as
 * the same number of mapping documents, lints without errors on its track, with no exceptions
 * (compile would refuse the cluster with a finding in a seed the user never wrote), and compiles to
 * a node preview with safe paths. The findings this invariant caught are regression tests in
 * KnownFindingsTest. Seeds: {@code LintClusterFuzzTestInputs/lintCluster/}.
 */
class LintClusterFuzzTest {
    static final String TOKEN = "Kx7TokenForFuzzedClusters0123456789abcdefgh";

    static final List<String> NAMES = List.of("edge", "plant-7", "cp-1", "cp-2", "w-1", "gpu-1", "a", "node-10");
    static final List<String> CIDRS4 = List.of("10.1.0.0/16", "10.152.183.0/24", "10.2.0.0/16", "10.153.0.0/16", "192.168.0.0/24");
    static final List<String> CIDRS6 = List.of("fd01::/64", "fd98::/108", "fd00:1::/64");
    static final List<String> IPS = List.of("10.0.0.11", "10.0.0.12", "10.0.0.21", "192.168.50.10", "10.20.0.53", "fd00::11");
    static final List<String> HOSTS = List.of("docker.io", "registry.k8s.io", "quay.io", "mirror.corp.example:5000",
            "registry.plant7.internal:5000", "localhost:32000");
    static final List<String> URLS = List.of("https://mirror.corp.example:5000", "http://10.0.0.5:32000", "https://registry-1.docker.io");
    static final List<String> FLAGS = List.of("--max-pods", "--authorization-mode", "--node-labels", "--cluster-dns", "--v");
    static final List<String> VALUES = List.of("200", "RBAC,Node", "true", "team=ml", "10.152.183.10", "2");
    static final List<String> ENV = List.of("HTTPS_PROXY", "NO_PROXY", "http_proxy");
    static final List<String> ADDONS = List.of("dns", "rbac", "metrics-server", "hostpath-storage", "nvidia", "gpu", "ingress",
            "registry", "cert-manager");
    static final List<String> LABELS = List.of("team", "zone", "nvidia.com/mig.config", "node.kubernetes.io/role", "ml", "line-1");
    static final List<String> PATHS = List.of("/etc/ssl/corp-ca.pem", "/etc/ssl/client.pem", "ca.pem");
    static final List<String> MODELS = List.of("H100-80GB", "A100-40GB", "all-1g.10gb", "all-balanced", "all-disabled");

    @FuzzTest(maxDuration = FuzzSupport.BUDGET)
    void lintCluster(FuzzedDataProvider d) {
        Mode mode = d.consumeBoolean() ? Mode.DEFAULT : Mode.COMPAT;
        boolean explicit = d.consumeBoolean();
        Track target = d.pickValue(FuzzSupport.TRACKS);
        String yaml = cluster(d);
        try {
            verify(yaml, target, explicit, mode);
        } catch (AssertionError e) {
            throw new AssertionError(FuzzSupport.printable(e.getMessage() + "\n--- target " + target.name()
                    + (explicit ? " (explicit)" : "") + ", mode " + mode + ", input:\n" + yaml), e);
        }
    }

    static void verify(String yaml, Track target, boolean explicit, Mode mode) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        // As launchc lint judges it: with the findings of the derived seeds at the cluster file's lines.
        FileLint lint = CompilePipeline.lintWithSeeds(new Linter(target, explicit, mode, LoadLimits.DEFAULTS).lint("cluster.yaml", bytes),
                new CompileOptions(target, explicit, mode, LoadLimits.DEFAULTS, Suppressions.Filter.NONE, List.of(), TokenSource.STAND_IN));
        FuzzSupport.checkLint(lint, "cluster.yaml", bytes);
        check(Linter.KIND_CLUSTER.equals(lint.kind()) || lint.hasErrors(), "a cluster file was read as a native one");
        if (lint.hasErrors() || lint.cluster() == null || lint.cluster().cluster() == null) {
            return;
        }
        Cluster cluster = lint.cluster().cluster();
        Track track = lint.cluster().track();
        for (NodeSeed seed : SeedDeriver.derive(cluster, track, TOKEN)) {
            String text = SeedRenderer.render(cluster.name(), seed);
            String name = "nodes/" + seed.node() + "/seed/microk8s.yaml";
            byte[] seedBytes = text.getBytes(StandardCharsets.UTF_8);
            FileLint seedLint = new Linter(track, true, mode, LoadLimits.DEFAULTS).lint(name, seedBytes);
            FuzzSupport.checkLint(seedLint, name, seedBytes);
            List<Diagnostic> errors = seedLint.diagnostics().stream().filter(x -> x.severity() == Severity.ERROR).toList();
            check(errors.isEmpty(), "the seed of a cluster that lints clean has errors: " + errors + "\n--- seed:\n" + text);
            check(seedLint.config() != null && seedLint.config().parts().size() == seed.parts().size(),
                    "the seed reads back as " + (seedLint.config() == null ? "nothing" : seedLint.config().parts().size()
                            + " parts") + ", not " + seed.parts().size() + "\n--- seed:\n" + text);
            CompileFuzzTest.checkPaths(CompileFuzzTest.render(NodeCompiler.compile("local", seedLint.config(), track)).keySet());
        }
    }

    static String cluster(FuzzedDataProvider d) {
        int secondEndpointAt = -1;
        StringBuilder sb = new StringBuilder("apiVersion: launchc.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: ")
                .append(q(field(d, NAMES))).append("\nspec:\n");
        if (d.consumeBoolean()) {
            sb.append("  microk8s: ").append(q(field(d, FuzzSupport.TRACKS.stream().map(Track::name).toList()))).append('\n');
        }
        if (d.consumeBoolean()) {
            sb.append("  network:\n");
            if (d.consumeInt(0, 3) == 0) {
                sb.append("    cni: ").append(q(field(d, List.of("calico", "kube-ovn", "cilium", "none")))).append('\n');
            }
            sb.append("    ipv4:\n      podCIDR: ").append(q(field(d, CIDRS4))).append("\n      serviceCIDR: ")
                    .append(q(field(d, CIDRS4))).append('\n');
            if (d.consumeInt(0, 3) == 0) {
                sb.append("    ipv6:\n      podCIDR: ").append(q(field(d, CIDRS6))).append("\n      serviceCIDR: ")
                        .append(q(field(d, CIDRS6))).append('\n');
            }
            if (d.consumeInt(0, 3) == 0) {
                sb.append("    mtu: ").append(d.consumeInt(0, 10000)).append('\n');
            }
            if (d.consumeBoolean()) {
                sb.append("    dns:\n      domain: ").append(q(field(d, List.of("cluster.local", "corp.internal"))))
                        .append("\n      upstream: [").append(q(field(d, IPS))).append("]\n");
            }
        }
        if (d.consumeInt(0, 2) == 0) {
            sb.append("  registries:\n    mirrors:\n      ").append(q(field(d, HOSTS))).append(": [").append(q(field(d, URLS)));
            secondEndpointAt = sb.length();
            sb.append("]\n");
            if (d.consumeBoolean()) {
                sb.append("    hosts:\n      ").append(q(field(d, HOSTS))).append(":\n        ca: ").append(q(field(d, PATHS)))
                        .append("\n        skipVerify: ").append(d.consumeBoolean()).append("\n        capabilities: [")
                        .append(q(field(d, List.of("pull", "resolve", "push")))).append("]\n");
            }
        }
        if (d.consumeInt(0, 2) == 0) {
            sb.append("  airgap:\n    registry: ").append(q(field(d, HOSTS))).append("\n    plainHTTP: ").append(d.consumeBoolean())
                    .append('\n');
            if (d.consumeBoolean()) {
                sb.append("    ca: ").append(q(field(d, PATHS))).append('\n');
            }
        }
        if (d.consumeBoolean()) {
            sb.append("  services:\n    kubelet:\n      ").append(q(field(d, FLAGS))).append(": ").append(q(field(d, VALUES)))
                    .append('\n');
            if (d.consumeBoolean()) {
                sb.append("    containerdEnv:\n      ").append(q(field(d, ENV))).append(": ").append(q(field(d, URLS))).append('\n');
            }
        }
        if (d.consumeBoolean()) {
            sb.append("  addons:\n");
            int n = d.consumeInt(1, 3);
            for (int i = 0; i < n; i++) {
                sb.append("    - name: ").append(q(field(d, ADDONS))).append('\n');
                if (d.consumeInt(0, 3) == 0) {
                    sb.append("      args: [").append(q(field(d, VALUES))).append("]\n");
                }
            }
        }
        if (d.consumeInt(0, 3) == 0) {
            sb.append("  gpu:\n    driver: ").append(q(field(d, List.of("auto", "operator", "host")))).append('\n')
                    .append("    operatorVersion: ").append(q(field(d, List.of("v24.6.2", "v25.3.0", "v1")))).append('\n')
                    .append("    mig:\n      strategy: ").append(q(field(d, List.of("none", "single", "mixed")))).append('\n');
        }
        if (d.consumeInt(0, 3) == 0) {
            sb.append("  extraSANs: [").append(q(field(d, List.of("api.example.com", "10.10.10.10", "lb.corp")))).append("]\n");
        }
        sb.append("  join:\n    token:\n      fromFile: ").append(q(field(d, List.of("join-token.txt", "../token")))).append('\n');
        sb.append("  nodes:\n");
        int nodes = d.consumeInt(1, 4);
        for (int i = 0; i < nodes; i++) {
            sb.append("    - name: ").append(q(field(d, NAMES))).append('\n')
                    .append("      role: ").append(q(field(d, List.of("control-plane", "worker")))).append('\n')
                    .append("      address: ").append(q(field(d, IPS))).append('\n');
            if (d.consumeInt(0, 2) == 0) {
                sb.append("      labels:\n        ").append(q(field(d, LABELS))).append(": ").append(q(field(d, LABELS))).append('\n');
            }
            if (d.consumeInt(0, 3) == 0) {
                sb.append("      taints:\n        - key: ").append(q(field(d, LABELS))).append("\n          value: ")
                        .append(q(field(d, VALUES))).append("\n          effect: ")
                        .append(q(field(d, List.of("NoSchedule", "PreferNoSchedule", "NoExecute")))).append('\n');
            }
            if (d.consumeInt(0, 3) == 0) {
                sb.append("      gpu:\n        model: ").append(q(field(d, MODELS))).append("\n        migConfig: ")
                        .append(q(field(d, MODELS))).append('\n');
            }
        }
        // Decided last, so that the corpus inputs recorded before it still build the same clusters.
        // Often the same endpoint again: a repeat must be warned about and never reach hosts.toml twice.
        if (secondEndpointAt >= 0 && d.consumeBoolean()) {
            sb.insert(secondEndpointAt, ", " + q(field(d, URLS)));
        }
        return sb.toString();
    }
}
