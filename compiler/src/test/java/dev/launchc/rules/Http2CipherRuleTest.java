package dev.launchc.rules;

import static dev.launchc.rules.CatalogRuleFixtures.assertFindings;
import static dev.launchc.rules.CatalogRuleFixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Http2CipherRule: k8s.io/apiserver's SecureServingInfo.Serve (pkg/server/secure_serving.go) calls
 * golang.org/x/net's http2.ConfigureServer (http2/server.go), which refuses cipher suites without
 * TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 or TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 while the
 * minimum version is below TLS 1.3; kube-apiserver, kube-controller-manager and kube-scheduler
 * serve through it, and --disable-http2-serving (k8s.io/apiserver SecureServingOptions, 1.31 on)
 * skips it.
 */
class Http2CipherRuleTest {
    private static final String RULE = "http2-cipher";
    private static final Set<String> CODES = Set.of("LC1028");
    private static final String MESSAGE = " flag --tls-cipher-suites names neither TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 nor"
            + " TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, which HTTP/2 requires while TLS 1.2 is allowed (--tls-min-version is"
            + " not VersionTLS13), so ";
    private static final String HINT = "add TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 and TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 to"
            + " the list, or set --tls-min-version: VersionTLS13";

    private static CatalogRuleFixtures.Expect stops(int line, String component, boolean canDisable) {
        return error("LC1028", line, 24, component + MESSAGE + component + " does not start (\"error configuring http2\")",
                HINT + (canDisable ? ", or --disable-http2-serving: true" : ""));
    }

    @Test
    void onlyTls13NamesStopTheApiServer() {
        assertFindings(RULE, "tls13-names-only", "1.30", CODES, stops(3, "kube-apiserver", false));
        assertFindings(RULE, "tls13-names-only", "1.31", CODES, stops(3, "kube-apiserver", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.36"})
    void tls13AsTheMinimumLiftsIt(String track) {
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "tls13-min-version", track, CODES));
    }

    @Test
    void http2ServingDisabledLiftsIt() {
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "http2-disabled", "1.33", CODES));
    }

    /**
     * The kubelet serves with Go's net/http (pkg/kubelet/server/server.go ListenAndServeKubeletServer:
     * s.ListenAndServeTLS, then "Failed to listen and serve" and os.Exit(1)); net/http's ServeTLS
     * sets HTTP/2 up first with its bundled copy of x/net's ConfigureServer, the same cipher check,
     * so a kubelet list without the two suites ends kubelite too. The kubelet has no
     * --disable-http2-serving; --enable-server=false serves nothing, and a --config file or
     * --config-dir drop-in may set tlsMinVersion or enableServer.
     */
    @Test
    void schedulerAndControllerManagerToo_andTheKubelet() {
        assertFindings(RULE, "per-component", "1.34", CODES, stops(3, "kube-scheduler", true),
                error("LC1028", 7, 24, "kubelet" + MESSAGE + "kubelet does not start (\"http2: TLSConfig.CipherSuites is missing an"
                        + " HTTP/2-required AES_128_GCM_SHA256 cipher\")", HINT));
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "kubelet-server-off", "1.34", CODES));
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "kubelet-config-file", "1.34", CODES));
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "kubelet-tls13-min-version", "1.27", CODES));
    }

    @Test
    void theMinimumVersionOfAnyPartCounts() {
        assertFindings(RULE, "min-version-across-parts", "1.32", CODES, stops(12, "kube-controller-manager", true));
    }

    /**
     * kubelite expands $VAR and ${VAR} in each args line (MicroK8s' Kubelite-integration patch,
     * ReadArgsFromFile; reference launch-config-facts): the variable may be VersionTLS13 or true.
     */
    @Test
    void aVariableMayLiftIt() {
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "min-version-variable", "1.32", CODES));
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "disabled-variable", "1.32", CODES));
    }

    /**
     * k8s.io/apiserver pkg/server/options/serving.go SecureServingOptions.ApplyTo returns before it
     * reads the cipher suites when BindPort is 0 ("--secure-port ... If 0, don't serve HTTPS at
     * all" for kube-controller-manager and kube-scheduler), so nothing is served and nothing refused.
     */
    @Test
    void noSecurePortNoHttp2() {
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "secure-port-off", "1.34", CODES));
        assertFindings(RULE, "secure-port-on", "1.34", CODES, stops(3, "kube-controller-manager", true));
    }

    /**
     * A config that joins as a worker runs no control plane at first: MicroK8s'
     * scripts/wrappers/join.py (join_dqlite_worker_node, mark_worker_node) marks the node clustered
     * and restarts kubelite without the API server, controller manager and scheduler. But their args
     * files stay as written, and scripts/wrappers/leave.py (reset_current_dqlite_worker_installation)
     * resets only the kubelet's and kube-proxy's before it restarts every service: the finding stands
     * and says when it bites.
     */
    @Test
    void aWorkerRunsItsControlPlaneAfterLeave() {
        String when = " (this node joins as a worker, which runs no %s once joined; it runs with these args from install until the join, and again after microk8s leave)";
        List<String> found = CatalogRuleFixtures.lint(RULE, "worker-join", "1.33", CODES).stream()
                .map(d -> d.line() + " " + d.message().substring(d.message().lastIndexOf(" ("))).toList();
        assertEquals(List.of("3 " + when.formatted("kube-apiserver"), "5 " + when.formatted("kube-scheduler"),
                "12 " + when.formatted("kube-controller-manager")), found);
    }

    /** A port of 500,000 digits is read in one pass (a backtracking pattern took minutes on it). */
    @Test
    void aHugePortIsReadInOnePass() {
        String config = "version: 0.2.0\nextraKubeControllerManagerArgs:\n  --tls-cipher-suites: TLS_AES_128_GCM_SHA256\n"
                + "  --secure-port: \"" + "1".repeat(500_000) + "x\"\n";
        dev.launchc.catalog.Track track = dev.launchc.catalog.Catalog.get().track("1.34").orElseThrow();
        dev.launchc.lint.FileLint lint = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> new dev.launchc.lint.Linter(track, dev.launchc.diag.Mode.DEFAULT, dev.launchc.load.LoadLimits.DEFAULTS)
                        .lint("huge-port.yaml", config.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(List.of("kube-controller-manager flag --secure-port"), lint.diagnostics().stream()
                .map(d -> d.message().substring(0, d.message().indexOf(" takes"))).toList(), "not a port: no HTTPS judged");
    }

    @Test
    void anUnknownNameIsKubeFlagRulesFindingAlone() {
        List<String> found = CatalogRuleFixtures.lint(RULE, "unknown-name", "1.32", CODES).stream()
                .map(CatalogRuleFixtures::describe).toList();
        assertEquals(1, found.size(), found::toString);
        assertEquals(true, found.get(0).contains("'TLS_NOT_A_SUITE' is none of them"), found::toString);
    }
}
