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

    /** Shared with the cli's DerivedSeedFindingFormatsTest, which compiles it and prints the finding in every format. */
    static final String DERIVED_FIXTURE = "/rules/cluster/network/derived-domain-with-space.yaml";

    /** The kubelet args of a seed derived from DERIVED_FIXTURE, as the seed renderer writes them. */
    private static final String DERIVED_SEED = """
            version: 0.2.0
            extraKubeletArgs:
              --cluster-dns: 10.152.183.10
              --cluster-domain: "ab c"
            """;

    private static String resource(String name) throws java.io.IOException {
        try (var in = SeedFindingsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aDerivedValuesFindingIsToldAtTheClusterEntryItCameFromNamingEveryNode() throws java.io.IOException {
        FileLint cluster = lint("cluster.yaml", resource(DERIVED_FIXTURE));
        assertTrue(cluster.diagnostics().stream().noneMatch(d -> d.code().equals("LC1011")), cluster.diagnostics().toString());
        FileLint seed = lint("seed.yaml", DERIVED_SEED);
        assertTrue(seed.diagnostics().stream().anyMatch(d -> d.code().equals("LC1011")), seed.diagnostics().toString());
        var model = cluster.cluster().cluster();
        List<SeedFindings.Seed> seeds = new java.util.ArrayList<>();
        List<dev.launchc.compile.NodeSeed> derived = dev.launchc.compile.SeedDeriver.derive(model, cluster.cluster().track(), "t");
        for (int i = 0; i < derived.size(); i++) {
            seeds.add(new SeedFindings.Seed(derived.get(i).node(), i, seed, derived.get(i).origins()));
        }

        List<Diagnostic> lc1011 = SeedFindings.inClusterFile(cluster, model, seeds).stream()
                .filter(d -> d.code().equals("LC1011")).toList();

        assertEquals(1, lc1011.size(), "one finding for its one cause: " + lc1011);
        Diagnostic d = lc1011.get(0);
        assertEquals("/spec/network/dns/domain", d.path());
        assertEquals(13, d.line(), "the domain's line: " + d);
        assertEquals(15, d.column(), "the domain's value: " + d);
        assertTrue(d.message().endsWith("(in the seeds derived for nodes cp-1, w-1, w-2)"), d.message());
    }

    @Test
    void withoutRecordedOriginsAShortDerivedValueFallsBackToEachNodesEntry() throws java.io.IOException {
        FileLint cluster = lint("cluster.yaml", resource(DERIVED_FIXTURE));
        FileLint seed = lint("seed.yaml", DERIVED_SEED);
        List<Diagnostic> lc1011 = SeedFindings.inClusterFile(cluster, cluster.cluster().cluster(),
                List.of(new SeedFindings.Seed("cp-1", 0, seed), new SeedFindings.Seed("w-1", 1, seed))).stream()
                .filter(d -> d.code().equals("LC1011")).toList();
        assertEquals(List.of(18, 19), lc1011.stream().map(Diagnostic::line).toList(), "the nodes' name lines: " + lc1011);
        assertEquals(List.of("/spec/nodes/0/name", "/spec/nodes/1/name"), lc1011.stream().map(Diagnostic::path).toList());
    }

    @Test
    void aFindingAtASeedKeyIsToldAtTheKeyOfTheClusterEntryItCameFrom() throws java.io.IOException {
        // --max-pods as a service arg is copied verbatim: a finding on the seed's key goes to the cluster entry's key.
        FileLint cluster = lint("cluster.yaml", resource(CLUSTER_FIXTURE));
        var model = cluster.cluster().cluster();
        var origins = dev.launchc.compile.SeedDeriver.derive(model, cluster.cluster().track(), "t").get(3).origins();
        FileLint seed = lint("seed.yaml", """
                version: 0.2.0
                extraKubeletArgs:
                  --max-pods: "150"
                """);
        Diagnostic atKey = new Diagnostic("LC9999", dev.launchc.diag.Severity.WARNING, "about the key", "seed.yaml", 3, 3,
                "/extraKubeletArgs/--max-pods", null);
        FileLint withFinding = new FileLint(seed.file(), seed.kind(), List.of(atKey), seed.config(), seed.source());
        List<Diagnostic> mapped = SeedFindings.inClusterFile(cluster, model,
                List.of(new SeedFindings.Seed("w-1", 3, withFinding, origins)));
        assertEquals(1, mapped.size(), mapped.toString());
        assertEquals("/spec/services/kubelet/--max-pods", mapped.get(0).path());
        assertEquals(14, mapped.get(0).line());
        assertEquals(7, mapped.get(0).column(), "the key's column: " + mapped.get(0));
    }
}
