package dev.launchc.rules;

import static dev.launchc.rules.CatalogRuleFixtures.assertFindings;
import static dev.launchc.rules.CatalogRuleFixtures.error;
import static dev.launchc.rules.CatalogRuleFixtures.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.KubeFlags;
import dev.launchc.diag.Diagnostic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** KubeFlagRule: LC1003 unknown flag, LC2005 deprecated flag, LC1028 bad bool value. */
class KubeFlagRuleTest {
    private static final String RULE = "kube-flag";
    private static final Set<String> CODES = Set.of("LC1003", "LC2005", "LC1028");

    @Test
    void specExampleGivesUnknownFlagWithDidYouMean() {
        List<Diagnostic> found = CatalogRuleFixtures.lint(RULE, "spec-example", Catalog.get().newestTrack(), CODES);
        assertEquals(1, found.size(), found::toString);
        Diagnostic d = found.get(0);
        assertEquals("LC1003", d.code());
        assertEquals("unknown kubelet flag --clster-dns", d.message());
        assertEquals("did you mean --cluster-dns?", d.hint());
        assertEquals(5, d.line());
        assertEquals(3, d.column());
        assertEquals("/extraKubeletArgs/--clster-dns", d.path());
        assertEquals("spec-example.yaml", d.file());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"})
    void specExampleOnEveryTrack(String track) {
        assertFindings(RULE, "spec-example", track, CODES,
                error("LC1003", 5, 3, "unknown kubelet flag --clster-dns", "did you mean --cluster-dns?"));
    }

    @Test
    void unknownApiserverFlag() {
        assertFindings(RULE, "unknown-apiserver", "1.32", CODES,
                error("LC1003", 3, 3, "unknown kube-apiserver flag --authorization-mod", "did you mean --authorization-mode?"));
    }

    @Test
    void singleDashLongFlag() {
        assertFindings(RULE, "single-dash", "1.36", CODES,
                error("LC1003", 3, 3, "unknown kube-proxy flag -cluster-cidr", "did you mean --cluster-cidr?"));
    }

    @Test
    void flagOfAnotherComponent() {
        assertFindings(RULE, "wrong-component", "1.32", CODES,
                error("LC1003", 3, 3, "unknown kube-scheduler flag --cluster-dns", null));
    }

    @Test
    void flagDeprecatedIn130IsAWarning() {
        assertFindings(RULE, "removed-flag", "1.30", CODES,
                warning("LC2005", 4, 3, "kubelet flag --keep-terminated-pod-volumes is deprecated in Kubernetes 1.30"
                        + " and will be removed in a later release",
                        "plan to drop it; the Kubernetes 1.30 kubelet reference names its replacement"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.31", "1.36"})
    void flagRemovedIn131IsUnknownFromThenOn(String track) {
        assertFindings(RULE, "removed-flag", track, CODES,
                error("LC1003", 4, 3, "unknown kubelet flag --keep-terminated-pod-volumes",
                        "--keep-terminated-pod-volumes was removed in Kubernetes 1.31"));
    }

    @Test
    void flagOfANewerMinor() {
        assertFindings(RULE, "newer-flag", "1.35", CODES,
                error("LC1003", 4, 3, "unknown kube-controller-manager flag --tls-curve-preferences",
                        "--tls-curve-preferences exists only in Kubernetes 1.36 and later; target a newer track"));
        assertFindings(RULE, "newer-flag", "1.36", CODES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.33", "1.36"})
    void upstreamOnlyFlagIsUnknownToKubelite(String track) {
        assertFindings(RULE, "upstream-only", track, CODES,
                error("LC1003", 3, 3, "unknown kubelet flag --log-json-split-stream: only the standalone upstream kubelet"
                        + " binary has it, MicroK8s' kubelite lacks it",
                        "remove it; kubelite is built without the JSON log format that registers this flag"));
    }

    @Test
    void flagDeprecatedFlags() {
        assertFindings(RULE, "deprecated", "1.32", CODES,
                warning("LC2005", 3, 3, "kube-apiserver flag --admission-control is deprecated in Kubernetes 1.32"
                        + " and will be removed in a later release",
                        "plan to drop it; the Kubernetes 1.32 kube-apiserver reference names its replacement"),
                warning("LC2005", 5, 3, "kube-scheduler flag --pod-max-in-unschedulable-pods-duration is deprecated in"
                        + " Kubernetes 1.32 and will be removed in a later release",
                        "plan to drop it; the Kubernetes 1.32 kube-scheduler reference names its replacement"));
    }

    @Test
    void boolFlagWithANonBoolValue() {
        assertFindings(RULE, "bad-bool", "1.36", CODES,
                error("LC1028", 3, 19, "kubelet flag --fail-swap-on takes true or false, not 'yes'", "write true or false"),
                error("LC1028", 5, 23, "kube-apiserver flag --allow-privileged takes true or false, not 'enabled'",
                        "write true or false"));
    }

    @Test
    void boolFlagWithAnEmptyValue() {
        assertFindings(RULE, "bad-bool-empty", "1.28", CODES,
                error("LC1028", 3, 21, "kube-proxy flag --masquerade-all takes true or false, not ''", "write true or false"));
    }

    /**
     * Values the flag library's parser for the flag's type refuses (GoFlagValues: Go's strconv and
     * time.ParseDuration), so the component does not start. Not here: a leading zero (LC1042), a
     * value kubelite expands ('$'), one with a blank (ValueSafetyRule), and 0x3e80, which base 0 reads as 16000.
     */
    @Test
    void numbersAndDurationsTheParserRefuses() {
        assertFindings(RULE, "bad-numbers", "1.32", CODES,
                error("LC1028", 3, 15, "kubelet flag --max-pods takes a whole number: '110x' is not an integer, so kubelet does not"
                        + " start", "write digits only, such as 110"),
                error("LC1028", 4, 35, "kubelet flag --node-status-update-frequency takes a duration: '10' has no unit, so kubelet"
                        + " does not start", "add a unit: ns, us, ms, s, m or h (10s, 5m, 1h30m); only 0 needs none"),
                error("LC1028", 10, 30, "kube-apiserver flag --service-node-port-range takes a port range: '30000:32767' is not a"
                        + " port range (N1-N2), so kube-apiserver does not start", "write the first and the last port, such as 30000-32767"),
                error("LC1028", 12, 34, "kube-controller-manager flag --leader-elect-lease-duration takes a duration: '60sec' has an"
                        + " unknown unit 'sec', so kube-controller-manager does not start",
                        "write a number with a unit: ns, us, ms, s, m or h (10s, 5m, 1h30m)"),
                error("LC1028", 13, 25, "kube-controller-manager flag --node-eviction-rate takes a number: '0,1' is not a number, so"
                        + " kube-controller-manager does not start", "write a number such as 5, 0.5 or 1e3"));
    }

    /**
     * Flags whose value is one of a fixed set of names (catalog flagValues): --authorization-mode
     * (kube-apiserver's BuiltInAuthorizationOptions.Validate: each of AuthorizationModeChoices, each
     * once), --tls-min-version (component-base cli/flag TLSVersion: VersionTLS10 to 13, empty for the default).
     */
    @Test
    void namesOutsideAFlagsChoices() {
        assertFindings(RULE, "bad-choices", "1.32", CODES,
                error("LC1028", 3, 25, "kube-apiserver flag --authorization-mode takes a comma-separated list of ABAC, AlwaysAllow,"
                        + " AlwaysDeny, Node, RBAC, Webhook: 'node' is none of them, so kube-apiserver does not start",
                        "write RBAC,Node (names are matched exactly)"),
                error("LC1028", 4, 22, "kube-apiserver flag --tls-min-version takes one of VersionTLS10, VersionTLS11, VersionTLS12,"
                        + " VersionTLS13: 'TLS1.2' is none of them, so kube-apiserver does not start",
                        "write one of VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13"),
                error("LC1028", 10, 22, "kube-controller-manager flag --tls-min-version takes one of VersionTLS10, VersionTLS11,"
                        + " VersionTLS12, VersionTLS13: 'VersionTLS12,VersionTLS13' is none of them, so kube-controller-manager does"
                        + " not start", "write one of VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13"));
    }

    /**
     * kube-proxy --proxy-mode: validateProxyModeLinux (pkg/proxy/apis/config/validation/validation.go)
     * takes iptables, ipvs, the empty value, and from 1.29 nftables while the NFTablesProxyMode gate
     * is on in kube-proxy's feature gates (alpha, off, in 1.29-1.30; beta, on, in 1.31-1.32; GA from
     * 1.33), matched exactly; anything else and kube-proxy exits ("failed validate"). MicroK8s sets
     * neither the mode nor a gate by default (canonical/microk8s microk8s-resources/default-args/
     * kube-proxy), and runs kube-proxy inside kubelite, one process with the other components (its
     * "Kubelite integration" patch, cmd/kubelite/app/daemons/daemon.go), so a gate another component
     * turns on counts too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.29", "1.30"})
    void nftablesWithoutItsAlphaGateStopsKubeProxy(String track) {
        assertFindings(RULE, "proxy-mode", track, CODES,
                error("LC1028", 3, 17, "kube-proxy flag --proxy-mode takes nftables only with the feature gate NFTablesProxyMode,"
                        + " which is off for kube-proxy in Kubernetes " + track + " unless turned on, so kube-proxy does not start",
                        "add NFTablesProxyMode=true to kube-proxy's --feature-gates, or write one of iptables, ipvs"));
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "proxy-mode-gated", track), "the gate turned on in an earlier part");
        // kubelite runs every component in one process, whose feature gates they may share: no false finding.
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "proxy-mode-gate-kubelet", track), "the gate turned on for the kubelet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.31", "1.32", "1.33", "1.36"})
    void nftablesFromItsBeta(String track) {
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "proxy-mode", track));
    }

    @Test
    void nftablesWithItsBetaGateTurnedOff() {
        assertFindings(RULE, "proxy-mode-gate-off", "1.31", CODES,
                error("LC1028", 4, 17, "kube-proxy flag --proxy-mode takes nftables only with the feature gate NFTablesProxyMode,"
                        + " which is off for kube-proxy in Kubernetes 1.31, so kube-proxy does not start",
                        "add NFTablesProxyMode=true to kube-proxy's --feature-gates, or write one of iptables, ipvs"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.28"})
    void nftablesBeforeItsMinor(String track) {
        assertFindings(RULE, "proxy-mode", track, CODES,
                error("LC1028", 3, 17, "kube-proxy flag --proxy-mode takes one of iptables, ipvs: 'nftables' is none of them,"
                        + " so kube-proxy does not start",
                        "kube-proxy --proxy-mode nftables exists only in Kubernetes 1.29 and later; target a newer track, or write one of iptables, ipvs"));
    }

    @Test
    void proxyModesAreMatchedExactlyAndUserspaceIsGone() {
        assertFindings(RULE, "proxy-mode-bad", "1.33", CODES,
                error("LC1028", 3, 17, "kube-proxy flag --proxy-mode takes one of iptables, ipvs, nftables: 'IPVS' is none of"
                        + " them, so kube-proxy does not start", "write ipvs (names are matched exactly)"),
                error("LC1028", 7, 17, "kube-proxy flag --proxy-mode takes one of iptables, ipvs, nftables: 'userspace' is none"
                        + " of them, so kube-proxy does not start", "write one of iptables, ipvs, nftables"));
    }

    /**
     * --tls-cipher-suites: component-base's cli/flag/ciphersuites_flag.go TLSCipherSuites looks each
     * name up exactly (Go's crypto/tls names and two legacy ones) and the component exits on any
     * other, an empty item (a trailing comma) too; pflag's StringSlice reads the empty value as the
     * empty list (Go's defaults); repeats and insecure names only log. One list for 1.27-1.36.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.32", "1.36"})
    void cipherSuiteNamesAreMatchedExactly(String track) {
        assertFindings(RULE, "cipher-suites", track, CODES,
                error("LC1028", 3, 24, "kube-apiserver flag --tls-cipher-suites takes a comma-separated list of TLS cipher suite"
                        + " names: 'tls_ecdhe_rsa_with_aes_256_gcm_sha384' is none of them, so kube-apiserver does not start",
                        "write TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (names are matched exactly)"),
                error("LC1028", 5, 24, "kubelet flag --tls-cipher-suites takes a comma-separated list of TLS cipher suite names:"
                        + " '' is none of them, so kubelet does not start", "write TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
                error("LC1028", 7, 24, "kube-scheduler flag --tls-cipher-suites takes a comma-separated list of TLS cipher suite"
                        + " names: 'TLS_NOTHING_LIKE_A_CIPHER' is none of them, so kube-scheduler does not start",
                        "no TLS cipher suite name is close to it; `launchc explain LC1028` lists them"));
    }

    /**
     * kube-controller-manager and kube-scheduler read --tls-cipher-suites and --tls-min-version only
     * to serve HTTPS: k8s.io/apiserver pkg/server/options/serving.go SecureServingOptions.ApplyTo
     * returns before cliflag.TLSCipherSuites and cliflag.TLSVersion when --secure-port is 0 ("If 0,
     * don't serve HTTPS at all"), so no name there stops them, also when a later part sets the port.
     */
    @Test
    void tlsFlagsOfAComponentServingNoHttpsAreNotRead() {
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "tls-flags-no-secure-port", "1.33", CODES));
    }

    /** A long list of unknown names gets one hint, not a did-you-mean search per item (150,000 items took 4 s). */
    @Test
    void manyUnknownCipherNamesGetOneHint() {
        List<Diagnostic> found = CatalogRuleFixtures.lint(RULE, "many-unknown-ciphers", "1.32", CODES);
        assertEquals(1, found.size(), found::toString);
        assertEquals("correct or remove the 17 items that are none of them; the names are matched exactly", found.get(0).hint());
    }

    /**
     * MicroK8s' own default --tls-cipher-suites of every track (canonical/microk8s
     * microk8s-resources/default-args/kube-apiserver and kubelet, in the catalog), legacy names
     * included, are taken as they are.
     */
    @Test
    void everyTracksDefaultCipherSuitesAreKnown() {
        int lists = 0;
        for (String t : Catalog.get().tracks()) {
            dev.launchc.catalog.Track track = Catalog.get().track(t).orElseThrow();
            KubeFlags kube = Catalog.get().kube(track.kubernetesMinor()).orElse(null);
            if (kube == null) {
                continue;
            }
            for (String component : List.of("kube-apiserver", "kubelet", "kube-controller-manager", "kube-scheduler")) {
                String value = dev.launchc.model.internal.ArgsLines.read(track.defaultArgs().get(component)).get("--tls-cipher-suites");
                if (value != null) {
                    lists++;
                    assertEquals(null, KubeFlagRule.notAChoice(kube.choices(component, "--tls-cipher-suites"), value),
                            t + " " + component);
                }
            }
        }
        assertEquals(true, lists >= 10, "default cipher lists checked: " + lists);
    }

    /**
     * kubelet --authorization-mode: cmd/kubelet/app/auth.go BuildAuthz ("unknown authorization mode",
     * "no authorization mode specified"); --cpu-manager-policy: pkg/kubelet/cm/cpumanager/cpu_manager.go
     * NewManager ("unknown policy"); --enforce-node-allocatable: validation.go, whose -compressible
     * items came in 1.32 (kubernetes PR 125982). Each ends the kubelet, and kubelite with it.
     */
    @Test
    void kubeletPoliciesBeforeTheCompressibleEnforcements() {
        assertFindings(RULE, "kubelet-policies", "1.31", CODES,
                error("LC1028", 3, 25, "kubelet flag --authorization-mode takes one of AlwaysAllow, Webhook: 'webhook' is none of"
                        + " them, so kubelet does not start", "write Webhook (names are matched exactly)"),
                error("LC1028", 4, 25, "kubelet flag --cpu-manager-policy takes one of none, static: 'Static' is none of them, so"
                        + " kubelet does not start", "write static (names are matched exactly)"),
                error("LC1028", 5, 31, "kubelet flag --enforce-node-allocatable takes a comma-separated list of kube-reserved,"
                        + " none, pods, system-reserved: 'kube-reserved-compressible' is none of them, so kubelet does not start",
                        "kubelet --enforce-node-allocatable kube-reserved-compressible exists only in Kubernetes 1.32 and later;"
                                + " target a newer track, or write one of kube-reserved, none, pods, system-reserved"),
                error("LC1028", 10, 25, "kubelet flag --authorization-mode takes one of AlwaysAllow, Webhook: an empty value names"
                        + " none, so kubelet does not start", "write one of AlwaysAllow, Webhook"),
                error("LC1028", 11, 25, "kubelet flag --cpu-manager-policy takes one of none, static: an empty value names none,"
                        + " so kubelet does not start", "write one of none, static"));
    }

    /**
     * Up to 1.30 the kubelet makes a set of the enforcements (cmd/kubelet/app/server.go
     * sets.NewString); 1.31 refuses a repeat (validation.go uniqueEnforcements, "duplicated
     * enforcements %q in enforceNodeAllocatable", kubernetes PR 124268; a v1.31.10 kubelet exiting
     * on it: labring/sealos issue 5804).
     */
    @Test
    void anEnforcementNamedTwice() {
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "enforcements-twice", "1.30", CODES));
        for (String track : List.of("1.31", "1.36")) {
            List<String> names = track.equals("1.31") ? List.of("kube-reserved", "none", "pods", "system-reserved")
                    : List.of("kube-reserved", "kube-reserved-compressible", "none", "pods", "system-reserved", "system-reserved-compressible");
            assertFindings(RULE, "enforcements-twice", track, CODES,
                    error("LC1028", 3, 31, "kubelet flag --enforce-node-allocatable takes a comma-separated list of "
                            + String.join(", ", names) + ": pods is named twice, so kubelet does not start", "write pods, each once"));
        }
    }

    /**
     * A trailing comma is an empty item: pflag's StringSlice reads "pods," as csv (spf13/pflag
     * string_slice.go readAsCSV), and validation.go refuses the item "" ("option %q specified for
     * enforceNodeAllocatable") in every minor. Nothing is named twice, so the hint asks for no
     * "each once" where repeats are refused (1.31 on).
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.30", "1.31", "1.36"})
    void anEmptyEnforcement(String track) {
        List<Diagnostic> found = CatalogRuleFixtures.lint(RULE, "enforcements-empty-item", track, CODES);
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).message().endsWith(": '' is none of them, so kubelet does not start"), found.get(0).message());
        assertEquals("write pods", found.get(0).hint());
    }

    /**
     * A worker runs no kube-apiserver, but its args file stays as written and
     * scripts/wrappers/leave.py (reset_current_dqlite_worker_installation) restarts every service
     * after resetting only the kubelet's and kube-proxy's args: the finding says when it bites. The
     * kubelet runs on a worker, so its findings say nothing more.
     */
    @Test
    void aWorkersControlPlaneFlagsBiteAfterLeave() {
        String when = " (this node joins as a worker, which runs no kube-apiserver once joined; it runs with these args from install until the join, and again after microk8s leave)";
        List<String> found = CatalogRuleFixtures.lint(RULE, "worker-join", "1.33", Set.of("LC1003", "LC1028")).stream()
                .map(d -> d.line() + " " + d.message()).toList();
        assertEquals(3, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("3 kube-apiserver flag --enable-aggregator-routing takes true or false") && found.get(0).endsWith(when),
                found::toString);
        assertEquals("4 unknown kube-apiserver flag --no-such-apiserver-flag" + when, found.get(1));
        assertTrue(found.get(2).startsWith("6 kubelet flag --cpu-manager-policy") && found.get(2).endsWith("so kubelet does not start"),
                found::toString);
    }

    /**
     * A join with an empty url is no join: the cluster agent joins only when join.url is set
     * (pkg/k8sinit/apply.go, applyPart: {@code if j := c.Join; j.URL != ""}), whatever worker says,
     * so the node keeps its control plane and the finding bites at once.
     */
    @Test
    void aJoinWithoutUrlMakesNoWorker() {
        assertFindings(RULE, "worker-no-url", "1.33", CODES,
                error("LC1003", 3, 3, "unknown kube-apiserver flag --no-such-apiserver-flag", null));
    }

    /**
     * A worker's join sets kube-apiserver's --authorization-mode and --secure-port to the joined
     * node's values (MicroK8s scripts/wrappers/join.py update_apiserver, set_arg): a value a part
     * writes at or before the join runs only from install until the join; one a later part writes
     * stays for microk8s leave.
     */
    @Test
    void aWorkersJoinSetsTwoApiServerFlags() {
        List<String> found = CatalogRuleFixtures.lint(RULE, "worker-join-apiserver-port", "1.33", Set.of("LC1028")).stream()
                .map(d -> d.line() + " " + d.message().substring(d.message().lastIndexOf(" ("))).toList();
        assertEquals(List.of("3  (this node joins as a worker, which runs no kube-apiserver once joined; it runs with this value from"
                        + " install until the join, which sets --secure-port to the joined node's value)",
                "10  (this node joins as a worker, which runs no kube-apiserver once joined; it runs with these args from install"
                        + " until the join, and again after microk8s leave)"), found);
    }

    /**
     * kubelet --memory-manager-policy: pkg/kubelet/cm/memorymanager/memory_manager.go NewManager takes
     * None and Static, matched exactly, else "unknown policy" and the kubelet exits (kubernetes issue
     * 102073 shows it for "static"). Up to 1.31 container_manager_linux.go builds the manager only
     * under the MemoryManager gate, so with the gate off (in any kubelite component's
     * --feature-gates: they share one process) the value is never read.
     */
    @Test
    void memoryManagerPolicyNames() {
        for (String track : List.of("1.27", "1.31", "1.36")) {
            assertFindings(RULE, "memory-policy", track, CODES, error("LC1028", 3, 28, "kubelet flag --memory-manager-policy"
                    + " takes one of None, Static: 'static' is none of them, so kubelet does not start",
                    "write Static (names are matched exactly)"));
        }
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "memory-policy-gate-off", "1.31", Set.of("LC1028")));
    }

