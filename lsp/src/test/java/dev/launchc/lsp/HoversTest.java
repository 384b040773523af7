package dev.launchc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import org.junit.jupiter.api.Test;

/** A Kubernetes flag's hover text, straight from the catalog. */
class HoversTest {
    private static final Track NEWEST = Catalog.get().track("1.36").orElseThrow();

    /** The text between the heading and the "Type:" line: the description, or nothing. */
    private static String descriptionPart(String hover) {
        int heading = hover.indexOf("\n\n") + 2;
        return hover.substring(heading, hover.indexOf("Type: `")).strip();
    }

    @Test
    void anApiserverFlagShowsItsReferenceDescriptionFirst() {
        String hover = Hovers.flag(NEWEST, "kube-apiserver", "--etcd-servers");
        // kubernetes/website command-line-tools-reference/kube-apiserver.md, first sentence of --etcd-servers.
        assertEquals("List of etcd servers to connect with (scheme://ip:port), comma separated.", descriptionPart(hover), hover);
        assertTrue(hover.contains("Type: `strings`"), hover);
    }

    @Test
    void aKubeProxyFlagSpelledWithUnderscoreOrDashFindsTheSameDescription() {
        // kube-proxy's reference spells klog flags with '_' (--log_dir); component-base treats '-' the same.
        String underscore = Hovers.flag(NEWEST, "kube-proxy", "--log_dir");
        String dash = Hovers.flag(NEWEST, "kube-proxy", "--log-dir");
        assertEquals("If non-empty, write log files in this directory (no effect when -logtostderr=true)", descriptionPart(underscore),
                underscore);
        assertEquals(descriptionPart(underscore), descriptionPart(dash), dash);
    }

    @Test
    void aFlagWithoutDescriptionShowsNoneAndNoEmptyParagraph() {
        // kube-scheduler has no descriptions in tools/catalog-import/kube-flag-descriptions.json (not read yet).
        String hover = Hovers.flag(NEWEST, "kube-scheduler", "--config");
        assertEquals("", descriptionPart(hover), hover);
        assertFalse(hover.contains("\n\n\n"), hover);
    }
}
