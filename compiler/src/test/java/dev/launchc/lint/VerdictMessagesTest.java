package dev.launchc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.load.LoadLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Findings that name the right thing: the type wanted, the removed flag, the list item, the GPU without MIG. */
class VerdictMessagesTest {
    private static final String CLUSTER_HEAD = """
            apiVersion: launchc.dev/v1alpha1
            kind: Cluster
            metadata:
              name: c
            spec:
            """;
    private static final String NODES = """
              nodes:
                - name: cp-1
                  role: control-plane
                  address: 10.20.0.11
            """;

    private static FileLint lint(String track, String text) {
        Linter linter = new Linter(Catalog.get().track(track).orElseThrow(), Mode.DEFAULT, LoadLimits.DEFAULTS);
        return linter.lint("f.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Diagnostic> with(FileLint r, String code) {
        return r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }

    private static String show(FileLint r) {
        return r.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void aTrackWrittenAsANumberIsToldToBeQuoted() {
        FileLint r = lint("1.36", CLUSTER_HEAD + "  microk8s: 1.30\n" + NODES);
        List<Diagnostic> d = with(r, "LC1001");
        assertEquals(1, d.size(), show(r));
        assertEquals("'microk8s' must be a string, not a number; quote it: \"1.30\"", d.get(0).message());
    }

    @Test
    void anIntegerFieldSaysInteger() {
        FileLint r = lint("1.36", CLUSTER_HEAD + "  network:\n    mtu: large\n" + NODES);
        List<Diagnostic> d = with(r, "LC1001");
        assertEquals(1, d.size(), show(r));
        assertEquals("'mtu' must be an integer, not a string", d.get(0).message());
    }

    @Test
    void listItemsAreNamedWithTheirIndex() {
        FileLint r = lint("1.36", "version: 0.2.0\naddons:\n  - 5\n");
        assertEquals("'addons[0]' must be a mapping, not a number", with(r, "LC1001").get(0).message());
        FileLint c = lint("1.36", CLUSTER_HEAD + "  addons:\n    - name: dns\n      bogus: 1\n" + NODES);
        assertEquals("unknown key 'bogus' in spec.addons[0]", with(c, "LC1002").get(0).message());
    }

    @Test
    void schemaErrorsDoNotHideTheRestOfAClusterFile() {
        FileLint r = lint("1.36", CLUSTER_HEAD + "  microk8s: 1.30\n  network:\n    ipv4:\n      podCIDR: 10.1.0.0/16\n"
                + "      serviceCIDR: 10.1.0.0/24\n" + NODES + """
                    - name: cp-1
                      role: control-plane
                      address: 10.20.0.12
                """);
        assertFalse(with(r, "LC1001").isEmpty(), show(r));
        assertFalse(with(r, "LC3005").isEmpty(), "overlapping CIDRs reported in the same run:\n" + show(r));
        assertFalse(with(r, "LC3002").isEmpty(), "duplicate node name reported in the same run:\n" + show(r));
        assertEquals(null, r.cluster().cluster(), "a cluster with schema errors is not handed on to compile");
    }

    @Test
    void aFlagRemovedBeforeTheCatalogSaysSo() {
        // CHANGELOG-1.27: kubelet --container-runtime removed; the did-you-mean offered --container-hints.
        FileLint r = lint("1.36", "version: 0.2.0\nextraKubeletArgs:\n  --container-runtime: remote\n");
        Diagnostic d = with(r, "LC1003").get(0);
        assertEquals("unknown kubelet flag --container-runtime: it was removed in Kubernetes 1.27", d.message());
        assertFalse(d.hint().contains("did you mean"), d.hint());
        FileLint old = lint("1.27", "version: 0.1.0\nextraKubeletArgs:\n  --network-plugin: cni\n");
        assertTrue(with(old, "LC1003").get(0).message().endsWith("removed in Kubernetes 1.24"), show(old));
    }

    @Test
    void joinUrlWithASchemeIsToldToDropIt() {
        FileLint r = lint("1.36", "version: 0.2.0\njoin:\n  url: https://10.0.0.1:25000/abcdefghijklmnopqrstuvwxyzabcdefgh\n");
        List<Diagnostic> d = with(r, "LC1024");
        assertEquals(1, d.size(), show(r));
        assertTrue(d.get(0).message().startsWith("join.url starts with the scheme https://"), d.get(0).message());
        assertEquals("remove the scheme: 10.0.0.1:25000/<token: 34 chars>", d.get(0).hint());
    }

    @Test
    void aGpuWithoutMigIsNotUnknown() {
        String gpu = CLUSTER_HEAD + """
                  addons:
                    - name: nvidia
                  gpu:
                    operatorVersion: v24.6.2
                  join:
                    token:
                      fromEnv: T
                  nodes:
                    - name: cp-1
                      role: control-plane
                      address: 10.20.0.11
                    - name: gpu-1
                      role: worker
                      address: 10.20.0.21
                      gpu:
                        model: T4
                """;
        FileLint plain = lint("1.32", gpu);
        assertEquals(List.of(), with(plain, "LC3011"), show(plain));
        assertEquals(List.of(), with(plain, "LC3010"), show(plain));
        FileLint mig = lint("1.32", gpu + "        migConfig: all-1g.10gb\n");
        List<Diagnostic> d = with(mig, "LC3010");
        assertEquals(1, d.size(), show(mig));
        assertTrue(d.get(0).message().contains("GPU model T4, which has no MIG"), d.get(0).message());
        assertEquals(List.of(), with(mig, "LC3011"), show(mig));
    }

    @Test
    void serviceIpSanIsCheckedOnNodesThatRunAnApiServerOnly() {
        String cni = "extraCNIEnv:\n  IPv4_SUPPORT: \"true\"\n  IPv4_CLUSTER_CIDR: 10.1.0.0/16\n  IPv4_SERVICE_CIDR: 10.96.0.0/16\n";
        FileLint controlPlane = lint("1.32", "version: 0.2.0\n" + cni);
        assertEquals(1, with(controlPlane, "LC2002").size(), show(controlPlane));
        FileLint worker = lint("1.32", "version: 0.2.0\n" + cni
                + "join:\n  url: 10.0.0.1:25000/abcdefghijklmnopqrstuvwxyzabcdefgh\n  worker: true\n");
        assertEquals(List.of(), with(worker, "LC2002"), show(worker));
    }
}
