package dev.launchc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Severity;
import dev.launchc.load.LoadLimits;
import dev.launchc.plan.FileContent;
import dev.launchc.plan.NodePlan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corners where MicroK8s' YAML library (gopkg.in/yaml.v2 2.4.0) decides what a launch config
 * means, each on the newest track and on 1.27 (whose parser accepts only version 0.1.0). The
 * verdicts come from reading pkg/k8sinit/schema.go (ParseConfiguration, isZero) of
 * microk8s-cluster-agent, main and the 1.27 branch, and yaml.v2's yaml.go (unmarshal parses one
 * document node) and decode.go (prepare leaves a pointer nil only for null, ~ and an empty value).
 */
class YamlV2CornersTest {

    private static FileLint lint(String track, Mode mode, String yaml) {
        Linter linter = new Linter(Catalog.get().track(track).orElseThrow(), mode, LoadLimits.DEFAULTS);
        return linter.lint("corner.yaml", yaml.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String show(FileLint result) {
        return result.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    private static String version(String track) {
        return "1.27".equals(track) ? "0.1.0" : "0.2.0";
    }

    /** schema.go: a null version decodes to "", and a part whose every field is zero is skipped before the version check. */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            version:            | 1.36
            version: ~          | 1.36
            version: null       | 1.36
            version: NULL       | 1.36
            version: Null       | 1.27
            version: ~          | 1.27
            version: ~\\nextraSANs: []\\naddons: []\\nextraKubeletArgs: {} | 1.36
            """)
    void partWhoseOnlyKeyIsANullVersionIsSkipped(String yaml, String track) {
        for (Mode mode : Mode.values()) {
            FileLint result = lint(track, mode, "---\nversion: " + version(track) + "\naddons: [{name: dns}]\n---\n" + yaml + "\n");
            assertFalse(result.hasErrors(), mode + ":\n" + show(result));
            assertTrue(result.diagnostics().stream().anyMatch(d -> d.code().equals("LC0008")), show(result));
            assertEquals(1, result.config().parts().size(), show(result));
        }
    }

    /** schema.go: the empty version of a non-empty part fails version.ParseSemantic: the file is rejected. */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            version: ~\\naddons: [{name: dns}]     | 1.36
            version: NULL\\nextraSANs: [10.0.0.1]  | 1.36
            version:\\npersistentClusterToken: abcdefghijklmnopqrstuvwxyz0123456789 | 1.27
            """)
    void nullVersionBesideOtherFieldsIsRejected(String yaml, String track) {
        FileLint result = lint(track, Mode.COMPAT, yaml + "\n");
        assertTrue(result.hasErrors(), show(result));
        List<Diagnostic> errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        assertEquals(1, errors.size(), show(result));
        assertEquals("LC1005", errors.get(0).code(), show(result));
        assertTrue(errors.get(0).message().contains("'version' is null"), show(result));
    }

    /**
     * yaml.go: unmarshal decodes the one document node that parser.parse returns and never reads
     * further, so text after '...' or after a complete root node is dropped. MicroK8s accepts the
     * file; launchc errs by default and warns under --compat, naming the dropped lines.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            after an explicit document end | V\\nextraSANs: [a.example]\\n...\\nextraKubeletArgs:\\n  --max-pods: "150"\\n | 4 | lines 4-5 | extraKubeletArgs:
            after a flow-mapping root      | {version: VV, extraSANs: [a.example]}\\nextraSANs: [b.example]\\n | 2 | line 2 | extraSANs: [b.example]
            unparsable text after '...'    | V\\nextraSANs: [a.example]\\n...\\n[ not yaml\\n | 4 | line 4 | [ not yaml
            """)
    void contentAfterTheFirstRootNodeIsDropped(String name, String body, int line, String span, String first) {
        for (String track : List.of("1.36", "1.27")) {
            String yaml = body.replace("VV", version(track)).replace("V\\n", "version: " + version(track) + "\\n")
                    + "---\\nversion: " + version(track) + "\\naddons: [{name: dns}]\\n";
            FileLint compat = lint(track, Mode.COMPAT, yaml);
            assertFalse(compat.hasErrors(), track + " " + name + ":\n" + show(compat));
            Diagnostic dropped = compat.diagnostics().stream().filter(d -> d.code().equals("LC0010")).findFirst()
                    .orElseThrow(() -> new AssertionError(show(compat)));
            assertEquals(Severity.WARNING, dropped.severity());
            assertEquals(line, dropped.line(), show(compat));
            assertTrue(dropped.message().contains("drops " + span + " unread ('" + first + "'"), dropped.message());
            // The part after the next '---' is still read, and the first part keeps what came before the drop.
            assertEquals(2, compat.config().parts().size(), show(compat));
            FileLint normal = lint(track, Mode.DEFAULT, yaml);
            assertTrue(normal.diagnostics().stream().anyMatch(d -> d.code().equals("LC0010") && d.severity() == Severity.ERROR),
                    show(normal));
        }
    }

    /**
     * decode.go: prepare returns early (pointer stays nil: the flag is removed) only for null, ~ and
     * an empty plain value; NULL and Null allocate the pointer and then decode to "", so MicroK8s
     * writes the flag with an empty value.
     */
    @ParameterizedTest(name = "--max-pods: {0}")
    @ValueSource(strings = {"NULL", "Null", "null", "~", "", "!!null x", "'NULL'", "\"\""})
    void onlyNullTildeAndEmptyRemoveAFlag(String value) {
        for (String track : List.of("1.36", "1.27")) {
            Track t = Catalog.get().track(track).orElseThrow();
            FileLint result = lint(track, Mode.COMPAT, "version: " + version(track) + "\nextraKubeletArgs:\n  --max-pods: "
                    + value + "\n  --cluster-domain: " + value + "\n");
            assertFalse(result.hasErrors(), show(result));
            NodePlan plan = NodeCompiler.compile("local", result.config(), t);
            String kubelet = ((FileContent.Text) plan.files().get("args/kubelet").content()).text();
            boolean removes = List.of("null", "~", "", "!!null x").contains(value);
            String expected = value.equals("'NULL'") ? "NULL" : "";
            List<String> lines = List.of(kubelet.split("\n"));
            if (removes) {
                assertFalse(kubelet.contains("--max-pods") || kubelet.contains("--cluster-domain"), track + ":\n" + kubelet);
            } else {
                assertTrue(lines.contains("--max-pods=" + expected), track + ":\n" + kubelet);
                // --cluster-domain is in the track's default file: replaced in place, not removed.
                assertTrue(lines.contains("--cluster-domain=" + expected), track + ":\n" + kubelet);
            }
        }
    }

    /**
     * pkg/snap/snap.go UpdateContainerdRegistryConfigs (main and the 1.27 branch alike): filepath.Join,
     * a string-prefix check against args/certs.d, MkdirAll. pkg/k8sinit/apply.go: the extraConfigFiles
     * guard strings.Contains("/", name) refuses only "" and "/".
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.36", "1.27"})
    void registryKeysAndConfigFileNamesWithASlash(String track) {
        String toml = ": |\n    server = \"https://harbor.corp.example\"\n    [host.\"https://harbor.corp.example\"]\n"
                + "      capabilities = [\"pull\", \"resolve\"]\n";
        String head = "version: " + version(track) + "\n";
        FileLint nested = lint(track, Mode.COMPAT, head + "containerdRegistryConfigs:\n  harbor.corp.example/library" + toml);
        assertFalse(nested.hasErrors(), "MicroK8s accepts it (MkdirAll):\n" + show(nested));
        assertTrue(nested.diagnostics().stream().anyMatch(d -> d.code().equals("LC1019") && d.severity() == Severity.WARNING),
                show(nested));
        FileLint nestedDefault = lint(track, Mode.DEFAULT, head + "containerdRegistryConfigs:\n  harbor.corp.example/library" + toml);
        assertTrue(nestedDefault.diagnostics().stream().anyMatch(d -> d.code().equals("LC1019")
                && d.severity() == Severity.ERROR && d.message().contains("never read")), show(nestedDefault));
        FileLint escaping = lint(track, Mode.COMPAT, head + "containerdRegistryConfigs:\n  ../../credentials" + toml);
        assertTrue(escaping.diagnostics().stream().anyMatch(d -> d.code().equals("LC1020") && d.severity() == Severity.ERROR),
                "MicroK8s refuses it (string-prefix check):\n" + show(escaping));
        // The one deliberate exception: MicroK8s would write ../credentials/x; launchc refuses it under --compat too.
        FileLint config = lint(track, Mode.COMPAT, head + "extraConfigFiles:\n  ../credentials/x: hello\n");
        assertTrue(config.diagnostics().stream().anyMatch(d -> d.code().equals("LC1023") && d.severity() == Severity.ERROR),
                show(config));
    }
}
