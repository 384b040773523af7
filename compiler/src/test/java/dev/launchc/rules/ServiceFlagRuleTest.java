package dev.launchc.rules;

import static dev.launchc.rules.RuleFixtures.assertClean;
import static dev.launchc.rules.RuleFixtures.assertFindings;
import static dev.launchc.rules.RuleFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ServiceFlagRule: LC1003 for the flags of the services that are not Kubernetes components, as
 * their sources register them: canonical/microk8s-cluster-agent cmd/cluster-agent.go and
 * cmd/apiserver-proxy.go, canonical/k8s-dqlite cmd/root.go (app/app.go at v1.1.7), containerd
 * cmd/containerd/command/main.go, etcd server/etcdmain/config.go (and server/embed/config.go
 * AddFlags from v3.6), flannel main.go. The microk8s wrappers (microk8s-resources/wrappers/run-*-with-args)
 * pass the args file's words to the binary, which exits on an unknown flag.
 */
class ServiceFlagRuleTest {
    private static final Set<Code> CODES = Set.of(Code.UNKNOWN_FLAG);

    /** Launch-config key of each service whose flags the catalog lists. */
    private static final Map<String, String> KEYS = Map.of(
            "cluster-agent", "extraMicroK8sClusterAgentArgs",
            "apiserver-proxy", "extraMicroK8sAPIServerProxyArgs",
            "k8s-dqlite", "extraDqliteArgs",
            "containerd", "extraContainerdArgs",
            "etcd", "extraEtcdArgs",
            "flanneld", "extraFlanneldArgs");

    @Test
    void unknownClusterAgentFlags() {
        List<Diagnostic> d = assertFindings("service-flag/unknown.yaml", CODES,
                at(Code.UNKNOWN_FLAG, 3, 3, "its flags: --bind, --certfile, --enable-metrics, --help, --keyfile,"
                        + " --launch-configurations-enable, --launch-configurations-interval, --timeout, -h"),
                at(Code.UNKNOWN_FLAG, 5, 3, "did you mean --timeout?"));
        assertTrue(d.get(0).message().contains("unknown cluster-agent flag --bind-address on track 1.32: cluster-agent"
                + " refuses unknown flags and exits, so the cluster-agent service does not start"), d.get(0).message());
    }

    @Test
    void unknownK8sDqliteFlag() {
        List<Diagnostic> d = assertFindings("service-flag/dqlite-unknown.yaml", CODES,
                at(Code.UNKNOWN_FLAG, 4, 3, "did you mean --disk-mode?"));
        assertTrue(d.get(0).message().contains("unknown k8s-dqlite flag --diskmode"), d.get(0).message());
    }

    /**
     * A worker runs no k8s-dqlite, until scripts/wrappers/leave.py (reset_current_dqlite_worker_installation)
     * restarts every service with the args files as written: the finding says when it bites.
     */
    @Test
    void unknownK8sDqliteFlagOfAWorker() {
        List<Diagnostic> d = assertFindings("service-flag/dqlite-unknown-worker.yaml", CODES,
                at(Code.UNKNOWN_FLAG, 4, 3, "did you mean --disk-mode?"));
        assertTrue(d.get(0).message().endsWith("so the k8s-dqlite service does not start (this node joins as a worker, which runs"
                + " no k8s-dqlite once joined; it runs with these args from install until the join, and again after microk8s leave)"), d.get(0).message());
    }

    @Test
    void unknownApiserverProxyFlag() {
        List<Diagnostic> d = assertFindings("service-flag/apiserver-proxy-unknown.yaml", CODES,
                at(Code.UNKNOWN_FLAG, 4, 3, "did you mean --refresh-interval?"));
        assertTrue(d.get(0).message().contains("unknown apiserver-proxy flag --refresh-intervall"), d.get(0).message());
    }

