package dev.launchc.rules;

import static dev.launchc.rules.RuleFixtures.assertClean;
import static dev.launchc.rules.RuleFixtures.assertFindings;
import static dev.launchc.rules.RuleFixtures.at;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TrackDefaultListRule: LC2012. MicroK8s replaces the whole line (CA pkg/snap/services.go
 * UpdateServiceArguments), so a new --feature-gates drops the 1.32 default WatchList=false
 * (MK default-args/kube-apiserver: "Disable the watchlist feature until k8s-dqlite can handle it").
 */
class TrackDefaultListRuleTest {
    private static final Set<Code> CODES = Set.of(Code.TRACK_DEFAULT_DROPPED);

    @Test
    void featureGatesDropTheWatchListGuard() {
        List<Diagnostic> d = assertFindings("track-default/feature-gates.yaml", CODES, at(Code.TRACK_DEFAULT_DROPPED, 3, 20,
                "keep it: --feature-gates: InPlacePodVerticalScaling=true,WatchList=false"));
        assertTrue(d.get(0).message().contains("(\"Disable the watchlist feature until k8s-dqlite can handle it\")"),
                d.get(0).message());
    }

    @Test
    void admissionPluginsDropEventRateLimit() {
        assertFindings("track-default/admission-plugins.yaml", CODES, at(Code.TRACK_DEFAULT_DROPPED, 3, 31,
                "keep it: --enable-admission-plugins: NodeRestriction,EventRateLimit"));
    }

    /** Kept or overridden by name; the kubelet has no default gates on 1.32. */
    @Test
    void keptOrOverridden() {
        assertClean("track-default/clean.yaml", Code.TRACK_DEFAULT_DROPPED);
    }
}
