package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchc.golden.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config against config ("what does this edit change"), OUTDIR inputs, and SARIF output. */
class DiffConfigsTest {
    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GPU = Golden.REPO.resolve("examples/gpu");

    /** The GPU example with an edit, beside a copy of its token file. */
    private Path edited(String from, String to) throws IOException {
        String text = Files.readString(GPU.resolve("cluster.yaml"), StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.copy(GPU.resolve("join-token.txt"), tmp.resolve("join-token.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return Files.writeString(tmp.resolve("cluster.yaml"), text.replace(from, to));
    }

    @Test
    void anEditShowsTheNodesItChangesTheirSeedPartsFilesAndRestarts() throws IOException {
        Path edit = edited("        team: ml\n      gpu:", "        team: ml\n        tier: gold\n      gpu:");
        CliRun run = CliRun.of("diff", "--format", "json", edit.toString(), GPU.resolve("cluster.yaml").toString());
        assertEquals(1, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        Map<String, JsonNode> nodes = new TreeMap<>();
        out.path("nodes").forEach(n -> nodes.put(n.path("node").asText(), n));
        assertEquals(List.of("cp-1", "cp-2", "cp-3", "gpu-1", "gpu-2"), new ArrayList<>(nodes.keySet()));
        // Only gpu-1 got the label: its kubelet --node-labels changes, which restarts kubelite
        // (CA pkg/k8sinit/apply.go restarts the service of every changed args file).
        assertEquals("changed", nodes.get("gpu-1").path("status").asText());
        assertEquals("[\"args/kubelet\"]", nodes.get("gpu-1").path("files").toString());
        assertEquals("[\"kubelite\"]", nodes.get("gpu-1").path("restarts").toString());
        assertTrue(nodes.get("gpu-1").path("seedParts").toString().contains("changed"), nodes.get("gpu-1").toString());
        for (String other : List.of("cp-1", "cp-2", "cp-3", "gpu-2")) {
            assertEquals("unchanged", nodes.get(other).path("status").asText(), other);
            assertEquals(0, nodes.get(other).path("restarts").size(), other);
        }
        for (JsonNode d : out.path("differences")) {
            assertEquals("gpu-1", d.path("node").asText());
            assertEquals("--node-labels", d.path("key").asText());
            assertEquals("changed", d.path("kind").asText());
            assertTrue(d.path("expected").asText().contains("tier=gold"), d.toString());
        }
    }

    /**
     * A new --cpu-manager-policy on nodes that ran: the kubelet refuses it until its checkpoint is
     * deleted (pkg/kubelet/cm/cpumanager/state/state_checkpoint.go), so the edit says to do that first.
     */
    @Test
    void anEditOfTheCpuPolicySaysToDeleteItsCheckpointFirst() throws IOException {
        Path edit = edited("--max-pods: \"150\"", "--max-pods: \"150\"\n      --cpu-manager-policy: static\n      --reserved-cpus: \"0\"");
        CliRun text = CliRun.of("diff", edit.toString(), GPU.resolve("cluster.yaml").toString());
        assertEquals(1, text.exitCode(), text.err());
        String step = "by hand: before the new seed is applied: the kubelet's --cpu-manager-policy goes from none to static; drain"
                + " the node and delete /var/snap/microk8s/common/var/lib/kubelet/cpu_manager_state";
        assertEquals(5, text.out().split(java.util.regex.Pattern.quote(step), -1).length - 1, text.out());
        CliRun json = CliRun.of("diff", "--format", "json", edit.toString(), GPU.resolve("cluster.yaml").toString());
        for (JsonNode n : JSON.readTree(json.out()).path("nodes")) {
            assertTrue(n.path("manual").get(0).asText().startsWith("before the new seed is applied: the kubelet's --cpu-manager-policy"),
                    n.toString());
        }
        // An edit that leaves the policy alone has no such step, and no "manual" key.
        CliRun other = CliRun.of("diff", "--format", "json", edited("--max-pods: \"150\"", "--max-pods: \"160\"").toString(),
                GPU.resolve("cluster.yaml").toString());
        for (JsonNode n : JSON.readTree(other.out()).path("nodes")) {
            assertTrue(n.path("manual").isMissingNode(), n.toString());
        }
    }

    /** A node drifted to another CPU policy: undoing it needs the checkpoint deleted before the remediation is applied. */
    @Test
    void aRemediationOfTheCpuPolicySaysToDeleteItsCheckpointFirst() throws IOException {
        dev.launchc.diff.NodeState expected = DiffFixtures.compiled(GPU.resolve("cluster.yaml"), "gpu-1");
        Map<String, String> files = new TreeMap<>(expected.files());
        files.put("kubelet", files.get("kubelet") + "--cpu-manager-policy=static\n--reserved-cpus=0\n");
        Path report = DiffFixtures.report(tmp.resolve("inspection-report-20260101_000000.tar.gz"), files);
        Path remediation = tmp.resolve("fix.yaml");
        CliRun run = CliRun.of("diff", "--node", "gpu-1", "--remediate", remediation.toString(), GPU.resolve("cluster.yaml").toString(),
                report.toString());
        assertEquals(1, run.exitCode(), run.err());
        String text = Files.readString(remediation, StandardCharsets.UTF_8);
        assertTrue(text.contains("#   - before applying this file: the kubelet's --cpu-manager-policy goes from static to none; drain the"
                + " node and delete /var/snap/microk8s/common/var/lib/kubelet/cpu_manager_state"), text);
        assertTrue(text.contains("  \"--cpu-manager-policy\": null"), text);
    }

    @Test
    void anEditReadsBeforeToAfterInText() throws IOException {
        // EXPECTED is the edit, ACTUAL the base (as in the pull-request workflow): raising --max-pods
        // from 150 to 200 must not read as lowering it
        Path edit = edited("--max-pods: \"150\"", "--max-pods: \"200\"");
        CliRun run = CliRun.of("diff", edit.toString(), GPU.resolve("cluster.yaml").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("--max-pods: \"150\" -> \"200\""), run.out());
    }

    @Test
    void anAddedNodeIsNotSummedUpAsNoDifferences() throws IOException {
        Path edit = edited("    - name: gpu-2\n", "    - name: gpu-3\n");
        CliRun run = CliRun.of("diff", edit.toString(), GPU.resolve("cluster.yaml").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().endsWith("no differences in the nodes of both, 2 nodes added or removed\n"), run.out());
    }

    @Test
    void anAddedAndARemovedNodeAreNamed() throws IOException {
        Path edit = edited("    - name: gpu-2\n", "    - name: gpu-3\n");
        CliRun run = CliRun.of("diff", edit.toString(), GPU.resolve("cluster.yaml").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("node gpu-2: removed"), run.out());
        assertTrue(run.out().contains("node gpu-3: added"), run.out());
        assertTrue(run.out().contains("node cp-1: unchanged"), run.out());
    }

    @Test
    void aConfigAgainstItsOwnCompileOutdirHasNoDifference() throws IOException {
        Path out = tmp.resolve("out");
        CliRun compile = CliRun.of("compile", "-o", out.toString(), GPU.resolve("cluster.yaml").toString());
        assertEquals(0, compile.exitCode(), compile.err());
        CliRun run = CliRun.of("diff", GPU.resolve("cluster.yaml").toString(), out.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        CliRun reverse = CliRun.of("diff", "--node", "gpu-1", out.toString(), GPU.resolve("cluster.yaml").toString());
        assertEquals(0, reverse.exitCode(), reverse.out() + reverse.err());
    }

    @Test
    void anOutdirOfTheSharedLayoutReadsAsTheLinkedOne() throws IOException {
        // Issue 20: in the shared layout a node's args/ (or a directory in it) is a link into shared/.
        Path linked = tmp.resolve("linked");
        Path shared = tmp.resolve("shared");
        assertEquals(0, CliRun.of("compile", "-o", linked.toString(), GPU.resolve("cluster.yaml").toString()).exitCode());
        assertEquals(0, CliRun.of("compile", "--layout", "shared", "-o", shared.toString(), GPU.resolve("cluster.yaml").toString())
                .exitCode());
        assertTrue(Files.isSymbolicLink(shared.resolve("nodes/gpu-2/args")) || Files.isSymbolicLink(shared.resolve("nodes/gpu-2/args/certs.d")),
                "the fixture has links to read through");
        CliRun same = CliRun.of("diff", linked.toString(), shared.toString());
        assertEquals(0, same.exitCode(), same.out() + same.err());
        assertEquals(CliRun.of("diff", GPU.resolve("cluster.yaml").toString(), linked.toString()).out(),
                CliRun.of("diff", GPU.resolve("cluster.yaml").toString(), shared.toString()).out());
        Map<String, String> files = new TreeMap<>(DiffFixtures.compiled(GPU.resolve("cluster.yaml"), "gpu-2").files());
        files.put("kubelet", files.get("kubelet") + "--v=4\n");
        Path report = DiffFixtures.report(tmp.resolve("r.tar.gz"), files);
        CliRun drift = CliRun.of("diff", "--node", "gpu-2", shared.toString(), report.toString());
        assertEquals(1, drift.exitCode(), drift.err());
        assertTrue(drift.out().startsWith("node gpu-2\n  args/kubelet\n    unexpected      --v: \"4\""), drift.out());
    }

    @Test
    void aLinkInAnOutdirThatLaunchcDoesNotWriteIsRefused() throws IOException {
        Path shared = tmp.resolve("shared");
        assertEquals(0, CliRun.of("compile", "--layout", "shared", "-o", shared.toString(), GPU.resolve("cluster.yaml").toString())
                .exitCode());
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("kubelet"), "--v=9\n");
        Path args = shared.resolve("nodes/gpu-2/args");
        if (Files.isSymbolicLink(args)) {
            Files.delete(args);
            Files.createDirectory(args);
        }
        Files.createSymbolicLink(args.resolve("elsewhere"), Path.of("../../../../outside"));
        CliRun run = CliRun.of("diff", "--node", "gpu-2", GPU.resolve("cluster.yaml").toString(), shared.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("refusing elsewhere: not a regular file (a link or device)"), run.err());
    }

    @Test
    void anOutdirAgainstAReportNeedsTheNodeAndFindsItsDrift() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.of("compile", "-o", out.toString(), GPU.resolve("cluster.yaml").toString()).exitCode());
        Map<String, String> files = new TreeMap<>(DiffFixtures.compiled(GPU.resolve("cluster.yaml"), "gpu-2").files());
        files.put("kubelet", files.get("kubelet") + "--v=4\n");
        Path report = DiffFixtures.report(tmp.resolve("r.tar.gz"), files);
        CliRun run = CliRun.of("diff", "--node", "gpu-2", out.toString(), report.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("node gpu-2\n  args/kubelet\n    unexpected      --v: \"4\""), run.out());
    }

    @Test
    void sarifPutsEachDifferenceAtTheConfigLineThatSetsIt() throws IOException {
        Path config = Golden.REPO.resolve("examples/native/every-field.yaml");
        Map<String, String> files = new TreeMap<>(DiffFixtures.compiled(config, null).files());
        files.put("kube-scheduler", files.get("kube-scheduler").replace("--leader-elect-renew-deadline=15s", "--leader-elect-renew-deadline=20s"));
        Path report = DiffFixtures.report(tmp.resolve("r.tar.gz"), files);
        CliRun run = CliRun.of("diff", "--format", "sarif", config.toString(), report.toString());
        assertEquals(1, run.exitCode(), run.err());
        JsonNode results = JSON.readTree(run.out()).path("runs").get(0).path("results");
        assertEquals(1, results.size(), run.out());
        JsonNode r = results.get(0);
        assertEquals("diff/changed", r.path("ruleId").asText());
        JsonNode loc = r.path("locations").get(0).path("physicalLocation");
        assertTrue(loc.path("artifactLocation").path("uri").asText().endsWith("examples/native/every-field.yaml"), loc.toString());
        int line = loc.path("region").path("startLine").asInt();
        assertTrue(Files.readAllLines(config).get(line - 1).contains("--leader-elect-renew-deadline"), "line " + line);
    }

    @Test
    void sarifPutsAClusterNodesDifferenceAtItsEntryInTheClusterFile() throws IOException {
        Path config = GPU.resolve("cluster.yaml");
        Map<String, String> files = new TreeMap<>(DiffFixtures.compiled(config, "gpu-1").files());
        files.put("kubelet", files.get("kubelet") + "--v=4\n");
        Path report = DiffFixtures.report(tmp.resolve("r.tar.gz"), files);
        CliRun run = CliRun.of("diff", "--format", "sarif", "--node", "gpu-1", config.toString(), report.toString());
        assertEquals(1, run.exitCode(), run.err());
        JsonNode loc = JSON.readTree(run.out()).path("runs").get(0).path("results").get(0).path("locations").get(0).path("physicalLocation");
        assertTrue(loc.path("artifactLocation").path("uri").asText().endsWith("examples/gpu/cluster.yaml"), loc.toString());
        int line = loc.path("region").path("startLine").asInt();
        assertTrue(Files.readAllLines(config).get(line - 1).contains("name: gpu-1"), "line " + line);
    }
}
