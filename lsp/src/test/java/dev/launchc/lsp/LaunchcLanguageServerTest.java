package dev.launchc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Mode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server through LSP4J's launchers, in-process over piped streams (see {@link LspHarness}). */
class LaunchcLanguageServerTest {
    private static final String NODE_URI = "file:///work/node.yaml";
    private static final String NODE = """
            version: 0.2.0
            extraKubeletArgs:
              --clster-dns: 10.152.183.10
              --max-pods: "150"
            addons:
              - name: dnss
              - name: dns
            extraSANs:
              - 10.0.0.1
            """;

    private static final String CLUSTER_URI = "file:///work/cluster.yaml";
    private static final String CLUSTER = """
            apiVersion: launchc.dev/v1alpha1
            kind: Cluster
            metadata:
              name: lab
            spec:
              microk8s: "1.32"
              services:
                kubelet:
                  --pod-infra-container-image: registry.k8s.io/pause:3.10
                  --max
              addonRepositories:
                - name: my-addons
                  url: https://github.com/example/microk8s-addons
              addons:
                - name: dns
                - name: me
              gpu:
                operatorVersion: v24.6.2
              nodes:
                - name: gpu-1
                  role: control-plane
                  address: 10.20.0.21
                  gpu:
                    model: H100-80GB
                    migConfig: all
            """;

    private LspHarness lsp;

    @AfterEach
    void close() throws Exception {
        if (lsp != null) {
            lsp.close();
        }
    }