    /**
     * kubelet map flags (cmd/kubelet/app/options/options.go): --kube-reserved, --system-reserved,
     * --eviction-soft-grace-period and --eviction-minimum-reclaim are component-base MapStringString,
     * --eviction-hard and --eviction-soft LangleSeparatedMapStringString. Set skips empty items and
     * refuses one without the separator ("malformed pair, expect string=string",
     * cli/flag/map_string_string.go, the same in v0.27-v0.36): the kubelet exits. A $ value is
     * kubelite's to expand.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.36"})
    void mapFlagsWantTheirSeparator(String track) {
        assertFindings(RULE, "map-flags", track, CODES,
                error("LC1028", 3, 20, "kubelet flag --kube-reserved takes comma-separated KEY=VALUE pairs: 'cpu:500m' has no"
                        + " '=', so kubelet does not start (\"malformed pair, expect string=string\")", "write cpu=500m"),
                error("LC1028", 5, 20, "kubelet flag --eviction-hard takes comma-separated KEY<VALUE pairs:"
                        + " 'memory.available=100Mi' has no '<', so kubelet does not start (\"malformed pair, expect"
                        + " string<string\")", "write memory.available<100Mi"),
                error("LC1028", 6, 20, "kubelet flag --eviction-soft takes comma-separated KEY<VALUE pairs: 'nodefs.available'"
                        + " has no '<', so kubelet does not start (\"malformed pair, expect string<string\")",
                        "write each item as KEY<VALUE"));
    }

    /**
     * cmd/kubelet/app/server.go parseResourceList reads --kube-reserved and --system-reserved with
     * cpu, memory, ephemeral-storage and pid only ("cannot reserve %q resource", an error of run():
     * the kubelet exits), the same switch in every minor; MapStringString trims the keys. A value
     * with a blank is ValueSafetyRule's, so the first part's line is checked only for what it says
     * without blanks: nothing here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.36"})
    void reservedMapsTakeFourResources(String track) {
        assertFindings(RULE, "reserved-keys", track, CODES,
                error("LC1028", 8, 22, "kubelet flag --system-reserved takes only cpu, ephemeral-storage, memory, pid: 'gpu' is"
                        + " none of them, so kubelet does not start (cannot reserve \"gpu\" resource)", "did you mean cpu?"));
    }

    /**
     * parseResourceList (cmd/kubelet/app/server.go) reads each reserved amount with apimachinery's
     * resource.ParseQuantity (pkg/api/resource/quantity.go), which refuses an empty value and a
     * character that is no digit, '.', sign or unit letter, and refuses a negative amount ("resource
     * quantity for %q cannot be negative"): the kubelet exits. -0 is zero.
     */
    /**
     * MapStringString.Set parses the whole value before cmd/kubelet/app/server.go parseResourceList
     * reads any key: a malformed item is what the kubelet reports, wherever it stands.
     */
    @Test
    void aMalformedItemComesBeforeAnUnknownKey() {
        List<String> found = CatalogRuleFixtures.lint(RULE, "map-flag-order", "1.36", Set.of("LC1028")).stream()
                .map(Diagnostic::message).toList();
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).contains("'cpu:500m' has no '='"), found::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.36"})
    void reservedAmountsAreQuantities(String track) {
        String hint = "write a quantity such as 500m (CPU), 1Gi (memory) or 1000 (pid)";
        assertFindings(RULE, "reserved-quantities", track, CODES,
                error("LC1028", 3, 20, "kubelet flag --kube-reserved gives cpu '500x', which is no quantity ('x' is no digit or"
                        + " unit), so kubelet does not start", hint),
                error("LC1028", 4, 22, "kubelet flag --system-reserved gives memory '-1Gi', a negative amount, so kubelet does"
                        + " not start", hint),
                error("LC1028", 9, 22, "kubelet flag --system-reserved gives cpu '', an empty quantity, so kubelet does not start",
                        hint));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.32", "1.36"})
    void kubeletPoliciesWithTheCompressibleEnforcements(String track) {
        List<String> lines = CatalogRuleFixtures.lint(RULE, "kubelet-policies", track, CODES).stream()
                .map(d -> d.line() + " " + d.message().substring(0, d.message().indexOf(" takes"))).toList();
        assertEquals(List.of("3 kubelet flag --authorization-mode", "4 kubelet flag --cpu-manager-policy",
                "10 kubelet flag --authorization-mode", "11 kubelet flag --cpu-manager-policy"), lines);
    }

    /**
     * kube-proxy's ipvs mode is deprecated from 1.35 (KEP-5495; cmd/kube-proxy/app/server_linux.go
     * logs "The ipvs proxier is now deprecated ... Please use 'nftables' instead." and starts).
     */
    @Test
    void ipvsIsDeprecatedFrom135() {
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "proxy-mode-ipvs", "1.34"));
        for (String track : List.of("1.35", "1.36")) {
            assertFindings(RULE, "proxy-mode-ipvs", track, Set.of("LC2013"),
                    warning("LC2013", 3, 17, "kube-proxy flag --proxy-mode ipvs is deprecated since Kubernetes 1.35 and may be"
                            + " removed in a later release; kube-proxy still takes it and logs so at start",
                            "plan the move to nftables or iptables"));
        }
    }

    /**
     * kubelet's ValidateKubeletConfiguration (pkg/kubelet/apis/config/validation/validation.go):
     * topologyManagerPolicy, topologyManagerScope and hairpinMode outside their names stop the kubelet.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.36"})
    void kubeletNamesOutsideTheirChoices(String track) {
        assertFindings(RULE, "kubelet-choices", track, CODES,
                error("LC1028", 3, 30, "kubelet flag --topology-manager-policy takes one of best-effort, none, restricted,"
                        + " single-numa-node: 'single-numa' is none of them, so kubelet does not start",
                        "write one of best-effort, none, restricted, single-numa-node"),
                error("LC1028", 4, 29, "kubelet flag --topology-manager-scope takes one of container, pod: 'Pod' is none of them,"
                        + " so kubelet does not start", "write pod (names are matched exactly)"),
                error("LC1028", 5, 19, "kubelet flag --hairpin-mode takes one of hairpin-veth, none, promiscuous-bridge:"
                        + " 'hairpin_veth' is none of them, so kubelet does not start", "write hairpin-veth (names are matched exactly)"),
                error("LC1028", 9, 30, "kubelet flag --topology-manager-policy takes one of best-effort, none, restricted,"
                        + " single-numa-node: an empty value names none, so kubelet does not start",
                        "write one of best-effort, none, restricted, single-numa-node"));
    }

    /**
     * kubelet --node-labels in a native config: ValidateKubeletFlags (cmd/kubelet/app/options)
     * refuses labels in kubernetes.io/k8s.io namespaces a kubelet may not set on itself, and the
     * label syntax; a pair without '=' fails the map flag's parsing. Allowed namespaces and
     * well-known labels and empty values pass.
     */
    @Test
    void nodeLabelsThatStopTheKubelet() {
        assertFindings(RULE, "node-labels", "1.33", CODES,
                error("LC1028", 3, 18, "kubelet flag --node-labels: label node-role.kubernetes.io/worker is in the"
                        + " node-role.kubernetes.io namespace, which kubelet may not set on its own node (only kubelet.kubernetes.io,"
                        + " node.kubernetes.io and a few well-known labels), so kubelet does not start",
                        "drop it here and label the node after it joins: microk8s kubectl label node NODE node-role.kubernetes.io/worker=true"),
                error("LC1028", 11, 18, "kubelet flag --node-labels: label value 'platform_ops!' of team is not letters, digits,"
                        + " '-', '_' and '.' starting and ending with a letter or digit, so kubelet does not start",
                        "use e.g. platform_ops"),
                error("LC1028", 15, 18, "kubelet flag --node-labels takes key=value pairs: 'gpu' has no '=', so kubelet does not start",
                        "write gpu=VALUE"));
    }

    /**
     * kubelet --register-with-taints in a native config, as kubelet parses it (kubernetes
     * pkg/util/taints/taints.go, parseTaint: key[=value]:Effect with NoSchedule, PreferNoSchedule or
     * NoExecute; no two taints of one key and effect): anything else and kubelet exits, or (a taint
     * without an effect) the API server refuses the node it registers.
     */
    @Test
    void taintsThatStopTheKubelet() {
        assertFindings(RULE, "taints", "1.33", CODES,
                error("LC1028", 7, 27, "kubelet flag --register-with-taints: taint 'gpu=true:noschedule' has the effect"
                        + " 'noschedule', not NoSchedule, PreferNoSchedule or NoExecute, so the node never registers",
                        "write gpu=true:NoSchedule (or PreferNoSchedule, NoExecute)"),
                error("LC1028", 11, 27, "kubelet flag --register-with-taints: taint 'gpu=true' has no ':Effect', so the node"
                        + " never registers", "write gpu=true:NoSchedule (or PreferNoSchedule, NoExecute)"),
                error("LC1028", 15, 27, "kubelet flag --register-with-taints: taint 'gpu=b:NoSchedule' repeats the key gpu with"
                        + " effect NoSchedule (kubelet refuses duplicated taints of one key and effect), so the node never registers",
                        "keep one of them"));
    }

    @Test
    void aModeNamedTwiceStopsTheApiServer() {
        KubeFlags.Choices modes = Catalog.get().kube("1.36").orElseThrow().choices("kube-apiserver", "--authorization-mode");
        assertEquals("RBAC is named twice", KubeFlagRule.notAChoice(modes, "RBAC,Node,RBAC"));
        assertEquals("an empty value names none", KubeFlagRule.notAChoice(modes, ""));
        assertEquals("'' is none of them", KubeFlagRule.notAChoice(modes, "RBAC,"));
        assertEquals(null, KubeFlagRule.notAChoice(modes, "Node,RBAC,Webhook"));
    }

    @Test
    void findingInTheSecondPartPointsAtItsLine() {
        assertFindings(RULE, "multi-part", "1.33", CODES,
                error("LC1003", 7, 3, "unknown kubelet flag --max-pod", "did you mean --max-pods?"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"})
    void cleanFileHasNoFindings(String track) {
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "clean", track));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.36"})
    void removalsAreNotChecked(String track) {
        assertFindings(RULE, "removal", track, CODES);
    }
}
