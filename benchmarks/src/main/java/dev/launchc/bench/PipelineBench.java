package dev.launchc.bench;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Reporter;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import dev.launchc.load.LoadedFile;
import dev.launchc.load.YamlLoader;
import dev.launchc.plan.NodePlan;
import dev.launchc.render.NodeRenderer;
import dev.launchc.render.OutputTree;
import dev.launchc.schema.SchemaCheck;
import dev.launchc.schema.SchemaId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot paths of a lint and a compile, one stage each, on a realistic worker seed.
 * Run: mvn -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineBench {
    static final String SEED = """
            ---
            version: 0.2.0
            extraSANs: [10.0.0.11, node-1.cluster.example.com]
            extraKubeAPIServerArgs:
              --authorization-mode: RBAC,Node
              --event-ttl: null
            extraContainerdEnv:
              HTTPS_PROXY: http://proxy.corp.example:3128
            containerdRegistryConfigs:
              docker.io: |
                server = "https://registry-1.docker.io"
                [host."http://mirror.corp.example:5000"]
                  capabilities = ["pull", "resolve"]
            addons:
              - name: dns
              - name: metrics-server
            join:
              url: 10.0.0.10:25000/0123456789abcdef0123456789abcdef
              worker: true
            ---
            version: 0.2.0
            extraKubeletArgs:
              --cluster-dns: 10.152.183.10
              --cluster-domain: cluster.local
              --max-pods: "200"
              --node-labels: microk8s.io/cluster=true,rack=r1
            """;

    byte[] bytes;
    Track track;
    LoadedFile loaded;
    Linter linter;
    FileLint lint;
    NodePlan plan;

    @Setup
    public void setup() {
        bytes = SEED.getBytes(StandardCharsets.UTF_8);
        track = Catalog.get().track(Catalog.get().newestTrack()).orElseThrow();
        loaded = new YamlLoader(LoadLimits.DEFAULTS).load("bench.yaml", bytes, new Reporter("bench.yaml", Mode.DEFAULT));
        linter = new Linter(track, Mode.DEFAULT, LoadLimits.DEFAULTS);
        lint = linter.lint("bench.yaml", bytes);
        plan = NodeCompiler.compile("local", lint.config(), track);
    }

    @Benchmark
    public LoadedFile load() {
        return new YamlLoader(LoadLimits.DEFAULTS).load("bench.yaml", bytes, new Reporter("bench.yaml", Mode.DEFAULT));
    }

    @Benchmark
    public boolean schema() {
        SchemaCheck check = new SchemaCheck(new SchemaId("native", "0.2.0"), Map.of());
        boolean ok = true;
        for (var doc : loaded.documents()) {
            ok &= check.check(doc, new Reporter("bench.yaml", Mode.DEFAULT));
        }
        return ok;
    }

    @Benchmark
    public FileLint lintWholeFile() {
        return linter.lint("bench.yaml", bytes);
    }

    @Benchmark
    public NodePlan compileNode() {
        return NodeCompiler.compile("local", lint.config(), track);
    }

    @Benchmark
    public OutputTree render() {
        OutputTree tree = new OutputTree();
        NodeRenderer.render(plan, tree);
        return tree;
    }
}
