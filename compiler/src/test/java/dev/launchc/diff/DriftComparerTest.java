package dev.launchc.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison rules, one per test, on hand-made args directories (no config: no config lines). */
class DriftComparerTest {
    private static final Track TRACK = Catalog.get().track("1.36").orElseThrow();
    private final DriftComparer comparer = new DriftComparer(TRACK);

    private List<Difference> diff(Map<String, String> expected, Map<String, String> actual) {
        return comparer.compare("n", NodeState.live("n", expected), NodeState.live("n", actual));
    }

    /** "file kind key expected actual writtenBy", the fields a test pins. */
    private static List<String> summary(List<Difference> diffs) {
        return diffs.stream().map(d -> d.file() + " " + d.kind().label() + " " + d.key() + " " + d.expected() + " " + d.actual()
                + (d.isDrift() ? "" : " [" + d.writtenBy() + "]")).toList();
    }

    @Test
    void flagsMissingUnexpectedAndChanged() {
        List<Difference> d = diff(Map.of("kubelet", "--a=1\n--b=2\n--c=3\n"), Map.of("kubelet", "--a=1\n--b=9\n--d=4\n"));
        assertEquals(List.of("kubelet changed --b 2 9", "kubelet missing --c 3 null", "kubelet unexpected --d null 4"), summary(d));
    }

    @Test
    void lineOrderDoesNotCountSinceTheClusterAgentAppendsInMapOrder() {
        // pkg/snap/services.go UpdateServiceArguments appends new keys in Go map order (launch-config-facts §4.2).
        assertEquals(List.of(), diff(Map.of("kubelet", "--a=1\n--b=2\n"), Map.of("kubelet", "--b=2\n\n--a=1\n")));
    }

    @Test
    void theOrderOfARepeatedFlagCounts() {
        List<Difference> d = diff(Map.of("kubelet", "--a=1\n--a=2\n"), Map.of("kubelet", "--a=2\n--a=1\n"));
        assertEquals(List.of("kubelet changed --a 1 | 2 2 | 1"), summary(d));
    }

    @Test
    void aSpaceFormAndAnEqualsFormAreTheSameFlag() {
        // pkg/util/files.go ParseArgumentLine: the key ends at the first '=' or else the first space.
        assertEquals(List.of(), diff(Map.of("containerd", "--root ${SNAP_COMMON}/x\n"), Map.of("containerd", "--root=${SNAP_COMMON}/x\n")));
    }

    @Test
    void kubeliteArgsCompareWithoutQuotesAsKubeliteReadsThem() {
        // MK build-scripts/components/kubernetes/patches/*/0000-Kubelite-integration.patch deletes every quote.
        assertEquals(List.of(), diff(Map.of("kubelet", "--eviction-hard=\"memory.available<100Mi\"\n"),
                Map.of("kubelet", "--eviction-hard=memory.available<100Mi\n")));
    }

    @Test
    void envValuesCompareAsBashReadsThem() {
        assertEquals(List.of(), diff(Map.of("containerd-env", "HTTPS_PROXY=\"http://p:3128\"\n"), Map.of("containerd-env", "HTTPS_PROXY=http://p:3128\n")));
        assertEquals(List.of("containerd-env unexpected NO_PROXY null 10.0.0.0/8"),
                summary(diff(Map.of("containerd-env", "# c\n"), Map.of("containerd-env", "# c\nNO_PROXY=10.0.0.0/8\n"))));
    }

    @Test
    void commentsAndBlankLinesDoNotCount() {
        assertEquals(List.of(), diff(Map.of("kube-apiserver", "--a=1\n\n# x\n"), Map.of("kube-apiserver", "--a=1\n# y\n")));
    }

    @Test
    void filesMissingAndUnexpected() {
        List<Difference> d = diff(Map.of("kubelet", "--a=1\n", "certs.d/docker.io/hosts.toml", "server = \"x\"\n"),
                Map.of("kubelet", "--a=1\n", "certs.d/ghcr.io/hosts.toml", "server = \"y\"\n"));
        assertEquals(List.of("certs.d/docker.io/hosts.toml file-missing null null null",
                "certs.d/ghcr.io/hosts.toml file-unexpected null null null"), summary(d));
    }

