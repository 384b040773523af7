package dev.launchc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.load.LoadLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedFindingsTest {
    /** Shared with the cli's ExamplesCompileCleanTest, which compiles it. */
    static final String CLUSTER_FIXTURE = "/rules/cluster/network/ha-wide-service-range.yaml";


    /** A seed as a control plane would get it without the SANs: LC2002 at its extraCNIEnv line. */
    private static final String SEED = """
            version: 0.2.0
            extraCNIEnv:
              IPv4_SUPPORT: "true"
              IPv4_CLUSTER_CIDR: 10.1.0.0/16
              IPv4_SERVICE_CIDR: 10.96.0.0/16
            extraKubeletArgs:
              --max-pods: "150"
              --cluster-dns: 10.96.0.10
            """;

    private static FileLint lint(String name, String text) {
        Track track = Catalog.get().track("1.32").orElseThrow();
        return new Linter(track, Mode.DEFAULT, LoadLimits.DEFAULTS).lint(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSeedFindingIsToldOnceAtTheClusterLineThatCausedIt() throws java.io.IOException {
        String text;
        try (var in = SeedFindingsTest.class.getResourceAsStream(CLUSTER_FIXTURE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        FileLint cluster = lint("cluster.yaml", text);
        FileLint seed = lint("seed.yaml", SEED);
        assertTrue(seed.diagnostics().stream().anyMatch(d -> d.code().equals("LC2002")), seed.diagnostics().toString());
        List<Diagnostic> mapped = SeedFindings.inClusterFile(cluster, cluster.cluster().cluster(),
                List.of(new SeedFindings.Seed("w-1", 3, seed), new SeedFindings.Seed("w-2", 4, seed)));
        List<Diagnostic> lc2002 = mapped.stream().filter(d -> d.code().equals("LC2002")).toList();
        assertEquals(1, lc2002.size(), mapped.toString());
        Diagnostic d = lc2002.get(0);
        assertEquals("cluster.yaml", d.file());
        assertEquals(11, d.line(), "the serviceCIDR line of the cluster file: " + d);
        assertEquals("/spec/network/ipv4/serviceCIDR", d.path());
        assertTrue(d.message().endsWith("(in the seeds derived for nodes w-1, w-2)"), d.message());
    }
}
