package dev.launchc.rules;

import static dev.launchc.rules.CatalogRuleFixtures.assertFindings;
import static dev.launchc.rules.CatalogRuleFixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.launchc.diag.Code;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FeatureGateRule: LC1004 unknown gate, LC1028 bad or locked gate value. */
class FeatureGateRuleTest {
    private static final String RULE = "feature-gate";
    private static final Set<String> CODES = Set.of("LC1004", "LC1028");

    @Test
    void misspeltGateNextToAGoodOne() {
        assertFindings(RULE, "unknown-gate", "1.32", CODES,
                error("LC1004", 3, 20, "unknown feature gate SidecarContainer for kubelet in Kubernetes 1.32",
                        "did you mean SidecarContainers?"));
    }

    @Test
    void gateRemovedIn128() {
        assertFindings(RULE, "removed-gate", "1.27", CODES);
        assertFindings(RULE, "removed-gate", "1.28", CODES,
                error("LC1004", 4, 20, "unknown feature gate DevicePlugins for kubelet in Kubernetes 1.28",
                        "DevicePlugins was removed in Kubernetes 1.28"));
        assertFindings(RULE, "removed-gate", "1.36", CODES,
                error("LC1004", 4, 20, "unknown feature gate DevicePlugins for kubelet in Kubernetes 1.36",
                        "DevicePlugins was removed in Kubernetes 1.28"));
    }

    @Test
    void gateRemovedIn133UnderTheUnderscoreSpelling() {
        assertFindings(RULE, "removed-gate-apiserver", "1.32", CODES);
        assertFindings(RULE, "removed-gate-apiserver", "1.33", CODES,
                error("LC1004", 4, 20, "unknown feature gate APIListChunking for kube-apiserver in Kubernetes 1.33",
                        "APIListChunking was removed in Kubernetes 1.33"));
    }

    @Test
    void gateOfANewerMinor() {
        assertFindings(RULE, "newer-gate", "1.35", CODES,
                error("LC1004", 4, 20, "unknown feature gate AtomicFIFO for kube-controller-manager in Kubernetes 1.35",
                        "AtomicFIFO exists only in Kubernetes 1.36 and later; target a newer track"));
        assertFindings(RULE, "newer-gate", "1.36", CODES);
    }

    @Test
    void gateValueThatIsNotABool() {
        assertFindings(RULE, "bad-value", "1.33", CODES,
                error("LC1028", 3, 20, "feature gate SidecarContainers takes true or false, not 'yes'",
                        "write SidecarContainers=true or SidecarContainers=false"));
    }

    @Test
    void gateWithoutAValue() {
        assertFindings(RULE, "missing-value", "1.30", CODES,
                error("LC1028", 3, 20, "feature gate SidecarContainers in kube-proxy --feature-gates has no value",
                        "write SidecarContainers=true or SidecarContainers=false"));
    }

    @Test
    void lockedGateSetAgainstItsDefault() {
        assertFindings(RULE, "locked", "1.31", CODES);
        assertFindings(RULE, "locked", "1.33", CODES,
                error("LC1028", 4, 20, "feature gate ComponentSLIs is locked to true in 1.33;"
                        + " kube-scheduler refuses to start with ComponentSLIs=false",
                        "remove ComponentSLIs=false from --feature-gates"));
        assertFindings(RULE, "locked", "1.35", CODES,
                error("LC1004", 4, 20, "unknown feature gate ComponentSLIs for kube-scheduler in Kubernetes 1.35",
                        "ComponentSLIs was removed in Kubernetes 1.35"));
    }

    /**
     * A worker's kubelite runs with --start-control-plane=false and then reads no kube-apiserver
     * args file (MicroK8s' kubelite patch, build-scripts/components/kubernetes/patches/v1.33.0/
     * 0000-Kubelite-integration.patch); scripts/wrappers/leave.py starts it with the file as
     * written. The gate findings say so, as KubeFlagRule's do; the kubelet's say nothing more.
     */
    @Test
    void aWorkersApiServerGatesBiteAfterLeave() {
        String when = " (this node joins as a worker, which runs no kube-apiserver once joined; it runs with these args from install until the join, and again after microk8s leave)";
        assertFindings(RULE, "worker-join", "1.33", CODES,
                error("LC1004", 3, 20, "unknown feature gate NoSuchGate for kube-apiserver in Kubernetes 1.33" + when, null),
                error("LC1028", 3, 20, "feature gate AnyVolumeDataSource is locked to true in 1.33; kube-apiserver refuses to"
                        + " start with AnyVolumeDataSource=false" + when, "remove AnyVolumeDataSource=false from --feature-gates"),
                error("LC1028", 3, 20, "feature gate SidecarContainers takes true or false, not 'yes'" + when,
                        "write SidecarContainers=true or SidecarContainers=false"),
                error("LC1004", 10, 20, "unknown feature gate NoSuchGate for kubelet in Kubernetes 1.33", null));
    }

    @Test
    void kubePrefixOnKubeApiserverFrom133() {
        assertFindings(RULE, "prefix-apiserver", "1.32", CODES,
                error("LC1004", 4, 20, "unknown feature gate kube:SidecarContainers for kube-apiserver in Kubernetes 1.32",
                        "write SidecarContainers without the kube: prefix; kube-apiserver in 1.32 takes no component prefix"));
        assertFindings(RULE, "prefix-apiserver", "1.33", CODES);
        assertFindings(RULE, "prefix-apiserver", "1.36", CODES);
    }

    @Test
    void kubePrefixOnTheKubelet() {
        assertFindings(RULE, "prefix-kubelet", "1.36", CODES,
                error("LC1004", 3, 20, "unknown feature gate kube:SidecarContainers for kubelet in Kubernetes 1.36",
                        "write SidecarContainers without the kube: prefix; kubelet in 1.36 takes no component prefix"));
    }

    @Test
    void otherPrefixOnKubeApiserver() {
        assertFindings(RULE, "other-prefix", "1.36", CODES,
                error("LC1004", 3, 20, "unknown feature gate wardle:BanFlunder for kube-apiserver in Kubernetes 1.36", null));
    }

    @Test
    void gateWithoutAName() {
        assertFindings(RULE, "empty-name", "1.36", CODES,
                error("LC1004", 3, 20, "empty feature gate name in kubelet --feature-gates item '=true'",
                        "write Name=true or Name=false"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.33", "1.34"})
    void cleanFileHasNoFindings(String track) {
        // LC2012 judges the same lines against the track's default gates (TrackDefaultListRuleTest); 1.34's
        // defaults name gates that 1.33 does not have, so no one fixture can keep them on both tracks.
        assertEquals(List.of(), CatalogRuleFixtures.lint(RULE, "clean", track).stream()
                .filter(d -> !d.code().equals(Code.TRACK_DEFAULT_DROPPED.id())).toList());
    }
}