    @Test
    void unknownContainerdFlag() {
        List<Diagnostic> d = assertFindings("service-flag/containerd-unknown.yaml", CODES,
                at(Code.UNKNOWN_FLAG, 4, 3, "did you mean --log-level?"),
                // no close name: the hint lists the flags as containerd's help spells them, without
                // the other-dash forms (-config, --c) that Go's flag parser also takes
                at(Code.UNKNOWN_FLAG, 5, 3, "its flags: --address, --config, --help, --log-level, --root, --state,"
                        + " --version, -a, -c, -h, -l, -v"));
        assertTrue(d.get(0).message().contains("unknown containerd flag --log_level"), d.get(0).message());
    }

    @Test
    void unknownEtcdFlags() {
        // track 1.32 ships etcd v3.5.17 (canonical/microk8s build-scripts/components/etcd/version.sh)
        List<Diagnostic> d = assertFindings("service-flag/etcd-unknown.yaml", CODES,
                at(Code.UNKNOWN_FLAG, 4, 3, "did you mean --listen-client-urls?"),
                // k8s-dqlite's flag, nothing like it in etcd: too many flags to list in a hint
                at(Code.UNKNOWN_FLAG, 5, 3, "no flag of etcd is close; `etcd --help` lists its 129 flags"));
        assertTrue(d.get(0).message().contains("unknown etcd flag --listen-client-url on track 1.32: etcd refuses"
                + " unknown flags and exits, so the etcd service does not start (etcd runs when the ha-cluster addon"
                + " is disabled)"), d.get(0).message());
    }

    @Test
    void unknownFlanneldFlags() {
        // track 1.32 ships flanneld v0.21.2 (build-scripts/components/flanneld/version.sh); flannel's
        // main.go copies klog's flag as --log_backtrace_at, and Go's flag package keeps `_` and `-` apart
        List<Diagnostic> d = assertFindings("service-flag/flanneld-unknown.yaml", CODES,
                at(Code.UNKNOWN_FLAG, 4, 3, "did you mean --etcd-cafile?"),
                at(Code.UNKNOWN_FLAG, 5, 3, "did you mean --log_backtrace_at?"));
        assertTrue(d.get(0).message().contains("unknown flanneld flag --etcd-ca-file on track 1.32"), d.get(0).message());
    }

    /**
     * etcd v3.6 (track 1.34 on) no longer registers --enable-v2, which microk8s' default args/etcd
     * sets up to 1.33 and drops from 1.34 (default-args/etcd of each branch).
     */
    @Test
    void etcdEnableV2IsGoneFromTrack134() {
        String yaml = "version: 0.2.0\nextraEtcdArgs:\n  --enable-v2: \"false\"\n";
        assertEquals(List.of(), unknownFlags(track("1.33"), yaml));
        for (String name : List.of("1.34", "1.36")) {
            List<Diagnostic> found = RuleFixtures.lint("enable-v2.yaml", yaml.getBytes(StandardCharsets.UTF_8), track(name))
                    .stream().filter(d -> d.code().equals(Code.UNKNOWN_FLAG.id())).toList();
            assertEquals(1, found.size(), found.toString());
            assertTrue(found.get(0).message().contains("unknown etcd flag --enable-v2 on track " + name), found.get(0).message());
            // the flag is gone, not misspelt: the hint says where it exists instead of a did-you-mean
            assertEquals("etcd takes --enable-v2 on 1.27–1.33 only: drop it, or lint for the track you install (--target)",
                    found.get(0).hint());
        }
    }

    @Test
    void knownFlagsAndRemovals() {
        assertClean("service-flag/clean.yaml", Code.UNKNOWN_FLAG);
    }

