package dev.launchc.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.plan.FileContent;
import dev.launchc.plan.NodePlan;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The args the core dns addon's enable script writes into args/kubelet during the cluster agent's
 * full pass (canonical/microk8s-core-addons addons/dns/enable, branches 1.27 to 1.35 and main).
 */
class NodeCompilerDnsAddonTest {
    private static List<String> kubelet(NodePlan plan) {
        return ((FileContent.Text) plan.files().get("args/kubelet").content()).text().lines().toList();
    }

    /**
     * addons/dns/enable takes the cluster domain from its third argument since 1.33; on 1.31 and 1.32
     * it runs {@code refresh_opt_in_config "cluster-domain" "cluster.local" kubelet} whatever it is
     * given (1.27 to 1.30 likewise), so a third argument does not reach args/kubelet there.
     */
    @ParameterizedTest
    @CsvSource({"1.32, cluster.local", "1.31, cluster.local", "1.28, cluster.local", "1.33, corp.example", "1.36, corp.example"})
    void clusterDomainComesFromTheThirdArgumentOnlyWhereTheScriptReadsIt(String track, String domain) {
        NodePlan plan = NodeCompilerInstallTest.compile(track, "version: 0.2.0\naddons:\n  - name: dns\n    args: [/etc/resolv.conf, 10.152.183.10, corp.example]\n");
        List<String> kubelet = kubelet(plan);
        assertEquals("--cluster-dns=10.152.183.10", kubelet.get(0), track);
        assertEquals("--cluster-domain=" + domain, kubelet.get(1), track);
    }

    /**
     * An empty second or third argument is a missing one to addons/dns/enable ({@code [ x"${DNSIP}"
     * == "x" ]}, {@code [ -z "$CLUSTER_DOMAIN" ]}): 10.152.183.10 with the default service range, and
     * cluster.local. Before, the preview wrote {@code --cluster-dns=} and {@code --cluster-domain=}.
     */
    @Test
    void emptyArgumentsAreTheScriptsDefaults() {
        NodePlan plan = NodeCompilerInstallTest.compile("1.36", "version: 0.2.0\naddons:\n  - name: dns\n    args: [\"\", \"\", \"\"]\n");
        List<String> kubelet = kubelet(plan);
        assertEquals("--cluster-dns=10.152.183.10", kubelet.get(0));
        assertEquals("--cluster-domain=cluster.local", kubelet.get(1));
    }

    /**
     * With no first argument (or /etc/resolv.conf) and no --resolv-conf in args/kubelet, the script
     * asks scripts/find-resolv-conf.py (canonical/microk8s) for the first of /etc/resolv.conf and
     * /run/systemd/resolve/resolv.conf whose nameservers are all non-loopback and writes
     * {@code --resolv-conf=<that file>} at the top of args/kubelet: a line that depends on the host,
     * so the plan says so.
     */
    @Test
    void hostResolvConfLineIsNamedInThePlanWhenTheScriptLooksForIt() {
        for (String args : List.of("", "\n    args: [/etc/resolv.conf]")) {
            NodePlan plan = NodeCompilerInstallTest.compile("1.36", "version: 0.2.0\naddons:\n  - name: dns" + args + "\n");
            assertTrue(plan.notes().stream().anyMatch(n -> n.contains("--resolv-conf=")), args + ": " + plan.notes());
            assertFalse(kubelet(plan).stream().anyMatch(l -> l.startsWith("--resolv-conf")), args);
        }
    }

    @Test
    void noHostResolvConfLineWithNameserversOrAKubeletResolvConf() {
        NodePlan given = NodeCompilerInstallTest.compile("1.36", "version: 0.2.0\naddons:\n  - name: dns\n    args: [8.8.8.8]\n");
        assertFalse(given.notes().stream().anyMatch(n -> n.contains("--resolv-conf=")), given.notes().toString());
        NodePlan set = NodeCompilerInstallTest.compile("1.36", "version: 0.2.0\nextraKubeletArgs:\n  --resolv-conf: /etc/custom-resolv.conf\n"
                + "addons:\n  - name: dns\n");
        assertFalse(set.notes().stream().anyMatch(n -> n.contains("--resolv-conf=")), set.notes().toString());
    }
}
