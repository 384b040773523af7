package dev.launchc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Severity;
import dev.launchc.lint.FileLint;
import dev.launchc.pipeline.PipelineFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Findings of the fuzz targets in rules outside the fuzz module's own fixes (those are in
 * FindingsRegressionTest), each now fixed and kept as a regression test. None is open: the fuzz
 * invariants let no finding through. K3, K5 and K6 were clusters that linted clean while compile
 * refused them for a finding in a seed it derived; their tests check the cluster finding and, where
 * the cluster is meant to compile, the seeds with LintClusterFuzzTest's own invariant.
 */
class KnownFindingsTest {
    private static boolean reportsAnError(String yaml) {
        FileLint lint = FuzzSupport.lint("known.yaml", yaml, Mode.DEFAULT, FuzzSupport.NEWEST);
        return lint.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** The one finding with {@code code}; fails when there is none or more than one. */
    private static Diagnostic theFinding(String yaml, String code) {
        FileLint lint = FuzzSupport.lint("known.yaml", yaml, Mode.DEFAULT, FuzzSupport.NEWEST);
        List<Diagnostic> found = lint.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        assertEquals(1, found.size(), () -> "findings " + code + " in " + lint.diagnostics());
        return found.get(0);
    }

    /** The text of {@code yaml} from the finding's position on, to the end of its line. */
    private static String textAt(String yaml, Diagnostic d) {
        return yaml.lines().toList().get(d.line() - 1).substring(d.column() - 1);
    }

    /** The cluster compiles: it lints without errors, and every seed it derives lints without errors. */
    private static void assertCompiles(String yaml) {
        assertFalse(reportsAnError(yaml), "the cluster is expected to lint without errors");
        LintClusterFuzzTest.verify(yaml, FuzzSupport.NEWEST, false, Mode.DEFAULT);
    }

    /**
     * K1 (CompileFuzzTest; fixed in rules/ConfigFileRule): an extraConfigFiles name that is a
     * directory of args/ on the node (certs.d, cni-network, ...) linted clean. MicroK8s cannot write
     * a file there; launchc's writer stopped with exit 2, so compile failed on a file lint passed.
     */
    @Test
    void k1ConfigFileNamedLikeADirectoryOfArgs() {
        assertTrue(reportsAnError("version: 0.2.0\nextraConfigFiles:\n  certs.d: boom\n"));
    }

    /**
     * K2 (CompileFuzzTest; fixed in rules/ArgKeyRule): a flag name holding '=' in an args file no
     * flag catalog covers (containerd, k8s-dqlite, etcd, flanneld, cluster-agent, apiserver-proxy)
     * linted clean. Its line {@code --a=b=c} reads back as the flag --a, so the next apply appends
     * the line again: the preview, which applies the seed twice (pre-init and full), showed it twice.
     */
    @Test
    void k2FlagNameWithAnEqualsSign() {
        assertTrue(reportsAnError("version: 0.2.0\nextraContainerdArgs:\n  --a=b: c\n"));
    }

    /**
     * K4 (LintClusterFuzzTest; fixed in lint/ClusterLinter): spec.extraSANs entries were not
     * checked on the cluster; an entry such as {@code %00} linted clean and compile then refused
     * the cluster with LC1012 on the derived seed of each control-plane node.
     */
    @Test
    void k4ClusterExtraSansAreNotChecked() {
        assertTrue(reportsAnError(PipelineFixtures.cluster("edge").replace("  addons:", "  extraSANs: [\"%00\"]\n  addons:")));
    }

    /**
     * K3 (LintClusterFuzzTest; fixed in compile/SeedDeriver and rules/cluster/RegistryRule): a mirror
     * endpoint listed twice linted clean, and the derived hosts.toml then held its [host."…"] table
     * twice, which TOML forbids (LC1021 on every seed). Compile keeps the first; lint warns at the
     * repeat (LC3027), since the seed is valid either way.
     */
    @Test
    void k3MirrorEndpointListedTwice() {
        String endpoint = "\"https://mirror.corp.example:5000\"";
        String yaml = PipelineFixtures.cluster("edge").replace("[" + endpoint + "]", "[" + endpoint + ", " + endpoint + "]");
        Diagnostic repeat = theFinding(yaml, "LC3027");
        assertEquals(Severity.WARNING, repeat.severity());
        assertEquals(endpoint + "]", textAt(yaml, repeat), "reported at the second occurrence");
        assertCompiles(yaml);
    }

    /**
     * K5 (LintClusterFuzzTest; fixed in compile/SeedDeriver and rules/cluster/NetworkRule): on 1.27,
     * which has no generate-cni.sh, a custom service CIDR never reached kube-apiserver, so the
     * derived --cluster-dns lay outside its default 10.152.183.0/24 (LC1018 on every seed). The seed
     * now sets --service-cluster-ip-range; what only generate-cni.sh could apply there (a custom pod
     * CIDR, IPv6, the MTU) is an error on the cluster file (LC3028).
     */
    @Test
    void k5CustomServiceCidrOnATrackWithoutGenerateCni() {
        String onOneTwentySeven = PipelineFixtures.cluster("edge").replace("microk8s: \"1.34\"", "microk8s: \"1.27\"");
        String serviceCidr = onOneTwentySeven.replace("serviceCIDR: 10.152.183.0/24", "serviceCIDR: 10.153.0.0/16");
        assertNotEquals(onOneTwentySeven, serviceCidr);
        assertCompiles(serviceCidr);
        String podCidr = serviceCidr.replace("podCIDR: 10.1.0.0/16", "podCIDR: 10.2.0.0/16");
        Diagnostic pod = theFinding(podCidr, "LC3028");
        assertEquals(Severity.ERROR, pod.severity());
        assertTrue(textAt(podCidr, pod).startsWith("10.2.0.0/16"), () -> textAt(podCidr, pod));
    }

    /**
     * K6 (LintClusterFuzzTest; fixed in rules/cluster/ClusterDnsArgRule): services.kubelet
     * --cluster-dns was not checked against spec.network's service CIDR, so one outside it linted
     * clean and compile then refused the cluster with LC1018 on the seeds. Lint now reports LC1018
     * at the value in the cluster file, cluster-wide or on a node.
     */
    @Test
    void k6KubeletClusterDnsOutsideTheServiceCidr() {
        String clusterWide = PipelineFixtures.cluster("edge").replace("  addons:",
                "  services:\n    kubelet: {--cluster-dns: 10.20.0.53}\n  addons:");
        Diagnostic d = theFinding(clusterWide, "LC1018");
        assertEquals(Severity.ERROR, d.severity());
        assertTrue(textAt(clusterWide, d).startsWith("10.20.0.53}"), () -> textAt(clusterWide, d));
        String onANode = PipelineFixtures.cluster("edge").replace("labels: {zone: a}",
                "labels: {zone: a}, services: {kubelet: {--cluster-dns: 10.152.183.1}}");
        Diagnostic first = theFinding(onANode, "LC1018");
        assertTrue(textAt(onANode, first).startsWith("10.152.183.1}"), () -> textAt(onANode, first));
        assertCompiles(PipelineFixtures.cluster("edge").replace("  addons:",
                "  services:\n    kubelet: {--cluster-dns: 10.152.183.53}\n  addons:"));
    }
}
