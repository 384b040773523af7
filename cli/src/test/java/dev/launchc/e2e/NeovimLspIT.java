package dev.launchc.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchc.diag.Suppressions;
import dev.launchc.json.JsonTrees;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code launchc lsp} in a real editor: headless Neovim's built-in LSP client starts the built jar on
 * a launch config ({@code lsp-neovim.lua}), receives the diagnostics, applies lint's Fix for the
 * misspelt flag as a quick fix to its buffer, gets the new diagnostics, ignores the finding left with
 * the inline-suppression action, and asks for a hover. Fails when nvim is not installed.
 */
class NeovimLspIT {
    private static final String CONFIG = """
            version: 0.2.0
            extraKubeletArgs:
              --clster-dns: 10.152.183.10
              --max-pods: "150"
            addons:
              - name: dnss
            """;

    @TempDir
    Path dir;

    @Test
    void neovimGetsDiagnosticsAppliesTheQuickFixesAndHovers() throws IOException, URISyntaxException {
        Path nvim = E2eProcesses.requireTool("nvim", "apt-get install -y neovim");
        Path jar = Path.of(Objects.requireNonNull(System.getProperty("launchc.jar"), "launchc.jar: run through failsafe, after package"));
        assertTrue(Files.isRegularFile(jar), "the built jar is missing: " + jar);
        Path script = Path.of(Objects.requireNonNull(getClass().getResource("lsp-neovim.lua")).toURI());
        Path config = Files.writeString(dir.resolve("node.yaml"), CONFIG);
        Path resultFile = dir.resolve("result.json");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        List<String> command = new ArrayList<>(List.of(nvim.toString(), "--headless", "--clean", "-n", "-u", "NONE"));
        for (String let : List.of("let g:launchc_file = '" + config + "'", "let g:launchc_jar = '" + jar + "'",
                "let g:launchc_java = '" + java + "'", "let g:launchc_result = '" + resultFile + "'",
                "let g:launchc_fix_prefix = 'Rename '",
                // line 4, "  --max-pods": on the flag
                "let g:launchc_hover_line = 3", "let g:launchc_hover_character = 4")) {
            command.addAll(List.of("-c", let));
        }
        command.addAll(List.of("-c", "luafile " + script));
        E2eProcesses.Result run = E2eProcesses.run(dir, Duration.ofSeconds(120), command);
        assertTrue(Files.isRegularFile(resultFile), () -> "nvim wrote no result\n" + run.describe());
        JsonNode result = JsonTrees.read(Files.newInputStream(resultFile));
        assertTrue(result.path("ok").asBoolean(), () -> "the Lua script failed: " + result.path("error").asText()
                + " after steps " + result.path("steps") + "\n" + run.describe());

        // What Neovim stored from publishDiagnostics (0-based lines and columns; severity 1 = error).
        JsonNode flag = find(result.path("before"), "LC1003");
        assertEquals(2, flag.path("lnum").asInt());
        assertEquals(2, flag.path("col").asInt());
        assertEquals(14, flag.path("end_col").asInt(), "the range covers the key --clster-dns");
        assertEquals(1, flag.path("severity").asInt());
        assertEquals("launchc", flag.path("source").asText());
        assertTrue(flag.path("message").asText().contains("did you mean --cluster-dns?"), flag.toString());
        assertEquals("https://launchc.dev/docs/codes#LC1003", flag.path("href").asText());
        JsonNode addon = find(result.path("before"), "LC1026");
        assertEquals(5, addon.path("lnum").asInt());
        assertEquals(10, addon.path("col").asInt());
        assertEquals(2, result.path("before").size(), result.path("before").toString());

        List<String> actions = new ArrayList<>();
        result.path("actions").forEach(a -> actions.add(a.asText()));
        // The flag's quick fix is lint's Fix, the rename that lint --fix makes.
        assertEquals(List.of("Rename --clster-dns to --cluster-dns", "Ignore LC1003 on this line"), actions);
        assertEquals("  --cluster-dns: 10.152.183.10", result.path("fixed_line").asText(), "the buffer after the quick fix");
        List<String> after = new ArrayList<>();
        result.path("after").forEach(d -> after.add(d.path("code").asText()));
        assertEquals(List.of("LC1026"), after, "the fixed flag's finding is gone after the change");
        assertEquals("  - name: dnss " + Suppressions.comment("LC1026"), result.path("ignored_line").asText(),
                "the buffer after the ignore action");
        assertEquals(0, result.path("after_ignore").size(), "the suppressed finding is gone: " + result.path("after_ignore"));

        String hover = result.path("hover").asText();
        // kube-flags reference flags.json: kubelet --max-pods is an int32 with default 110 in every minor.
        assertTrue(hover.contains("--max-pods") && hover.contains("`int32`") && hover.contains("`110`"), hover);
        // kubernetes/website command-line-tools-reference/kubelet.md: "Number of Pods that can run on this Kubelet."
        assertTrue(hover.contains("Number of Pods that can run on this Kubelet."), hover);
    }

    private static JsonNode find(JsonNode diagnostics, String code) {
        for (JsonNode d : diagnostics) {
            if (code.equals(d.path("code").asText())) {
                return d;
            }
        }
        throw new AssertionError("Neovim received no " + code + " finding: " + diagnostics);
    }
}
