package dev.launchc.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Mode;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import dev.launchc.plan.FileContent;
import dev.launchc.plan.NodePlan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the snap's install hook does to args/ around the launch config's pre-init apply. */
class NodeCompilerInstallTest {
    static List<String> tracks() {
        return Catalog.get().tracks();
    }

    /** The node plan of a native launch config that lints without errors in compat mode. */
    static NodePlan compile(String track, String yaml) {
        Track t = Catalog.get().track(track).orElseThrow();
        FileLint result = new Linter(t, Mode.COMPAT, LoadLimits.DEFAULTS)
                .lint("install.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        return NodeCompiler.compile("local", result.config(), t);
    }

    /**
     * MK snap/hooks/install (every branch 1.27 to master) runs {@code rm -rf $SNAP_DATA/args/cni-network/*}
     * after the pre-init apply, then generate-cni.sh (1.28 on) or a copy of calico.yaml (1.27) writes
     * cni-network/cni.yaml. The default cni-network/flannel.conflist copied from default-args is
     * therefore gone on the node; the flannel files outside cni-network/ stay.
     */
    @ParameterizedTest
    @MethodSource("tracks")
    void installHookEmptiesCniNetworkBeforeTheCni(String track) {
        Track t = Catalog.get().track(track).orElseThrow();
        assertTrue(t.defaultArgs().containsKey("cni-network/flannel.conflist"), "the track ships the file this test is about");
        String version = Catalog.compareMinor(track, "1.28") < 0 ? "0.1.0" : "0.2.0";
        NodePlan plan = compile(track, "version: " + version + "\nextraKubeletArgs:\n  --max-pods: \"200\"\n");
        List<String> cniNetwork = plan.files().keySet().stream().filter(p -> p.startsWith("args/cni-network/")).toList();
        assertEquals(List.of(), cniNetwork, track);
        assertEquals(t.defaultArgs().get("flannel-template.conflist"),
                ((FileContent.Text) plan.files().get("args/flannel-template.conflist").content()).text(), track);
        assertTrue(plan.files().containsKey("args/flanneld"), track);
    }
}
