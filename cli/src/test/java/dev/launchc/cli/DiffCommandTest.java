package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchc.catalog.Track;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.diag.Mode;
import dev.launchc.diff.Difference;
import dev.launchc.diff.DriftComparer;
import dev.launchc.diff.NodeState;
import dev.launchc.golden.Golden;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code launchc diff} against inspection-report tarballs built from compiled previews: every
 * case is one kind of drift (or none), on native and cluster inputs of two tracks each. Each
 * finds exactly the differences the case made, and the remediation round trip holds: the
 * remediation, linted and applied to the drifted args with compile's own update algorithm, leaves
 * no drift but what a launch configuration cannot undo (a file to delete).
 */
class DiffCommandTest {
    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A config to compile, the node to compare and the options to compile it with. */
    record Input(String label, Path config, String node, List<String> options) {}

    /**
     * One drift: what it does to the node's args, and the differences it must give as
     * "file kind key" (plus " [outside]" for what MicroK8s or an addon wrote); null when the case
     * does not apply to this node's files.
     */
    record Case(String name, Function<Map<String, String>, List<String>> drift) {}

    private static final String NATIVE_0_1 = """
            version: 0.1.0
            extraKubeletArgs:
              --cluster-dns: 10.152.183.10
              --cluster-domain: cluster.local
            extraKubeAPIServerArgs:
              --event-ttl: 10m
            containerdRegistryConfigs:
              docker.io: |
                server = "https://registry-1.docker.io"
                [host."http://10.0.0.5:5000"]
                  capabilities = ["pull", "resolve"]
            """;

    private List<Input> inputs() throws IOException {
        Path native127 = Files.writeString(tmp.resolve("node-1.27.yaml"), NATIVE_0_1);
        Path cluster127 = tmp.resolve("cluster-1.27.yaml");
        CliRun init = CliRun.of("init", "--target", "1.27", "-o", cluster127.toString());
        assertEquals(0, init.exitCode(), init.err());
        return List.of(
                new Input("native 1.36", Golden.REPO.resolve("examples/native/every-field.yaml"), null, List.of()),
                new Input("native 1.27", native127, null, List.of("--target", "1.27")),
                new Input("cluster 1.32", Golden.REPO.resolve("examples/gpu/cluster.yaml"), "gpu-1", List.of()),
                new Input("cluster 1.27", cluster127, "worker-1", List.of()));
    }

    private static String firstFlagKey(String content) {
        return content.lines().filter(l -> l.startsWith("--") && l.contains("=")).findFirst().map(l -> l.substring(0, l.indexOf('='))).orElseThrow();
    }

    private static String firstHosts(Map<String, String> files) {
        return files.keySet().stream().filter(p -> p.startsWith("certs.d/") && p.endsWith("/hosts.toml")).findFirst().orElseThrow();
    }

