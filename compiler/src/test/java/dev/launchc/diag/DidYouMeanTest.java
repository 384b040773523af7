package dev.launchc.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.KubeFlags;
import dev.launchc.catalog.Track;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** "Did you mean" against the real candidate lists: kubelet flags and the top-level launch-config keys. */
class DidYouMeanTest {
    private static Track track;
    private static Set<String> kubeletFlags;
    private static List<String> topLevelKeys;

    @BeforeAll
    static void candidates() throws IOException {
        Catalog catalog = Catalog.get();
        track = catalog.track(catalog.newestTrack()).orElseThrow();
        KubeFlags kube = catalog.kube(track.kubernetesMinor()).orElseThrow();
        kubeletFlags = kube.flagNames("kubelet");
        assertTrue(kubeletFlags.contains("--cluster-dns"), "catalog has the kubelet flags");
        try (InputStream in = DidYouMeanTest.class.getResourceAsStream("/schema/native/0.2.0.json")) {
            JsonNode schema = new ObjectMapper().readTree(in);
            topLevelKeys = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(topLevelKeys::add);
        }
        assertTrue(topLevelKeys.contains("extraKubeletArgs"), "schema lists the top-level keys: " + topLevelKeys);
    }

    @Test
    void misspeltKubeletFlag() {
        assertEquals(Optional.of("--cluster-dns"), DidYouMean.closest("--clster-dns", kubeletFlags));
        assertEquals(Optional.of("did you mean --cluster-dns?"), DidYouMean.hint("--clster-dns", kubeletFlags));
    }

    @Test
    void misspeltTopLevelKey() {
        assertEquals(Optional.of("extraKubeletArgs"), DidYouMean.closest("extraKubeletArg", topLevelKeys));
        assertEquals(Optional.of("did you mean extraKubeletArgs?"), DidYouMean.hint("extraKubeletArg", topLevelKeys));
    }

    @ParameterizedTest
    @CsvSource({
        "--cluster_dns, --cluster-dns",         // '_' and '-' are the same to Kubernetes
        "--Cluster-DNS, --cluster-dns",         // case
        "--culster-dns, --cluster-dns",         // transposition
        "--cluster-dnss, --cluster-dns",
        "--max-pod, --max-pods",
        "--fail-swap-of, --fail-swap-on",
    })
    void otherKubeletFlagTypos(String typo, String flag) {
        assertEquals(Optional.of(flag), DidYouMean.closest(typo, kubeletFlags));
    }

    @ParameterizedTest
    @CsvSource({
        "extraKubeletArgz, extraKubeletArgs",
        "extrakubeletargs, extraKubeletArgs",
        "extraSAN, extraSANs",
        "extraKubeAPIServerArg, extraKubeAPIServerArgs",
        "extraCNIenv, extraCNIEnv",
        "adons, addons",
        "verison, version",
    })
    void otherTopLevelKeyTypos(String typo, String key) {
        assertEquals(Optional.of(key), DidYouMean.closest(typo, topLevelKeys));
    }

    @ParameterizedTest
    @ValueSource(strings = {"banana", "zzqqxxyy", "kubernetes", "--qwertyuiop-zxcvb", "hello-world", "x-unknown-field"})
    void noSuggestionForUnrelatedWords(String word) {
        assertEquals(Optional.empty(), DidYouMean.closest(word, kubeletFlags), word + " vs kubelet flags");
        assertEquals(Optional.empty(), DidYouMean.closest(word, topLevelKeys), word + " vs top-level keys");
        assertEquals(Optional.empty(), DidYouMean.hint(word, topLevelKeys));
    }

    @Test
    void noSuggestionFromNoCandidates() {
        assertEquals(Optional.empty(), DidYouMean.closest("--cluster-dns", List.of()));
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstCandidate() {
        assertEquals(Optional.of("abd"), DidYouMean.closest("abc", List.of("abe", "abd")));
        assertEquals(Optional.of("abd"), DidYouMean.closest("abc", List.of("abd", "abe")));
    }

    @Test
    void distanceCountsATranspositionAsOneEdit() {
        assertEquals(1, DidYouMean.distance("culster", "cluster", 5));
        assertEquals(2, DidYouMean.distance("clster", "clusterr", 5));
        assertEquals(3, DidYouMean.distance("abcdef", "uvwxyz", 2), "cut off above the limit");
    }

    /** The same suggestions, end to end through the linter (README's example). */
    @Test
    void linterHintsNameTheSuggestion() {
        String yaml = String.join("\n",
                "version: 0.2.0",
                "extraKubeletArg:",
                "  --max-pods: \"110\"",
                "extraKubeletArgs:",
                "  --clster-dns: 10.152.183.10",
                "  --qwertyuiop-zxcvb: x",
                "zzqqxxyy: 1",
                "");
        FileLint lint = new Linter(track, Mode.DEFAULT, LoadLimits.DEFAULTS)
                .lint("dym.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        List<Diagnostic> d = lint.diagnostics();
        assertEquals(4, d.size(), d::toString);
        assertFinding(d.get(0), "LC1002", 2, 1, "unknown key 'extraKubeletArg'", "did you mean extraKubeletArgs?");
        assertFinding(d.get(1), "LC1003", 5, 3, "unknown kubelet flag --clster-dns", "did you mean --cluster-dns?");
        assertFinding(d.get(2), "LC1003", 6, 3, "unknown kubelet flag --qwertyuiop-zxcvb", null);
        assertFinding(d.get(3), "LC1002", 7, 1, "unknown key 'zzqqxxyy'", null);
    }

    private static void assertFinding(Diagnostic d, String code, int line, int column, String message, String hint) {
        assertEquals(code, d.code(), d::toString);
        assertEquals(line, d.line(), d::toString);
        assertEquals(column, d.column(), d::toString);
        assertEquals(message, d.message());
        if (hint == null) {
            assertNull(d.hint(), d::toString);
        } else {
            assertEquals(hint, d.hint());
        }
    }

    /** A fix renames only to the one closest name: two at the same distance are a guess. */
    @org.junit.jupiter.api.Test
    void unambiguousOnlyWhenOneCandidateIsClosest() {
        assertEquals("extraSANs", DidYouMean.unambiguous("extraSAN", java.util.List.of("extraSANs", "extraCNIEnv")).orElse(null));
        assertNull(DidYouMean.unambiguous("--fooo", java.util.List.of("--foo1", "--foo2")).orElse(null));
        assertNull(DidYouMean.unambiguous("--zzzzzz", java.util.List.of("--max-pods")).orElse(null));
    }
}
