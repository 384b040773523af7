package dev.launchc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Suppressions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each kind of {@link dev.launchc.diag.Fix} lint attaches, and the ignore comment, as a quick fix
 * through the server: the action's edit is applied to the text as an editor would, the text is
 * linted again, and the finding is gone.
 */
class QuickFixesTest {
    private static final String URI = "file:///work/fix.yaml";

    private LspHarness lsp;
    private int version;

    @AfterEach
    void close() throws Exception {
        if (lsp != null) {
            lsp.close();
        }
    }

    private PublishDiagnosticsParams open(String text) {
        lsp = LspHarness.started(LintSettings.Source.DEFAULTS, 0);
        version = 1;
        lsp.open(URI, text);
        return lsp.nextDiagnostics();
    }

    private PublishDiagnosticsParams relint(String text) {
        lsp.change(URI, ++version, text);
        return lsp.nextDiagnostics();
    }

    private static Diagnostic withCode(PublishDiagnosticsParams p, String code) {
        return p.getDiagnostics().stream().filter(d -> code.equals(d.getCode().getLeft())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " among " + p.getDiagnostics()));
    }

    private static boolean has(PublishDiagnosticsParams p, String code) {
        return p.getDiagnostics().stream().anyMatch(d -> code.equals(d.getCode().getLeft()));
    }

    private List<CodeAction> actionsFor(Diagnostic d) {
        return LspHarness.await(lsp.remote.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(URI),
                d.getRange(), new CodeActionContext(List.of(d))))).stream().map(Either::getRight).toList();
    }

    private static CodeAction titled(List<CodeAction> actions, String title) {
        return actions.stream().filter(a -> a.getTitle().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no action '" + title + "' among " + actions.stream().map(CodeAction::getTitle).toList()));
    }

    /** The text once the action's edits are made, as a client makes them (positions in UTF-16 units). */
    static String applied(String text, CodeAction action) {
        List<TextEdit> edits = new ArrayList<>(action.getEdit().getChanges().get(URI));
        edits.sort(Comparator.comparingInt((TextEdit e) -> offset(text, e.getRange().getStart())).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : edits) {
            sb.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
        }
        return sb.toString();
    }

    private static int offset(String text, Position p) {
        int at = 0;
        for (int line = 0; line < p.getLine(); line++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at + p.getCharacter();
    }

    /** Opens the text, applies the titled action for the code's finding, re-lints: the finding is gone. */
    private String fixed(String text, String code, String title) {
        Diagnostic finding = withCode(open(text), code);
        CodeAction action = titled(actionsFor(finding), title);
        assertEquals(List.of(finding), action.getDiagnostics());
        String after = applied(text, action);
        assertFalse(has(relint(after), code), code + " is still reported after '" + title + "':\n" + after);
        return after;
    }

    @Test
    void misspeltKeyIsRenamed() {
        String after = fixed("version: 0.2.0\nextraKubeletArg:        # kubelet settings\n  --max-pods: \"110\"\n",
                "LC1002", "Rename extraKubeletArg to extraKubeletArgs");
        assertEquals("version: 0.2.0\nextraKubeletArgs:        # kubelet settings\n  --max-pods: \"110\"\n", after);
    }

    @Test
    void misspeltFlagIsRenamed() {
        String after = fixed("version: 0.2.0\nextraKubeletArgs:\n  --max-podz: \"110\"\n", "LC1003", "Rename --max-podz to --max-pods");
        assertEquals("version: 0.2.0\nextraKubeletArgs:\n  --max-pods: \"110\"\n", after);
    }

    @Test
    void noRenameWhereLintDeclinesItsFix() {
        // --max-pods is already in the map: renaming --max-podz to it would write a duplicate key.
        Diagnostic finding = withCode(open("version: 0.2.0\nextraKubeletArgs:\n  --max-podz: \"110\"\n  --max-pods: \"120\"\n"), "LC1003");
        assertTrue(finding.getMessage().contains("did you mean --max-pods?"), finding.getMessage());
        assertEquals(List.of("Ignore LC1003 on this line"), actionsFor(finding).stream().map(CodeAction::getTitle).toList());
    }

    @Test
    void version010IsRewrittenAs020() {
        String after = fixed("version: \"0.1.0\"   # first\nextraCNIEnv:\n  IPv4_SUPPORT: true\n", "LC0032", "Rewrite version 0.1.0 as 0.2.0");
        assertEquals("version: \"0.2.0\"   # first\nextraCNIEnv:\n  IPv4_SUPPORT: true\n", after, "the quotes stay");
    }

    @Test
    void missingServiceSanIsAddedAfterTheVersionLine() {
        String text = "# no extraSANs at all\nversion: 0.2.0\nextraKubeAPIServerArgs:\n  --service-cluster-ip-range: 10.153.183.0/24\n";
        String after = fixed(text, "LC2002", "Add extraSANs: [10.153.183.1]");
        assertEquals(text.replace("version: 0.2.0\n", "version: 0.2.0\nextraSANs: [10.153.183.1]\n"), after);
    }

    @Test
    void serviceSanIsAppendedToABlockListThatEndsTheFile() {
        // The insertion is on the line after the last one: the empty line the final newline opens.
        String text = "version: 0.2.0\nextraKubeAPIServerArgs:\n  --service-cluster-ip-range: 10.153.183.0/24\nextraSANs:\n  - 10.0.0.5\n";
        String after = fixed(text, "LC2002", "Add 10.153.183.1 to extraSANs");
        assertEquals(text + "  - 10.153.183.1\n", after);
    }

    @Test
    void yaml11ScalarIsQuoted() {
        String text = """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata:
                  name: lab
                spec:
                  microk8s: 1.30   # the track
                  nodes:
                    - name: cp-1
                      role: control-plane
                      address: 10.20.0.11
                """;
        String after = fixed(text, "LC1001", "Quote 1.30 as a string");
        assertEquals(text.replace("microk8s: 1.30", "microk8s: \"1.30\""), after);
    }

    @Test
    void ignoreWritesTheCommentSuppressionsParsesAndTheFindingIsGone() {
        String text = "version: 0.2.0\nextraKubeletArgs:\n  --no-such-flag-anywhere: \"1\"\n";
        Diagnostic finding = withCode(open(text), "LC1003");
        List<CodeAction> actions = actionsFor(finding);
        assertEquals(List.of("Ignore LC1003 on this line"), actions.stream().map(CodeAction::getTitle).toList(),
                "no close flag name: no Fix and no did-you-mean");
        String after = applied(text, actions.get(0));
        assertEquals(text.replace("\"1\"\n", "\"1\" " + Suppressions.comment("LC1003") + "\n"), after);
        PublishDiagnosticsParams again = relint(after);
        assertFalse(has(again, "LC1003"), again.toString());
        assertFalse(has(again, "LC0030") || has(again, "LC0031"), "the comment is used and well formed: " + again);
    }

    @Test
    void aCodeThatMayNeverBeSuppressedGetsNoIgnoreAction() {
        // LC1011 is Suppression.NEVER in Code.java: kubelite would split the value whatever a comment says.
        Diagnostic finding = withCode(open("version: 0.2.0\nextraKubeletArgs:\n  --node-labels: \"a b\"\n"), "LC1011");
        List<String> titles = actionsFor(finding).stream().map(CodeAction::getTitle).toList();
        assertFalse(titles.stream().anyMatch(t -> t.startsWith("Ignore")), titles.toString());
    }
}
