package dev.launchc.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Mode;
import dev.launchc.diff.Remediation;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values read from a node cannot change the remediation's structure: it reads back as the same maps. */
class RemediationRendererTest {
    private static final Track TRACK = Catalog.get().track("1.36").orElseThrow();

    @Test
    void hostileKeysValuesAndTextsReadBackUnchanged() {
        Map<String, String> kubelet = new LinkedHashMap<>();
        kubelet.put("--a\": 1\nversion: 9", "x\n---\nversion: 0.1.0 # not a comment");
        kubelet.put("--removed", null);
        Remediation r = new Remediation("0.2.0", Map.of(ServiceFile.KUBELET, kubelet),
                Map.of("docker.io", "server = \"https://r\"\n---\n"), Map.of("ha-conf", "failure-domain=1\n"),
                List.of("args/kubelet: set\n---\nversion: 9"), List.of("by hand\nextraSANs: []"), List.of("kubelite"));
        String text = RemediationRenderer.render("node\n---", "1.36", r);
        FileLint lint = new Linter(TRACK, true, Mode.COMPAT, LoadLimits.DEFAULTS).lint("r.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, lint.config().parts().size(), text);
        Part part = lint.config().parts().get(0);
        assertEquals("0.2.0", part.version().text());
        assertEquals(List.of("--a\": 1\nversion: 9", "--removed"), part.args(ServiceFile.KUBELET).stream().map(ArgEntry::key).toList());
        assertEquals("x\n---\nversion: 0.1.0 # not a comment", part.args(ServiceFile.KUBELET).get(0).value());
        assertTrue(part.args(ServiceFile.KUBELET).get(1).isRemoval());
        assertEquals("server = \"https://r\"\n---\n", part.registryConfigs().get(0).value());
        assertEquals("failure-domain=1\n", part.configFiles().get(0).value());
        assertEquals(null, part.extraSANs());
        assertTrue(text.contains("# MicroK8s restarts: microk8s.daemon-kubelite\n"), text);
        assertFalse(text.lines().anyMatch(l -> l.equals("version: 9")), text);
    }
}
