package dev.launchc.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Mode;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvedClusterTest {
    private static Cluster load(String spec, String... nodes) {
        StringBuilder sb = new StringBuilder("""
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: unit}
                spec:
                  microk8s: "1.32"
                  join:
                    token: {fromEnv: LAUNCHC_JOIN_TOKEN}
                """);
        sb.append(spec.indent(2)).append("  nodes:\n");
        for (String n : nodes) {
            sb.append("    - ").append(n).append('\n');
        }
        FileLint lint = new Linter(Catalog.get().track("1.32").orElseThrow(), Mode.DEFAULT, LoadLimits.DEFAULTS)
                .lint("cluster.yaml", sb.toString().getBytes(StandardCharsets.UTF_8));
        assertNotNull(lint.cluster().cluster(), () -> "test input has errors: " + lint.diagnostics());
        return lint.cluster().cluster();
    }

    @Test
    void theFirstControlPlaneInFileOrderBootstrapsAndIsJoinedOnTheAgentPort() {
        ResolvedCluster r = ResolvedCluster.of(load("", "{name: w-1, role: worker, address: 10.0.0.21}",
                "{name: cp-2, role: control-plane, address: 10.0.0.12}",
                "{name: cp-1, role: control-plane, address: 10.0.0.11}"));
        assertEquals("cp-2", r.bootstrapName());
        // The cluster agent listens on 25000: pkg/k8sinit (join) and the snap's cluster-agent service.
        assertEquals(new Value("10.0.0.12:25000", "/spec/nodes/1/address"), r.joinAddress());
    }

    @Test
    void withoutAControlPlaneThereIsNoBootstrapNodeNorJoinAddress() {
        ResolvedCluster r = ResolvedCluster.of(load("", "{name: w-1, role: worker, address: 10.0.0.21}"));
        assertNull(r.bootstrap());
        assertNull(r.bootstrapName());
        assertNull(r.joinAddress());
    }

    @Test
    void serviceAddressesAreDerivedFromTheServiceCidrAndPointAtIt() {
        ResolvedCluster r = ResolvedCluster.of(load("""
                network:
                  ipv4: {serviceCIDR: 10.96.0.0/16}
                  ipv6: {podCIDR: "fd00:1::/64", serviceCIDR: "fd00:2::/108"}
                """, "{name: cp-1, role: control-plane, address: 10.0.0.11}"));
        assertEquals(List.of("10.96.0.0/16", "fd00:2::/108"), r.serviceCidrs().stream().map(Value::text).toList());
        assertEquals(new Value("10.96.0.10", "/spec/network/ipv4/serviceCIDR"), r.dnsIp());
        assertEquals(List.of(new Value("10.96.0.1", "/spec/network/ipv4/serviceCIDR"),
                new Value("fd00:2::1", "/spec/network/ipv6/serviceCIDR")), r.firstServiceIps());
    }

    @Test
    void inARangeTooSmallForTheTenthAddressKubeDnsTakesTheLastUsable() {
        ResolvedCluster r = ResolvedCluster.of(load("network:\n  ipv4: {serviceCIDR: 10.96.0.0/29}\n",
                "{name: cp-1, role: control-plane, address: 10.0.0.11}"));
        assertEquals("10.96.0.6", r.dnsIp().text(), "/29: .7 is the broadcast address");
    }

    @Test
    void theCniEnvRecordsWhereEachKeyComesFrom() {
        ResolvedCluster r = ResolvedCluster.of(load("network:\n  ipv4: {podCIDR: 10.1.0.0/16, serviceCIDR: 10.96.0.0/16}\n  mtu: 1400\n",
                "{name: cp-1, role: control-plane, address: 10.0.0.11}"));
        assertEquals(new Value("10.1.0.0/16", "/spec/network/ipv4/podCIDR"), r.cniEnv().get("IPv4_CLUSTER_CIDR"));
        assertEquals(new Value("10.96.0.0/16", "/spec/network/ipv4/serviceCIDR"), r.cniEnv().get("IPv4_SERVICE_CIDR"));
        assertEquals("1400", r.cniEnv().get("CALICO_VETH_MTU").text());
        assertEquals("/spec/network/mtu", r.cniEnv().get("CALICO_VETH_MTU").pointer());
        assertEquals("false", r.cniEnv().get("IPv6_SUPPORT").text());
        assertFalse(r.cniEnv().containsKey("IPv6_SERVICE_CIDR"));
    }

    @Test
    void sansHoldTheKubernetesServiceIpThenTheExtraSansOnceEach() {
        Cluster c = load("extraSANs: [10.96.0.1, api.example.com]\nnetwork:\n  ipv4: {serviceCIDR: 10.96.0.0/16}\n",
                "{name: cp-1, role: control-plane, address: 10.0.0.11, extraSANs: [api.example.com, 10.0.0.11]}");
        List<Value> sans = ResolvedCluster.of(c).sans(c.nodes().get(0));
        assertEquals(List.of("10.96.0.1", "api.example.com", "10.0.0.11"), sans.stream().map(Value::text).toList());
        assertEquals("/spec/network/ipv4/serviceCIDR", sans.get(0).pointer(), "the first one found wins");
        assertTrue(sans.get(2).pointer().startsWith("/spec/nodes/0/extraSANs/"), sans.get(2).pointer());
    }

    @Test
    void aServiceCidrOfTheWrongFamilyDoesNotParse() {
        ResolvedCluster ok = ResolvedCluster.of(load("network:\n  ipv4: {serviceCIDR: 10.96.0.0/16}\n",
                "{name: cp-1, role: control-plane, address: 10.0.0.11}"));
        assertTrue(ok.serviceCidrsParse());
        assertEquals("10.96.0.0/16", ok.serviceNetwork(4).toString());
        assertNull(ok.serviceNetwork(6), "no ipv6 block: the family is off");
        ResolvedCluster wrong = ResolvedCluster.of(load("network:\n  ipv4: {serviceCIDR: \"fd00::/108\"}\n",
                "{name: cp-1, role: control-plane, address: 10.0.0.11}"));
        assertFalse(wrong.serviceCidrsParse());
    }
}
