package dev.launchc.fuzz.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.fuzz.FuzzSupport;
import dev.launchc.pipeline.BundleContents;
import dev.launchc.pipeline.CompilePipeline;
import dev.launchc.pipeline.CompileResult;
import dev.launchc.pipeline.PipelineFixtures;
import dev.launchc.render.TemplateRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * No input value can add a command to the bundle's {@code install.sh}. The script is rendered from
 * its template with hostile values in every place the input reaches (cluster name, node names,
 * addresses, the node list), then reduced to its skeleton: the text outside quotes and comments, as
 * a POSIX shell tokenizes it. The skeleton must be the same as with harmless values, so every
 * value stayed inside its quotes or its comment. Checked without running a shell: sh -c per try
 * is slow, and the quoting grammar is all that decides where a command starts.
 */
class InstallScriptPropertiesTest {
    record Node(String name, String address) {}

    @Provide
    Arbitrary<String> values() {
        return Hostile.values();
    }

    @Property(tries = 500)
    void noValueCanAddACommandToInstallSh(@ForAll("values") String cluster,
            @ForAll @Size(min = 1, max = 4) List<@From("values") String> names,
            @ForAll @Size(min = 1, max = 4) List<@From("values") String> addresses) {
        List<Node> hostile = new ArrayList<>();
        List<Node> harmless = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String address = i < addresses.size() ? addresses.get(i) : "";
            hostile.add(new Node(names.get(i), address));
            harmless.add(new Node("node-" + i, address.isEmpty() ? "" : "10.0.0." + i));
        }
        boolean nul = hostile.stream().anyMatch(n -> (n.name() + n.address()).indexOf('\0') >= 0);
        Statistics.label("a node value holds NUL (shell() refuses it; lint keeps NUL out)").collect(nul);
        if (nul) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> render(cluster, hostile));
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            assertEquals("a shell word cannot hold a NUL character", cause.getMessage());
            return;
        }
        String script = render(cluster, hostile);
        String expected = skeleton(render("plant-7", harmless));
        assertEquals(expected, skeleton(script), () -> "install.sh changed outside its quotes and comments:\n" + script);
        assertTrue(script.startsWith("#!/bin/sh\n") || script.contains("\n#!/bin/sh\n"));
    }

    /**
     * The same through the bundle's contents ({@code launchc bundle} packs them): lint takes any metadata.name, which install.sh and
     * README.txt show. Whatever the name, the bundle's install.sh has the skeleton of a bundle of
     * a plainly named cluster (or lint refuses the file).
     */
    @Property(tries = 25)
    void noClusterNameCanAddACommandToTheBundledInstallSh(@ForAll("values") String name) throws IOException {
        Path dir = Files.createTempDirectory("launchc-install-sh");
        try {
            String plain = bundledInstallSh(dir, "plant-7");
            String script = bundledInstallSh(dir, name);
            Statistics.label("outcome").collect(script == null ? "refused by lint" : "bundled");
            if (script != null) {
                assertEquals(skeleton(plain), skeleton(script), () -> "install.sh changed outside its quotes and comments:\n" + script);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** install.sh from the bundle of a three-node cluster named {@code name}, or null when lint refuses it. */
    static String bundledInstallSh(Path dir, String name) throws IOException {
        PipelineFixtures.write(dir.resolve("token.txt"), "InstallShToken0123456789abcdefghijklmn\n");
        Path cluster = PipelineFixtures.write(dir.resolve("cluster.yaml"), PipelineFixtures.cluster(FuzzSupport.q(name)));
        CompileResult r = FuzzSupport.compile(cluster);
        if (r.status() == CompileResult.Status.REFUSED) {
            return null;
        }
        assertEquals(CompileResult.Status.COMPILED, r.status(), () -> FuzzSupport.findings(r));
        BundleContents.Entry script = BundleContents.of(r, BundleContents.Extras.of(CompilePipeline.images(r.lint(), r.track())))
                .get("install.sh");
        assertNotNull(script, "no install.sh in the bundle");
        return new String(script.bytes(), StandardCharsets.UTF_8);
    }

    static String render(String cluster, List<Node> nodes) {
        List<Map<String, Object>> models = new ArrayList<>();
        for (Node n : nodes) {
            models.add(Map.of("name", n.name(), "address", n.address(), "role", "worker"));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("cluster", cluster);
        model.put("track", "1.36");
        model.put("nodes", models);
        model.put("nodeList", String.join(", ", nodes.stream().map(Node::name).toList()));
        // The snap facts of a bundle without snaps (BundleContents.snapModel), from the 1.36 catalog entry.
        model.put("strict", false);
        model.put("confinement", "classic");
        model.put("channel", "1.36/stable");
        model.put("baseSnap", "core22");
        model.put("downloads", List.of("snap download snapd", "snap download core22",
                "snap download microk8s --channel=1.36/stable"));
        model.put("interfaces", List.of());
        model.put("snaps", List.of());
        return TemplateRenderer.render("install.sh.ftl", model);
    }

    /**
     * The script with every quoted word part and every comment replaced by a marker: a run of
     * single-quoted strings (no escapes inside), double-quoted strings (backslash escapes inside)
     * and backslash escapes outside quotes is one part, {@code Q}, however it was quoted; '#' at the
     * start of a word up to the end of the line is a comment. What remains is where commands are.
     */
    static String skeleton(String script) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '\\' && i + 1 < n && script.charAt(i + 1) != '\n') {
                while (i < n) {
                    c = script.charAt(i);
                    if (c == '\'') {
                        int end = script.indexOf('\'', i + 1);
                        if (end < 0) {
                            return out.append("<unterminated '>").toString();
                        }
                        i = end + 1;
                    } else if (c == '"') {
                        int j = i + 1;
                        while (j < n && script.charAt(j) != '"') {
                            j += script.charAt(j) == '\\' ? 2 : 1;
                        }
                        if (j >= n) {
                            return out.append("<unterminated \">").toString();
                        }
                        i = j + 1;
                    } else if (c == '\\' && i + 1 < n && script.charAt(i + 1) != '\n') {
                        i += 2;
                    } else {
                        break;
                    }
                }
                out.append('Q');
            } else if (c == '#' && (i == 0 || " \t\n;&|()".indexOf(script.charAt(i - 1)) >= 0)) {
                int end = script.indexOf('\n', i);
                out.append('#');
                i = end < 0 ? n : end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
