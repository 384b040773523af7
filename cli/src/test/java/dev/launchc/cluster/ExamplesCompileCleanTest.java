package dev.launchc.cluster;

import static dev.launchc.cluster.ClusterCli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.cluster.ClusterPipeline.Run;
import dev.launchc.pipeline.PipelineFixtures;
import dev.launchc.golden.Golden;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * compile and bundle re-lint every derived seed, and must find nothing that lint did not: on every
 * shipped example (this repository's and the shared launch-config examples) compile, compile
 * --strict and bundle report exactly lint's warnings and errors, and where lint --strict passes they
 * pass too.
 */
class ExamplesCompileCleanTest {
    private static final Pattern FINDING = Pattern.compile("^\\S.*?:\\d+:\\d+: (warning|error): (.*) \\[(LC\\d{4})\\]$",
            Pattern.MULTILINE);

    @TempDir
    Path tmp;

    static Stream<Path> examples() throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (Path dir : List.of(Golden.SHARED.resolve("examples/launch-configs"), Golden.REPO.resolve("examples"))) {
            assertTrue(Files.isDirectory(dir), "examples must be at " + dir);
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
            }
        }
        return out.stream();
    }

    /** The warnings and errors in a run's output, as "code severity message", position left out. */
    static List<String> findings(Run r) {
        Matcher m = FINDING.matcher(r.all());
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(3) + " " + m.group(1) + " " + m.group(2));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void compileAndBundleFindNothingLintDidNot(Path example) {
        for (boolean strict : List.of(false, true)) {
            String[] mode = strict ? new String[] {"--strict"} : new String[0];
            Run lint = run(Stream.concat(Stream.concat(Stream.of("lint"), Stream.of(mode)), Stream.of(example.toString()))
                    .toArray(String[]::new));
            Run compile = run(Stream.concat(Stream.concat(Stream.of("compile"), Stream.of(mode)),
                    Stream.of("-o", tmp.resolve("out" + strict).toString(), example.toString())).toArray(String[]::new));
            assertEquals(findings(lint), findings(compile), () -> lint.describe() + "\n" + compile.describe());
            if (lint.code() == 0) {
                assertEquals(0, compile.code(), compile::describe);
            }
        }
        Run lint = run("lint", example.toString());
        Run bundle = run("bundle", "-o", tmp.resolve("b.tar.gz").toString(), example.toString());
        assertEquals(findings(lint), findings(bundle), () -> lint.describe() + "\n" + bundle.describe());
        if (lint.code() == 0) {
            assertEquals(0, bundle.code(), bundle::describe);
        }
    }

    /** The case: workers of a lint-clean HA cluster with a /16 service range got LC2002 and failed --strict. */
    @org.junit.jupiter.api.Test
    void workerSeedsOfAnHaClusterWithAWideServiceRangeCompileStrict() {
        PipelineFixtures.write(tmp.resolve("token.txt"), SeedPropertiesTest.TOKEN + "\n");
        Path cluster = tmp.resolve("cluster.yaml");
        try {
            Files.copy(PipelineFixtures.repo().resolve("compiler/src/test/resources/rules/cluster/network/ha-wide-service-range.yaml"),
                    cluster);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(0, run("lint", "--strict", cluster.toString()).code());
        Run strict = ClusterCli.compile(cluster, tmp.resolve("out"), "--strict");
        assertEquals(0, strict.code(), strict::describe);
        assertEquals(List.of(), findings(strict), strict::describe);
        Run bundle = run("bundle", "--strict", "-o", tmp.resolve("b.tar.gz").toString(), cluster.toString());
        assertEquals(0, bundle.code(), bundle::describe);
        assertEquals(List.of(), findings(bundle), bundle::describe);
    }
}
