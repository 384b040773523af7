package dev.launchc.cluster;

import static dev.launchc.cluster.ClusterPipeline.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchc.cluster.ClusterPipeline.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding on a derived seed, from compile and from lint (which judges the derived seeds as compile
 * does, so the two agree), points at the cluster file's line and column of the value that
 * caused it and names the nodes it affects, once, in every output format. The fixture's DNS domain
 * holds a space: the cluster rules pass it, the seed's --cluster-domain gets LC1011.
 */
class DerivedSeedFindingTest {
    /** The same fixture as the compiler's SeedFindingsTest. */
    private static final String FIXTURE = "compiler/src/test/resources/rules/cluster/network/derived-domain-with-space.yaml";
    private static final String NODES = "(in the seeds derived for nodes cp-1, w-1, w-2)";
    /** Line and column of {@code "ab c"} in the fixture ({@code spec.network.dns.domain}). */
    private static final int LINE = 13;
    private static final int COLUMN = 15;

    @TempDir
    Path tmp;

    private Path cluster() {
        dev.launchc.pipeline.PipelineFixtures.write(tmp.resolve("token.txt"), SeedPropertiesTest.TOKEN + "\n");
        Path cluster = tmp.resolve("cluster.yaml");
        try {
            Files.copy(dev.launchc.pipeline.PipelineFixtures.repo().resolve(FIXTURE), cluster);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cluster;
    }

    @Test
    void compileTellsItOnceAtTheDomainsLineNamingEveryNode() {
        Path cluster = cluster();
        Run compile = ClusterCli.compile(cluster, tmp.resolve("out"));
        assertEquals(1, compile.code(), compile::describe);
        String at = cluster + ":" + LINE + ":" + COLUMN + ": error: value of --cluster-domain holds a space";
        assertTrue(compile.err().contains(at), compile::describe);
        assertTrue(compile.err().contains(NODES + " [LC1011]"), compile::describe);
        assertEquals(1, compile.err().split("\\[LC1011\\]", -1).length - 1, "one finding, not one per node:\n" + compile.err());
        assertFalse(compile.err().contains("→ nodes/"), compile::describe);
    }

    /** {@code launchc lint [--format F] cluster.yaml}: lint judges the derived seeds as compile does. */
    private Run lint(Path cluster, String... format) {
        List<String> args = new ArrayList<>(List.of("lint"));
        args.addAll(List.of(format));
        args.add(cluster.toString());
        Run r = ClusterCli.run(args.toArray(String[]::new));
        assertEquals(1, r.code(), r::describe);
        return r;
    }

    @Test
    void text() throws IOException {
        Path cluster = cluster();
        String text = lint(cluster).out();
        assertTrue(text.startsWith(cluster + ":" + LINE + ":" + COLUMN + ": error: value of --cluster-domain holds a space"), text);
        assertTrue(text.contains(NODES + " [LC1011]"), text);
        assertTrue(text.contains(" 13 |       domain: \"ab c\""), "the source line is shown: " + text);
    }

    @Test
    void json() throws IOException {
        Path cluster = cluster();
        JsonNode files = JSON.readTree(lint(cluster, "--format", "json").out()).path("files");
        assertEquals(1, files.size(), files.toString());
        JsonNode diags = files.get(0).path("diagnostics");
        assertEquals(1, diags.size(), diags.toString());
        JsonNode d = diags.get(0);
        assertEquals("LC1011", d.path("code").asText());
        assertEquals(cluster.toString(), d.path("file").asText());
        assertEquals(LINE, d.path("line").asInt());
        assertEquals(COLUMN, d.path("column").asInt());
        assertEquals("/spec/network/dns/domain", d.path("path").asText());
        assertTrue(d.path("message").asText().endsWith(NODES), d.toString());
    }

    @Test
    void sarif() throws IOException {
        Path cluster = cluster();
        JsonNode results = JSON.readTree(lint(cluster, "--format", "sarif").out()).path("runs").get(0).path("results");
        assertEquals(1, results.size(), results.toString());
        JsonNode r = results.get(0);
        assertEquals("LC1011", r.path("ruleId").asText());
        JsonNode physical = r.path("locations").get(0).path("physicalLocation");
        assertTrue(physical.path("artifactLocation").path("uri").asText().endsWith("cluster.yaml"), physical.toString());
        assertEquals(LINE, physical.path("region").path("startLine").asInt());
        assertEquals(COLUMN, physical.path("region").path("startColumn").asInt());
        assertTrue(r.path("message").path("text").asText().contains(NODES), r.toString());
    }
}
