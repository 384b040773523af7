package dev.launchc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.load.LoadLimits;
import dev.launchc.plan.FileContent;
import dev.launchc.plan.NodePlan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Merge keys in launch configs. MicroK8s decodes them with gopkg.in/yaml.v2 2.4.0, whose decode.go
 * (mappingStruct, mapping, merge) expands {@code <<: *anchor} into the mapping it is written in,
 * so the merged flags reach the service's args file (pkg/k8sinit/schema.go decodes the config,
 * pkg/snap/snap.go writes the args).
 */
class YamlV2MergeKeysTest {

    private static String config(String track) {
        return "version: " + ("1.27".equals(track) ? "0.1.0" : "0.2.0") + "\n"
                + "extraKubeProxyArgs: &shared\n"      // 2
                + "  --cluster-cidr: 10.1.0.0/16\n"    // 3
                + "extraKubeletArgs:\n"                // 4
                + "  <<: *shared\n"                    // 5
                + "  --v: \"2\"\n";                    // 6
    }

    private static FileLint lint(String track, Mode mode, String yaml) {
        Linter linter = new Linter(Catalog.get().track(track).orElseThrow(), mode, LoadLimits.DEFAULTS);
        return linter.lint("merge.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static String show(FileLint result) {
        return result.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.36", "1.27"})
    void mergedFlagsReachTheKubeletArgs(String track) {
        FileLint compat = lint(track, Mode.COMPAT, config(track));
        assertFalse(compat.hasErrors(), show(compat));
        for (Mode mode : Mode.values()) {
            FileLint result = lint(track, mode, config(track));
            assertTrue(result.diagnostics().stream().noneMatch(d -> d.code().equals("LC1001") || d.code().equals("LC0002")),
                    mode + ":\n" + show(result));
        }
        Track t = Catalog.get().track(track).orElseThrow();
        NodePlan plan = NodeCompiler.compile("local", lint(track, Mode.COMPAT, config(track)).config(), t);
        List<String> kubelet = List.of(((FileContent.Text) plan.files().get("args/kubelet").content()).text().split("\n"));
        assertTrue(kubelet.contains("--cluster-cidr=10.1.0.0/16"), String.join("\n", kubelet));
        assertTrue(kubelet.contains("--v=2"), String.join("\n", kubelet));
        List<String> proxy = List.of(((FileContent.Text) plan.files().get("args/kube-proxy").content()).text().split("\n"));
        assertTrue(proxy.contains("--cluster-cidr=10.1.0.0/16"), String.join("\n", proxy));
    }

    /**
     * A finding on a merged flag points at the text the user wrote, under the anchor: the kubelet
     * has no --cluster-cidr, so outside --compat the merged copy is an unknown kubelet flag, at line 3.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.36", "1.27"})
    void findingsOnMergedFlagsPointAtTheAnchorsText(String track) {
        FileLint result = lint(track, Mode.DEFAULT, config(track));
        List<Diagnostic> unknown = result.diagnostics().stream()
                .filter(d -> d.message().contains("unknown kubelet flag --cluster-cidr")).toList();
        assertEquals(1, unknown.size(), show(result));
        assertEquals(3, unknown.get(0).line(), show(result));
        assertEquals(3, unknown.get(0).column(), show(result));
        assertEquals("/extraKubeletArgs/--cluster-cidr", unknown.get(0).path(), show(result));
        // A did-you-mean rename would edit kube-proxy's flag as well: no fix is offered.
        assertEquals(null, unknown.get(0).fix(), show(result));
    }
}