    private static Diagnostic withCode(PublishDiagnosticsParams p, String code) {
        return p.getDiagnostics().stream().filter(d -> code.equals(d.getCode().getLeft())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " among " + p.getDiagnostics()));
    }

    @Test
    void publishesLintFindingsOnOpenWithTheKeyOrValueAsRange() {
        lsp = LspHarness.started(LintSettings.Source.DEFAULTS, 0);
        lsp.open(NODE_URI, NODE);
        PublishDiagnosticsParams p = lsp.nextDiagnostics();
        assertEquals(NODE_URI, p.getUri());
        assertEquals(1, p.getVersion());
        assertEquals(2, p.getDiagnostics().size(), p.toString());

        Diagnostic flag = withCode(p, "LC1003");
        assertEquals(DiagnosticSeverity.Error, flag.getSeverity());
        assertEquals("launchc", flag.getSource());
        // line 3, "  --clster-dns: …": the key, without its colon
        assertEquals(new Range(new Position(2, 2), new Position(2, 14)), flag.getRange());
        assertTrue(flag.getMessage().contains("unknown kubelet flag --clster-dns"), flag.getMessage());
        assertTrue(flag.getMessage().contains("hint: did you mean --cluster-dns?"), flag.getMessage());
        assertEquals("https://launchc.dev/docs/codes#LC1003", flag.getCodeDescription().getHref());

        Diagnostic addon = withCode(p, "LC1026");
        // line 6, "  - name: dnss": the value
        assertEquals(new Range(new Position(5, 10), new Position(5, 14)), addon.getRange());
    }

    /** As launchc lint: a value that breaks every derived seed is shown at the cluster file's line, naming the nodes. */
    @Test
    void aClusterFilesDerivedSeedsAreJudgedAtItsOwnLines() {
        lsp = LspHarness.started(LintSettings.Source.DEFAULTS, 0);
        String cluster = "apiVersion: launchc.dev/v1alpha1\nkind: Cluster\nmetadata: {name: lab}\nspec:\n  microk8s: \"1.33\"\n"
                + "  network:\n    dns:\n      domain: \"ab c\"\n"
                + "  nodes:\n    - {name: cp-1, role: control-plane, address: 10.20.0.11}\n";
        lsp.open("file:///work/cluster.yaml", cluster);
        Diagnostic d = withCode(lsp.nextDiagnostics(), "LC1011");
        assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        // line 8, '      domain: "ab c"': the value
        assertEquals(7, d.getRange().getStart().getLine());
        assertEquals(14, d.getRange().getStart().getCharacter());
        assertTrue(d.getMessage().contains("(in the seed derived for node cp-1)"), d.getMessage());
    }

    @Test
    void otherYamlIsLeftAlone() {
        lsp = LspHarness.started(LintSettings.Source.DEFAULTS, 0);
        String workflow = "name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n";
        lsp.open("file:///work/.github/workflows/ci.yaml", workflow);
        assertTrue(lsp.nextDiagnostics().getDiagnostics().isEmpty(), "lint skips a workflow; the server publishes nothing for it");
        Hover hover = LspHarness.await(lsp.remote.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier("file:///work/.github/workflows/ci.yaml"), new Position(0, 1))));
        assertNull(hover);
    }

    @Test
    void modeComesFromTheSettingsSource() {
        lsp = LspHarness.started(file -> new LintSettings(Mode.COMPAT, null), 0);
        lsp.open(NODE_URI, NODE);
        // --compat: MicroK8s ignores an unknown flag, so the finding is a warning.
        assertEquals(DiagnosticSeverity.Warning, withCode(lsp.nextDiagnostics(), "LC1003").getSeverity());
    }

    @Test
    void aChangeIsLintedAndOnlyTheNewestOfQuickChangesIsPublished() throws Exception {
        lsp = LspHarness.started(LintSettings.Source.DEFAULTS, 300);
        lsp.open(NODE_URI, NODE);
        assertEquals(1, lsp.nextDiagnostics().getVersion());
        lsp.change(NODE_URI, 2, NODE.replace("dnss", "dnsss"));
        lsp.change(NODE_URI, 3, NODE.replace("--clster-dns", "--cluster-dns"));
        // Version 4 drops the misspelt addon rather than renaming it: a second dns entry is LC2011.
        lsp.change(NODE_URI, 4, NODE.replace("--clster-dns", "--cluster-dns").replace("  - name: dnss\n", ""));
        PublishDiagnosticsParams p = lsp.nextDiagnostics();
        assertEquals(4, p.getVersion(), "versions 2 and 3 were superseded before their lint ran");
        assertEquals(List.of(), p.getDiagnostics());
        assertNull(lsp.published.poll(500, TimeUnit.MILLISECONDS), "nothing more is published");
    }

    private List<CodeAction> actions(String uri, Range range) {
        return LspHarness.await(lsp.remote.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), range,
                new CodeActionContext(List.of())))).stream().map(Either::getRight).toList();
    }

    private static TextEdit onlyEdit(CodeAction action, String uri) {
        Map<String, List<TextEdit>> changes = action.getEdit().getChanges();
        assertEquals(1, changes.get(uri).size());
        return changes.get(uri).get(0);
    }

    @Test
    void lintsFixAndDidYouMeanAreQuickFixesAndEveryFindingCanBeIgnoredOnItsLine() {
        lsp = LspHarness.started(LintSettings.Source.DEFAULTS, 0);
        lsp.open(NODE_URI, NODE);
        lsp.nextDiagnostics();
        List<CodeAction> onFlag = actions(NODE_URI, new Range(new Position(2, 5), new Position(2, 5)));
        // The misspelt flag has lint's Fix (the rename lint --fix makes); the addon only a did-you-mean hint.
        assertEquals(List.of("Rename --clster-dns to --cluster-dns", "Ignore LC1003 on this line"),
                onFlag.stream().map(CodeAction::getTitle).toList());
        TextEdit fix = onlyEdit(onFlag.get(0), NODE_URI);
        assertEquals(new Range(new Position(2, 2), new Position(2, 14)), fix.getRange());
        assertEquals("--cluster-dns", fix.getNewText());
        TextEdit ignore = onlyEdit(onFlag.get(1), NODE_URI);
        assertEquals(new Range(new Position(2, 29), new Position(2, 29)), ignore.getRange());
        assertEquals(" # launchc: ignore[LC1003]", ignore.getNewText());

        TextEdit addonFix = onlyEdit(actions(NODE_URI, new Range(new Position(5, 0), new Position(5, 14))).get(0), NODE_URI);
        assertEquals(new Range(new Position(5, 10), new Position(5, 14)), addonFix.getRange());
        assertEquals("dns", addonFix.getNewText());

        assertEquals(List.of(), actions(NODE_URI, new Range(new Position(8, 0), new Position(8, 3))), "no finding on line 9");
    }

    @Test
    void onALineThatEndsInACommentTheSuppressionGoesOnTheLineBefore() {
        lsp = LspHarness.started(LintSettings.Source.DEFAULTS, 0);
        lsp.open(NODE_URI, NODE.replace("10.152.183.10", "10.152.183.10  # the DNS service"));
        lsp.nextDiagnostics();
        List<CodeAction> onFlag = actions(NODE_URI, new Range(new Position(2, 3), new Position(2, 3)));
        TextEdit ignore = onlyEdit(onFlag.get(1), NODE_URI);
        assertEquals(new Range(new Position(2, 0), new Position(2, 0)), ignore.getRange());
        assertEquals("  # launchc: ignore[LC1003]\n", ignore.getNewText());
    }

    @Test
    void aFeatureGateFixReplacesOnlyTheMisspeltGate() {
        Range token = new Range(new Position(3, 19), new Position(3, 46));
        Range gate = QuickFixes.wordToReplace(token, "GracefulNodeShutdwn=true,Foo=false", "GracefulNodeShutdown");
        assertEquals(new Range(new Position(3, 19), new Position(3, 38)), gate);
    }

    private String hover(String uri, int line, int character) {
        Hover h = LspHarness.await(lsp.remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(line, character))));
        assertNotNull(h, "no hover at " + line + ":" + character);
        return h.getContents().getRight().getValue();
    }

    @Test
    void hoverOnAFlagShowsDescriptionTypeDefaultAndTheMinorsThatHaveIt() {
        lsp = LspHarness.started(LintSettings.Source.DEFAULTS, 0);
        lsp.open(CLUSTER_URI, CLUSTER);
        lsp.nextDiagnostics();
        String text = hover(CLUSTER_URI, 8, 10);
        // kube-flags reference: kubelet --pod-infra-container-image is in flags/1.27 … flags/1.34 only,
        // type string, default registry.k8s.io/pause:3.10, deprecation flag-deprecated (flags.json).
        assertTrue(text.contains("--pod-infra-container-image"), text);
        assertTrue(text.contains("kubelet"), text);
        assertTrue(text.contains("`string`"), text);
        assertTrue(text.contains("registry.k8s.io/pause:3.10"), text);
        assertTrue(text.contains("Kubernetes 1.27–1.34."), text);
        assertTrue(text.contains("Deprecated as a flag"), text);
        // kubernetes/website command-line-tools-reference/kubelet.md: the first sentence of its description,
        // shown before the type.
        String description = "Specified image will not be pruned by the image garbage collector.";
        assertTrue(text.contains(description), text);
        assertTrue(text.indexOf(description) < text.indexOf("Type: `string`"), text);
        assertFalse(text.contains("DEPRECATED:"), "the reference's deprecation note is not repeated: " + text);
    }

    @Test
    void hoverOnAKeyShowsItsSchemaDescriptionAndOnAnAddonWhatItIs() {
        lsp = LspHarness.started(LintSettings.Source.DEFAULTS, 0);
        lsp.open(NODE_URI, NODE);
        lsp.nextDiagnostics();
        String sans = hover(NODE_URI, 7, 3);
        assertTrue(sans.startsWith("**extraSANs**"), sans);
        assertTrue(sans.contains("certificate"), sans);
        String nested = hover(NODE_URI, 6, 5);
        assertTrue(nested.startsWith("**name**"), nested);
        String dns = hover(NODE_URI, 6, 11);
        assertTrue(dns.contains("CoreDNS"), dns);
        assertTrue(dns.contains("core"), dns);
    }

    private List<String> completions(String uri, int line, int character) {
        return LspHarness.await(lsp.remote.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(line, character))))
                .getRight().getItems().stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void completesFlagsAddonsAndMigConfigsFromTheCatalog() {
        lsp = LspHarness.started(LintSettings.Source.DEFAULTS, 0);
        lsp.open(CLUSTER_URI, CLUSTER);
        lsp.nextDiagnostics();
        List<String> flags = completions(CLUSTER_URI, 9, 11);
        assertTrue(flags.contains("--max-pods"), flags.toString());
        assertTrue(flags.contains("--pod-infra-container-image"), "a 1.32 kubelet flag");
        // kube-flags reference: flags/1.27/kubelet.txt has --keep-terminated-pod-volumes, flags/1.32/kubelet.txt not
        assertFalse(flags.contains("--keep-terminated-pod-volumes"), "gone from the kubelet before 1.32");
        assertFalse(flags.contains("--service-cluster-ip-range"), "a kube-apiserver flag, not the kubelet's");

        List<String> addons = completions(CLUSTER_URI, 15, 14);
        assertTrue(addons.contains("nvidia"), addons.toString());
        assertTrue(addons.contains("my-addons/"), "the declared repository");

        List<String> mig = completions(CLUSTER_URI, 24, 22);
        assertTrue(mig.contains("all-1g.10gb"), mig.toString());
        assertTrue(mig.contains("all-7g.80gb"), mig.toString());
        assertFalse(mig.contains("all-1g.5gb"), "an A100-40GB config (mig-parted-config.yaml of v24.6.2)");
    }
}
