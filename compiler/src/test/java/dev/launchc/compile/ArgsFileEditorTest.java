package dev.launchc.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.model.internal.ArgEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MicroK8s' args-file update algorithm (cluster agent UpdateServiceArguments) against the worked
 * examples of reference launch-config-facts §6.3 and the cases of the agent's own services_test.go.
 */
class ArgsFileEditorTest {
    private static final String MASTER = Catalog.get().newestTrack();

    private static ArgEntry set(String key, String value) {
        return new ArgEntry(key, value, "/x/" + key);
    }

    private static String defaults(String file) {
        return Catalog.get().track(MASTER).orElseThrow().defaultArgs().get(file);
    }

    @Test
    void defaultLaunchConfigAppendsKubeletDnsArgsAfterTheDefaultLines() {
        String before = defaults("kubelet");
        var r = ArgsFileEditor.apply(before, List.of(set("--cluster-domain", "cluster.local"), set("--cluster-dns", "10.152.183.10")));
        List<String> lines = r.content().lines().toList();
        List<String> defaultLines = before.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(defaultLines.size() + 2, lines.size());
        assertEquals(defaultLines, lines.subList(0, defaultLines.size()));
        assertEquals("--cluster-domain=cluster.local", lines.get(lines.size() - 2));
        assertEquals("--cluster-dns=10.152.183.10", lines.get(lines.size() - 1));
        assertTrue(r.changed());
    }

