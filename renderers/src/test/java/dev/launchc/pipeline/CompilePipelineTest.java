package dev.launchc.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's API as its callers see it: values in (a source, options), a result out (status,
 * findings in the order they are told, the tree, the nodes), and the bundle's contents from it.
 * What compile derives for a cluster is ClusterCompileTest's.
 */
class CompilePipelineTest {
    private static final Track NEWEST = Catalog.get().track(Catalog.get().newestTrack()).orElseThrow();
    private static final String TOKEN = "PipelineToken0123456789abcdefghijklmn";

    @TempDir
    Path tmp;

    private static Source bytes(String name, String text) {
        return Source.of(name, null, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> codes(CompileResult r) {
        List<String> out = new ArrayList<>();
        r.reports().forEach(l -> l.diagnostics().stream().map(Diagnostic::code).forEach(out::add));
        return out;
    }

    /** A cluster whose token the options give, so nothing is read from the environment or the disk. */
    private static CompileOptions fixedToken(CompileOptions options) {
        return options.withTokens((declared, file) -> declared == null ? null : TOKEN);
    }

    /** The cluster rules pass a DNS domain with a space; each derived seed's --cluster-domain gets LC1011. */
    private static final String DOMAIN_WITH_SPACE = "compiler/src/test/resources/rules/cluster/network/derived-domain-with-space.yaml";

    private static dev.launchc.lint.FileLint plainLint(Path file, CompileOptions options) throws IOException {
        return CompilePipeline.linter(options).lint(file.toString(), java.nio.file.Files.readAllBytes(file));
    }

    @Test
    void lintWithSeedsTellsWhatCompileFindsInTheSeedsAtTheClusterFilesLine() throws IOException {
        Path file = PipelineFixtures.repo().resolve(DOMAIN_WITH_SPACE);
        CompileOptions options = CompileOptions.defaults(NEWEST);
        dev.launchc.lint.FileLint plain = plainLint(file, options);
        assertFalse(plain.hasErrors(), plain.diagnostics()::toString);
        dev.launchc.lint.FileLint lint = CompilePipeline.lintWithSeeds(plain, options);
        List<Diagnostic> errors = lint.diagnostics().stream().filter(d -> d.severity() == dev.launchc.diag.Severity.ERROR).toList();
        assertEquals(1, errors.size(), lint.diagnostics()::toString);
        Diagnostic d = errors.get(0);
        assertEquals("LC1011", d.code());
        assertEquals(file.toString(), d.file());
        assertEquals(13, d.line());
        assertEquals(15, d.column());
        assertTrue(d.message().endsWith("(in the seeds derived for nodes cp-1, w-1, w-2)"), d.message());
        // The cluster is kept, so what reads the lint (images, the editor) still has it.
        assertEquals(plain.cluster(), lint.cluster());
        // compile refuses the same file with the same finding: lint and compile agree.
        CompileResult compiled = CompilePipeline.compile(Source.file(file, dev.launchc.load.LoadLimits.DEFAULTS.maxFileBytes()), fixedToken(options));
        assertEquals(CompileResult.Status.REFUSED, compiled.status());
        assertTrue(codes(compiled).contains("LC1011"), () -> codes(compiled).toString());
    }

    @Test
    void lintWithSeedsLeavesCleanClustersNativeConfigsAndFailingClustersAsTheyAre() throws IOException {
        CompileOptions options = CompileOptions.defaults(NEWEST);
        for (String example : List.of("examples/airgapped/cluster.yaml", "examples/gpu/cluster.yaml")) {
            dev.launchc.lint.FileLint plain = plainLint(PipelineFixtures.repo().resolve(example), options);
            assertEquals(plain.diagnostics(), CompilePipeline.lintWithSeeds(plain, options).diagnostics(), example);
        }
        dev.launchc.lint.FileLint nativeLint = CompilePipeline.linter(options).lint("node.yaml",
                "version: 0.2.0\nextraKubeletArgs:\n  --max-pods: \"150\"\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(nativeLint == CompilePipeline.lintWithSeeds(nativeLint, options), "a native config is its own seed");
        String broken = "apiVersion: launchc.dev/v1alpha1\nkind: Cluster\nmetadata: {name: lab}\nspec:\n"
                + "  network: {dns: {domain: \"ab c\"}}\n  nodes: []\n";
        dev.launchc.lint.FileLint failing = CompilePipeline.linter(options).lint("c.yaml", broken.getBytes(StandardCharsets.UTF_8));
        assertTrue(failing.hasErrors(), failing.diagnostics()::toString);
        assertTrue(failing == CompilePipeline.lintWithSeeds(failing, options), "compile would stop at the cluster's own errors");
        assertNull(CompilePipeline.lintWithSeeds(null, options));
    }

    @Test
    void aNativeConfigCompilesToTheSingleNodeLocalAndIsItsOwnSeed() {
        String text = "version: 0.2.0\nextraKubeletArgs:\n  --max-pods: \"150\"\n";
        CompileResult r = CompilePipeline.compile(bytes("node.yaml", text), CompileOptions.defaults(NEWEST));
        assertEquals(CompileResult.Status.COMPILED, r.status(), () -> codes(r).toString());
        assertEquals(List.of(new CompileResult.Node(CompilePipeline.NATIVE_NODE, null, null)), r.nodes());
        assertNull(r.cluster());
        assertEquals(NEWEST, r.track());
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), r.tree().entries().get("nodes/local/seed/microk8s.yaml").bytes());
        assertTrue(new String(r.tree().entries().get("nodes/local/args/kubelet").bytes(), StandardCharsets.UTF_8)
                .contains("--max-pods=150"));
        assertFalse(r.tree().entries().containsKey("manifest.json"), "the manifest is the writer's");
    }

    @Test
    void findingsThatFailTheModeRefuseAndKeepNoTree() {
        String text = "version: 0.2.0\nextraKubeletArgs:\n  --clster-dns: 10.152.183.10\n";
        CompileResult r = CompilePipeline.compile(bytes("node.yaml", text), CompileOptions.defaults(NEWEST));
        assertEquals(CompileResult.Status.REFUSED, r.status());
        assertNull(r.tree());
        assertEquals(List.of(), r.nodes());
        assertEquals(List.of("LC1003"), codes(r));
        assertNull(r.problem());
    }

    @Test
    void aWarningRefusesOnlyUnderStrict() {
        String text = "version: 0.2.0\nextraKubeAPIServerArgs:\n  --service-cluster-ip-range: 10.153.183.0/24\n";
        CompileResult lax = CompilePipeline.compile(bytes("node.yaml", text), CompileOptions.defaults(NEWEST));
        assertEquals(CompileResult.Status.COMPILED, lax.status(), () -> codes(lax).toString());
        assertTrue(codes(lax).contains("LC2002"), () -> codes(lax).toString());
        CompileResult strict = CompilePipeline.compile(bytes("node.yaml", text), CompileOptions.defaults(NEWEST).withMode(Mode.STRICT));
        assertEquals(CompileResult.Status.REFUSED, strict.status());
    }

    @Test
    void anInputOverTheSizeLimitIsTheLoadersFindingNotAnException() {
        CompileResult r = CompilePipeline.compile(Source.tooLarge("big.yaml", null, 9_000_000), CompileOptions.defaults(NEWEST));
        assertEquals(CompileResult.Status.REFUSED, r.status());
        assertEquals(List.of("LC0005"), codes(r));
        assertNull(r.source());
    }

    @Test
    void aFileIsReadThroughTheSourceAndAnUnreadableOneIsAPipelineException() {
        Path file = PipelineFixtures.write(tmp.resolve("n.yaml"), "version: 0.2.0\n");
        Source source = Source.file(file, 1 << 20);
        assertEquals(file.toString(), source.name());
        assertEquals(15, source.size());
        assertEquals(CompileResult.Status.REFUSED, CompilePipeline.compile(Source.file(file, 4), CompileOptions.defaults(NEWEST)).status());
        PipelineException e = org.junit.jupiter.api.Assertions.assertThrows(PipelineException.class,
                () -> Source.file(tmp.resolve("missing.yaml"), 1 << 20));
        assertTrue(e.getMessage().startsWith("cannot read " + tmp.resolve("missing.yaml")), e.getMessage());
    }

    @Test
    void theTokenComesFromTheOptionsTokenSource() {
        Path cluster = PipelineFixtures.write(tmp.resolve("c.yaml"), PipelineFixtures.cluster("edge"));
        CompileResult r = CompilePipeline.compile(Source.file(cluster, 1 << 20), fixedToken(CompileOptions.defaults(NEWEST)));
        assertEquals(CompileResult.Status.COMPILED, r.status(), () -> codes(r).toString());
        assertEquals(List.of("cp-1", "w-1", "w-2"), r.nodes().stream().map(CompileResult.Node::name).toList());
        assertEquals(new CompileResult.Node("cp-1", "control-plane", "10.0.0.11"), r.nodes().get(0));
        String seed = new String(r.tree().entries().get("nodes/w-1/seed/microk8s.yaml").bytes(), StandardCharsets.UTF_8);
        assertTrue(seed.contains(TOKEN), seed);
        assertTrue(r.tree().entries().get("nodes/w-1/seed/microk8s.yaml").secret(), "a seed with the token is a secret");
    }

    @Test
    void theStandInTokenNeedsNoSecretAndChangesNoArgsFile() {
        Path cluster = PipelineFixtures.write(tmp.resolve("c.yaml"), PipelineFixtures.cluster("edge"));
        CompileResult stand = CompilePipeline.compile(Source.file(cluster, 1 << 20),
                CompileOptions.defaults(NEWEST).withTokens(TokenSource.STAND_IN));
        CompileResult real = CompilePipeline.compile(Source.file(cluster, 1 << 20), fixedToken(CompileOptions.defaults(NEWEST)));
        assertEquals(CompileResult.Status.COMPILED, stand.status(), () -> codes(stand).toString());
        for (Map.Entry<String, dev.launchc.render.OutputTree.Entry> e : real.tree().entries().entrySet()) {
            if (e.getKey().contains("/args/")) {
                assertArrayEquals(e.getValue().bytes(), stand.tree().entries().get(e.getKey()).bytes(), e.getKey());
            }
        }
        assertTrue(new String(stand.tree().entries().get("nodes/cp-1/seed/microk8s.yaml").bytes(), StandardCharsets.UTF_8)
                .contains(TokenSource.STAND_IN_TOKEN));
    }

    @Test
    void anUnusableTokenOrAnUnknownNodeIsAProblemAfterTheInputsOwnFindings() {
        Path cluster = PipelineFixtures.write(tmp.resolve("c.yaml"), PipelineFixtures.cluster("edge"));
        CompileResult noToken = CompilePipeline.compile(Source.file(cluster, 1 << 20), CompileOptions.defaults(NEWEST));
        assertEquals(CompileResult.Status.UNUSABLE, noToken.status());
        assertTrue(noToken.problem().startsWith("join token: cannot read token.txt"), noToken.problem());
        assertNull(noToken.tree());
        assertEquals(1, noToken.reports().size(), "the cluster file's own findings are told before the problem");

        CompileResult unknown = CompilePipeline.compile(Source.file(cluster, 1 << 20),
                fixedToken(CompileOptions.defaults(NEWEST)).withOnlyNodes(List.of("w-9")));
        assertEquals(CompileResult.Status.UNUSABLE, unknown.status());
        assertEquals("no node 'w-9' in " + cluster + "; it has cp-1, w-1, w-2", unknown.problem());

        CompileResult nativeNode = CompilePipeline.compile(bytes("n.yaml", "version: 0.2.0\n"),
                CompileOptions.defaults(NEWEST).withOnlyNodes(List.of("w-1")));
        assertEquals("a native launch config compiles to the single node 'local'", nativeNode.problem());
    }

    @Test
    void onlyNodesCompilesTheNamedNodesInTheClusterFilesOrder() {
        Path cluster = PipelineFixtures.write(tmp.resolve("c.yaml"), PipelineFixtures.cluster("edge"));
        CompileResult r = CompilePipeline.compile(Source.file(cluster, 1 << 20),
                fixedToken(CompileOptions.defaults(NEWEST)).withOnlyNodes(List.of("w-2", "cp-1")));
        assertEquals(List.of("cp-1", "w-2"), r.nodes().stream().map(CompileResult.Node::name).toList());
        assertTrue(r.tree().entries().keySet().stream().noneMatch(p -> p.startsWith("nodes/w-1/")));
    }

    @Test
    void theBundleHoldsTheTreeTheImageListInstallShAndChecksumsOfEveryFile() throws IOException {
        Path cluster = PipelineFixtures.write(tmp.resolve("c.yaml"), PipelineFixtures.cluster("edge"));
        CompileResult r = CompilePipeline.compile(Source.file(cluster, 1 << 20), fixedToken(CompileOptions.defaults(NEWEST)));
        BundleContents.Extras extras = BundleContents.Extras.of(CompilePipeline.images(r.lint(), r.track()));
        SortedMap<String, BundleContents.Entry> files = BundleContents.of(r, extras);
        assertTrue(files.keySet().containsAll(r.tree().entries().keySet()));
        assertEquals(BundleContents.SECRET, files.get("nodes/cp-1/seed/microk8s.yaml").mode());
        assertEquals(BundleContents.EXECUTABLE, files.get("install.sh").mode());
        assertEquals(BundleContents.FILE, files.get("README.txt").mode());
        String images = new String(files.get("images.txt").bytes(), StandardCharsets.UTF_8);
        assertEquals(String.join("\n", extras.images().all()) + "\n", images);
        String sums = new String(files.get("SHA256SUMS").bytes(), StandardCharsets.UTF_8);
        assertEquals(files.size() - 1, sums.lines().count(), "one line a file but SHA256SUMS itself");
        for (String path : files.keySet()) {
            assertEquals(!path.equals("SHA256SUMS"), sums.contains("  " + path + "\n"), path);
        }
        SortedMap<String, BundleContents.Entry> again = BundleContents.of(r, extras);
        for (String path : files.keySet()) {
            assertArrayEquals(files.get(path).bytes(), again.get(path).bytes(), "not reproducible: " + path);
        }
    }

    @Test
    void theDownloadCommandNamesTheChannelOnlyForMicrok8s() {
        assertEquals("snap download microk8s --channel=" + NEWEST.snapChannel(true),
                BundleContents.downloadCommand(BundleContents.MICROK8S, NEWEST, true));
        assertEquals("snap download snapd", BundleContents.downloadCommand(BundleContents.SNAPD, NEWEST, false));
    }
}
