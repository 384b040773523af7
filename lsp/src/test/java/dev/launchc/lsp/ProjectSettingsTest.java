package dev.launchc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Mode;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server publishes follows the {@code .launchc.yaml} above the document and its inline suppressions, as lint does. */
class ProjectSettingsTest {
    private static final String NODE = """
            version: 0.2.0
            extraKubeletArgs:
              --clster-dns: 10.152.183.10
            addons:
              - name: dnss
            """;

    @TempDir
    Path dir;

    private LspHarness lsp;

    @AfterEach
    void close() throws Exception {
        if (lsp != null) {
            lsp.close();
        }
    }

    private PublishDiagnosticsParams published(LintSettings.Source settings, Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        lsp = LspHarness.started(settings, 0);
        lsp.open(file.toUri().toString(), text);
        return lsp.nextDiagnostics();
    }

    private static List<String> codes(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList();
    }

    private static Diagnostic withCode(PublishDiagnosticsParams p, String code) {
        return p.getDiagnostics().stream().filter(d -> code.equals(d.getCode().getLeft())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " among " + p.getDiagnostics()));
    }

    @Test
    void withoutASettingsFileTheDefaultsApply() throws IOException {
        PublishDiagnosticsParams p = published(LintSettings.Source.fromProjectConfig(null, null), dir.resolve("node.yaml"), NODE);
        assertEquals(List.of("LC1003", "LC1026"), codes(p));
        assertEquals(DiagnosticSeverity.Error, withCode(p, "LC1003").getSeverity());
    }

    @Test
    void theSettingsFileAboveTheDocumentSetsModeAndDisabledCodes() throws IOException {
        Files.writeString(dir.resolve(".launchc.yaml"), "mode: compat\ndisable: [LC1026]\n");
        PublishDiagnosticsParams p = published(LintSettings.Source.fromProjectConfig(null, null), dir.resolve("nodes/a/node.yaml"), NODE);
        assertEquals(List.of("LC1003"), codes(p), "LC1026 is disabled");
        // compat: MicroK8s ignores an unknown flag, so the finding is a warning.
        assertEquals(DiagnosticSeverity.Warning, withCode(p, "LC1003").getSeverity());
    }

    @Test
    void aModeGivenToTheServerWinsOverTheFileAndOverridesApplyByPath() throws IOException {
        Files.writeString(dir.resolve(".launchc.yaml"), "mode: compat\noverrides:\n  - files: [\"nodes/**\"]\n    disable: [LC1003]\n");
        PublishDiagnosticsParams p = published(LintSettings.Source.fromProjectConfig(Mode.STRICT, null), dir.resolve("nodes/node.yaml"), NODE);
        assertEquals(List.of("LC1026"), codes(p), "LC1003 is disabled for nodes/**");
        assertEquals(DiagnosticSeverity.Error, withCode(p, "LC1026").getSeverity());
    }

    @Test
    void anInvalidSettingsFileCountsAsAbsent() throws IOException {
        Files.writeString(dir.resolve(".launchc.yaml"), "mode: compat\ndisable: [LC9999]\n");
        PublishDiagnosticsParams p = published(LintSettings.Source.fromProjectConfig(null, null), dir.resolve("node.yaml"), NODE);
        assertEquals(List.of("LC1003", "LC1026"), codes(p));
        assertEquals(DiagnosticSeverity.Error, withCode(p, "LC1003").getSeverity());
    }

    @Test
    void inlineSuppressionsSilenceWhatLintSilences() throws IOException {
        String text = NODE.replace("10.152.183.10", "10.152.183.10  # launchc: ignore[LC1003]")
                .replace("- name: dnss", "# launchc: ignore[LC1026, LC2002]\n  - name: dnss");
        PublishDiagnosticsParams p = published(LintSettings.Source.fromProjectConfig(null, null), dir.resolve("node.yaml"), text);
        var lint = new Linter(Catalog.get().track(Catalog.get().newestTrack()).orElseThrow(), Mode.DEFAULT, LoadLimits.DEFAULTS)
                .lint(dir.resolve("node.yaml").toString(), text.getBytes(StandardCharsets.UTF_8));
        assertEquals(lint.diagnostics().stream().map(dev.launchc.diag.Diagnostic::code).toList(), codes(p));
        // Only the unused LC2002 in the comment is left: LC0030.
        assertEquals(List.of("LC0030"), codes(p));
        assertFalse(codes(p).contains("LC1003"));
        assertTrue(withCode(p, "LC0030").getMessage().contains("LC2002"), p.toString());
    }
}
