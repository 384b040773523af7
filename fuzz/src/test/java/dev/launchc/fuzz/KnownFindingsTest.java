package dev.launchc.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Mode;
import dev.launchc.diag.Severity;
import dev.launchc.lint.FileLint;
import org.junit.jupiter.api.Test;

/**
 * Findings of the fuzz targets in rules outside the fuzz module's own fixes (those are in
 * FindingsRegressionTest), each now fixed and kept as a regression test. Open ones (K3, a
 * repeated mirror endpoint; K5, a custom service CIDR on 1.27; K6, a kubelet --cluster-dns service
 * arg outside the service CIDR) are named by LintClusterFuzzTest.knownSeedFinding, the one place
 * the fuzz invariants let them through.
 */
class KnownFindingsTest {
    private static boolean reportsAnError(String yaml) {
        FileLint lint = FuzzSupport.lint("known.yaml", yaml, Mode.DEFAULT, FuzzSupport.NEWEST);
        return lint.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
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
        assertTrue(reportsAnError(Cli.cluster("edge").replace("  addons:", "  extraSANs: [\"%00\"]\n  addons:")));
    }
}
