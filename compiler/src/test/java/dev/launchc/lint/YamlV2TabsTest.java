package dev.launchc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.load.LoadLimits;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Launch configs with tabs, linted as MicroK8s reads them: gopkg.in/yaml.v2 2.4.0's scannerc.go
 * (yaml_parser_scan_to_next_token) skips a tab between tokens inside a flow collection or where no
 * simple key may start, and cannot start a token with one anywhere else.
 */
class YamlV2TabsTest {

    private static FileLint lint(String track, Mode mode, String yaml) {
        Linter linter = new Linter(Catalog.get().track(track).orElseThrow(), mode, LoadLimits.DEFAULTS);
        String text = "version: " + ("1.27".equals(track) ? "0.1.0" : "0.2.0") + "\n" + yaml.replace("\\n", "\n").replace("<TAB>", "\t") + "\n";
        return linter.lint("tabs.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String show(FileLint result) {
        return result.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = ';', textBlock = """
            extraKubeletArgs:\\n  --max-pods: "110"<TAB># c      ; 1.36
            extraKubeletArgs:\\n  --max-pods: "110"<TAB>         ; 1.27
            extraSANs: [a.example,<TAB>b.example]                ; 1.36
            extraSANs: [a.example,<TAB>b.example]                ; 1.27
            """)
    void tabsMicroK8sSkipsPassEveryMode(String yaml, String track) {
        for (Mode mode : Mode.values()) {
            FileLint result = lint(track, mode, yaml.strip());
            assertFalse(result.hasErrors(), mode + ":\n" + show(result));
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = ';', textBlock = """
            extraKubeletArgs:\\n<TAB>--max-pods: "110"           ; 1.36
            extraKubeletArgs:\\n  --max-pods:<TAB>"110"          ; 1.27
            extraSANs:\\n-<TAB>a.example                         ; 1.36
            """)
    void tabsMicroK8sRefusesFailCompat(String yaml, String track) {
        FileLint result = lint(track, Mode.COMPAT, yaml.strip());
        assertEquals(1, result.diagnostics().stream().filter(d -> d.code().equals("LC0006")).count(), show(result));
    }
}