    @Test
    void etcdAndFlanneldFlagsChangeWithTheTrack() {
        // etcd v3.5.5 (1.27) lacks --tls-min-version, v3.5.17 (1.32) has it; v3.6 (1.34) adds --feature-gates
        assertFalse(track("1.27").serviceFlags("etcd").contains("--tls-min-version"));
        assertTrue(track("1.32").serviceFlags("etcd").contains("--tls-min-version"));
        assertFalse(track("1.33").serviceFlags("etcd").contains("--feature-gates"));
        assertTrue(track("1.34").serviceFlags("etcd").contains("--feature-gates"));
        // flannel v0.27.2 (1.34) dropped --use-multi-cluster-cidr; v0.27.4 (1.35) added --ip-masq-fully-random-disable
        assertTrue(track("1.33").serviceFlags("flanneld").contains("--use-multi-cluster-cidr"));
        assertFalse(track("1.34").serviceFlags("flanneld").contains("--use-multi-cluster-cidr"));
        assertFalse(track("1.34").serviceFlags("flanneld").contains("--ip-masq-fully-random-disable"));
        assertTrue(track("1.35").serviceFlags("flanneld").contains("--ip-masq-fully-random-disable"));
        // Go's flag package: one dash or two, and -h/-help answered by the package itself
        for (String service : List.of("etcd", "flanneld")) {
            List<String> flags = track("1.36").serviceFlags(service);
            assertTrue(flags.containsAll(List.of("--version", "-version", "-h", "--help")), service + ": " + flags);
        }
    }

    @Test
    void flagsChangeWithTheTracksK8sDqlite() {
        // k8s-dqlite v1.1.7 (track 1.27) has no --metrics; v1.1.12 (1.28) has; v1.3.5 (1.32) dropped
        // --admission-control-policy, which v1.2.2 (1.31) still has
        assertFalse(track("1.27").serviceFlags("k8s-dqlite").contains("--metrics"));
        assertTrue(track("1.28").serviceFlags("k8s-dqlite").contains("--metrics"));
        assertTrue(track("1.31").serviceFlags("k8s-dqlite").contains("--admission-control-policy"));
        assertFalse(track("1.32").serviceFlags("k8s-dqlite").contains("--admission-control-policy"));
        assertTrue(track("1.36").serviceFlags("k8s-dqlite").contains("--log-level"));
    }

    /**
     * Every track's own default args files, set again through a launch configuration, give no
     * LC1003; the same file with one made-up flag per service gives exactly one per service, so the
     * check is live on every track.
     */
    @Test
    void everyTracksDefaultArgsPass() {
        for (String name : Catalog.get().tracks()) {
            Track track = track(name);
            assertEquals(Set.of(), Set.copyOf(unknownFlags(track, defaultsConfig(track, false))),
                    "track " + track.name() + ": its default args files give LC1003");
            List<String> bogus = unknownFlags(track, defaultsConfig(track, true));
            assertEquals(KEYS.size(), bogus.size(), "track " + track.name() + ": " + bogus);
        }
    }

    private static Track track(String name) {
        return Catalog.get().track(name).orElseThrow();
    }

    private static String defaultsConfig(Track track, boolean withBogusFlag) {
        StringBuilder yaml = new StringBuilder("version: 0.1.0\n");
        for (Map.Entry<String, String> service : KEYS.entrySet()) {
            String args = track.defaultArgs().get(service.getKey());
            assertTrue(args != null, "track " + track.name() + " has no default-args/" + service.getKey());
            Map<String, String> flags = argsFileFlags(args);
            assertFalse(flags.isEmpty(), "track " + track.name() + ": default-args/" + service.getKey() + " has no flag");
            yaml.append(service.getValue()).append(":\n");
            flags.forEach((k, v) -> yaml.append("  ").append(k).append(": '").append(v.replace("'", "''")).append("'\n"));
            if (withBogusFlag) {
                yaml.append("  --no-such-flag-anywhere: '1'\n");
            }
        }
        return yaml.toString();
    }

    /** An args file's `--name=value` and `--name value` lines (microk8s default-args style). */
    private static Map<String, String> argsFileFlags(String text) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("-")) {
                continue;
            }
            int eq = t.indexOf('=');
            int sp = t.indexOf(' ');
            int cut = eq < 0 ? sp : sp < 0 ? eq : Math.min(eq, sp);
            flags.put(cut < 0 ? t : t.substring(0, cut), cut < 0 ? "true" : t.substring(cut + 1).strip());
        }
        return flags;
    }

    private static List<String> unknownFlags(Track track, String yaml) {
        return RuleFixtures.lint("defaults.yaml", yaml.getBytes(StandardCharsets.UTF_8), track).stream()
                .filter(d -> d.code().equals(Code.UNKNOWN_FLAG.id())).map(Diagnostic::message).toList();
    }
}
