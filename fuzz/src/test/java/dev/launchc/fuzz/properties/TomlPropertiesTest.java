package dev.launchc.fuzz.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.compile.SeedDeriver;
import dev.launchc.diag.Mode;
import dev.launchc.fuzz.FuzzSupport;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import dev.launchc.model.internal.Cluster;
import dev.launchc.plan.FileContent;
import dev.launchc.plan.NodePlan;
import dev.launchc.compile.NodeSeed;
import dev.launchc.plan.PlannedFile;
import dev.launchc.render.SeedRenderer;
import dev.launchc.render.TemplateRenderer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** No input value can add a table (or a key) to a hosts.toml file. */
class TomlPropertiesTest {
    @Provide
    Arbitrary<String> values() {
        return Hostile.values();
    }

    /**
     * Escape.toml inside hosts.toml.ftl, whatever the values: read back with Jackson's TomlMapper,
     * the file holds exactly the server key and one [host."url"] table per endpoint, with exactly
     * its keys and every value intact.
     */
    @Property(tries = 1000)
    void noValueCanAddATableToHostsToml(@ForAll("values") String url, @ForAll("values") String server,
            @ForAll("values") String ca, @ForAll("values") String cert, @ForAll("values") String key,
            @ForAll("values") String capability, @ForAll("values") String secondUrl, @ForAll boolean skipVerify) {
        // Two tables for one URL are a TOML error by design; the generated files never hold one (see below).
        Assume.that(!FuzzSupport.utf8(url).equals(FuzzSupport.utf8(secondUrl)));
        FuzzSupport.checkHostsToml(new FileContent.HostsToml(server, List.of(
                new FileContent.HostEntry(url, List.of("pull", capability), ca, cert, key, skipVerify, !skipVerify),
                new FileContent.HostEntry(secondUrl, List.of("resolve"), null, cert, null, false, false))));
    }

    /**
     * The same through the whole pipeline: a cluster mirrors a namespace through a hostile
     * endpoint. Lint rejects it, or every node's args/certs.d/NS/hosts.toml reads back with
     * exactly one [host."endpoint"] table and the seed that carries it lints clean.
     */
    @Property(tries = 200)
    void noMirrorEndpointCanAddATableThroughCompile(@ForAll("endpoints") String endpoint) {
        String yaml = "apiVersion: launchc.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: edge\nspec:\n"
                + "  registries:\n    mirrors:\n      docker.io: [" + FuzzSupport.q(endpoint) + "]\n"
                + "  join:\n    token:\n      fromEnv: TOKEN\n"
                + "  nodes:\n    - {name: cp-1, role: control-plane, address: 10.0.0.11}\n";
        FileLint lint = FuzzSupport.lint("cluster.yaml", yaml, Mode.DEFAULT, FuzzSupport.NEWEST);
        if (lint.hasErrors()) {
            Statistics.label("outcome").collect("rejected by lint");
            return;
        }
        Statistics.label("outcome").collect("compiled");
        Cluster cluster = lint.cluster().cluster();
        for (NodeSeed seed : SeedDeriver.derive(cluster, lint.cluster().track(), "T0kenT0kenT0kenT0kenT0kenT0kenT0ken")) {
            String seedText = SeedRenderer.render(cluster.name(), seed);
            FileLint seedLint = new Linter(lint.cluster().track(), true, Mode.DEFAULT, LoadLimits.DEFAULTS)
                    .lint("seed.yaml", seedText.getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(), seedLint.diagnostics().stream().filter(d -> d.severity().name().equals("ERROR")).toList(),
                    () -> "the seed does not lint clean:\n" + seedText);
            NodePlan plan = NodeCompiler.compile(seed.node(), seedLint.config(), lint.cluster().track());
            PlannedFile hosts = plan.files().get("args/certs.d/docker.io/hosts.toml");
            assertNotNull(hosts, "no hosts.toml for docker.io");
            JsonNode doc = FuzzSupport.readToml(TemplateRenderer.render(hosts.content()));
            assertEquals(List.of(FuzzSupport.utf8(endpoint)), FuzzSupport.names(doc.get("host")),
                    () -> "tables of hosts.toml: " + doc);
        }
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.oneOf(
                Hostile.values().map(v -> "https://mirror.corp.example:5000/" + v),
                Hostile.values().map(v -> "https://" + v + ".example"),
                Hostile.values());
    }
}