    @Test
    void apiserverPartReplacesInPlaceDeletesAndDropsBlankLines() {
        String before = defaults("kube-apiserver");
        List<String> old = before.lines().toList();
        int authLine = old.indexOf("--authorization-mode=AlwaysAllow");
        assertTrue(authLine > 0, "the default has AlwaysAllow");
        assertTrue(old.contains(""), "the default has a blank line");
        var r = ArgsFileEditor.apply(before, List.of(set("--authorization-mode", "RBAC,Node"), set("--event-ttl", null)));
        List<String> lines = r.content().lines().toList();
        assertEquals("--authorization-mode=RBAC,Node", lines.get(authLine));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("--event-ttl")));
        assertFalse(lines.contains(""), "blank lines are dropped from a touched file");
        assertTrue(lines.contains("# Enable the aggregation layer"), "comments are kept");
        List<String> expected = new ArrayList<>(old);
        expected.removeIf(l -> l.isBlank() || l.startsWith("--event-ttl"));
        expected.replaceAll(l -> l.equals("--authorization-mode=AlwaysAllow") ? "--authorization-mode=RBAC,Node" : l);
        assertEquals(expected, lines);
        assertTrue(r.content().endsWith("\n"));
    }

    @Test
    void containerdDebugFlagIsAppendedAfterTheFourDefaultLines() {
        var r = ArgsFileEditor.apply(defaults("containerd"), List.of(set("-l", "debug")));
        List<String> lines = r.content().lines().toList();
        assertEquals(5, lines.size());
        assertEquals("-l=debug", lines.get(4));
    }

    @Test
    void spaceFormKeyIsMatchedAndRewrittenWithEquals() {
        var r = ArgsFileEditor.apply("--bind 0.0.0.0:25000\n--timeout 240\n", List.of(set("--bind", "10.0.0.10:25000")));
        assertEquals("--bind=10.0.0.10:25000\n--timeout 240\n", r.content());
        assertTrue(r.changed());
    }

    @Test
    void reapplyingTheSameValuesIsNoChange() {
        var first = ArgsFileEditor.apply(defaults("kube-scheduler"), List.of(set("--leader-elect-lease-duration", "30s")));
        var second = ArgsFileEditor.apply(first.content(), List.of(set("--leader-elect-lease-duration", "30s")));
        assertEquals(first.content(), second.content());
        assertFalse(second.changed());
    }

    @Test
    void deletingAnAbsentKeyIsNoChangeButTheFileIsStillRewritten() {
        var r = ArgsFileEditor.apply("--a=1\n\n--b=2", List.of(set("--absent", null)));
        assertEquals("--a=1\n--b=2\n", r.content());
        assertFalse(r.changed());
    }

    /**
     * A bare flag's old value is the empty string in the cluster agent (pkg/util/files.go
     * ParseArgumentLine: no '=' and no ' ' leaves value ""), so setting it to "" rewrites the line
     * with '=' but is no change to UpdateServiceArguments (pkg/snap/services.go): no restart.
     */
    @Test
    void settingABareFlagToEmptyRewritesItButIsNoChange() {
        var r = ArgsFileEditor.apply("--use-service-account-credentials\n--profiling=false\n",
                List.of(set("--use-service-account-credentials", "")));
        assertEquals("--use-service-account-credentials=\n--profiling=false\n", r.content());
        assertFalse(r.changed());
        assertTrue(ArgsFileEditor.apply("--use-service-account-credentials\n",
                List.of(set("--use-service-account-credentials", "true"))).changed());
    }

    @Test
    void missingFileStartsEmpty() {
        var r = ArgsFileEditor.apply(null, List.of(set("GOFIPS", "1")));
        assertEquals("GOFIPS=1\n", r.content());
        assertTrue(r.changed());
    }

    @Test
    void valuesWithASecondEqualsAlwaysCountAsChanged() {
        var r = ArgsFileEditor.apply("--feature-gates=A=true\n", List.of(set("--feature-gates", "A=true")));
        assertEquals("--feature-gates=A=true\n", r.content());
        assertTrue(r.changed(), "the agent compares only up to the second '='");
    }

    @Test
    void helperInsertsMissingOptionsAtTheTopAndKeepsBlankLines() {
        var r = ArgsFileEditor.refreshOption("--a=1\n\n--b=2\n", "--c", "3");
        assertEquals("--c=3\n--a=1\n\n--b=2\n", r.content());
        var inPlace = ArgsFileEditor.refreshOption(r.content(), "--b", "9");
        assertEquals("--c=3\n--a=1\n\n--b=9\n", inPlace.content());
        assertFalse(ArgsFileEditor.refreshOption(inPlace.content(), "--b", "9").changed());
    }

    /**
     * The helper as first written (split, replace, join): the in-place scan must answer exactly as it
     * did. Both model canonical/microk8s microk8s-resources/actions/common/utils.sh
     * refresh_opt_in_local_config ({@code sed -i "s@^$opt=.*@..."}, else {@code sed -i "1i..."}).
     */
    private static ArgsFileEditor.Result refreshBySplitting(String content, String option, String value, boolean atTop) {
        String replacement = option + "=" + value;
        String text = content == null ? "" : content;
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        boolean trailingNewline = text.endsWith("\n");
        if (trailingNewline) {
            lines.remove(lines.size() - 1);
        }
        boolean found = false;
        boolean changed = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(option + "=")) {
                found = true;
                if (!lines.get(i).equals(replacement)) {
                    lines.set(i, replacement);
                    changed = true;
                }
            }
        }
        if (!found) {
            lines.add(atTop ? 0 : lines.size(), replacement);
            changed = true;
        }
        return new ArgsFileEditor.Result(String.join("\n", lines) + (trailingNewline || !found && text.isEmpty() ? "\n" : ""), changed);
    }

    @Test
    void theInPlaceHelperAnswersAsSplittingTheLinesDid() {
        java.util.Random random = new java.util.Random(20);
        String[] pieces = {"--a=1", "--a=2", "--a=", "--a", "--ab=1", "--b=2", "", " --a=1", "--a=1 ", "\r"};
        int compared = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int lines = random.nextInt(5);
            for (int l = 0; l < lines; l++) {
                text.append(pieces[random.nextInt(pieces.length)]);
                if (l < lines - 1 || random.nextBoolean()) {
                    text.append('\n');
                }
            }
            String content = round % 97 == 0 ? null : text.toString();
            String value = random.nextBoolean() ? "1" : "";
            boolean atTop = random.nextBoolean();
            assertEquals(refreshBySplitting(content, "--a", value, atTop), ArgsFileEditor.refreshOption(content, "--a", value, atTop),
                    () -> "content " + (content == null ? null : content.replace("\n", "\\n")) + ", value '" + value + "', atTop " + atTop);
            compared++;
        }
        assertEquals(20_000, compared);
    }

    @Test
    void generateCniOrderPutsClusterCidrFirstInControllerManager() {
        String kcm = defaults("kube-controller-manager");
        String after = ArgsFileEditor.refreshOption(kcm, "--service-cluster-ip-range", "10.152.183.0/24").content();
        after = ArgsFileEditor.refreshOption(after, "--cluster-cidr", "10.1.0.0/16").content();
        List<String> lines = after.lines().toList();
        assertEquals("--cluster-cidr=10.1.0.0/16", lines.get(0));
        assertEquals("--service-cluster-ip-range=10.152.183.0/24", lines.get(1));
    }

    @Test
    void helperOfOldTracksAppendsMissingOptions() {
        var r = ArgsFileEditor.refreshOption("--a=1\n", "--c", "3", false);
        assertEquals("--a=1\n--c=3\n", r.content());
    }
}
