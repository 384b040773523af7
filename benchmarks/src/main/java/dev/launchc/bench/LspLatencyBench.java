package dev.launchc.bench;

import dev.launchc.lsp.InProcessClient;
import dev.launchc.lsp.LaunchcLanguageServer;
import dev.launchc.lsp.LintSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Editor latency of {@code launchc lsp}: from a {@code didChange} of a 500-line cluster file to the
 * {@code publishDiagnostics} for that version, through LSP4J's JSON-RPC over in-process pipes, with
 * the server's quiet period ({@link LaunchcLanguageServer#DEFAULT_DEBOUNCE_MS}) included. Each
 * change toggles a misspelt kubelet flag, so every publish carries a different finding set. The
 * settings come as in {@code launchc lsp}: the folders above the file are searched for a
 * {@code .launchc.yaml} on every lint.
 * Run: mvn -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar LspLatencyBench
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LspLatencyBench {
    private static final String URI = "file:///bench/cluster.yaml";

    private final Map<Integer, CompletableFuture<PublishDiagnosticsParams>> published = new ConcurrentHashMap<>();
    private LanguageServer server;
    private InProcessClient client;
    private String withTypo;
    private String fixed;
    private int version = 1;

    /** A 500-line cluster file: 24 lines of cluster settings and 68 nodes of 7 lines. */
    static String cluster(String kubeletFlag) {
        StringBuilder out = new StringBuilder("""
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata:
                  name: plant
                spec:
                  microk8s: "1.32"
                  network:
                    ipv4:
                      podCIDR: 10.1.0.0/16
                      serviceCIDR: 10.152.183.0/24
                  services:
                    kubeApiServer:
                      --authorization-mode: RBAC,Node
                    kubelet:
                      --max-pods: "150"
                """);
        out.append("      ").append(kubeletFlag).append(": cluster.local\n").append("""
                  addons:
                    - name: dns
                    - name: rbac
                    - name: metrics-server
                  join:
                    token:
                      fromEnv: JOIN_TOKEN
                  nodes:
                """);
        for (int i = 0; i < 68; i++) {
            out.append("    - name: node-").append(String.format("%03d", i)).append('\n')
                    .append("      role: ").append(i == 0 ? "control-plane" : "worker").append('\n')
                    .append("      address: 10.20.0.").append(i + 10).append('\n')
                    .append("      labels:\n        team: ml\n        rack: r").append(i % 8).append('\n')
                    .append("      arch: amd64\n");
        }
        return out.toString();
    }

    @Setup(Level.Trial)
    public void start() throws IOException {
        withTypo = cluster("--clster-domain");
        fixed = cluster("--cluster-domain");
        if (withTypo.split("\n").length != 500) {
            throw new IllegalStateException("the benchmark file should have 500 lines, not " + withTypo.split("\n").length);
        }
        client = InProcessClient.connect(new LaunchcLanguageServer(LintSettings.Source.fromProjectConfig(null, null), LaunchcLanguageServer.DEFAULT_DEBOUNCE_MS),
                p -> expect(p.getVersion()).complete(p));
        server = client.server();
        CompletableFuture<PublishDiagnosticsParams> first = expect(version);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "yaml", version, withTypo)));
        first.join();
    }

    private CompletableFuture<PublishDiagnosticsParams> expect(int v) {
        return published.computeIfAbsent(v, k -> new CompletableFuture<>());
    }

    @Benchmark
    public PublishDiagnosticsParams changeToDiagnostics() throws Exception {
        version++;
        CompletableFuture<PublishDiagnosticsParams> answer = expect(version);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, version),
                List.of(new TextDocumentContentChangeEvent(version % 2 == 0 ? fixed : withTypo))));
        PublishDiagnosticsParams p = answer.get(10, TimeUnit.SECONDS);
        published.remove(version);
        if (p.getDiagnostics().size() != (version % 2 == 0 ? 0 : 1)) {
            throw new IllegalStateException("unexpected findings for version " + version + ": " + p.getDiagnostics());
        }
        return p;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.close();
    }
}
