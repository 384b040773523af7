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
 * ShellValueRule (LC1029) on native configs. canonical/microk8s
 * microk8s-resources/wrappers/run-containerd-with-args reads args/containerd-env with
 * {@code set -a; . "${SNAP_DATA}/args/${app}-env"; set +a}, so each KEY=value line is bash, and
 * MicroK8s writes the value verbatim.
 */
class ShellValueRuleTest {
    private static final Set<Code> CODES = Set.of(Code.VALUE_BREAKS_SHELL);
    private static final String HINT = "use a plain value (no quotes, blanks, $(...), backticks, ; & | < > or #)";

    /** Realistic: a proxy password with '&', and a NO_PROXY list written with blanks after the commas. */
    @Test
    void proxyPasswordWithAmpersandAndAListWithBlanks() {
        List<Diagnostic> d = assertFindings("shell-value/proxy-with-credentials.yaml", CODES,
                at(Code.VALUE_BREAKS_SHELL, 3, 16, HINT), at(Code.VALUE_BREAKS_SHELL, 4, 13, HINT));
        assertTrue(d.get(0).message().contains("'&', which ends the assignment and starts a command"), d.get(0).message());
        assertTrue(d.get(1).message().contains("a blank, which ends the assignment"), d.get(1).message());
    }

    @Test
    void commandSubstitutionRunsAsRootWhenContainerdStarts() {
        List<Diagnostic> d = assertFindings("shell-value/command-substitution.yaml", CODES, at(Code.VALUE_BREAKS_SHELL, 3, 14, HINT));
        assertTrue(d.get(0).message().contains("a command substitution $(...)"), d.get(0).message());
    }

    /** $VAR and ${VAR} stay allowed: shipped env files extend PATH with $PATH:… (see ShellValueRule). */
    @Test
    void plainValuesAndVariableExpansion() {
        assertClean("shell-value/clean.yaml", Code.VALUE_BREAKS_SHELL);
    }
}
