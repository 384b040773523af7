package dev.launchc.rules;

import static dev.launchc.rules.CatalogRuleFixtures.assertFindings;
import static dev.launchc.rules.CatalogRuleFixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NodeAllocatableRule: kubelet flags that stop the kubelet together. Upstream:
 * ValidateKubeletConfiguration (pkg/kubelet/apis/config/validation/validation.go) for the
 * enforcements, their cgroups and --cgroups-per-qos; pkg/kubelet/cm/cpumanager/cpu_manager.go
 * NewManager for the static CPU policy; cmd/kubelet/app/server.go for --reserved-cpus standing in
 * for the system-reserved CPU. MicroK8s' default kubelet args set none of these flags
 * (microk8s-resources/default-args/kubelet of every track).
 */
class NodeAllocatableRuleTest {
    private static final String RULE = "node-allocatable";
    private static final Set<String> CODES = Set.of("LC1028");

    private static List<String> found(String fixture, String track) {
        return CatalogRuleFixtures.lint(RULE, fixture, track, CODES).stream().map(CatalogRuleFixtures::describe).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.36"})
    void noneGoesAlone(String track) {
        assertFindings(RULE, "none-with-others", track, CODES,
                error("LC1028", 3, 31, "kubelet flag --enforce-node-allocatable takes none only alone: 'none,pods' names none with"
                        + " other enforcements, so kubelet does not start", "write none alone, or drop none"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.32", "1.36"})
    void systemReservedWantsItsCgroup(String track) {
        assertFindings(RULE, "system-reserved-no-cgroup", track, CODES,
                error("LC1028", 3, 31, "kubelet flag --enforce-node-allocatable names system-reserved, which needs the cgroup to"
                        + " enforce it on in --system-reserved-cgroup, and no --system-reserved-cgroup is set, so kubelet does not"
                        + " start", "add --system-reserved-cgroup (the cgroup of the system's daemons, which must exist), or drop"
                                + " system-reserved from --enforce-node-allocatable"));
        assertEquals(List.of(), found("with-cgroups", track));
        assertEquals(List.of(), found("cgroup-in-earlier-part", track), "the cgroup set by an earlier part");
    }

    @Test
    void anEmptyCgroupIsNone() {
        assertFindings(RULE, "compressible-empty-cgroup", "1.32", CODES,
                error("LC1028", 3, 31, "kubelet flag --enforce-node-allocatable names kube-reserved-compressible, which needs the"
                        + " cgroup to enforce it on in --kube-reserved-cgroup, and no --kube-reserved-cgroup is set, so kubelet does"
                        + " not start", "add --kube-reserved-cgroup (the cgroup of the Kubernetes daemons, which must exist), or drop"
                                + " kube-reserved-compressible from --enforce-node-allocatable"));
    }

    @Test
    void aLaterPartRemovingTheCgroupCounts() {
        assertEquals(1, found("cgroup-removed-later", "1.33").size(), () -> found("cgroup-removed-later", "1.33").toString());
    }

    @Test
    void aFlagNamedTwiceIsTheFlagLibrarysCall() {
        assertEquals(List.of(), found("cgroup-named-twice", "1.33"));
    }

    @Test
    void podCgroupsOffWithTheDefaultEnforcement() {
        assertFindings(RULE, "per-qos-off", "1.30", CODES,
                error("LC1028", 3, 22, "kubelet flag --cgroups-per-qos=false leaves no pod cgroups to enforce node allocatable on,"
                        + " and --enforce-node-allocatable is pods (its default), so kubelet does not start",
                        "add --enforce-node-allocatable: \"\" (no enforcement), or keep --cgroups-per-qos true"));
        assertEquals(List.of(), found("per-qos-off-no-enforcement", "1.30"));
    }

    /**
     * Up to 1.30 validation.go refuses --cgroups-per-qos=false beside any non-empty enforcement
     * list, none included ("enforceNodeAllocatable (--enforce-node-allocatable) is not supported
     * unless cgroupsPerQOS (--cgroups-per-qos) is set to true"; kubernetes PR 82850 quotes a kubelet
     * exiting on "--enforce-node-allocatable none --cgroups-per-qos false"). From 1.31 (kubernetes
     * PR 124268) the check is per item and none skips it.
     */
    @Test
    void podCgroupsOffWithNoneUpTo130() {
        assertFindings(RULE, "per-qos-off-none", "1.30", CODES,
                error("LC1028", 3, 22, "kubelet flag --cgroups-per-qos=F is refused by the kubelet of Kubernetes 1.30 with any"
                        + " --enforce-node-allocatable, none included (the kubelet takes none without pod cgroups from 1.31), so"
                        + " kubelet does not start", "add --enforce-node-allocatable: \"\" (no enforcement), or keep --cgroups-per-qos true"));
        assertEquals(1, found("per-qos-off-none", "1.27").size());
        assertEquals(List.of(), found("per-qos-off-none", "1.31"));
        assertEquals(List.of(), found("per-qos-off-none", "1.36"));
    }

    /**
     * An item the kubelet does not take is KubeFlagRule's finding, and the only one: from 1.31
     * validation.go skips the per-item cgroupsPerQOS check for it (its default case continues), so
     * blaming --cgroups-per-qos would be false there, and up to 1.30 the item alone stops the kubelet.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.30", "1.33"})
    void anUnknownEnforcementIsNotBlamedOnPodCgroups(String track) {
        List<String> lines = found("per-qos-off-unknown-item", track);
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("LC1028 ERROR 4:31 kubelet flag --enforce-node-allocatable takes a comma-separated list"),
                lines::toString);
    }

    /**
     * 1.32 added the -compressible enforcements and refuses each beside its full form
     * (validation.go: "both %q and %q cannot be specified together in enforceNodeAllocatable",
     * kubernetes PR 125982); before 1.32 the name is unknown, KubeFlagRule's finding.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.32", "1.36"})
    void aCompressibleEnforcementGoesWithoutItsFullForm(String track) {
        assertFindings(RULE, "compressible-with-full", track, CODES,
                error("LC1028", 3, 31, "kubelet flag --enforce-node-allocatable names both system-reserved and"
                        + " system-reserved-compressible, which the kubelet refuses together, so kubelet does not start",
                        "keep one: system-reserved limits every resource of the cgroup, system-reserved-compressible only its CPU"));
        List<String> before = found("compressible-with-full", "1.31");
        assertEquals(1, before.size(), before::toString);
        assertTrue(before.get(0).contains("'system-reserved-compressible' is none of them"), before::toString);
    }

    /**
     * validation.go, every minor: "can't use reservedSystemCPUs (--reserved-cpus) with
     * systemReservedCgroup (--system-reserved-cgroup) or kubeReservedCgroup (--kube-reserved-cgroup)",
     * whatever --enforce-node-allocatable holds. Reported at --reserved-cpus, also when another part
     * sets the cgroup.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.36"})
    void reservedCpusGoWithoutAReservedCgroup(String track) {
        assertFindings(RULE, "reserved-cpus-with-cgroup", track, CODES,
                error("LC1028", 3, 20, "kubelet flag --reserved-cpus cannot be used with --kube-reserved-cgroup (set to"
                        + " /kube.slice), so kubelet does not start (\"can't use reservedSystemCPUs (--reserved-cpus) with"
                        + " systemReservedCgroup (--system-reserved-cgroup) or kubeReservedCgroup (--kube-reserved-cgroup)\")",
                        "reserve the CPUs with --system-reserved or --kube-reserved (cpu=1) instead, or drop --kube-reserved-cgroup"));
        assertEquals(List.of(), found("reserved-cpus-cgroup-variable", track), "$SYSTEM_CGROUP may be empty");
    }

    @Test
    void staticCpuPolicyWantsReservedCpus() {
        String message = "kubelet flag --cpu-manager-policy=static needs CPUs reserved for the system, and neither --reserved-cpus"
                + " nor a cpu in --kube-reserved or --system-reserved reserves any, so kubelet does not start (\"the static policy"
                + " requires systemreserved.cpu + kubereserved.cpu to be greater than zero\")";
        String hint = "add --reserved-cpus: \"0\" (the CPUs kept for the system), or --kube-reserved: cpu=500m";
        assertFindings(RULE, "static-alone", "1.35", CODES, error("LC1028", 3, 25, message, hint));
        assertFindings(RULE, "static-zero-cpu", "1.35", CODES, error("LC1028", 3, 25, message, hint));
        assertEquals(List.of(), found("static-reserved", "1.35"));
        assertEquals(List.of(), found("static-unjudged", "1.35"), "a kubelet --config file may reserve CPUs");
        assertEquals(List.of(), found("static-unreadable-quantity", "1.35"), "a quantity launchc does not read");
        assertFindings(RULE, "static-with-cgroup", "1.35", CODES, error("LC1028", 3, 25, message,
                "add --kube-reserved: cpu=500m (not --reserved-cpus, which the kubelet refuses beside a reserved cgroup)"));
        // An empty cgroup is none: validation.go refuses --reserved-cpus only beside a non-empty one.
        assertFindings(RULE, "static-with-empty-cgroup", "1.35", CODES, error("LC1028", 3, 25, message, hint));
    }

    /**
     * kubelite expands $VAR and ${VAR} in each args line (MicroK8s'
     * build-scripts/components/kubernetes/patches/.../0000-Kubelite-integration.patch ReadArgsFromFile,
     * reference launch-config-facts), so a variable may stand for true, or for no enforcement.
     */
    @Test
    void aVariableMayBeAnything() {
        assertEquals(List.of(), found("per-qos-variable", "1.30"), "$KUBELET_PER_QOS may be true");
        assertEquals(List.of(), found("per-qos-off-enforcement-variable", "1.30"), "${ENFORCEMENTS} may be empty");
    }

    /**
     * cmd/kubelet/app/server.go (NewKubeletCommand): the --config file is loaded, --config-dir's
     * drop-ins merged over it, then the command line parsed again over both (flag precedence). A flag
     * given wins; a field a flag does not give may come from either file: enforceNodeAllocatable,
     * systemReservedCgroup, kubeReservedCgroup, kubeReserved, systemReserved, reservedSystemCPUs.
     */
    @Test
    void aKubeletConfigFileMayHoldWhatTheFlagsLack() {
        assertEquals(List.of(), found("per-qos-off-config-file", "1.30"), "the file may set enforceNodeAllocatable: []");
        assertEquals(List.of(), found("cgroup-in-config-file", "1.33"), "the file may set the reserved cgroups");
        assertEquals(List.of(), found("static-config-dir", "1.35"), "a drop-in may reserve CPUs");
    }

    /**
     * microk8s join (MicroK8s scripts/wrappers/join.py store_base_kubelet_args) replaces args/kubelet
     * with the kubelet args of the node it contacts, which launchc does not see; only kubelet args of
     * a later part reach the kubelet (the compiler's plan notes the same, MicroK8s issue 5236). So
     * what a later part sets is judged, and what it leaves unset is not known.
     */
    @Test
    void joinReplacesTheKubeletArgs() {
        assertEquals(List.of(), found("join-replaces-static", "1.33"), "the static policy is gone with the join");
        assertEquals(List.of(), found("join-then-per-qos-off", "1.33"), "the joined node's args may set no enforcement");
        assertEquals(List.of(), found("join-then-cgroup", "1.33"), "the joined node's args may name the cgroup");
        assertFindings(RULE, "join-then-none-with-others", "1.33", CODES,
                error("LC1028", 8, 31, "kubelet flag --enforce-node-allocatable takes none only alone: 'none,pods' names none with"
                        + " other enforcements, so kubelet does not start", "write none alone, or drop none"));
    }

    @Test
    void cpuQuantitiesOfTheReservedMaps() {
        assertEquals(Boolean.FALSE, NodeAllocatableRule.cpuReserved("memory=1Gi"));
        assertEquals(Boolean.FALSE, NodeAllocatableRule.cpuReserved("cpu=0,memory=1Gi"));
        assertEquals(Boolean.FALSE, NodeAllocatableRule.cpuReserved(" cpu = 0m "));
        assertEquals(Boolean.TRUE, NodeAllocatableRule.cpuReserved("cpu=100m"));
        assertEquals(Boolean.TRUE, NodeAllocatableRule.cpuReserved("cpu=.5"));
        assertEquals(Boolean.FALSE, NodeAllocatableRule.cpuReserved("cpu=1,cpu=0"), "the last item of a key counts");
        assertNull(NodeAllocatableRule.cpuReserved("cpu=1e3m"));
        assertNull(NodeAllocatableRule.cpuReserved("cpu=2Ki"));
        // kubelite expands $VAR in the line (its Kubelite-integration patch, ReadArgsFromFile):
        // a variable may hold a whole cpu=... item, so a map with one is not read.
        assertNull(NodeAllocatableRule.cpuReserved("$KUBE_RESERVED"));
        assertNull(NodeAllocatableRule.cpuReserved("memory=1Gi,${SYS_CPU}"));
        assertEquals(List.of(), found("static-reserved-variable", "1.35"));
    }

    /**
     * --memory-manager-policy=Static: pkg/kubelet/cm/memorymanager/memory_manager.go
     * validateReservedMemory wants --reserved-memory to add up to the memory Node Allocatable
     * reserves; MicroK8s' default kubelet args hard-evict at memory.available<100Mi
     * (microk8s-resources/default-args/kubelet), so the policy alone stops the kubelet.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.32", "1.36"})
    void staticMemoryPolicyWantsReservedMemory(String track) {
        String message = "kubelet flag --memory-manager-policy=Static needs --reserved-memory adding up to the memory Node"
                + " Allocatable reserves (here at least %s), and none is set, so kubelet does not start (the total amount"
                + " \"0\" of type \"memory\" is not equal to the value ... determined by Node Allocatable feature)";
        String hint = "add --reserved-memory: \"0:memory=100Mi\" (per NUMA node; the amounts must add up to kube-reserved plus"
                + " system-reserved memory plus the memory.available eviction threshold exactly), or drop --memory-manager-policy";
        assertFindings(RULE, "memory-static-alone", track, CODES,
                error("LC1028", 3, 28, String.format(message, "memory.available<100Mi in --eviction-hard"), hint));
        assertFindings(RULE, "memory-static-system-reserved", track, CODES,
                error("LC1028", 3, 28, String.format(message, "memory=1Gi in --system-reserved"), hint));
        assertFindings(RULE, "memory-static-default-eviction", track, CODES,
                error("LC1028", 3, 28, String.format(message, "the kubelet's default memory.available<100Mi"), hint));
        assertEquals(List.of(), found("memory-static-reserved", track));
        assertEquals(List.of(), found("memory-static-no-threshold", track), "no memory threshold: defaults differ by minor");
    }

    /**
     * Up to 1.31 the kubelet builds its memory manager only under the MemoryManager gate
     * (pkg/kubelet/cm/container_manager_linux.go); turned off in any kubelite component's
     * --feature-gates, the Static policy is never read. 1.32 locked the gate on.
     */
    @Test
    void theMemoryManagerGateOffUpTo131() {
        assertEquals(List.of(), found("memory-static-gate-off", "1.31"));
        assertEquals(1, found("memory-static-gate-off", "1.32").size());
    }

    /**
     * pkg/kubelet/eviction/helpers.go ParseThresholdConfig, every minor: each --eviction-soft signal
     * needs its --eviction-soft-grace-period entry ("grace period must be specified for the soft
     * eviction threshold %v"), else the kubelet does not start. A later part's grace period counts.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.36"})
    void softThresholdsWantGracePeriods(String track) {
        assertFindings(RULE, "soft-eviction", track, CODES,
                error("LC1028", 3, 20, "kubelet flag --eviction-soft sets a soft threshold for nodefs.available with no grace"
                        + " period for it in --eviction-soft-grace-period, so kubelet does not start (grace period must be"
                        + " specified for the soft eviction threshold nodefs.available)", "add --eviction-soft-grace-period:"
                        + " nodefs.available=1m30s (how long the threshold must hold before pods are evicted)"));
        assertEquals(List.of(), found("soft-eviction-graced", track));
    }

    @Test
    void memoryThresholdsAndReservations() {
        assertEquals("100Mi", NodeAllocatableRule.memoryEvictionThreshold("memory.available<100Mi,nodefs.available<1Gi"));
        assertEquals("5%", NodeAllocatableRule.memoryEvictionThreshold(" memory.available < 5% "));
        assertEquals(null, NodeAllocatableRule.memoryEvictionThreshold("memory.available<0Mi"));
        assertEquals(null, NodeAllocatableRule.memoryEvictionThreshold("nodefs.available<1Gi"));
        assertEquals("1Gi", NodeAllocatableRule.reservedMemory("cpu=1,memory=1Gi"));
        assertEquals(null, NodeAllocatableRule.reservedMemory("memory=0"));
    }
}
