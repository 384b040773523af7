package dev.launchc.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.launchc.cli.CliRun;
import dev.launchc.cli.DiffFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden text and JSON of {@code launchc diff} for each shipped example against the same drifted
 * inspection report: a changed, a removed and an added flag, an extra registry host, an addon's
 * own flag and a file MicroK8s renders itself.
 */
class DiffGoldenTest {
    @TempDir
    Path tmp;

    /** An example, the node to compare and its track options (a cluster file's spec.microk8s names its track). */
    record Example(String path, String node, List<String> options) {}

    private static final List<Example> EXAMPLES = List.of(
            new Example("examples/gpu/cluster.yaml", "gpu-1", List.of()),
            new Example("examples/airgapped/cluster.yaml", "edge-w1", List.of()),
            new Example("examples/native/every-field.yaml", null, List.of("--target", Golden.TRACK)),
            new Example("examples/native/dual-stack-1.28.yaml", null, List.of("--target", "1.28")));

    /** The drift of every golden: one of each kind a node shows after hand edits and an addon enabled by hand. */
    static void drift(Map<String, String> f) {
        String proxy = f.get("kube-proxy");
        String first = proxy.lines().filter(l -> l.startsWith("--") && l.contains("=")).findFirst().orElseThrow();
        f.put("kube-proxy", proxy.replace(first + "\n", first.substring(0, first.indexOf('=') + 1) + "drifted\n")
                + "--metrics-bind-address=0.0.0.0:10249\n");
        String scheduler = f.get("kube-scheduler");
        f.put("kube-scheduler", scheduler.substring(scheduler.indexOf('\n') + 1));
        f.put("kubelet", f.get("kubelet") + "--v=4\n");
        String hosts = f.keySet().stream().filter(p -> p.endsWith("/hosts.toml")).findFirst().orElseThrow();
        f.put(hosts, f.get(hosts) + "\n[host.\"https://mirror.example:5000\"]\n  capabilities = [\"pull\"]\n");
        f.put("containerd.toml", "version = 2\n");
    }

    @TestFactory
    Stream<DynamicTest> diffAgainstADriftedReport() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Example e : EXAMPLES) {
            for (String format : List.of("text", "json")) {
                String folder = "diff/" + e.path().substring("examples/".length(), e.path().length() - ".yaml".length());
                tests.add(DynamicTest.dynamicTest(folder + " " + format, () -> {
                    Path config = Golden.REPO.resolve(e.path());
                    Map<String, String> files = new TreeMap<>(DiffFixtures.compiled(config, e.node(), e.options().toArray(String[]::new)).files());
                    drift(files);
                    Path report = DiffFixtures.report(Files.createTempDirectory(tmp, "r").resolve("inspection-report-20260101_000000.tar.gz"), files);
                    List<String> args = new ArrayList<>(List.of("diff", "--format", format));
                    args.addAll(e.options());
                    if (e.node() != null) {
                        args.addAll(List.of("--node", e.node()));
                    }
                    args.addAll(List.of(config.toString(), report.toString()));
                    CliRun run = CliRun.of(args.toArray(String[]::new));
                    assertEquals(1, run.exitCode(), run.err());
                    Golden.verify(folder, "diff", format.equals("json") ? "json" : "txt", run.out().replace(config.toString(), e.path()));
                }));
            }
        }
        return tests.stream();
    }
}
