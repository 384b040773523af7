package dev.launchc.rules;

import static dev.launchc.rules.RuleFixtures.assertClean;
import static dev.launchc.rules.RuleFixtures.assertFindings;
import static dev.launchc.rules.RuleFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigFileRuleTest {
    private static final Set<Code> CODES = Set.of(Code.BAD_CONFIG_FILE_NAME);
    private static final String HINT = "use a plain file name such as flannel-network-mgr-config";

    @Test
    void parentDirectory() {
        List<Diagnostic> d = assertFindings("config-file/parent-dir.yaml", CODES, at(Code.BAD_CONFIG_FILE_NAME, 3, 3, HINT));
        // pkg/k8sinit/apply.go tests strings.Contains("/", file), the arguments swapped: MicroK8s accepts it.
        assertTrue(d.get(0).message().contains("outside args/"), d.get(0).message());
        assertTrue(d.get(0).message().contains("--compat included"), d.get(0).message());
    }

    @Test
    void subdirectory() {
        List<Diagnostic> d = assertFindings("config-file/subdirectory.yaml", CODES, at(Code.BAD_CONFIG_FILE_NAME, 3, 3, HINT));
        assertTrue(d.get(0).message().contains("MicroK8s writes args/certs.d/docker.io/hosts.toml"), d.get(0).message());
    }

    @Test
    void folderThatDoesNotExistFailsOnTheNode() {
        // pkg/snap/snap.go WriteServiceArguments: os.WriteFile, which creates no folder.
        List<Diagnostic> d = assertFindings("config-file/missing-folder.yaml", CODES, at(Code.BAD_CONFIG_FILE_NAME, 3, 3, HINT));
        assertTrue(d.get(0).message().contains("args/sub/ does not exist"), d.get(0).message());
    }

    @Test
    void nameThatResolvesToArgsItself() {
        // Found by CompileFuzzTest: "sub/.." cleaned to args/ and the folder lookup then failed.
        // pkg/k8sinit/apply.go lets these names through (it refuses only "" and "/"), and
        // pkg/snap/snap.go WriteServiceArguments writes filepath.Join($SNAP_DATA, "args", name),
        // which cleans "sub/.." to args/ itself: os.WriteFile on a directory fails.
        List<Diagnostic> d = assertFindings("config-file/args-itself.yaml", CODES, at(Code.BAD_CONFIG_FILE_NAME, 3, 3, HINT));
        assertTrue(d.get(0).message().contains("resolves to args/ itself"), d.get(0).message());
        for (String name : List.of("/", "//", "./", "a/../", "a/b/../..")) {
            assertTrue(ConfigFileRule.slashProblem(name, Set.of()).contains("resolves to args/ itself"), name);
        }
    }

    @Test
    void dot() {
        assertFindings("config-file/dot.yaml", CODES, at(Code.BAD_CONFIG_FILE_NAME, 3, 3, HINT));
    }

    @Test
    void dotDot() {
        List<Diagnostic> d = assertFindings("config-file/dot-dot.yaml", CODES, at(Code.BAD_CONFIG_FILE_NAME, 3, 3, HINT));
        assertTrue(d.get(0).message().contains("names a directory"), d.get(0).message());
    }

    @Test
    void emptyName() {
        assertFindings("config-file/empty-name.yaml", CODES, at(Code.BAD_CONFIG_FILE_NAME, 3, 3, HINT));
    }

    @Test
    void backslash() {
        assertFindings("config-file/backslash.yaml", CODES, at(Code.BAD_CONFIG_FILE_NAME, 3, 3, HINT));
    }

    @Test
    void errorEvenInCompatMode() {
        assertEquals(Severity.ERROR, Code.BAD_CONFIG_FILE_NAME.severityIn(Mode.COMPAT));
    }

    @Test
    void clean() {
        assertClean("config-file/clean.yaml", Code.BAD_CONFIG_FILE_NAME);
    }
}