    private static List<Case> cases() {
        return List.of(
                new Case("changed flag", f -> {
                    String key = firstFlagKey(f.get("kube-proxy"));
                    f.put("kube-proxy", f.get("kube-proxy").replaceFirst("(?m)^" + key + "=.*$", key + "=drifted"));
                    return List.of("kube-proxy changed " + key);
                }),
                new Case("removed flag", f -> {
                    String key = firstFlagKey(f.get("kube-scheduler"));
                    f.put("kube-scheduler", f.get("kube-scheduler").replaceFirst("(?m)^" + key + "=.*\n", ""));
                    return List.of("kube-scheduler missing " + key);
                }),
                new Case("removed bare flag", f -> {
                    // A flag without a value cannot be written back through a flag map (the cluster agent
                    // writes key=value, pkg/snap/services.go); the remediation rewrites the file instead.
                    if (!f.get("kube-controller-manager").contains("--use-service-account-credentials\n")) {
                        return null;
                    }
                    f.put("kube-controller-manager", f.get("kube-controller-manager").replace("--use-service-account-credentials\n", ""));
                    return List.of("kube-controller-manager missing --use-service-account-credentials");
                }),
                new Case("added flag", f -> {
                    f.put("kubelet", f.get("kubelet") + "--v=4\n");
                    return List.of("kubelet unexpected --v");
                }),
                new Case("added env", f -> {
                    f.put("containerd-env", f.get("containerd-env") + "GOGC=50\n");
                    return List.of("containerd-env unexpected GOGC");
                }),
                new Case("changed hosts.toml", f -> {
                    String hosts = firstHosts(f);
                    f.put(hosts, f.get(hosts) + "\n[host.\"https://extra.example\"]\n  capabilities = [\"pull\"]\n");
                    return List.of(hosts + " unexpected host.\"https://extra.example\".capabilities");
                }),
                new Case("missing hosts.toml", f -> {
                    String hosts = firstHosts(f);
                    f.remove(hosts);
                    return List.of(hosts + " file-missing null");
                }),
                new Case("unexpected hosts.toml", f -> {
                    f.put("certs.d/ghcr.io/hosts.toml", "server = \"https://ghcr.io\"\n");
                    return List.of("certs.d/ghcr.io/hosts.toml file-unexpected null");
                }),
                new Case("addon's own flag", f -> {
                    // catalog addons-extra.json: observability sets kube-proxy --metrics-bind-address=0.0.0.0:10249.
                    f.put("kube-proxy", "--metrics-bind-address=0.0.0.0:10249\n" + f.get("kube-proxy"));
                    return List.of("kube-proxy unexpected --metrics-bind-address [outside]");
                }),
                new Case("MicroK8s' own file", f -> {
                    f.put("containerd.toml", "version = 2\n");
                    return List.of("containerd.toml file-unexpected null [outside]");
                }),
                new Case("same as MicroK8s reads it", f -> {
                    // Reordered lines, --flag=value for --flag value, no quotes: the services read the same.
                    List<String> lines = new ArrayList<>(f.get("kubelet").lines().toList());
                    java.util.Collections.reverse(lines);
                    f.put("kubelet", String.join("\n", lines).replace("\"", "") + "\n");
                    f.put("containerd", f.get("containerd").replace("--root ", "--root="));
                    return List.of();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyCaseFindsItsDifferencesAndTheRemediationUndoesThem() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Input input : inputs()) {
            for (Case c : cases()) {
                tests.add(DynamicTest.dynamicTest(input.label() + ": " + c.name(), () -> run(input, c)));
            }
        }
        return tests.stream();
    }

    private void run(Input input, Case c) throws IOException {
        String[] opts = input.options().toArray(String[]::new);
        NodeState expected = DiffFixtures.compiled(input.config(), input.node(), opts);
        Track track = DiffFixtures.track(input.config(), opts);
        Map<String, String> files = new TreeMap<>(expected.files());
        List<String> want = c.drift().apply(files);
        if (want == null) {
            return;
        }
        Path dir = Files.createTempDirectory(tmp, "case");
        Path tarball = DiffFixtures.report(dir.resolve("inspection-report-20260101_000000.tar.gz"), files);
        Path remediation = dir.resolve("remediation.yaml");
        List<String> args = new ArrayList<>(List.of("diff", "--format", "json", "--remediate", remediation.toString()));
        args.addAll(input.options());
        if (input.node() != null) {
            args.addAll(List.of("--node", input.node()));
        }
        args.addAll(List.of(input.config().toString(), tarball.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));

        JsonNode out = JSON.readTree(run.out());
        List<String> found = new ArrayList<>();
        for (JsonNode d : out.path("differences")) {
            assertEquals(expected.node(), d.path("node").asText());
            found.add(d.path("file").asText().substring("args/".length()) + " " + d.path("kind").asText() + " " + d.path("key").asText()
                    + (d.has("writtenBy") ? " [outside]" : ""));
        }
        assertEquals(new TreeSet<>(want), new TreeSet<>(found), run.err());
        boolean drift = want.stream().anyMatch(w -> !w.endsWith("[outside]"));
        assertEquals(drift ? 1 : 0, run.exitCode(), run.err());

        // The round trip: lint the remediation as MicroK8s would get it, apply it to the drifted
        // args with compile's update algorithm, and diff again.
        String text = Files.readString(remediation, StandardCharsets.UTF_8);
        assertFalse(text.contains(dev.launchc.pipeline.TokenSource.STAND_IN_TOKEN) || text.contains("persistentClusterToken") || text.contains("join:"), text);
        FileLint lint = new Linter(track, true, Mode.DEFAULT, LoadLimits.DEFAULTS).lint("remediation.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertFalse(lint.hasErrors(), () -> lint.diagnostics() + "\n" + text);
        assertEquals(track.launchConfigMax(), lint.config().launchConfigVersion());
        NodeCompiler.Applied applied = NodeCompiler.applyToNode(files, lint.config(), track);
        List<Difference> after = new DriftComparer(track).compare(expected.node(), expected, NodeState.live(expected.node(), applied.args()));
        List<String> left = after.stream().filter(Difference::isDrift).map(d -> d.file() + " " + d.kind().label() + " " + d.key()).toList();
        List<String> undeletable = want.stream().filter(w -> w.contains("file-unexpected") && !w.endsWith("[outside]")).toList();
        assertEquals(undeletable, left, text);
        for (String u : undeletable) {
            assertTrue(text.contains("remove args/" + u.substring(0, u.indexOf(' ')) + " by hand"), text);
        }
        // The header names exactly the services MicroK8s restarts when it applies the file.
        for (String service : List.of("kubelite", "containerd", "k8s-dqlite", "cluster-agent", "apiserver-proxy", "etcd", "flanneld")) {
            assertEquals(applied.restarts().contains(service), text.contains("microk8s.daemon-" + service + ",")
                    || text.contains("microk8s.daemon-" + service + "\n"), service + " in\n" + text);
        }
    }
}
