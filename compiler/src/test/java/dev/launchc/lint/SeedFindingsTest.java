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
    private static final String CLUSTER = """
            apiVersion: launchc.dev/v1alpha1
            kind: Cluster
            metadata:
              name: ha
            spec:
              microk8s: "1.32"
              network:
                ipv4:
                  podCIDR: 10.1.0.0/16
                  serviceCIDR: 10.96.0.0/16
              services:
                kubelet:
                  --max-pods: "150"
              join:
                token:
                  fromEnv: TOKEN
              nodes:
                - name: cp-1
                  role: control-plane
                  address: 10.20.0.11
                - name: w-1
                  role: worker
                  address: 10.20.0.21
                - name: w-2
                  role: worker
                  address: 10.20.0.22
            """;

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
    void aSeedFindingIsToldOnceAtTheClusterLineThatCausedIt() {
        FileLint cluster = lint("cluster.yaml", CLUSTER);
        FileLint seed = lint("seed.yaml", SEED);
        assertTrue(seed.diagnostics().stream().anyMatch(d -> d.code().equals("LC2002")), seed.diagnostics().toString());
        List<Diagnostic> mapped = SeedFindings.inClusterFile(cluster, cluster.cluster().cluster(),
                List.of(new SeedFindings.Seed("w-1", 1, seed), new SeedFindings.Seed("w-2", 2, seed)));
        List<Diagnostic> lc2002 = mapped.stream().filter(d -> d.code().equals("LC2002")).toList();
        assertEquals(1, lc2002.size(), mapped.toString());
        Diagnostic d = lc2002.get(0);
        assertEquals("cluster.yaml", d.file());
        assertEquals(10, d.line(), "the serviceCIDR line of the cluster file: " + d);
        assertEquals("/spec/network/ipv4/serviceCIDR", d.path());
        assertTrue(d.message().endsWith("(in the seeds derived for nodes w-1, w-2)"), d.message());
    }
}
