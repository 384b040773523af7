package dev.launchc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Mode;
import dev.launchc.lint.FileLint;
import dev.launchc.pipeline.CompileResult;
import dev.launchc.pipeline.PipelineFixtures;
import dev.launchc.render.Escape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings of the fuzz targets and properties, fixed, each as the plain input that showed it.
 * The corpus keeps the raw fuzzer inputs as well (finding-* files under the Inputs directories),
 * but those replay only while the generators stay as they are; these do not depend on them.
 */
class FindingsRegressionTest {
    @TempDir
    Path tmp;

    /**
     * F1 (CompileFuzzTest; fixed in load/YamlLoader): {@code "\uD800"} in a double-quoted scalar
     * became a lone surrogate, written as '?' into args/kubelite-env. MicroK8s' yaml.v2 rejects any
     * surrogate escape, so lint now does too (LC0001), and compile writes nothing.
     */
    @Test
    void f1EscapedSurrogateIsASyntaxErrorNotAQuestionMark() {
        Path in = PipelineFixtures.write(tmp.resolve("c.yaml"), "version: 0.2.0\nextraKubeliteEnv:\n  IPv4_SUPPORT: \"\\uD800true\"\n");
        CompileResult r = FuzzSupport.compile(in);
        String findings = FuzzSupport.findings(r);
        assertEquals(CompileResult.Status.REFUSED, r.status(), findings);
        assertTrue(findings.contains("invalid Unicode character escape code \\uD800") && findings.contains("LC0001"), findings);
        assertNull(r.tree(), "something was compiled");
    }

    /**
     * F2 (EscapeFuzzTest; fixed in Escape.yamlComment): a control character stayed raw in a YAML
     * comment, and one such character makes the whole file unreadable. A cluster named with one
     * (lint accepts any metadata.name) gave seeds that could not be read back: compile failed on
     * its own output. Now the comment shows it as \\u0001 and every seed loads.
     */
    @Test
    void f2ControlCharacterInAClusterNameKeepsEverySeedReadable() {
        PipelineFixtures.write(tmp.resolve("token.txt"), "F2TokenF2TokenF2TokenF2TokenF2Token00\n");
        Path in = PipelineFixtures.write(tmp.resolve("c.yaml"), PipelineFixtures.cluster("\"edge\\x01\\u007f\\u0085x\""));
        CompileResult r = FuzzSupport.compile(in);
        assertEquals(CompileResult.Status.COMPILED, r.status(), () -> FuzzSupport.findings(r));
        String seed = FuzzSupport.file(r, "nodes/cp-1/seed/microk8s.yaml");
        assertTrue(seed.contains("# bootstrap node of cluster edge\\u0001\\u007F x\n"), seed);
        FileLint lint = FuzzSupport.lint("seed.yaml", seed, Mode.DEFAULT, FuzzSupport.NEWEST);
        assertFalse(lint.hasErrors(), lint.diagnostics()::toString);
        assertEquals("# a \\u0001 b \\uFFFE c", "# " + Escape.yamlComment("a \u0001 b \uFFFE c"));
    }

    /**
     * F3 (EscapeFuzzTest; fixed in Escape.shell): a NUL was single-quoted as if a shell word could
     * hold it; the shell cuts the word (or the script) there. shell() now refuses it; lint keeps
     * NUL out of every name and address that reaches install.sh.
     */
    @Test
    void f3ShellRefusesNul() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Escape.shell("node\0; rm -rf /"));
        assertEquals("a shell word cannot hold a NUL character", e.getMessage());
        assertEquals("'it'\\''s'", Escape.shell("it's"));
    }

    /**
     * F4 (EscapeFuzzTest; fixed in Escape.yamlQuoted and yamlBlock): U+FFFE and U+FFFF were written
     * raw into double-quoted scalars, which no YAML reader accepts. A service value holding one
     * (lint accepts it) gave seeds compile could not read back. Now they are escaped.
     */
    @Test
    void f4NonCharactersAreEscapedInSeeds() {
        assertEquals("\"a\\uFFFEb\\uFFFF\"", Escape.yamlQuoted("a\uFFFEb\uFFFF"));
        assertEquals("\"x\\uFFFF\\n\"", Escape.yamlBlock("x\uFFFF\n", "  "));
        PipelineFixtures.write(tmp.resolve("token.txt"), "F4TokenF4TokenF4TokenF4TokenF4Token00\n");
        Path in = PipelineFixtures.write(tmp.resolve("c.yaml"), PipelineFixtures.cluster("edge")
                .replace("  addons:", "  services:\n    containerd:\n      --log-level: \"debug\\uFFFE\"\n  addons:"));
        CompileResult r = FuzzSupport.compile(in);
        assertEquals(CompileResult.Status.COMPILED, r.status(), () -> FuzzSupport.findings(r));
        String seed = FuzzSupport.file(r, "nodes/cp-1/seed/microk8s.yaml");
        assertTrue(seed.contains("\"debug\\uFFFE\""), seed);
    }

    /**
     * F5 (SecretHygieneTest; fixed in lint/FileLint.redact): when one secret was the start of
     * another (a short persistentClusterToken that begins the join URL's token), redacting the
     * short one first cut the long one and showed its second half on the source line.
     */
    @Test
    void f5RedactionReplacesTheLongestSecretFirst() {
        String token = "Nat1veTokenInTheConfig0a1b2c3d4e5f6789";
        String text = "version: 0.2.0\npersistentClusterToken: " + token.substring(0, 20) + "\njoin:\n  url: 10.0.0.1:25000/"
                + token + "\n";
        FileLint lint = FuzzSupport.lint("t.yaml", text, Mode.DEFAULT, FuzzSupport.NEWEST);
        assertEquals("  url: 10.0.0.1:25000/<redacted>", lint.redact("  url: 10.0.0.1:25000/" + token));
        // What lint prints of it: cli's SecretHygieneTest.f5LintShowsNoPartOfTheLongerSecret.
    }
}