    @Test
    void hostsTomlComparesAsParsedToml() {
        String a = "server = \"https://docker.io\"\n[host.\"https://m:5000\"]\ncapabilities = [\"pull\", \"resolve\"]\n";
        String same = "server=\"https://docker.io\"\n\n[host]\n  [host.\"https://m:5000\"]\n  capabilities = [ \"pull\",\"resolve\" ]";
        assertEquals(List.of(), diff(Map.of("certs.d/docker.io/hosts.toml", a), Map.of("certs.d/docker.io/hosts.toml", same)));
        String other = "server = \"https://docker.io\"\n[host.\"https://m:5000\"]\ncapabilities = [\"pull\"]\nskip_verify = true\n";
        assertEquals(List.of("certs.d/docker.io/hosts.toml changed host.\"https://m:5000\".capabilities [\"pull\",\"resolve\"] [\"pull\"]",
                "certs.d/docker.io/hosts.toml unexpected host.\"https://m:5000\".skip_verify null true"),
                summary(diff(Map.of("certs.d/docker.io/hosts.toml", a), Map.of("certs.d/docker.io/hosts.toml", other))));
    }

    @Test
    void aTomlFileThatDoesNotParseComparesAsText() {
        List<Difference> d = diff(Map.of("certs.d/x/hosts.toml", "server = \"a\"\n"), Map.of("certs.d/x/hosts.toml", "server = \"a\"\n[[[\n"));
        assertEquals(List.of("certs.d/x/hosts.toml changed line 2  [[["), summary(d));
    }

    @Test
    void otherFilesCompareAsTextAtTheFirstDifferingLine() {
        List<Difference> d = diff(Map.of("ha-conf", "failure-domain=1\n"), Map.of("ha-conf", "failure-domain=2\n"));
        assertEquals(List.of("ha-conf changed line 1 failure-domain=1 failure-domain=2"), summary(d));
    }

    @Test
    void anAddonsOwnFlagIsShownAsTheAddonsNotAsDrift() {
        // catalog addons-extra.json serviceArgs: rbac sets --authorization-mode=RBAC,Node, observability
        // --metrics-bind-address=0.0.0.0:10249 (core-addons addons/rbac/enable, addons/observability/enable).
        List<Difference> d = diff(Map.of("kube-apiserver", "--authorization-mode=AlwaysAllow\n", "kube-proxy", "--a=1\n"),
                Map.of("kube-apiserver", "--authorization-mode=RBAC,Node\n", "kube-proxy", "--a=1\n--metrics-bind-address=0.0.0.0:10249\n"));
        assertEquals(List.of("kube-apiserver changed --authorization-mode AlwaysAllow RBAC,Node [addon rbac]",
                "kube-proxy unexpected --metrics-bind-address null 0.0.0.0:10249 [addon observability]"), summary(d));
    }

    @Test
    void anAddonFlagWithAnotherValueIsDrift() {
        List<Difference> d = diff(Map.of("kube-apiserver", "--authorization-mode=AlwaysAllow\n"), Map.of("kube-apiserver", "--authorization-mode=Node\n"));
        assertNull(d.get(0).writtenBy());
    }

    @Test
    void filesMicroK8sGeneratesAreShownAsItsOwn() {
        // MK wrappers/run-containerd-with-args renders containerd.toml; generate-cni.sh writes cni-network/.
        List<Difference> d = diff(Map.of(), Map.of("containerd.toml", "x", "cni-network/cni.yaml", "y"));
        assertEquals(2, d.stream().filter(x -> !x.isDrift() && x.writtenBy().startsWith("MicroK8s")).count());
    }

    @Test
    void betweenConfigsNothingIsAnAddons() {
        List<Difference> d = DriftComparer.betweenConfigs().compare("n", NodeState.live("n", Map.of("kube-apiserver", "--authorization-mode=AlwaysAllow\n")),
                NodeState.live("n", Map.of("kube-apiserver", "--authorization-mode=RBAC,Node\n")));
        assertEquals(1, d.size());
        assertNull(d.get(0).writtenBy());
    }
}
